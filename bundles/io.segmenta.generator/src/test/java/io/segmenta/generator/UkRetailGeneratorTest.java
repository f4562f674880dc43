package io.segmenta.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.source.ukretail.UkRetailSource;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UkRetailGeneratorTest {
    private final UkRetailGenerator generator = new UkRetailGenerator();

    @TempDir
    Path dir;

    private GeneratedSample generate(Path out, int customers, long lines, long seed, boolean dirt) {
        return generator.generate(out, new GeneratorRequest(customers, lines, seed, dirt), new RecordingContext());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        GeneratedSample a = generate(dir.resolve("a"), 300, 0, 7, true);
        GeneratedSample b = generate(dir.resolve("b"), 300, 0, 7, true);
        GeneratedSample c = generate(dir.resolve("c"), 300, 0, 8, true);
        assertArrayEquals(Files.readAllBytes(a.files().get(0)), Files.readAllBytes(b.files().get(0)));
        assertArrayEquals(Files.readAllBytes(a.plantedSegments()), Files.readAllBytes(b.plantedSegments()));
        assertEquals(a.counts(), b.counts());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.files().get(0)), Files.readAllBytes(c.files().get(0))));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.plantedSegments()),
                Files.readAllBytes(c.plantedSegments())));
    }

    @Test
    void writesTheExportsLayoutAndNoTemporaryFiles() throws IOException {
        GeneratedSample sample = generate(dir, 50, 0, 1, true);
        assertEquals(List.of(dir.resolve("online-retail.csv")), sample.files());
        assertEquals(dir.resolve("planted-segments.csv"), sample.plantedSegments());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
        List<String> lines = Files.readAllLines(sample.files().get(0), StandardCharsets.UTF_8);
        assertEquals("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", lines.get(0));
        assertEquals(sample.counts().get("lines"), lines.size() - 1L);
        // e.g. 536365,21212,PACK OF 12 RABBIT CAKE CASES,3,2011-03-07 11:42:00,0.55,12346.0,United Kingdom
        assertTrue(lines.get(1).matches("536365,[0-9]{5}[A-F]?,.+,[0-9]+,20(10|11)-[0-9]{2}-[0-9]{2} "
                + "[0-9]{2}:[0-9]{2}:00,[0-9]+\\.[0-9]{1,2},12346\\.0,[A-Za-z ]+"), lines.get(1));
        List<String> segments = Files.readAllLines(sample.plantedSegments(), StandardCharsets.UTF_8);
        assertEquals("customer_id,planted_segment", segments.get(0));
        assertEquals(51, segments.size());
        assertTrue(segments.get(1).matches("12346,(champion|loyal|bargain-hunter|one-timer|dormant)"), segments.get(1));
    }

    @Test
    void theUkRetailSourceReadsItAndCountsTheDirtAsGenerated() {
        GeneratedSample sample = generate(dir, 1_000, 0, 42, true);
        Map<String, Long> counts = sample.counts();
        assertTrue(counts.get("missing customer") > 0 && counts.get("cancellations") > 0
                && counts.get("zero price") > 0 && counts.get("duplicates") > 0, counts::toString);

        SourceData data = new UkRetailSource().read(sample.files().get(0), new RecordingContext());
        DataQuality q = data.quality();
        assertEquals(counts.get("lines"), q.rowsRead());
        Map<String, Long> rejected = new HashMap<>();
        for (Rejection r : q.rejections()) {
            rejected.put(r.reason(), r.count());
        }
        assertEquals(counts.get("missing customer"), rejected.get("missing CustomerID"));
        assertEquals(counts.get("cancellations"), rejected.get("cancelled invoice (InvoiceNo starts with C)"));
        assertEquals(0L, rejected.get("quantity <= 0"));
        assertEquals(counts.get("zero price"), rejected.get("unit price <= 0"));
        assertEquals(counts.get("lines") - counts.get("missing customer") - counts.get("cancellations")
                - counts.get("zero price"), q.rowsKept());
        assertEquals(counts.get("customers"), q.entityCounts().get("customers"));
        // every invoice but the cancellations keeps at least one line (guest invoices are dropped whole)
        assertTrue(q.entityCounts().get("orders") <= counts.get("invoices"));
    }

    @Test
    void withoutDirtEveryLineIsKept() {
        GeneratedSample sample = generate(dir, 200, 0, 3, false);
        assertEquals(0L, sample.counts().get("missing customer") + sample.counts().get("cancellations")
                + sample.counts().get("zero price") + sample.counts().get("duplicates"));
        DataQuality q = new UkRetailSource().read(sample.files().get(0), new RecordingContext()).quality();
        assertEquals(q.rowsRead(), q.rowsKept());
        assertEquals(sample.counts().get("lines"), q.rowsKept());
    }

    @Test
    void targetLinesScalesTheActivity() {
        GeneratedSample small = generate(dir.resolve("small"), 500, 20_000, 5, false);
        GeneratedSample large = generate(dir.resolve("large"), 500, 400_000, 5, false);
        long s = small.counts().get("lines");
        long l = large.counts().get("lines");
        assertTrue(s > 16_000 && s < 24_000, "about 20,000 lines: " + s);
        assertTrue(l > 360_000 && l < 440_000, "about 400,000 lines: " + l);
        long d = generate(dir.resolve("dirty"), 500, 400_000, 5, true).counts().get("lines");
        assertTrue(d > 360_000 && d < 440_000, "about 400,000 lines with the dirt: " + d);
    }

    @Test
    void reportsProgressEveryHundredThousandLines() {
        RecordingContext context = new RecordingContext();
        GeneratedSample sample = generator.generate(dir, new GeneratorRequest(500, 250_000, 5, false), context);
        long lines = sample.counts().get("lines");
        List<RecordingContext.Progress> expected = new ArrayList<>();
        for (long n = 100_000; n <= lines; n += 100_000) {
            expected.add(new RecordingContext.Progress(n, 250_000, "lines"));
        }
        expected.add(new RecordingContext.Progress(lines, lines, "lines"));
        assertEquals(expected, context.progress);
    }

    @Test
    void cancellingLeavesNoFile() throws IOException {
        RecordingContext context = new RecordingContext(Map.of(), 1);
        RunCancelledException e = assertThrows(RunCancelledException.class,
                () -> generator.generate(dir, new GeneratorRequest(500, 250_000, 5, false), context));
        assertEquals("cancelled: uk-retail sample after 100000 lines", e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void rejectsImpossibleRequests() throws IOException {
        assertEquals("customers: must be at least 1, got 0",
                assertThrows(SegmentaException.class, () -> generate(dir, 0, 0, 1, false)).getMessage());
        assertEquals("lines: must be 0 (as planted) or more, got -1",
                assertThrows(SegmentaException.class, () -> generate(dir, 1, -1, 1, false)).getMessage());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertTrue(assertThrows(SegmentaException.class, () -> generate(file, 1, 0, 1, false)).getMessage()
                .endsWith("is a file; the output must be a folder"));
    }

    /**
     * The planted segments are what the pipeline finds: uk-retail source, RFM, log1p and z-scores (as the
     * engine scales RFM), K-Means with k = the number of planted segments.
     */
    @Test
    void plantedSegmentsAreRecoveredByRfmAndKMeans() throws IOException {
        GeneratedSample sample = generate(dir, 2_000, 0, 11, false);
        SourceData data = new UkRetailSource().read(sample.files().get(0), new RecordingContext());
        double ari = Recovery.adjustedRandIndex(data, sample.plantedSegments(),
                UkRetailGenerator.SEGMENTS.size());
        System.out.println("uk-retail planted-segment recovery: adjusted Rand index " + ari);
        assertTrue(ari > 0.9, "adjusted Rand index " + ari);
    }
}
