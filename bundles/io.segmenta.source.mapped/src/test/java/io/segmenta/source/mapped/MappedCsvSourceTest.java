package io.segmenta.source.mapped;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.segmenta.api.stage.StageKind;
import io.segmenta.testing.RecordingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedCsvSourceTest {
    private static final String BASIC_HEADER = "Customer,Order,Date,Qty,Total,Category";

    @TempDir
    Path tmp;

    private final MappedCsvSource source = new MappedCsvSource();

    static Path resource(String name) {
        try {
            return Path.of(MappedCsvSourceTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name, e);
        }
    }

    private SourceData read(String data, String mapping) {
        return source.read(resource("mapped/" + data), mapping(resource("mapped/" + mapping)));
    }

    private SourceData read(Path data, Path mapping) {
        return source.read(data, mapping(mapping));
    }

    /** A context whose only option is mapping=the given file. */
    static RecordingContext mapping(Path mapping) {
        return new RecordingContext(Map.of("mapping", mapping.toString()), Integer.MAX_VALUE);
    }

    /** Reads with max-malformed=0: the first malformed row stops the read. */
    private SourceData strict(Path data, Path mapping) {
        return source.read(data, new RecordingContext(Map.of("mapping", mapping.toString(), "max-malformed", "0"),
                Integer.MAX_VALUE));
    }

    /** The basic mapping's header and {@code good} valid rows (of 3 customers), then the extra lines. */
    private Path rowsAnd(String name, int good, String... extra) throws IOException {
        StringBuilder sb = new StringBuilder(BASIC_HEADER).append('\n');
        for (int i = 0; i < good; i++) {
            sb.append("C").append(i % 3).append(",O").append(i).append(",2011-01-01 10:00:00,1,")
                    .append(10 + i).append(",toys\n");
        }
        for (String line : extra) {
            sb.append(line).append('\n');
        }
        return write(name, sb.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static long seconds(int y, int mo, int d, int h, int mi, int s) {
        return TimestampColumn.toEpochSeconds(LocalDateTime.of(y, mo, d, h, mi, s));
    }

    private static void assertRejection(Rejection r, String reason, long count, List<Long> lines) {
        assertEquals(reason, r.reason());
        assertEquals(count, r.count(), reason);
        assertEquals(lines, r.firstLines(), reason);
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void isASourceNamedMappedCsvWithAMappingOption() {
        assertEquals("mapped-csv", source.name());
        assertEquals(StageKind.SOURCE, source.kind());
        assertEquals(List.of("mapping", "max-malformed", "encoding"), source.options().stream().map(o -> o.name()).toList());
        assertFalse(source.description().isBlank());
        List<String> names = ServiceLoader.load(DataSource.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("mapped-csv"), names.toString());
    }

    @Test
    void readsAMappedExportAppliesTheRulesInOrderAndCountsEachDroppedRow() {
        Path file = resource("mapped/basic.csv");
        RecordingContext context = mapping(resource("mapped/basic.properties"));
        SourceData data = source.read(file, context);
        TransactionTable t = data.transactions();
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "category"),
                List.copyOf(t.columns().keySet()));
        assertEquals(3, t.rowCount());
        assertEquals(List.of("A1", "C3"), t.customer().levels());
        assertArrayEquals(new int[] {0, 0, 1}, t.customer().codes());
        assertEquals(List.of("O-1", "O-6"), t.order().levels());
        assertArrayEquals(new long[] {seconds(2011, 1, 3, 10, 0, 0), seconds(2011, 1, 3, 10, 0, 0),
            seconds(2011, 2, 28, 23, 59, 59)}, t.timestamp().epochSeconds());
        assertArrayEquals(new double[] {2, 1, 1}, t.quantity().values());
        assertArrayEquals(new double[] {10.5, 4.25, 1000.5}, t.amount().values());
        // quoted fields with the delimiter inside are one value
        assertEquals(List.of("toys", "books", "garden, outdoor"),
                t.categorical(TransactionField.CATEGORY).orElseThrow().levels());

        DataQuality q = data.quality();
        assertEquals("mapped-csv", q.source());
        assertEquals(List.of(file.toString()), q.inputs());
        assertEquals(7, q.rowsRead()); // lines 2-7 and 9; line 8 is empty
        assertEquals(3, q.rowsKept());
        List<Rejection> r = q.rejections();
        assertEquals(4, r.size());
        assertRejection(r.get(0), MappedCsvSource.MISSING_CUSTOMER, 1, List.of(4L));
        assertRejection(r.get(1), "order starts with R", 1, List.of(5L)); // also has quantity -1
        assertRejection(r.get(2), MappedCsvSource.NON_POSITIVE_QUANTITY, 1, List.of(6L)); // also amount 0
        assertRejection(r.get(3), MappedCsvSource.NON_POSITIVE_AMOUNT, 1, List.of(7L));
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        assertEquals(seconds(2011, 1, 3, 10, 0, 0), q.firstTimestamp());
        assertEquals(seconds(2011, 2, 28, 23, 59, 59), q.lastTimestamp());
        assertEquals(Map.of("customers", 2L, "orders", 2L), q.entityCounts());
        assertFalse(context.infos.contains(MappedCsvSource.NO_ORDER_INFO));
        assertFalse(context.infos.contains(MappedCsvSource.NO_TIMESTAMP_INFO));
        assertEquals(1, context.progress.size());
        assertEquals("bytes read, 7 rows", context.progress.get(0).unit());
        assertEquals(context.progress.get(0).total(), context.progress.get(0).done(), "the whole file");
    }

    @Test
    void readsSemicolonsDecimalCommaThousandsDotAndIso88591() {
        RecordingContext context = mapping(resource("mapped/european.properties"));
        SourceData data = source.read(resource("mapped/european.csv"), context);
        TransactionTable t = data.transactions();
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "unit_price", "category",
                "region", "rabatt__"), List.copyOf(t.columns().keySet()));
        assertEquals(3, t.rowCount());
        assertArrayEquals(new double[] {6, 1200, 2}, t.quantity().values());
        assertArrayEquals(new double[] {2.55, 1234.5, 0.99},
                t.numeric(TransactionField.UNIT_PRICE).orElseThrow().values());
        // amount = quantity x unit price, as no amount column is mapped
        assertArrayEquals(new double[] {6 * 2.55, 1200 * 1234.5, 2 * 0.99}, t.amount().values());
        assertTrue(context.infos.contains("no amount mapped: amount = quantity x unit_price"), context.infos.toString());
        // ISO-8859-1 bytes decoded: the accents are intact, in the header (Région) and in values
        assertEquals(List.of("Küche", "Café"), t.categorical(TransactionField.CATEGORY).orElseThrow().levels());
        assertEquals(List.of("Île-de-France", "Bretagne"), t.categorical(TransactionField.REGION).orElseThrow().levels());
        NumericColumn rabatt = (NumericColumn) t.column("rabatt__").orElseThrow();
        assertEquals(5.5, rabatt.get(0));
        assertTrue(Double.isNaN(rabatt.get(1)), "an empty optional number is missing (NaN)");
        assertEquals(10.0, rabatt.get(2));
        assertEquals(seconds(2010, 12, 1, 8, 26, 0), t.timestamp().get(0));
        assertEquals(seconds(2011, 1, 15, 14, 5, 0), t.timestamp().get(2));
        DataQuality q = data.quality();
        assertEquals(4, q.rowsRead());
        assertRejection(q.rejections().get(0), MappedCsvSource.MISSING_CUSTOMER, 0, List.of());
        assertRejection(q.rejections().get(1), MappedCsvSource.NON_POSITIVE_QUANTITY, 1, List.of(5L));
        assertEquals(2, q.rejections().size());
    }

    @Test
    void namesTheLineOfBytesNotInTheConfiguredEncoding() throws IOException {
        // The ISO-8859-1 file read as UTF-8 (the default): 0xE9 of "Région" in the header is not UTF-8.
        Path mapping = write("utf8.properties", Files.readString(resource("mapped/european.properties"))
                .replace("format.encoding=ISO-8859-1\n", ""));
        Path file = resource("mapped/european.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> read(file, mapping));
        assertEquals(1, e.line());
        assertContains(e.getMessage(), file + ", line 1: bytes 0xE9 at column 53 are not valid UTF-8 text; set format.encoding in"
                + " mapping " + mapping + " (or option encoding)", "ISO-8859-1");

        // Far into the file, beyond what the decoder reads ahead of the parser: the line is still exact.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((BASIC_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 9_000; i++) {
            bytes.writeBytes(("A" + i + ",O-" + i + ",2011-01-03 10:00:00,1,2.5,toys\n").getBytes(StandardCharsets.US_ASCII));
        }
        bytes.writeBytes("Z,O-x,2011-01-03 10:00:00,1,2.5,K".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xFC); // ü in ISO-8859-1
        bytes.writeBytes("che\n".getBytes(StandardCharsets.US_ASCII));
        Path big = tmp.resolve("big-latin1.csv");
        Files.write(big, bytes.toByteArray());
        InputDataException late = assertThrows(InputDataException.class,
                () -> read(big, resource("mapped/basic.properties")));
        assertEquals(9_002, late.line());
        assertContains(late.getMessage(), "line 9002: bytes 0xFC at column 34 are not valid UTF-8 text");
    }

    @Test
    void listsTheValidKeysForAnUnknownKey() {
        Path mapping = resource("mapped/unknown-key.properties");
        SegmentaException e = assertThrows(SegmentaException.class, () -> read("basic.csv", "unknown-key.properties"));
        assertContains(e.getMessage(), "mapping " + mapping + ": unknown keys field.custmer, format.delimeter;",
                "valid keys are field.<name> with <name> one of customer, order, timestamp, quantity, amount, unit_price",
                "delivery_delay_days", "extra.categorical", "format.delimiter", "clean.drop-order-prefix",
                "clean.customer-strip-decimal-zero");
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void namesMappingKeyColumnAndHeaderForAMappedColumnMissingFromTheHeader() {
        Path file = resource("mapped/missing-column.csv");
        Path mapping = resource("mapped/basic.properties");
        InputDataException e = assertThrows(InputDataException.class, () -> read(file, mapping));
        assertEquals(1, e.line());
        assertEquals(file + ", line 1: column 'Qty' named by key field.quantity in mapping " + mapping
                + " is not in the header; the header found is: Customer,Order,Date,Quantity,Total,Category",
                e.getMessage());
    }

    @Test
    void asksAboutTheDelimiterWhenTheHeaderIsOneColumn() throws IOException {
        Path file = write("semi.csv", BASIC_HEADER.replace(',', ';') + "\n");
        InputDataException e = assertThrows(InputDataException.class,
                () -> read(file, resource("mapped/basic.properties")));
        assertContains(e.getMessage(), "(a single column: is format.delimiter right? the mapping says ',')");
    }

    @Test
    void stopsAtABadNumberNamingFileLineColumnValueAndFormat() {
        Path file = resource("mapped/bad-number.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(file, resource("mapped/basic.properties")));
        assertEquals(file.toString(), e.file());
        assertEquals(3, e.line());
        assertEquals("Total", e.column());
        assertEquals("4.2.5", e.value());
        assertTrue(e.getMessage().startsWith(file + ", line 3, column 'Total': value '4.2.5' is not a number"
                + " (decimal separator '.', no thousands separator, e.g. 1234.5) for amount"), e.getMessage());
    }

    @Test
    void stopsAtAnImpossibleDateNamingThePattern() {
        Path file = resource("mapped/bad-date.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(file, resource("mapped/basic.properties")));
        assertEquals(3, e.line());
        assertEquals("Date", e.column());
        assertEquals("2011-02-30 10:00:00", e.value());
        assertContains(e.getMessage(), "is not a date-time as yyyy-MM-dd HH:mm:ss (format.timestamp in mapping");
    }

    @Test
    void stopsAtATruncatedLastLine() {
        Path file = resource("mapped/truncated.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(file, resource("mapped/basic.properties")));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(file + ", line 4: found 3 fields, expected 6 as in the header"),
                e.getMessage());
    }

    @Test
    void reportsAnEmptyFile() {
        Path file = resource("mapped/empty.csv");
        InputDataException e = assertThrows(InputDataException.class, () -> read(file, resource("mapped/basic.properties")));
        assertTrue(e.getMessage().startsWith(file + ": the file is empty; expected a header and rows"), e.getMessage());
    }

    @Test
    void readsAHeaderOnlyFileAsAnEmptyTableWithItsAccount() {
        SourceData data = read("header-only.csv", "basic.properties");
        assertEquals(0, data.transactions().rowCount());
        assertEquals(6, data.transactions().columns().size());
        DataQuality q = data.quality();
        assertEquals(0, q.rowsRead());
        assertEquals(0, q.rowsKept());
        assertEquals(List.of(MappedCsvSource.MISSING_CUSTOMER, "order starts with R", MappedCsvSource.NON_POSITIVE_QUANTITY,
                MappedCsvSource.NON_POSITIVE_AMOUNT), q.rejections().stream().map(Rejection::reason).toList());
        assertEquals(0, q.rowsRejected());
        assertEquals(TimestampColumn.MISSING, q.firstTimestamp());
        assertEquals(TimestampColumn.MISSING, q.lastTimestamp());
        assertEquals(Map.of("customers", 0L, "orders", 0L), q.entityCounts());
    }

    @Test
    void readsGzipByItsMagicBytesAndSkipsAByteOrderMark() throws IOException {
        byte[] plain = Files.readAllBytes(resource("mapped/basic.csv"));
        Path gz = tmp.resolve("basic-gzipped.csv"); // no .gz: the content decides
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            out.write(plain);
        }
        SourceData data = read(gz, resource("mapped/basic.properties"));
        assertEquals(3, data.quality().rowsKept());
        assertEquals(List.of("A1", "C3"), data.transactions().customer().levels());
    }

    @Test
    void withoutOrderTimestampOrQuantityEachRowIsAnOrderAtNoTimeOfQuantityOne() throws IOException {
        Path mapping = write("m.properties", "format.delimiter=tab\nfield.customer=id\nfield.amount=spend\n"
                + "extra.categorical=Home Town\n");
        Path file = write("d.tsv", "id\tHome Town\tspend\nx\tBandung\t1.5\ny\t\t2\nx\tBandung\t3\n");
        RecordingContext context = mapping(mapping);
        SourceData data = source.read(file, context);
        TransactionTable t = data.transactions();
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "home_town"),
                List.copyOf(t.columns().keySet()));
        assertEquals(List.of("2", "3", "4"), t.order().levels()); // the rows' lines
        assertArrayEquals(new long[] {TimestampColumn.MISSING, TimestampColumn.MISSING, TimestampColumn.MISSING},
                t.timestamp().epochSeconds());
        assertArrayEquals(new double[] {1, 1, 1}, t.quantity().values());
        CategoricalColumn town = (CategoricalColumn) t.column("home_town").orElseThrow();
        assertArrayEquals(new int[] {0, CategoricalColumn.MISSING, 0}, town.codes());
        assertTrue(context.infos.contains(MappedCsvSource.NO_ORDER_INFO), context.infos.toString());
        assertTrue(context.infos.contains(MappedCsvSource.NO_TIMESTAMP_INFO), context.infos.toString());
        assertTrue(context.infos.contains(MappedCsvSource.NO_QUANTITY_INFO), context.infos.toString());
        assertEquals(TimestampColumn.MISSING, data.quality().firstTimestamp());
        assertEquals(Map.of("customers", 2L, "orders", 3L), data.quality().entityCounts());
    }

    @Test
    void countsARowWhoseQuantityTimesUnitPriceOverflowsInsteadOfKeepingIt() throws IOException {
        // the rule applies whatever the clean.* keys say: with every drop rule off, and with the defaults
        for (String rules : List.of("clean.drop-missing-customer=false\nclean.drop-nonpositive-quantity=false\n"
                + "clean.drop-nonpositive-amount=false\n", "")) {
            Path mapping = write("m.properties", "field.customer=c\nfield.quantity=q\nfield.unit_price=p\n" + rules);
            Path file = write("d.csv", "c,q,p\nA,2,1.5\nB,6,1e308\nC,1e300,1e300\nB,1,2\nD,-6,1e308\n");
            DataQuality q = read(file, mapping).quality();
            Rejection overflow = q.rejections().stream().filter(r -> r.reason().equals(
                    "amount is not a finite number (quantity x unit price overflows)")).findFirst()
                    .orElseThrow(() -> new AssertionError(q.rejections().toString()));
            assertEquals(List.of(3L, 4L, 6L), overflow.firstLines()); // -6 x 1e308 too: no drop rule is on by default
            assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
            assertEquals(2L, q.entityCounts().get("customers"));
        }
    }

    @Test
    void readsAFileWithoutHeaderByColumnNumbersAndDatesWithoutTime() throws IOException {
        // \t as an escape in the properties file is a tab once loaded
        Path mapping = write("m.properties", "format.header=false\nformat.delimiter=\\t\nformat.timestamp=dd/MM/yyyy\n"
                + "field.customer=2\nfield.timestamp=1\nfield.amount=3\nextra.numeric=4\n");
        Path file = write("d.tsv", "31/12/2011\tc1\t10\t7\n01/01/2012\tc2\t20\t\n");
        SourceData data = read(file, mapping);
        TransactionTable t = data.transactions();
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "column_4"),
                List.copyOf(t.columns().keySet()));
        assertEquals(List.of("c1", "c2"), t.customer().levels());
        assertEquals(List.of("1", "2"), t.order().levels()); // without a header the first row is line 1
        assertArrayEquals(new long[] {seconds(2011, 12, 31, 0, 0, 0), seconds(2012, 1, 1, 0, 0, 0)},
                t.timestamp().epochSeconds());
        assertEquals(2, data.quality().rowsRead());

        Path bad = write("bad.properties", "format.header=false\nfield.customer=Customer\nfield.amount=3\n");
        InputDataException e = assertThrows(InputDataException.class, () -> read(write("x.csv", "a,b,c\n"), bad));
        assertContains(e.getMessage(), "key field.customer in mapping " + bad + " names column 'Customer';"
                + " with format.header=false columns are numbers from 1 to 3");
    }

    @Test
    void stripsAFractionOfZerosFromCustomerKeysWhenAsked() throws IOException {
        Path file = write("ids.csv", "cid,total\n17850.0,1\n17850,2\n 17850.00 ,3\n12345.5,4\nA17,5\n");
        Path strip = write("strip.properties", "field.customer=cid\nfield.amount=total\n"
                + "clean.customer-strip-decimal-zero=true\n");
        assertEquals(List.of("17850", "12345.5", "A17"), read(file, strip).transactions().customer().levels());
        Path keep = write("keep.properties", "field.customer=cid\nfield.amount=total\n");
        assertEquals(List.of("17850.0", "17850", "17850.00", "12345.5", "A17"),
                read(file, keep).transactions().customer().levels());
    }

    @Test
    void keepsRowsWithoutCustomerWhenTheRuleIsOff() throws IOException {
        Path file = write("c.csv", "cid,total\n,1\nx,2\n");
        Path mapping = write("m.properties", "field.customer=cid\nfield.amount=total\nclean.drop-missing-customer=false\n");
        SourceData data = read(file, mapping);
        assertEquals(2, data.quality().rowsKept());
        assertEquals(List.of(), data.quality().rejections());
        assertArrayEquals(new int[] {CategoricalColumn.MISSING, 0}, data.transactions().customer().codes());
    }

    @Test
    void matchesHeaderNamesIgnoringCaseSpacesAndUnderscoresWhenNoneMatchesExactly() throws IOException {
        Path file = write("h.csv", "CUSTOMER ID,Order_Total\na,1.5\n");
        Path mapping = write("m.properties", "field.customer=customer_id\nfield.amount=order total\n");
        assertArrayEquals(new double[] {1.5}, read(file, mapping).transactions().amount().values());

        Path twice = write("t.csv", "customer id,Customer_ID,total\na,b,1\n");
        Path loose = write("m2.properties", "field.customer=customerid\nfield.amount=total\n");
        InputDataException e = assertThrows(InputDataException.class, () -> read(twice, loose));
        assertContains(e.getMessage(), "matches two columns of the header ('customer id' and 'Customer_ID')");
    }

    @Test
    void rejectsEmptyRequiredValuesButNotEmptyOptionalOnes() throws IOException {
        Path mapping = write("m.properties", "field.customer=c\nfield.order=o\nfield.amount=a\nfield.review_score=r\n");
        SourceData ok = read(write("ok.csv", "c,o,a,r\nx,1,2,\n"), mapping);
        assertTrue(Double.isNaN(ok.transactions().numeric(TransactionField.REVIEW_SCORE).orElseThrow().get(0)));
        InputDataException amount = assertThrows(InputDataException.class,
                () -> strict(write("a.csv", "c,o,a,r\nx,1,,5\n"), mapping));
        assertEquals("a", amount.column());
        assertEquals(2, amount.line());
        InputDataException order = assertThrows(InputDataException.class,
                () -> strict(write("o.csv", "c,o,a,r\nx,,2,5\n"), mapping));
        assertEquals("o", order.column());
    }

    @Test
    void countsMalformedRowsAmongGoodOnesWithTheirLinesAndKeepsTheRest() throws IOException {
        Path basic = resource("mapped/basic.properties");
        Path file = rowsAnd("some-bad.csv", 60, "C1,O100,2011-01-02 10:00:00,1,4.2.5,toys",
                "C1,O101,2011-02-30 10:00:00,1,5,toys", "C1,O102,2011-01-02 10:00:00");
        DataQuality q = read(file, basic).quality();
        assertEquals(63, q.rowsRead());
        assertEquals(60, q.rowsKept());
        assertEquals(List.of(new Rejection("malformed: Total is not a number", 1, file.toString(), List.of(62L)),
                new Rejection("malformed: Date is not a date-time", 1, file.toString(), List.of(63L)),
                new Rejection("malformed: wrong number of fields", 1, file.toString(), List.of(64L))),
                q.rejections().subList(0, 3));
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        // strict: the first of them stops the read with its own message
        InputDataException e = assertThrows(InputDataException.class, () -> strict(file, basic));
        assertEquals(file + ", line 62, column 'Total': value '4.2.5' is not a number (decimal separator '.', no"
                + " thousands separator, e.g. 1234.5) for amount (format.decimal / format.thousands in mapping "
                + basic + ")", e.getMessage());
    }

    @Test
    void stopsWhenMoreThanTheAllowedShareOfRowsIsMalformed() throws IOException {
        Path basic = resource("mapped/basic.properties");
        // A file with decimal commas read with a mapping that says '.': every amount with a fraction is bad.
        String[] wrong = new String[3000];
        for (int i = 0; i < wrong.length; i++) {
            wrong[i] = "C1,P" + i + ",2011-01-02 10:00:00,1,\"" + i + ",5\",toys";
        }
        Path file = rowsAnd("decimal-commas.csv", 5, wrong);
        InputDataException e = assertThrows(InputDataException.class, () -> read(file, basic));
        assertEquals(file + ": 995 of 1,000 rows read so far are malformed (99.5%, more than the 5% allowed by"
                + " max-malformed); the first: " + file + ", line 7, column 'Total': value '0,5' is not a number"
                + " (decimal separator '.', no thousands separator, e.g. 1234.5) for amount (format.decimal /"
                + " format.thousands in mapping " + basic + "); is this the right file and format?", e.getMessage());
        // a small file is judged at its end
        Path small = resource("mapped/bad-number.csv");
        InputDataException end = assertThrows(InputDataException.class, () -> read(small, basic));
        assertTrue(end.getMessage().startsWith(small + ": 1 of "), end.getMessage());
        assertTrue(end.getMessage().endsWith("; is this the right file and format?"), end.getMessage());
    }

    @Test
    void countsKeptRowsThatRepeatAnEarlierKeptRowInEveryField() throws IOException {
        Path file = rowsAnd("dups.csv", 40, "C1,O1,2011-01-01 10:00:00,1,11,toys", "C1,O1,2011-01-01 10:00:00,1,11,toys",
                "C1,O1,2011-01-01 10:00:00,1,11,games");
        DataQuality q = read(file, resource("mapped/basic.properties")).quality();
        assertEquals(43, q.rowsKept());
        assertEquals(2, q.duplicateRows()); // line 3 (C1,O1,...,11,toys) is repeated twice; "games" differs
    }

    @Test
    void checksTheMappingItself() throws IOException {
        Path data = write("d.csv", "c,a\nx,1\n");
        record Case(String mapping, String message) {
        }
        for (Case c : List.of(
                new Case("field.amount=a\n", "field.customer is required"),
                new Case("field.customer=c\n", "no money column: map field.amount, or field.unit_price"),
                new Case("field.customer=c\nfield.amount=a\nfield.customer=a\n", "key field.customer is given twice"),
                new Case("field.customer=c\nfield.amount=a\nformat.decimal=;\n", "format.decimal ';' is not supported"),
                new Case("field.customer=c\nfield.amount=a\nformat.decimal=,\nformat.thousands=,\n", "must differ"),
                new Case("field.customer=c\nfield.amount=a\nformat.encoding=klingon\n", "format.encoding 'klingon'"),
                new Case("field.customer=c\nfield.amount=a\nformat.timestamp=yyyy-MM-dd bb\n", "format.timestamp 'yyyy-MM-dd bb' is not a date-time pattern"),
                new Case("field.customer=c\nfield.amount=a\nformat.timestamp=HH:mm\n", "does not give a full date"),
                new Case("field.customer=c\nfield.amount=a\nformat.header=yes\n", "format.header 'yes' is not true or false"),
                new Case("field.customer=c\nfield.amount=a\nformat.delimiter=;;\n", "format.delimiter ';;' is not one character"),
                new Case("field.customer=c\nfield.amount=a\nclean.drop-order-prefix=C\n", "clean.drop-order-prefix needs field.order"),
                new Case("field.customer=c\nfield.amount=a\nclean.drop-nonpositive-quantity=true\n", "needs field.quantity"),
                new Case("field.customer=c\nfield.amount=a\nextra.categorical=Region\n", "extra column 'Region' would be named region, which is already the canonical field region"),
                new Case("field.customer=c\nfield.amount=a\nextra.categorical=A b\nextra.numeric=a-b\n", "extra column 'a-b' would be named a_b"),
                new Case("# nothing\n", "has no keys"))) {
            Path mapping = write("case.properties", c.mapping());
            SegmentaException e = assertThrows(SegmentaException.class, () -> read(data, mapping), c.mapping());
            assertContains(e.getMessage(), "mapping " + mapping, c.message());
        }
    }

    @Test
    void reportsAMissingOptionMappingFileAndDataFile() throws IOException {
        Path data = write("d.csv", "c,a\nx,1\n");
        SegmentaException noOption = assertThrows(SegmentaException.class,
                () -> source.read(data, new RecordingContext()));
        assertContains(noOption.getMessage(), "needs the option mapping=<file.properties>");
        Path absent = tmp.resolve("absent.properties");
        assertEquals("no such mapping file: " + absent,
                assertThrows(SegmentaException.class, () -> read(data, absent)).getMessage());
        Path noData = tmp.resolve("absent.csv");
        assertEquals("no such file: " + noData, assertThrows(SegmentaException.class,
                () -> read(noData, resource("mapped/basic.properties"))).getMessage());
        Path latin1 = tmp.resolve("latin1.properties");
        Files.write(latin1, "field.customer=R\u00e9gion\nfield.amount=a\n".getBytes(StandardCharsets.ISO_8859_1));
        assertContains(assertThrows(SegmentaException.class, () -> read(data, latin1)).getMessage(),
                "not UTF-8 text; save the mapping file as UTF-8");
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() throws IOException {
        Path file = tmp.resolve("many.csv");
        int rows = 2 * MappedCsvSource.PROGRESS_EVERY;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(BASIC_HEADER + "\n");
            for (int i = 0; i < rows; i++) {
                w.write("C" + (i % 300) + ",O-" + (i / 4) + ",2011-01-01 10:00:00,1,1.5,toys\n");
            }
        }
        RecordingContext context = mapping(resource("mapped/basic.properties"));
        SourceData data = source.read(file, context);
        assertEquals(rows, data.quality().rowsKept());
        assertEquals(List.of("bytes read, 100,000 rows", "bytes read, 200,000 rows", "bytes read, 200,000 rows"),
                context.progress.stream().map(RecordingContext.Progress::unit).toList());
        assertTrue(context.progress.get(0).done() < context.progress.get(0).total(), "part way");
        assertEquals(context.progress.get(2).total(), context.progress.get(2).done(), "the whole file at the end");

        RecordingContext cancelled = new RecordingContext(Map.of("mapping", resource("mapped/basic.properties").toString()), 0);
        // the API's one cancellation convention: StageContext.checkCancelled, saying where the read stopped
        assertEquals("cancelled: mapped-csv after 100,000 rows",
                assertThrows(RunCancelledException.class, () -> source.read(file, cancelled)).getMessage());
    }

    @Test
    void reportsACorruptGzipFileAndAnUnclosedQuote() throws IOException {
        byte[] plain = Files.readAllBytes(resource("mapped/basic.csv"));
        Path whole = tmp.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(plain);
        }
        byte[] gz = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        SegmentaException e = assertThrows(SegmentaException.class, () -> read(cut, resource("mapped/basic.properties")));
        assertTrue(e.getMessage().startsWith(cut + ": cannot read it"), e.getMessage());

        Path quote = write("quote.csv", BASIC_HEADER + "\nA1,O-1,2011-01-03 10:00:00,2,10.50,toys\n"
                + "A1,O-1,2011-01-03 10:00:00,1,4.25,\"books\n");
        InputDataException q = assertThrows(InputDataException.class, () -> read(quote, resource("mapped/basic.properties")));
        assertEquals(3, q.line());
        assertTrue(q.getMessage().startsWith(quote + ", line 3: malformed CSV"), q.getMessage());
    }

    @Test
    void readsWindows1252AndNamesItsUndefinedBytes() throws IOException {
        Path mapping = write("m.properties", "format.encoding=windows-1252\nfield.customer=c\nfield.amount=a\n"
                + "extra.categorical=n\n");
        Path good = tmp.resolve("good.csv");
        Files.write(good, "c,a,n\nx,1,\u20ac uro\n".getBytes(Charset.forName("windows-1252")));
        CategoricalColumn n = (CategoricalColumn) read(good, mapping).transactions().column("n").orElseThrow();
        assertEquals(List.of("\u20ac uro"), n.levels()); // 0x80 is the euro sign in windows-1252
        Path bad = tmp.resolve("bad.csv");
        Files.write(bad, new byte[] {'c', ',', 'a', ',', 'n', '\n', 'x', ',', '1', ',', (byte) 0x81, '\n'});
        InputDataException e = assertThrows(InputDataException.class, () -> read(bad, mapping));
        assertEquals(2, e.line());
        assertContains(e.getMessage(), "line 2: bytes 0x81 at column 5 are not valid windows-1252 text");
    }

    /** One encoding rule for every source (docs/reliability.md): option encoding, as every source has it. */
    @Test
    void optionEncodingOverridesTheMappingsEncoding() throws IOException {
        Path utf8 = write("utf8-mapping.properties", Files.readString(resource("mapped/european.properties"))
                .replace("format.encoding=ISO-8859-1\n", ""));
        Path file = resource("mapped/european.csv");
        SourceData latin1 = source.read(file, new RecordingContext(Map.of("mapping", utf8.toString(), "encoding",
                "ISO-8859-1"), Integer.MAX_VALUE));
        assertEquals(read(file, resource("mapped/european.properties")).quality(), latin1.quality());

        // given, it is the option the message names
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(file, new RecordingContext(
                Map.of("mapping", resource("mapped/european.properties").toString(), "encoding", "UTF-8"),
                Integer.MAX_VALUE)));
        assertEquals(file + ", line 1: bytes 0xE9 at column 53 are not valid UTF-8 text; set option encoding to the"
                + " file's encoding (e.g. encoding=windows-1252 or encoding=ISO-8859-1)", e.getMessage());
    }
}
