package io.segmenta.source.ukretail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.InputDataException;
import io.segmenta.api.RunCancelledException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import io.segmenta.table.input.SourceEncoding;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UkRetailSourceTest {
    private static final String HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /** Rows in the generated file of the progress and cancellation tests: two progress steps. */
    private static final int MANY_ROWS = 2 * UkRetailSource.PROGRESS_EVERY;

    @TempDir
    static Path shared;
    private static Path many;

    @TempDir
    Path tmp;

    private final UkRetailSource source = new UkRetailSource();

    @BeforeAll
    static void writeManyRows() throws IOException {
        many = shared.resolve("many.csv");
        try (Writer w = Files.newBufferedWriter(many, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < MANY_ROWS; i++) {
                w.write("5" + (i / 4) + ",P" + (i % 50) + ",X,1,2011-01-01 10:00:00,1.5," + (20000 + i % 300)
                        + ",United Kingdom\n");
            }
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(UkRetailSourceTest.class.getResource("/ukretail/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private SourceData read(Path file) {
        return source.read(file, new RecordingContext());
    }

    /** Reads with max-malformed=0: the first malformed row stops the read. */
    private SourceData strict(Path file) {
        return source.read(file, new RecordingContext(Map.of("max-malformed", "0"), Integer.MAX_VALUE));
    }

    /** A file with the header and {@code good} valid rows, each of another invoice, then the extra lines. */
    private Path rowsAnd(String name, int good, String... extra) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < good; i++) {
            sb.append(600000 + i).append(",P").append(i % 7).append(",X,2,2011-01-01 10:00:00,1.5,")
                    .append(20000 + i % 5).append(",United Kingdom\n");
        }
        for (String line : extra) {
            sb.append(line).append('\n');
        }
        return Files.writeString(tmp.resolve(name), sb.toString());
    }

    private static long seconds(int y, int mo, int d, int h, int mi, int s) {
        return TimestampColumn.toEpochSeconds(LocalDateTime.of(y, mo, d, h, mi, s));
    }

    private static Rejection rejection(DataQuality q, String reason) {
        return q.rejections().stream().filter(r -> r.reason().equals(reason)).findFirst()
                .orElseThrow(() -> new AssertionError("no rejection reason " + reason + " in " + q.rejections()));
    }

    @Test
    void isASourceNamedUkRetail() {
        assertEquals("uk-retail", source.name());
        assertEquals(StageKind.SOURCE, source.kind());
        assertEquals(List.of("max-malformed", "encoding"), source.options().stream().map(o -> o.name()).toList());
        assertEquals("5%", source.options().get(0).defaultValue());
        assertFalse(source.description().isBlank());
    }

    @Test
    void isFoundByServiceLoader() {
        // bnd writes META-INF/services into target/classes, so the class path finds it as the module path would.
        List<String> names = ServiceLoader.load(DataSource.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("uk-retail"), names.toString());
    }

    @Test
    void readsNormalRowsIntoTheCanonicalColumns() {
        Path file = resource("normal.csv");
        SourceData data = read(file);
        TransactionTable t = data.transactions();
        assertEquals(6, t.rowCount());
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "unit_price", "product", "region"),
                List.copyOf(t.columns().keySet()));

        CategoricalColumn customer = t.customer();
        assertEquals("17850", customer.value(0));
        assertEquals("17850", customer.value(1));
        assertEquals(customer.code(0), customer.code(1));
        assertEquals(List.of("17850", "15311", "16210", "12647", "12680"), customer.levels());
        assertEquals(List.of("536365", "536365", "536381", "536477", "537197", "581587"),
                Arrays.stream(t.order().codes()).mapToObj(c -> t.order().levels().get(c)).toList());
        assertEquals(seconds(2010, 12, 1, 8, 26, 0), t.timestamp().get(0));
        assertEquals(seconds(2011, 12, 9, 12, 50, 0), t.timestamp().get(5));
        assertArrayEquals(new double[] {6, 6, 2, 48, 2, 3}, t.quantity().values());
        assertArrayEquals(new double[] {15.3, 20.34, 4.2, 100.8, 17.0, 14.85}, t.amount().values(), 1e-9);
        NumericColumn price = t.numeric(TransactionField.UNIT_PRICE).orElseThrow();
        assertArrayEquals(new double[] {2.55, 3.39, 2.1, 2.1, 8.5, 4.95}, price.values());
        CategoricalColumn product = t.categorical(TransactionField.PRODUCT).orElseThrow();
        assertEquals(List.of("85123A", "71053", "82567", "22041", "22624", "22138"), product.levels());
        CategoricalColumn region = t.categorical(TransactionField.REGION).orElseThrow();
        assertEquals("Germany", region.value(4));
        assertEquals(List.of("United Kingdom", "Germany", "France"), region.levels());

        DataQuality q = data.quality();
        assertEquals("uk-retail", q.source());
        assertEquals(List.of(file.toString()), q.inputs());
        assertEquals(6, q.rowsRead());
        assertEquals(6, q.rowsKept());
        assertEquals(List.of(UkRetailSource.MISSING_CUSTOMER, UkRetailSource.CANCELLED,
                UkRetailSource.NON_POSITIVE_QUANTITY, UkRetailSource.NON_POSITIVE_PRICE),
                q.rejections().stream().map(Rejection::reason).toList());
        assertEquals(0, q.rowsRejected());
        assertEquals(seconds(2010, 12, 1, 8, 26, 0), q.firstTimestamp());
        assertEquals(seconds(2011, 12, 9, 12, 50, 0), q.lastTimestamp());
        assertEquals(Map.of("customers", 5L, "orders", 5L, "products", 6L), q.entityCounts());
    }

    @Test
    void countsEachDroppedRowOnceUnderTheFirstRuleItBreaks() {
        Path file = resource("rules.csv");
        SourceData data = read(file);
        DataQuality q = data.quality();
        // 12 data rows: lines 2-13 and 15 minus line 6 (the second line of a quoted description that starts
        // on line 5) and line 14 (empty, not a row).
        assertEquals(12, q.rowsRead());
        assertEquals(2, q.rowsKept());
        assertEquals(List.of("17850", "13705"), data.transactions().customer().levels());

        Rejection missing = rejection(q, UkRetailSource.MISSING_CUSTOMER);
        assertEquals(3, missing.count());
        assertEquals(List.of(3L, 9L, 11L), missing.firstLines()); // 3 has price 0, 9 is also a cancellation
        assertEquals(file.toString(), missing.file());
        Rejection cancelled = rejection(q, UkRetailSource.CANCELLED);
        assertEquals(2, cancelled.count());
        assertEquals(List.of(4L, 13L), cancelled.firstLines()); // negative quantities; 13 has a lower-case c
        Rejection quantity = rejection(q, UkRetailSource.NON_POSITIVE_QUANTITY);
        assertEquals(2, quantity.count());
        assertEquals(List.of(5L, 7L), quantity.firstLines()); // 7 also has price 0
        Rejection price = rejection(q, UkRetailSource.NON_POSITIVE_PRICE);
        assertEquals(3, price.count());
        assertEquals(List.of(8L, 12L, 15L), price.firstLines()); // 0.0, -9.95 and 0
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
    }

    @Test
    void normalisesFloatCustomerIds() {
        TransactionTable t = read(resource("customer-ids.csv")).transactions();
        // "17850.0", "17850", "17850.00" and " 17850.0 " are one customer; other keys are kept as written.
        assertEquals(List.of("17850", "12345.5", "A17"), t.customer().levels());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 2}, t.customer().codes());
    }

    @Test
    void readsGzipByItsMagicBytesWhateverTheName() throws IOException {
        byte[] plain = Files.readAllBytes(resource("normal.csv"));
        Path gz = tmp.resolve("normal.csv.gz");
        Path gzWithoutExtension = tmp.resolve("gzipped-but-named.csv");
        Path plainNamedGz = tmp.resolve("plain-but-named.csv.gz");
        for (Path p : List.of(gz, gzWithoutExtension)) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(plain);
            }
        }
        Files.write(plainNamedGz, plain);
        SourceData expected = read(resource("normal.csv"));
        for (Path p : List.of(gz, gzWithoutExtension, plainNamedGz)) {
            SourceData data = read(p);
            assertEquals(6, data.quality().rowsKept(), p.toString());
            assertArrayEquals(expected.transactions().amount().values(), data.transactions().amount().values());
            assertEquals(expected.quality().entityCounts(), data.quality().entityCounts());
        }
    }

    @Test
    void reportsACorruptGzipFile() throws IOException {
        byte[] plain = Files.readAllBytes(resource("rules.csv"));
        Path whole = tmp.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(plain);
        }
        byte[] gz = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        SegmentaException e = assertThrows(SegmentaException.class, () -> read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString() + ": cannot read it"), e.getMessage());
    }

    @Test
    void skipsAByteOrderMark() {
        SourceData data = read(resource("bom.csv"));
        assertEquals(2, data.quality().rowsKept());
        assertEquals(List.of("536365", "536366"), data.transactions().order().levels());
    }

    @Test
    void readsTheUciDateFormatAndLooseHeaderNamesInAnyOrder() {
        // Header: invoice_no,Stock Code,DESCRIPTION,quantity,Invoice Date,Unit_Price,country,Customer ID; CRLF.
        SourceData data = read(resource("uci-dates.csv"));
        TransactionTable t = data.transactions();
        assertEquals(3, t.rowCount());
        assertEquals(seconds(2010, 12, 1, 8, 26, 0), t.timestamp().get(0));
        assertEquals(seconds(2011, 12, 9, 12, 50, 0), t.timestamp().get(1));
        assertEquals(seconds(2011, 2, 28, 23, 59, 59), t.timestamp().get(2));
        assertEquals(List.of("17850", "12680", "12000"), t.customer().levels());
        assertEquals(List.of("United Kingdom", "France"), t.categorical(TransactionField.REGION).orElseThrow().levels());
        assertArrayEquals(new double[] {15.3, 14.85, 1.0}, t.amount().values(), 1e-9);
    }

    @Test
    void namesMissingColumnsAndTheHeaderFound() {
        Path file = resource("missing-columns.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> read(file));
        assertEquals(1, e.line());
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ", line 1: missing required columns Quantity, UnitPrice;"), m);
        assertTrue(m.contains("InvoiceNo,StockCode,Description,Qty,InvoiceDate,Price,CustomerID,Country"), m);
        assertFalse(m.contains("delimiter"), m);
    }

    @Test
    void asksAboutTheDelimiterForASemicolonFile() {
        InputDataException e = assertThrows(InputDataException.class, () -> read(resource("semicolon.csv")));
        String m = e.getMessage();
        assertTrue(m.contains("missing required columns InvoiceNo, StockCode, Quantity"), m);
        assertTrue(m.contains("is the delimiter ','?"), m);
        assertFalse(m.contains("\n"), "one line: " + m);
    }

    @Test
    void asksAboutTheDelimiterForATabFile() throws IOException {
        Path file = tmp.resolve("tabs.tsv");
        Files.writeString(file, HEADER.replace(',', '\t') + "\n");
        InputDataException e = assertThrows(InputDataException.class, () -> read(file));
        assertTrue(e.getMessage().contains("is the delimiter ','?"), e.getMessage());
    }

    @Test
    void rejectsTwoColumnsWithTheSameName() throws IOException {
        Path file = tmp.resolve("twice.csv");
        Files.writeString(file, HEADER + ",Unit Price\n");
        InputDataException e = assertThrows(InputDataException.class, () -> read(file));
        assertTrue(e.getMessage().contains("two columns named UnitPrice"), e.getMessage());
    }

    @Test
    void stopsAtAnUnparseableQuantityNamingFileLineColumnAndValue() {
        Path file = resource("bad-quantity.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(file));
        // Line 4: the record before it spans lines 2 and 3 (a quoted description with a line break).
        assertEquals(file.toString(), e.file());
        assertEquals(4, e.line());
        assertEquals("Quantity", e.column());
        assertEquals("six", e.value());
        assertTrue(e.getMessage().startsWith(file + ", line 4, column 'Quantity': value 'six' is not a number"),
                e.getMessage());
    }

    @Test
    void stopsAtAnUnparseablePriceEvenInARowThatWouldBeDropped() {
        InputDataException e = assertThrows(InputDataException.class,
                () -> strict(resource("bad-price-rejected-row.csv")));
        assertEquals(3, e.line());
        assertEquals("UnitPrice", e.column());
        assertEquals("1.8.5", e.value());
    }

    @Test
    void stopsAtAnImpossibleDateNamingBothFormats() {
        InputDataException e = assertThrows(InputDataException.class, () -> strict(resource("bad-date.csv")));
        assertEquals(2, e.line());
        assertEquals("InvoiceDate", e.column());
        assertEquals("2010-13-01 08:26:00", e.value());
        assertTrue(e.getMessage().endsWith("is not a date-time as yyyy-MM-dd HH:mm:ss or M/d/yyyy H:mm"),
                e.getMessage());
    }

    @Test
    void stopsAtATruncatedLastLine() {
        Path file = resource("truncated.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(file));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(file + ", line 4: found 5 fields, expected 8"), e.getMessage());
    }

    @Test
    void countsAMalformedRowAmongGoodOnesWithItsLineAndKeepsTheRest() throws IOException {
        Path file = rowsAnd("one-bad.csv", 50,
                "700001,P1,X,six,2011-01-02 10:00:00,1.5,20001,United Kingdom",
                "700002,P1,X,1,2011-01-02 10:00:00,1.5,20001,United Kingdom");
        DataQuality q = read(file).quality();
        assertEquals(52, q.rowsRead());
        assertEquals(51, q.rowsKept());
        Rejection r = q.rejections().get(0); // malformed rows come first: they are set aside before any rule
        assertEquals(new Rejection("malformed: Quantity is not a number", 1, file.toString(), List.of(52L)), r);
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        assertEquals(5, q.rejections().size());
    }

    @Test
    void countsEachKindOfMalformedValueUnderItsOwnReason() throws IOException {
        Path file = rowsAnd("kinds.csv", 100,
                ",P1,X,1,2011-01-02 10:00:00,1.5,20001,United Kingdom",
                "700001,P1,X,1,2011-01-02 10:00:00,1.8.5,,United Kingdom",
                "700002,P1,X,1,2011-02-30 10:00:00,1.5,20001,United Kingdom",
                "700003,P1,X,1,2011-01-02 10:00:00,abc,20001,United Kingdom");
        DataQuality q = read(file).quality();
        assertEquals(104, q.rowsRead());
        assertEquals(100, q.rowsKept());
        assertEquals(List.of(
                new Rejection("malformed: InvoiceNo is empty", 1, file.toString(), List.of(102L)),
                new Rejection("malformed: UnitPrice is not a number", 2, file.toString(), List.of(103L, 105L)),
                new Rejection("malformed: InvoiceDate is not a date-time", 1, file.toString(), List.of(104L))),
                q.rejections().subList(0, 3));
    }

    @Test
    void countsATruncatedLastLineByDefault() throws IOException {
        Path file = rowsAnd("truncated-last.csv", 60, "700001,P1,X,1,2011-01-02 10:00:00");
        DataQuality q = read(file).quality();
        assertEquals(61, q.rowsRead());
        assertEquals(60, q.rowsKept());
        assertEquals(new Rejection("malformed: wrong number of fields", 1, file.toString(), List.of(62L)),
                q.rejections().get(0));
        InputDataException e = assertThrows(InputDataException.class, () -> strict(file));
        assertEquals(file + ", line 62: found 5 fields, expected 8 as in the header (a truncated line, or a value"
                + " with an unquoted comma?)", e.getMessage());
    }

    @Test
    void stopsWhenMoreThanTheAllowedShareOfRowsIsMalformed() throws IOException {
        // A small file is judged at its end: 1 bad row of 3 is over 5%.
        Path small = resource("bad-quantity.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> read(small));
        assertEquals(small + ": 1 of 2 rows is malformed (50.0%, more than the 5% allowed by max-malformed); the"
                + " first: " + small + ", line 4, column 'Quantity': value 'six' is not a number (digits with '.'"
                + " as the decimal point, e.g. 2.55); is this the right file and format?", e.getMessage());
        // ...and read when the cap allows it.
        DataQuality q = source.read(small, new RecordingContext(Map.of("max-malformed", "50%"), Integer.MAX_VALUE))
                .quality();
        assertEquals(1, q.rejections().get(0).count());

        // A large file of the wrong kind (day-first dates) stops after 1,000 rows, not at its end.
        String[] wrong = new String[5000];
        for (int i = 0; i < wrong.length; i++) {
            wrong[i] = (800000 + i) + ",P1,X,1,13/01/2011 10:00,1.5,20001,United Kingdom";
        }
        Path large = rowsAnd("day-first.csv", 10, wrong);
        e = assertThrows(InputDataException.class, () -> read(large));
        assertEquals(large + ": 990 of 1,000 rows read so far are malformed (99.0%, more than the 5% allowed by"
                + " max-malformed); the first: " + large + ", line 12, column 'InvoiceDate': value '13/01/2011 10:00'"
                + " is not a date-time as yyyy-MM-dd HH:mm:ss or M/d/yyyy H:mm; is this the right file and format?",
                e.getMessage());
    }

    @Test
    void refusesABadMaxMalformedOption() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> source.read(resource("normal.csv"),
                new RecordingContext(Map.of("max-malformed", "5"), Integer.MAX_VALUE)));
        assertTrue(e.getMessage().startsWith("option max-malformed: '5' is not a share of rows"), e.getMessage());
    }

    @Test
    void countsKeptRowsThatRepeatAnEarlierKeptRowAndKeepsThem() throws IOException {
        String line = "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom";
        Path file = rowsAnd("duplicates.csv", 50, line, line, line,
                "C536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom",
                line.replace("2.55", "2.56"));
        DataQuality q = read(file).quality();
        assertEquals(54, q.rowsKept());
        assertEquals(2, q.duplicateRows()); // the 2nd and 3rd copies; the cancelled row is not kept
        assertEquals(0, read(resource("normal.csv")).quality().duplicateRows());
    }

    @Test
    void aUtf16FileFailsAtItsHeader() throws IOException {
        Path file = tmp.resolve("utf16.csv");
        Files.write(file, (HEADER + "\n536365,85123A,X,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n")
                .getBytes(StandardCharsets.UTF_16));
        InputDataException e = assertThrows(InputDataException.class, () -> read(file));
        assertEquals(1, e.line());
        // its byte-order mark (0xFE 0xFF) is not UTF-8: the one encoding rule names the option to set
        assertEquals(file + ", line 1: bytes 0xFE at column 1 are not valid UTF-8 text; " + SourceEncoding.HINT,
                e.getMessage());
        SourceData utf16 = source.read(file, new RecordingContext(Map.of("encoding", "UTF-16"), Integer.MAX_VALUE));
        assertEquals(1, utf16.quality().rowsKept());
    }

    @Test
    void stopsAtAnUnclosedQuote() throws IOException {
        Path file = tmp.resolve("unclosed.csv");
        Files.writeString(file, HEADER + "\n"
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
                + "536366,22633,\"HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom\n");
        InputDataException e = assertThrows(InputDataException.class, () -> read(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(file + ", line 3: malformed CSV"), e.getMessage());
    }

    @Test
    void reportsAMissingFile() {
        Path file = tmp.resolve("nothing-here.csv");
        SegmentaException e = assertThrows(SegmentaException.class, () -> read(file));
        assertEquals("no such file: " + file, e.getMessage());
    }

    @Test
    void reportsAFolder() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> read(tmp));
        assertEquals(tmp + " is a folder; the uk-retail source reads one CSV file (plain or .gz)", e.getMessage());
    }

    @Test
    void reportsAnEmptyFile() {
        Path file = resource("empty.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith(file + ": the file is empty; expected a CSV with the header " + HEADER),
                e.getMessage());
    }

    @Test
    void reportsAFileWithOnlyAByteOrderMarkAndEmptyLinesAsEmpty() throws IOException {
        Path file = tmp.resolve("blank.csv");
        Files.write(file, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '\n', '\r', '\n'});
        InputDataException e = assertThrows(InputDataException.class, () -> read(file));
        assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
    }

    @Test
    void reportsAnEmptyGzipFile() throws IOException {
        Path file = tmp.resolve("empty.csv.gz");
        new GZIPOutputStream(Files.newOutputStream(file)).close();
        InputDataException e = assertThrows(InputDataException.class, () -> read(file));
        assertTrue(e.getMessage().contains("the file is empty once decompressed"), e.getMessage());
    }

    @Test
    void readsAHeaderOnlyFileAsAnEmptyTableWithItsAccount() {
        SourceData data = read(resource("header-only.csv"));
        assertEquals(0, data.transactions().rowCount());
        assertEquals(8, data.transactions().columns().size());
        DataQuality q = data.quality();
        assertEquals(0, q.rowsRead());
        assertEquals(0, q.rowsKept());
        assertEquals(4, q.rejections().size());
        assertEquals(0, q.rowsRejected());
        assertEquals(TimestampColumn.MISSING, q.firstTimestamp());
        assertEquals(TimestampColumn.MISSING, q.lastTimestamp());
        assertEquals(Map.of("customers", 0L, "orders", 0L, "products", 0L), q.entityCounts());
    }

    @Test
    void reportsProgressEveryHundredThousandRows() throws java.io.IOException {
        RecordingContext context = new RecordingContext();
        SourceData data = source.read(many, context);
        assertEquals(MANY_ROWS, data.quality().rowsKept());
        assertEquals(300L, data.quality().entityCounts().get("customers"));
        // one call per 100,000 rows, and a last one when the file is done: bytes of the file read against its
        // size (so the console can tell the time left), with the rows read so far
        long size = java.nio.file.Files.size(many);
        assertEquals(List.of("bytes read, 100,000 rows", "bytes read, 200,000 rows", "bytes read, 200,000 rows"),
                context.progress.stream().map(RecordingContext.Progress::unit).toList());
        long last = 0;
        for (RecordingContext.Progress p : context.progress) {
            assertEquals(size, p.total());
            assertTrue(p.done() >= last && p.done() <= size, p.toString());
            last = p.done();
        }
        assertEquals(size, last, "the end is the whole file");
        assertTrue(context.progress.get(0).done() < size, "the first report is part way");
    }

    @Test
    void stopsWhenCancelled() {
        RecordingContext context = RecordingContext.cancelled();
        // the API's one cancellation convention: StageContext.checkCancelled, saying where the read stopped
        SegmentaException e = assertThrows(RunCancelledException.class, () -> source.read(many, context));
        assertEquals("cancelled: uk-retail after 100,000 rows", e.getMessage());
        assertEquals(1, context.progress.size());
        assertEquals("bytes read, 100,000 rows", context.progress.get(0).unit());
    }

    @Test
    void isAnInputDataExceptionForBadValuesAndAPlainOneForMissingFiles() {
        assertInstanceOf(InputDataException.class, assertThrows(SegmentaException.class,
                () -> read(resource("truncated.csv"))));
        assertFalse(assertThrows(SegmentaException.class, () -> read(tmp.resolve("x.csv")))
                instanceof InputDataException);
    }

    @Test
    void countsARowWhoseAmountOverflowsInsteadOfKeepingIt() throws IOException {
        // Each value is finite; 6 x 1e308 and 1e300 x 1e300 are not. Customer 3 has only such rows.
        Path file = tmp.resolve("overflow.csv");
        Files.writeString(file, HEADER + "\n"
                + "1,P,X,2,2011-01-01 10:00:00,1.5,1,UK\n"
                + "2,P,X,6,2011-01-01 10:00:00,1e308,2,UK\n"
                + "3,P,X,1e300,2011-01-01 10:00:00,1e300,3,UK\n"
                + "4,P,X,1,2011-01-01 10:00:00,2,2,UK\n");
        SourceData data = read(file);
        DataQuality q = data.quality();
        assertEquals(4, q.rowsRead());
        assertEquals(2, q.rowsKept());
        Rejection overflow = q.rejections().stream()
                .filter(r -> r.reason().equals("amount is not a finite number (quantity x unit price overflows)"))
                .findFirst().orElseThrow();
        assertEquals(2, overflow.count());
        assertEquals(List.of(3L, 4L), overflow.firstLines());
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        // the customers counted are those with a kept row, each with a finite amount
        assertEquals(2L, q.entityCounts().get("customers"));
        assertArrayEquals(new double[] {3.0, 2.0}, data.transactions().amount().values());
    }

    @Test
    void aSymbolicLinkLoopIsNotCalledAMissingFile() throws IOException {
        Path loop = Files.createSymbolicLink(tmp.resolve("loop.csv"), tmp.resolve("loop.csv"));
        SegmentaException e = assertThrows(SegmentaException.class, () -> read(loop));
        assertEquals(loop + " is a symbolic link that leads to nothing (or to itself)", e.getMessage());
    }

    /** One encoding rule for every source (docs/reliability.md): bytes not valid in the encoding are refused. */
    @Test
    void aByteThatIsNotUtf8IsRefusedNamingFileLineAndColumnInsteadOfBecomingAReplacementCharacter()
            throws IOException {
        // "Côte d'Ivoire" saved as windows-1252: 0xF4 is not UTF-8. It used to be read as "C\uFFFDte d'Ivoire".
        Path file = tmp.resolve("cp1252.csv");
        Files.write(file, (HEADER + "\n1,P,X,2,2011-01-01 10:00:00,1.5,1,United Kingdom\n"
                + "2,P,X,2,2011-01-01 10:00:00,1.5,2,C\u00f4te d'Ivoire\n").getBytes(StandardCharsets.ISO_8859_1));
        InputDataException e = assertThrows(InputDataException.class, () -> read(file));
        assertEquals(file + ", line 3: bytes 0xF4 at column 36 are not valid UTF-8 text; set option encoding to the"
                + " file's encoding (e.g. encoding=windows-1252 or encoding=ISO-8859-1)", e.getMessage());

        SourceData data = source.read(file, new RecordingContext(Map.of("encoding", "windows-1252"),
                Integer.MAX_VALUE));
        CategoricalColumn region = (CategoricalColumn) data.transactions().column("region").orElseThrow();
        assertEquals("C\u00f4te d'Ivoire", region.value(1));
    }

    @Test
    void anEncodingJavaDoesNotKnowIsRefusedInOneLine() throws IOException {
        Path file = rowsAnd("ok.csv", 1);
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> source.read(file, new RecordingContext(Map.of("encoding", "latin-9000"), Integer.MAX_VALUE)));
        assertEquals("option encoding: 'latin-9000' is not a character set this Java knows; expected e.g. UTF-8"
                + " (default), windows-1252 or ISO-8859-1", e.getMessage());
        // the same line while the engine plans, before any file is opened
        assertEquals(e.getMessage(), assertThrows(SegmentaException.class,
                () -> source.validate(new Options(Map.of("encoding", "latin-9000")))).getMessage());
        assertThrows(SegmentaException.class, () -> source.validate(new Options(Map.of("max-malformed", "200%"))));
        source.validate(new Options(Map.of("encoding", "windows-1252", "max-malformed", "1%")));
    }
}
