package io.segmenta.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.StageKind;
import io.segmenta.testing.Fixtures;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook is read back with fastexcel-reader (and, for the layout, as the sheet XML in the zip). */
class XlsxReporterTest {
    @TempDir
    Path dir;

    private final XlsxReporter reporter = new XlsxReporter();

    /** The three-customer fixture, as if k had been chosen from 2..4 (recommended 2, elbow at 3). */
    private static PipelineResult withSelection(PipelineResult r) {
        KSelection selection = new KSelection(r.spec(), List.of(
                new KCandidate(2, 900.0, 0.41, 0.95, 1200.0, 3_000_000L),
                new KCandidate(3, 500.0, 0.45, 0.80, 1500.0, 4_000_000L),
                new KCandidate(4, 420.0, Double.NaN, 0.90, 1400.0, 5_000_000L)),
                3, 2, "k = 2: because it is the test", 3, 3);
        return Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(), r.model(), r.quality(),
                r.segments(), r.timings(), r.stageVersions(), r.outputs(), Optional.of(selection));
    }

    private Path write(XlsxReporter with, PipelineResult result) {
        List<Path> files = with.report(result, dir, new RecordingContext());
        assertEquals(List.of(dir.resolve("segments.xlsx")), files);
        return files.get(0);
    }

    /** Every sheet's rows by sheet name, in workbook order. */
    private static Map<String, List<Row>> read(Path file) throws IOException {
        Map<String, List<Row>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            for (org.dhatim.fastexcel.reader.Sheet s : wb.getSheets().toList()) {
                sheets.put(s.getName(), s.read());
            }
        }
        return sheets;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            texts.add(row.getCellText(c));
        }
        return texts;
    }

    private static double number(Row row, int c) {
        Cell cell = row.getCell(c);
        assertEquals(CellType.NUMBER, cell.getType(), "cell " + cell.getAddress() + " is a number");
        return cell.asNumber().doubleValue();
    }

    private static String text(Row row, int c) {
        Cell cell = row.getCell(c);
        assertEquals(CellType.STRING, cell.getType(), "cell " + cell.getAddress() + " is text");
        return cell.asString();
    }

    private static boolean empty(Row row, int c) {
        return !row.hasCell(c) || row.getCell(c) == null || row.getCell(c).getType() == CellType.EMPTY;
    }

    /** The overview row whose item is {@code item}. */
    private static Row item(List<Row> overview, String item) {
        return overview.stream().filter(r -> item.equals(r.getCellText(1))).findFirst()
                .orElseThrow(() -> new AssertionError("no overview item " + item));
    }

    private static String entry(Path xlsx, String name) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry e = zip.getEntry(name);
            assertTrue(e != null, "no " + name + " in the workbook");
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void describesItself() {
        assertEquals("xlsx", reporter.name());
        assertEquals(StageKind.REPORTER, reporter.kind());
    }

    /**
     * With a lifetime-value fit, a "Lifetime value" sheet before the assignments: per segment the CLV figures
     * (Fixtures.lifetimeValue: segment 1 holds customers with CLV 100 and 20, so total 120, mean 60), then the
     * parameters with their standard errors (n/a where there is none), the caveat, the figures and the holdout table.
     */
    @Test
    void aLifetimeValueFitGetsItsOwnSheet() throws IOException {
        Map<String, List<Row>> sheets = read(write(reporter, Fixtures.lifetimeValue(Fixtures.threeCustomers(dir))));
        assertEquals(List.of("Overview", "Segments", "Lifetime value", "Assignments"), List.copyOf(sheets.keySet()));
        List<Row> rows = sheets.get("Lifetime value");
        assertEquals(List.of("segment", "name", "customers", "mean expected purchases", "mean P(alive)", "total CLV",
                "mean CLV"), texts(rows.get(0)));
        assertEquals("Rest", text(rows.get(2), 1));
        assertEquals(2, number(rows.get(2), 2));
        assertEquals(0.75, number(rows.get(2), 3), 1e-12);
        assertEquals(0.7, number(rows.get(2), 4), 1e-12);
        assertEquals(120, number(rows.get(2), 5), 1e-9);
        assertEquals(60, number(rows.get(2), 6), 1e-9);
        assertEquals(900, number(rows.get(1), 5), 1e-9);
        List<List<String>> all = rows.stream().map(XlsxReporterTest::texts).toList();
        int parameters = all.indexOf(List.of("model", "parameter", "estimate", "std. error"));
        assertTrue(parameters > 2, all.toString());
        assertEquals(0.2426, number(rows.get(parameters + 1), 2), 1e-12);
        assertEquals(0.0126, number(rows.get(parameters + 1), 3), 1e-12);
        assertEquals("n/a", text(rows.get(parameters + 2), 3));
        assertTrue(all.contains(List.of("caution", Fixtures.CAVEAT)), all.toString());
        int figures = all.indexOf(List.of("figure", "value"));
        assertEquals("holdout actual", text(rows.get(figures + 1), 0));
        assertEquals(1882, number(rows.get(figures + 1), 1));
        int holdout = all.indexOf(List.of("", "customers", "actual", "predicted"));
        assertTrue(holdout > parameters, all.toString());
        assertEquals("7+", text(rows.get(holdout + 8), 0));
        assertEquals(6.53, number(rows.get(holdout + 8), 3), 1e-12);
    }

    @Test
    void theActionsSheetHasEachSegmentsActionAndWhy() throws IOException {
        Map<String, List<Row>> sheets = read(write(reporter, Fixtures.withActions(Fixtures.fourCustomers(List.of()))));
        assertEquals(List.of("Overview", "Segments", "Actions", "Assignments"), List.copyOf(sheets.keySet()));
        List<Row> rows = sheets.get("Actions");
        assertEquals(List.of("segment", "name", "recommended action", "why"), texts(rows.get(0)));
        assertEquals(0, number(rows.get(1), 0), 0);
        assertEquals(Fixtures.ACTION, text(rows.get(1), 2));
        assertEquals("frequency index 250 >= 150 (rules.txt line 3)", text(rows.get(1), 3));
        assertEquals("Newsletter", text(rows.get(2), 2));
    }

    @Test
    void theSheetsInOrderOnlyThoseTheRunHasDataFor() throws IOException {
        assertEquals(List.of("Overview", "Segments", "Categories", "Choosing k", "Assignments"),
                List.copyOf(read(write(reporter, withSelection(Fixtures.threeCustomers(dir)))).keySet()));
        // no categorical feature, k given
        assertEquals(List.of("Overview", "Segments", "Assignments"),
                List.copyOf(read(write(reporter, Fixtures.fourCustomers(List.of()))).keySet()));
    }

    @Test
    void assignmentsHoldOneTypedRowPerCustomer() throws IOException {
        List<Row> rows = read(write(reporter, Fixtures.threeCustomers(dir))).get("Assignments");
        assertEquals(List.of("customer id", "segment", "segment name", "recency", "frequency", "monetary", "country"),
                texts(rows.get(0)));
        assertEquals(1 + 3, rows.size(), "the header and one row per customer");
        Row first = rows.get(1);
        assertEquals("12346", text(first, 0), "ids stay text (leading zeros, long numbers)");
        assertEquals(1, number(first, 1));
        assertEquals("1", first.getCell(1).getRawValue(), "the segment is stored as an integer, not 1.0");
        assertEquals("#,##0", first.getCell(1).getDataFormatString(), "the segment has an integer format");
        assertEquals("Dormant, High-Value", text(first, 2));
        assertEquals(325, number(first, 3));
        assertEquals(1, number(first, 4));
        assertEquals(77183.6, number(first, 5));
        assertEquals("#,##0.00", first.getCell(5).getDataFormatString(), "the value column is money");
        assertEquals(null, first.getCell(3).getDataFormatString(), "recency: days, in the general format");
        assertEquals("United Kingdom", text(first, 6));
        assertEquals("High-Spending Regulars", text(rows.get(2), 2));
        assertEquals(4310.000000000001, number(rows.get(2), 5), "the full double, as computed");
        assertEquals(75.5, number(rows.get(3), 3));
        assertTrue(empty(rows.get(3), 6), "a missing level is an empty cell");
    }

    @Test
    void segmentsHoldProfilesSharesIndexAndTopLevels() throws IOException {
        List<Row> rows = read(write(reporter, Fixtures.threeCustomers(dir))).get("Segments");
        assertEquals(List.of("segment", "name", "size", "share of customers", "share of value", "mean recency",
                "median recency", "index recency", "mean frequency", "median frequency", "index frequency",
                "mean monetary", "median monetary", "index monetary", "top country", "share of top country"),
                texts(rows.get(0)));
        Row second = rows.get(2);
        assertEquals(1, number(second, 0));
        assertEquals("Dormant, High-Value", text(second, 1));
        assertEquals(2, number(second, 2));
        assertEquals(2.0 / 3, number(second, 3), 1e-15);
        assertEquals("0.0%", second.getCell(3).getDataFormatString());
        assertTrue(empty(second, 4), "an unknown share of value is empty, not NaN");
        assertEquals(39490.42, number(second, 11));
        assertEquals(39490.42 / (83290.84 / 3) * 100, number(second, 13), 1e-9);
        assertEquals("United Kingdom", text(second, 14));
        assertEquals(0.5, number(second, 15));
        assertEquals("Korea, Republic of", text(rows.get(1), 14));
        // the population, below the table after an empty row
        Row all = rows.stream().filter(r -> "all customers".equals(r.getCellText(1))).findFirst().orElseThrow();
        assertEquals(3, number(all, 2));
        assertEquals(83290.84 / 3, number(all, 11), 1e-9);
        assertEquals(100, number(all, 13));
    }

    @Test
    void categoriesHoldEveryLevelPerSegment() throws IOException {
        List<Row> rows = read(write(reporter, Fixtures.threeCustomers(dir))).get("Categories");
        assertEquals(List.of("segment", "name", "feature", "level", "share in segment", "share of all customers",
                "index"), texts(rows.get(0)));
        assertEquals(1 + 2 * 3, rows.size(), "two segments, three levels (missing included)");
        Row korea = rows.get(2);
        assertEquals(0, number(korea, 0));
        assertEquals("Korea, Republic of", text(korea, 3));
        assertEquals(1, number(korea, 4));
        assertEquals(1.0 / 3, number(korea, 5), 1e-15);
        assertEquals(300, number(korea, 6), 1e-9);
    }

    @Test
    void aCustomerTableShowsNoOrdersButItsValueFeaturesTotal() throws IOException {
        PipelineResult table = Fixtures.customerTable(Fixtures.threeCustomers(dir));
        List<Row> o = read(write(reporter, table)).get("Overview");
        assertEquals("none: a customer table", text(item(o, "transactions"), 2));
        String value = table.features().valueColumn();
        assertEquals(java.util.Arrays.stream(table.features().value().orElseThrow().values()).sum(),
                number(item(o, "total " + value), 2), 1e-9);
        assertTrue(o.stream().map(r -> r.getCellText(1)).noneMatch(t -> t.contains("order")),
                "no order figures for a customer table");
    }

    @Test
    void aRunOnHandedOverFeaturesShowsTheBusinessFiguresItWasGivenWithoutTransactions() throws IOException {
        PipelineResult handedOver = Fixtures.handedOver(Fixtures.threeCustomers(dir), Fixtures.twoRegions());
        List<Row> o = read(write(reporter, handedOver)).get("Overview");
        assertEquals(7, number(item(o, "rows read"), 2), "the data-quality account handed over");
        assertEquals(40, number(item(o, "orders"), 2));
        assertEquals(1000, number(item(o, "total amount"), 2), 0);
        assertEquals(25, number(item(o, "average order value"), 2), 0);
        Row uk = item(o, "amount of region United Kingdom");
        assertEquals(700, number(uk, 2), 0);
        assertEquals(0.7, number(uk, 3), 1e-15);
        assertEquals("5 rows; top 1 of 2 by amount", text(uk, 4));
        assertEquals("2 rows; top 2 of 2 by amount", text(item(o, "amount of region Korea"), 4));
    }

    @Test
    void theOverviewHoldsDataQualityBusinessFiguresAndRunDetails() throws IOException {
        List<Row> o = read(write(reporter, Fixtures.threeCustomers(dir))).get("Overview");
        assertEquals(List.of("section", "item", "value", "share", "detail"), texts(o.get(0)));
        assertEquals(7, number(item(o, "rows read"), 2));
        assertEquals(5, number(item(o, "rows kept"), 2));
        Row rejected = item(o, "rejected: missing CustomerID");
        assertEquals("data quality", text(rejected, 0));
        assertEquals(2, number(rejected, 2));
        assertEquals(2.0 / 7, number(rejected, 3), 1e-15);
        assertEquals("data/online-retail.csv, first lines 3, 6", text(rejected, 4));
        assertEquals(LocalDateTime.of(2010, 12, 1, 8, 26), item(o, "first transaction").getCell(2).asDate());
        assertEquals("yyyy-mm-dd hh:mm:ss", item(o, "first transaction").getCell(2).getDataFormatString());
        assertEquals(3, number(item(o, "customers"), 2));
        assertEquals(3, number(item(o, "orders"), 2));
        assertEquals(77183.6 + 4310 + 1797.24, number(item(o, "total amount"), 2), 1e-9);
        assertEquals((77183.6 + 4310 + 1797.24) / 3, number(item(o, "average order value"), 2), 1e-9);
        assertEquals("monetary", text(item(o, "value feature (for shares of value)"), 2));
        assertEquals(0.4567891, number(item(o, "silhouette (-1 to 1, higher is better)"), 2));
        assertEquals(2, number(item(o, "k"), 2));
        assertEquals(42, number(item(o, "seed"), 2));
        assertEquals("2011-12-10", text(item(o, "option snapshot"), 2));
        assertEquals("io.segmenta.feature.rfm 0.2.0.SNAPSHOT", text(item(o, "stage rfm"), 2));
        assertEquals("z-score (mean 4, sd 3)", text(item(o, "scaling of frequency"), 2));
        assertEquals(1234.567891, number(item(o, "time (ms): source uk-retail"), 2), 1e-9);
        assertFalse(o.stream().anyMatch(r -> "duplicate rows (kept)".equals(r.getCellText(1))), "not counted");
    }

    @Test
    void choosingKListsEveryKAndMarksTheRecommendationAndTheElbow() throws IOException {
        Path file = write(reporter, withSelection(Fixtures.threeCustomers(dir)));
        List<Row> rows = read(file).get("Choosing k");
        assertEquals(List.of("k", "cost", "silhouette", "Davies-Bouldin", "Calinski-Harabasz", "time (ms)", "marked"),
                texts(rows.get(0)));
        assertEquals(2, number(rows.get(1), 0));
        assertEquals(900, number(rows.get(1), 1));
        assertEquals(0.41, number(rows.get(1), 2));
        assertEquals(3, number(rows.get(1), 5));
        assertEquals("recommended", text(rows.get(1), 6));
        assertEquals("elbow", text(rows.get(2), 6));
        assertTrue(empty(rows.get(3), 2), "an undefined silhouette is empty");
        assertTrue(empty(rows.get(3), 6));
        Row why = rows.stream().filter(r -> "why".equals(r.getCellText(0))).findFirst().orElseThrow();
        assertEquals("k = 2: because it is the test", text(why, 1));
        assertTrue(entry(file, "xl/worksheets/sheet4.xml").contains("<autoFilter ref=\"A1:G4\">"),
                "the filter covers the table, not the notes below it");
    }

    @Test
    void choosingKShowsTheStabilityOfEachKAndTheRunnerUp() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir);
        KSelection selection = new KSelection(r.spec(), List.of(
                new KCandidate(2, 900.0, 0.41, 0.95, 1200.0, 3_000_000L, 0.99),
                new KCandidate(3, 500.0, 0.45, 0.80, 1500.0, 4_000_000L, 0.85)),
                0, 3, "k = 3: stable. Runner-up: k = 2.", 3, 3, 2, 3);
        Path file = write(reporter, Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(),
                r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs(),
                Optional.of(selection)));
        List<Row> rows = read(file).get("Choosing k");
        assertEquals(List.of("k", "cost", "silhouette", "Davies-Bouldin", "Calinski-Harabasz", "time (ms)", "marked",
                "stability"), texts(rows.get(0)));
        assertEquals("runner-up", text(rows.get(1), 6));
        assertEquals(0.99, number(rows.get(1), 7));
        Row runnerUp = rows.stream().filter(row -> "runner-up k".equals(row.getCellText(0))).findFirst().orElseThrow();
        assertEquals(2, number(runnerUp, 1));
    }

    @Test
    void headersAreBoldAndFrozenColumnsSizedAndTablesFiltered() throws IOException {
        Path file = write(reporter, Fixtures.threeCustomers(dir));
        String assignments = entry(file, "xl/worksheets/sheet4.xml");
        assertTrue(assignments.contains("xSplit=\"1\" ySplit=\"1\"") && assignments.contains("state=\"frozen\""),
                "header row and id column frozen");
        assertTrue(assignments.contains("<autoFilter ref=\"A1:G4\">"), assignments);
        assertTrue(assignments.contains("<col min=\"1\" max=\"1\" width=\""), "explicit column widths");
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            assertEquals("Overview", wb.getFirstSheet().getName());
        }
        String styles = entry(file, "xl/styles.xml");
        assertTrue(styles.contains("<b/>") || styles.contains("<b val=\"true\"/>"), "a bold font for the headers");
    }

    /** The Excel limit, scaled down: with 2 rows a sheet, 3 customers continue on a second sheet with the header. */
    @Test
    void assignmentsBeyondTheRowsOfASheetContinueOnTheNextSheet() throws IOException {
        Map<String, List<Row>> sheets = read(write(new XlsxReporter(2), Fixtures.threeCustomers(dir)));
        assertEquals(List.of("Overview", "Segments", "Categories", "Assignments", "Assignments 2"),
                List.copyOf(sheets.keySet()));
        List<Row> first = sheets.get("Assignments");
        List<Row> second = sheets.get("Assignments 2");
        assertEquals(3, first.size());
        assertEquals(2, second.size());
        assertEquals(texts(first.get(0)), texts(second.get(0)), "each sheet has the header");
        assertEquals(List.of("12346", "12347", "12348"), List.of(text(first.get(1), 0), text(first.get(2), 0),
                text(second.get(1), 0)));
        assertThrows(IllegalArgumentException.class, () -> new XlsxReporter(XlsxReporter.EXCEL_ROWS));
        assertEquals(XlsxReporter.EXCEL_ROWS, org.dhatim.fastexcel.Worksheet.MAX_ROWS, "Excel's limit, as fastexcel has it");
    }

    /** More rows than one chunk: the rows written out while the sheet is filled are all there, once, in order. */
    @Test
    void manyCustomersAreWrittenInChunksWithoutLosingOrRepeatingARow() throws IOException {
        int n = 2 * WorkbookWriter.CHUNK + 5;
        PipelineResult base = Fixtures.twoCustomers(Fixtures.fourCustomers(List.of()).spec());
        List<String> ids = new ArrayList<>();
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
            monetary[i] = i + 0.5;
        }
        FeatureMatrix features = new FeatureMatrix(EntityKind.CUSTOMER, ids,
                List.of(new NumericColumn("monetary", monetary)), List.of(), "monetary");
        PipelineResult big = Fixtures.result(base.spec(), base.source(), features, features, Map.of(),
                new Fixtures.FakeModel(new int[n], 1, 0), base.quality(),
                List.of(new SegmentProfile(0, "All", n, 1, 1, List.of("monetary"), new double[] {n / 2.0},
                        new double[] {n / 2.0}, new double[] {n / 2.0}, List.of())),
                base.timings(), Map.of(), List.of());
        RecordingContext context = new RecordingContext();
        reporter.report(big, dir, context);
        List<Row> rows = read(dir.resolve("segments.xlsx")).get("Assignments");
        assertEquals(n + 1, rows.size());
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i + 1);
            assertEquals(i + 1, row.getRowNum() - 1, "row numbers in order");
            assertEquals("c" + i, text(row, 0));
            assertEquals(new BigDecimal(Double.toString(i + 0.5)), row.getCell(3).asNumber());
        }
        assertEquals(List.of(new RecordingContext.Progress(WorkbookWriter.CHUNK, n, "customers"),
                new RecordingContext.Progress(2L * WorkbookWriter.CHUNK, n, "customers"),
                new RecordingContext.Progress(n, n, "customers")), context.progress);
    }

    @Test
    void aRunCancelledWhileWritingLeavesTheEarlierWorkbookAndNoTemporaryFile() throws IOException {
        Path earlier = Files.writeString(dir.resolve("segments.xlsx"), "the workbook of an earlier run");
        // cancelled at the first progress call, in the middle of the assignments
        RecordingContext cancelled = new RecordingContext(Map.of(), 1);
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> reporter.report(Fixtures.threeCustomers(dir), dir, cancelled));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertEquals("the workbook of an earlier run", Files.readString(earlier));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(earlier), files.toList());
        }
    }

    @Test
    void aFailureWhileWritingLeavesNoFile() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir);
        // a segment profiled on other features than the rest: found on the second sheet, after the first is written
        List<SegmentProfile> segments = List.of(r.segments().get(0), new SegmentProfile(1, "Odd", 2, 2.0 / 3, 0.5,
                List.of("recency"), new double[] {1}, new double[] {1}, new double[] {1}, List.of()));
        PipelineResult broken = Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(),
                r.model(), r.quality(), segments, r.timings(), r.stageVersions(), r.outputs());
        assertThrows(IllegalStateException.class, () -> reporter.report(broken, dir, new RecordingContext()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /**
     * With a report context the overview dates the figures (run date, snapshot date as date cells), names the
     * currency, formats amounts with it and calls the region what the source calls it.
     */
    @Test
    void theOverviewDatesTheFiguresAndAmountsCarryTheCurrency() throws IOException {
        PipelineResult uk = Fixtures.withContext(Fixtures.handedOver(Fixtures.threeCustomers(dir),
                Fixtures.twoRegions()), Fixtures.ukContext());
        List<Row> overview = read(write(reporter, uk)).get(WorkbookWriter.OVERVIEW);
        assertEquals("GBP", text(item(overview, "currency"), 2));
        assertEquals(java.time.LocalDateTime.of(2011, 12, 10, 0, 0), item(overview,
                "snapshot date (recency is measured to it)").getCell(2).asDate());
        assertEquals(java.time.LocalDateTime.of(2026, 12, 7, 21, 50), item(overview, "run date (UTC)").getCell(2)
                .asDate());
        Row total = item(overview, "total amount");
        assertEquals(1000, number(total, 2), 1e-9);
        assertEquals("#,##0.00\\ \\G\\B\\P", total.getCell(2).getDataFormatString(), "shown as 1,000.00 GBP");
        assertEquals(700, number(item(overview, "amount of country United Kingdom"), 2), 1e-9);
        // a segment number is an integer cell in an integer format, an amount a number with two decimals
        Row first = read(write(reporter, uk)).get(WorkbookWriter.ASSIGNMENTS).get(1);
        assertEquals("#,##0", first.getCell(1).getDataFormatString());
    }

    @Test
    void aFolderInTheWayIsAUserError() throws IOException {
        Files.createDirectories(dir.resolve("segments.xlsx"));
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext()));
        assertEquals("cannot write the Excel workbook " + dir.resolve("segments.xlsx")
                + ": a folder of that name is in the way", e.getMessage());
    }

    @Test
    void nothingButTheWorkbookIsLeftAndItIsAZipOfTheOfficeFormat() throws IOException {
        Path file = write(reporter, Fixtures.threeCustomers(dir));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(4, in.read(head));
        }
        assertArrayEquals(new byte[] {'P', 'K', 3, 4}, head);
        assertTrue(entry(file, "[Content_Types].xml").contains("spreadsheetml"));
    }
}
