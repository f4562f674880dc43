package io.segmenta.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.api.stage.StageKind;
import io.segmenta.testing.Fixtures;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReporterTest {
    private static final String CRLF = "\r\n";

    @TempDir
    Path dir;

    private final CsvReporter reporter = new CsvReporter();

    @Test
    void describesItself() {
        assertEquals("csv", reporter.name());
        assertEquals(StageKind.REPORTER, reporter.kind());
        assertTrue(reporter.options().isEmpty());
    }

    @Test
    void segmentsEndWithTheRecommendedActionWhenTheSegmentsHaveOne() throws IOException {
        reporter.report(Fixtures.withActions(Fixtures.threeCustomers(dir)), dir, new RecordingContext());
        List<String> lines = Files.readAllLines(dir.resolve("segments.csv"));
        assertTrue(lines.get(0).endsWith(",action"), lines.get(0));
        assertTrue(lines.get(1).endsWith(",Loyalty programme: reward <frequent> buyers"), lines.get(1));
        assertTrue(lines.get(2).endsWith(",Newsletter"), lines.get(2));
    }

    @Test
    void writesAssignments() throws IOException {
        reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext());
        assertEquals(String.join(CRLF,
                "customer_id,recency,frequency,monetary,country,segment_name,segment",
                "12346,325,1,77183.6,United Kingdom,\"Dormant, High-Value\",1",
                "12347,2,7,4310,\"Korea, Republic of\",High-Spending Regulars,0",
                "12348,75.5,4,1797.24,,\"Dormant, High-Value\",1") + CRLF, read("assignments.csv"));
    }

    @Test
    void writesSegments() throws IOException {
        reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext());
        assertEquals(String.join(CRLF,
                "segment,size,name,share_of_customers,share_of_revenue,mean_recency,median_recency,index_recency,"
                        + "mean_frequency,median_frequency,index_frequency,mean_monetary,median_monetary,"
                        + "index_monetary",
                // index: recency 2 / (402.5 / 3) x 100, frequency 7 / 4 x 100, monetary 4310 / (83290.84 / 3) x 100
                "0,1,High-Spending Regulars,0.333333,0.051746,2,2,1.490683,7,7,175,4310,4310,15.523916",
                "1,2,\"Dormant, High-Value\",0.666667,,200.25,200.25,149.254658,2.5,2.5,62.5,39490.42,39490.42,"
                        + "142.238042") + CRLF, read("segments.csv"));
    }

    /**
     * With a lifetime-value fit, segments.csv ends with each segment's mean expected purchases, mean P(alive),
     * total and mean CLV (Fixtures.lifetimeValue: segment 1 holds customers with CLV 100 and 20).
     */
    @Test
    void writesTheLifetimeValueOfEachSegmentLast() throws IOException {
        reporter.report(Fixtures.lifetimeValue(Fixtures.threeCustomers(dir)), dir, new RecordingContext());
        List<String> lines = List.of(read("segments.csv").split(CRLF));
        assertTrue(lines.get(0).endsWith(",clv_mean_expected_purchases,clv_mean_p_alive,clv_total,clv_mean"),
                lines.get(0));
        assertTrue(lines.get(1).endsWith(",6,0.9,900,900"), lines.get(1));
        assertTrue(lines.get(2).endsWith(",0.75,0.7,120,60"), lines.get(2));
    }

    @Test
    void writesSegmentCategories() throws IOException {
        reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext());
        assertEquals(String.join(CRLF,
                "segment,name,feature,level,share_in_segment,share_overall",
                "0,High-Spending Regulars,country,United Kingdom,0,0.333333",
                "0,High-Spending Regulars,country,\"Korea, Republic of\",1,0.333333",
                "0,High-Spending Regulars,country,(missing),0,0.333333",
                "1,\"Dormant, High-Value\",country,United Kingdom,0.5,0.333333",
                "1,\"Dormant, High-Value\",country,\"Korea, Republic of\",0,0.333333",
                "1,\"Dormant, High-Value\",country,(missing),0.5,0.333333") + CRLF, read("segment_categories.csv"));
    }

    @Test
    void withoutCategoricalFeaturesSegmentCategoriesHasOnlyItsHeader() throws IOException {
        reporter.report(Fixtures.fourCustomers(List.of()), dir, new RecordingContext());
        assertEquals("segment,name,feature,level,share_in_segment,share_overall" + CRLF,
                read("segment_categories.csv"));
    }

    @Test
    void writesSummary() throws IOException {
        reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext());
        assertEquals(String.join(CRLF,
                "key,value",
                "source,uk-retail",
                "input,data/online-retail.csv",
                "input files,data/online-retail.csv",
                "rows read,7",
                "rows kept,5",
                "dropped: missing CustomerID,2",
                "first transaction,2010-12-01 08:26:00",
                "last transaction,2011-12-09 12:50:00",
                "distinct customers in source,3",
                "distinct orders in source,4",
                "feature extractor,rfm",
                "customers,3",
                "features,recency; frequency; monetary; country",
                "algorithm,kmeans",
                "k,2",
                "seed,42",
                "runs,10",
                "max iterations,300",
                "option: snapshot,2011-12-10",
                "scaling: recency,\"log1p, z-score (mean 3.71, sd 1.31)\"",
                "scaling: frequency,\"z-score (mean 4, sd 3)\"",
                "scaling: monetary,\"log1p, z-score (mean 8.9, sd 1.5)\"",
                "inertia,3.141593",
                "silhouette,0.456789",
                "davies_bouldin,0.75",
                "calinski_harabasz,12.5",
                "time ms: source uk-retail,1234.568",
                "time ms: feature extractor rfm,2.5",
                "time ms: scaling,0.04",
                "time ms: algorithm kmeans,95",
                "time ms: metrics,12.346",
                "origin: csv,io.segmenta.report.csv 0.2.0.SNAPSHOT",
                "origin: kmeans,io.segmenta.cluster.kmeans 0.2.0.SNAPSHOT",
                "origin: rfm,io.segmenta.feature.rfm 0.2.0.SNAPSHOT",
                "origin: uk-retail,io.segmenta.source.ukretail 0.2.0.SNAPSHOT",
                "reporters,csv",
                "output folder," + dir) + CRLF, read("summary.csv"));
    }

    /** With a report context the summary dates the figures and names the currency, right after the source. */
    @Test
    void theSummaryHasTheRunDateTheSnapshotDateAndTheCurrency() throws IOException {
        reporter.report(Fixtures.withContext(Fixtures.threeCustomers(dir), Fixtures.ukContext()), dir,
                new RecordingContext());
        assertTrue(read("summary.csv").startsWith(String.join(CRLF, "key,value", "source,uk-retail",
                "run date,2026-12-07 21:50:00 UTC", "snapshot date,2011-12-10 00:00:00", "currency,GBP",
                "input,data/online-retail.csv")), read("summary.csv"));
    }

    @Test
    void returnsTheWrittenFilesAndLeavesNoTemporaryFiles() throws IOException {
        List<Path> written = reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext());
        assertEquals(List.of(dir.resolve("assignments.csv"), dir.resolve("segments.csv"),
                dir.resolve("segment_categories.csv"), dir.resolve("summary.csv"), dir.resolve("trends.csv")), written);
        assertEquals(List.of("assignments.csv", "segment_categories.csv", "segments.csv", "summary.csv", "trends.csv"),
                listing());
    }

    /**
     * The fixture's three customers: 12346 (segment 1) bought 77,183.60 in December 2010, 12347 (segment 0) 4,310
     * and 12348 (segment 1) 1,797.24 in December 2011; the eleven months between have no transaction.
     */
    @Test
    void writesTrendsPerSegmentAndMonthInLongFormat() throws IOException {
        reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext());
        List<String> lines = List.of(read("trends.csv").split(CRLF));
        assertEquals("segment,name,month,revenue,orders,active_customers", lines.get(0));
        assertEquals(1 + 2 * 13, lines.size(), "two segments x 13 months, 2010-12 to 2011-12");
        assertEquals("0,High-Spending Regulars,2010-12,0,0,0", lines.get(1));
        assertEquals("0,High-Spending Regulars,2011-01,0,0,0", lines.get(2));
        assertEquals("0,High-Spending Regulars,2011-12,4310,1,1", lines.get(13));
        assertEquals("1,\"Dormant, High-Value\",2010-12,77183.6,1,1", lines.get(14));
        assertEquals("1,\"Dormant, High-Value\",2011-12,1797.24,1,1", lines.get(26));
    }

    @Test
    void writesTheMovementWhenTheRunWasCompared() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir).withMovement(new SegmentMovement("old", "id", "",
                List.of("Lapsed", "High-Spending Regulars"), List.of("High-Spending Regulars", "Dormant, High-Value"),
                new long[][] {{0, 1}, {1, 0}}, new double[][] {{0, 77183.6}, {4310, 0}}, new long[] {0, 1},
                new double[] {0, 1797.24}, new long[] {2, 0}, new int[] {-1, 0}, List.of()));
        List<Path> written = reporter.report(r, dir, new RecordingContext());
        assertEquals(dir.resolve("movement.csv"), written.get(written.size() - 1));
        assertEquals(String.join(CRLF,
                "from_segment,from_name,to_segment,to_name,entities,revenue,stayed",
                "0,Lapsed,0,High-Spending Regulars,0,0,false",
                "0,Lapsed,1,\"Dormant, High-Value\",1,77183.6,false",
                "1,High-Spending Regulars,0,High-Spending Regulars,1,4310,true",
                "1,High-Spending Regulars,1,\"Dormant, High-Value\",0,0,false",
                "\"\",(new),0,High-Spending Regulars,0,0,false", // an empty first field is quoted (RFC 4180)
                "\"\",(new),1,\"Dormant, High-Value\",1,1797.24,false",
                "0,Lapsed,,(lost),2,0,false",
                "1,High-Spending Regulars,,(lost),0,0,false") + CRLF, read("movement.csv"));
    }

    @Test
    void outputsGetTheUsualPermissionsNotOwnerOnly() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "skipped: the file system has no POSIX permissions");
        Path reference = Files.createFile(dir.resolve("reference"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        Files.delete(reference);
        for (Path p : reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext())) {
            assertEquals(expected, Files.getPosixFilePermissions(p), p.toString());
        }
    }

    @Test
    void replacesEarlierOutputs() throws IOException {
        Files.writeString(dir.resolve("assignments.csv"), "old content that is longer than nothing");
        reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext());
        assertTrue(read("assignments.csv").startsWith("customer_id,"));
        assertEquals(List.of("assignments.csv", "segment_categories.csv", "segments.csv", "summary.csv", "trends.csv"),
                listing());
    }

    @Test
    void createsAMissingOutputFolder() throws IOException {
        Path nested = dir.resolve("out/uk");
        reporter.report(Fixtures.threeCustomers(nested), nested, new RecordingContext());
        assertTrue(Files.isRegularFile(nested.resolve("summary.csv")));
    }

    @Test
    void aFileWhereTheOutputFolderShouldBeIsAUserError() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "not a folder");
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> reporter.report(Fixtures.threeCustomers(file), file, new RecordingContext()));
        assertEquals("cannot write CSV report to " + file + ": it is a file, not a folder", e.getMessage());
        assertEquals(List.of("out"), listing());
    }

    @Test
    void aFolderInTheWayFailsBeforeAnythingIsWritten() throws IOException {
        Files.createDirectory(dir.resolve("summary.csv"));
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext()));
        assertEquals("cannot write " + dir.resolve("summary.csv") + ": a folder of that name is in the way",
                e.getMessage());
        assertEquals(List.of("summary.csv"), listing());
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFiles() throws IOException {
        // the folder appears after the temporary files are written (the reporter asks isCancelled() then),
        // so the check up front passes and the move itself fails
        Runnable race = () -> {
            try {
                Files.createDirectory(dir.resolve("summary.csv"));
                Files.writeString(dir.resolve("summary.csv").resolve("keep"), "x");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext().onCancelCheck(race)));
        assertTrue(e.getMessage().startsWith("cannot write CSV report to " + dir + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        List<String> files = listing();
        assertTrue(files.stream().noneMatch(f -> f.endsWith(".tmp")), files.toString());
        // the files moved before the failure are complete, never half-written
        assertTrue(read("assignments.csv").endsWith("12348,75.5,4,1797.24,,\"Dormant, High-Value\",1" + CRLF));
    }

    @Test
    void aCancelledRunWritesNothing() throws IOException {
        RunCancelledException e = assertThrows(RunCancelledException.class,
                () -> reporter.report(Fixtures.threeCustomers(dir), dir, RecordingContext.cancelled()));
        assertEquals("cancelled: the CSV report was not written to " + dir, e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void aModelThatDoesNotMatchTheFeaturesIsABugAndWritesNothing() throws IOException {
        PipelineResult good = Fixtures.threeCustomers(dir);
        PipelineResult bad = Fixtures.result(good.spec(), good.source(), good.features(), good.scaled(),
                good.scaling(), new Fixtures.FakeModel(new int[] {0, 1}, 2, 1.5), good.quality(), good.segments(),
                good.timings(), good.stageVersions(), good.outputs());
        assertThrows(IllegalStateException.class, () -> reporter.report(bad, dir, new RecordingContext()));
        assertEquals(List.of(), listing());
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The same result with the source's duplicate rows counted (the fixtures leave them NOT_COUNTED). */
    static PipelineResult withDuplicates(PipelineResult r, long duplicates) {
        DataQuality q = r.source().quality();
        DataQuality counted = new DataQuality(q.source(), q.inputs(), q.rowsRead(), q.rowsKept(), q.rejections(),
                q.firstTimestamp(), q.lastTimestamp(), q.entityCounts(), duplicates);
        return Fixtures.result(r.spec(), new SourceData(r.source().transactions(), counted), r.features(),
                r.scaled(), r.scaling(), r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(),
                r.outputs());
    }

    @Test
    void writesTheDuplicateRowsAfterTheDroppedOnesWhenCounted() throws IOException {
        reporter.report(withDuplicates(Fixtures.threeCustomers(dir), 1), dir, new RecordingContext());
        String summary = read("summary.csv");
        assertTrue(summary.contains(String.join(CRLF, "dropped: missing CustomerID,2", "duplicate rows,1",
                "first transaction,")), summary);
        // and not at all when the source does not count them
        reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext());
        assertFalse(read("summary.csv").contains("duplicate rows"));
    }
}
