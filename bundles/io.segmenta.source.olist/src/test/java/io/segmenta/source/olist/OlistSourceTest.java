package io.segmenta.source.olist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.InputDataException;
import io.segmenta.api.RunCancelledException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.StageKind;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written folder src/test/resources/olist: nine orders, eleven item lines. What each order is for:
 * <pre>
 * order (id ...a00k) customer (unique)  status       items  payments                 purpose
 * 1 (ids quoted)     c1 (u1)            delivered    2      45 voucher seq1, 45 card  proportional spread, payment
 *                                                           seq2 (6x), 20 voucher     tie, 2 reviews (one spans lines)
 * 2                  c2 (u1 again)      delivered    1      120 boleto                untranslated category, seller
 *                                                                                     not in sellers, no delivery date
 * 3                  c3                 canceled     1      18                        status not kept
 * 4                  c4                 unavailable  0      -                         order has no items
 * 5                  c9 (not in table)  delivered    1      12                        unknown customer_id
 * 6                  c5                 delivered    1      12                        missing purchase timestamp
 * 7                  c6                 delivered    1      -                         order has no payments
 * 8                  c7                 shipped      2      72                        kept with statuses=...,shipped
 * 9                  c4 (u3)            delivered    1      50 card 2x                empty category, late delivery
 * </pre>
 * Plus an item of order ...a063 (99) and a payment and a review of order ...a04d (77), neither in the orders.
 * Customers are gzipped (with quoted ids and zip prefixes with leading zeros), the translation has a BOM, the
 * products and sellers have the original quoting.
 */
class OlistSourceTest {
    /** A context with these options, never cancelled. */
    static RecordingContext context(Map<String, String> options) {
        return new RecordingContext(options, Integer.MAX_VALUE);
    }

    /** A context with max-malformed=0: the first malformed row stops the read. */
    static RecordingContext strict() {
        return context(Map.of("max-malformed", "0"));
    }

    /** The info lines that contain the text. */
    static List<String> infosWith(RecordingContext context, String text) {
        return context.infos.stream().filter(s -> s.contains(text)).toList();
    }

    @TempDir
    Path tmp;

    private final OlistSource source = new OlistSource();
    private int copies;

    static String order(int k) {
        return String.format("%032x", 0xa000 + k);
    }

    static String unique(int k) {
        return String.format("%032x", 0xe000 + k);
    }

    static String product(int k) {
        return String.format("%032x", 0xb000 + k);
    }

    static String seller(int k) {
        return String.format("%032x", 0xd000 + k);
    }

    static Path folder() {
        try {
            return Path.of(OlistSourceTest.class.getResource("/olist/olist_orders_dataset.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(String isoDateTime) {
        return TimestampColumn.toEpochSeconds(LocalDateTime.parse(isoDateTime.replace(' ', 'T')));
    }

    private static List<String> values(CategoricalColumn column) {
        List<String> list = new ArrayList<>();
        for (int r = 0; r < column.size(); r++) {
            list.add(column.value(r));
        }
        return list;
    }

    private static List<String> categorical(TransactionTable t, TransactionField field) {
        return values(t.categorical(field).orElseThrow(() -> new AssertionError(field + " absent")));
    }

    private static double[] numeric(TransactionTable t, TransactionField field) {
        return t.numeric(field).orElseThrow(() -> new AssertionError(field + " absent")).values();
    }

    private static void assertRejection(Rejection r, String reason, long count, String fileName, List<Long> lines) {
        assertEquals(reason, r.reason());
        assertEquals(count, r.count(), reason);
        assertTrue(r.file().endsWith(fileName), r.file());
        assertEquals(lines, r.firstLines(), reason);
    }

    /** A copy of the test folder without the named files, with the given files replaced. */
    private Path copy(List<String> without, Map<String, String> replaced) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("copy" + copies++));
        try (Stream<Path> files = Files.list(folder())) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!without.contains(name) && !replaced.containsKey(name)) {
                    Files.copy(f, dir.resolve(name));
                }
            }
        }
        for (Map.Entry<String, String> e : replaced.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    @Test
    void describesItself() {
        assertEquals("olist", source.name());
        assertEquals(StageKind.SOURCE, source.kind());
        assertEquals(List.of("monetary", "statuses", "dimensions", "max-malformed", "encoding"),
                source.options().stream().map(o -> o.name()).toList());
    }

    @Test
    void isFoundByServiceLoader() {
        // bnd writes META-INF/services into target/classes, so the class path finds it as the module path would.
        List<String> names = ServiceLoader.load(DataSource.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("olist"), names.toString());
    }

    @Test
    void readsTheTestFolderIntoOneRowPerKeptItemLine() {
        RecordingContext context = new RecordingContext();
        SourceData data = source.read(folder(), context);
        TransactionTable t = data.transactions();

        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "unit_price", "seller", "product",
                "category", "region", "city", "seller_city", "seller_region", "payment_type", "payment_installments",
                "review_score", "delivery_delay_days", "status"), List.copyOf(t.columns().keySet()));
        assertEquals(4, t.rowCount()); // item lines 2 and 4 of order 1, then orders 2 and 9
        // customer_unique_id, not customer_id: orders 1 and 2 are the same person
        assertEquals(List.of(unique(1), unique(1), unique(1), unique(3)), values(t.customer()));
        assertEquals(List.of(order(1), order(1), order(2), order(9)), values(t.order()));
        assertArrayEquals(new long[] {seconds("2017-10-02 10:56:33"), seconds("2017-10-02 10:56:33"),
            seconds("2018-01-15 08:00:00"), seconds("2017-06-01 14:00:00")}, t.timestamp().epochSeconds());
        assertArrayEquals(new double[] {1, 1, 1, 1}, t.quantity().values());
        // order 1 paid 45 + 45 + 20 = 110 for lines of 60+10 and 25+5: 110 * 70/100 and 110 * 30/100
        assertArrayEquals(new double[] {77, 33, 120, 50}, t.amount().values(), 1e-9);
        assertArrayEquals(new double[] {60, 25, 100, 50}, numeric(t, TransactionField.UNIT_PRICE));
        assertEquals(List.of(seller(1), seller(2), seller(3), seller(1)), categorical(t, TransactionField.SELLER));
        assertEquals(List.of(product(1), product(3), product(2), product(4)), categorical(t, TransactionField.PRODUCT));
        // translated; pc_gamer has no translation (as in the real table); product 4 has no category
        assertEquals(Arrays.asList("health_beauty", "computers_accessories", "pc_gamer", null),
                categorical(t, TransactionField.CATEGORY));
        assertEquals(List.of("SP", "SP", "SP", "MG"), categorical(t, TransactionField.REGION));
        assertEquals(List.of("sao paulo", "sao paulo", "sao paulo", "belo horizonte"),
                categorical(t, TransactionField.CITY));
        // seller 3 is not in the sellers table
        assertEquals(Arrays.asList("sao paulo", "campinas", null, "sao paulo"), categorical(t, TransactionField.SELLER_CITY));
        assertEquals(Arrays.asList("SP", "SP", null, "SP"), categorical(t, TransactionField.SELLER_REGION));
        // order 1: voucher 45 (seq 1) ties with credit card 45 (seq 2, listed first): the lower sequential wins
        assertEquals(List.of("voucher", "voucher", "boleto", "credit_card"), categorical(t, TransactionField.PAYMENT_TYPE));
        assertArrayEquals(new double[] {6, 6, 1, 2}, numeric(t, TransactionField.PAYMENT_INSTALLMENTS));
        assertArrayEquals(new double[] {4.5, 4.5, Double.NaN, Double.NaN}, numeric(t, TransactionField.REVIEW_SCORE));
        // 2017-10-10 12:00 vs 2017-10-18 00:00: 7.5 days early; order 2 has no delivery date; order 9 1.75 days late
        assertArrayEquals(new double[] {-7.5, -7.5, Double.NaN, 1.75}, numeric(t, TransactionField.DELIVERY_DELAY_DAYS),
                1e-12);
        assertEquals(List.of("delivered", "delivered", "delivered", "delivered"), categorical(t, TransactionField.STATUS));

        DataQuality q = data.quality();
        assertEquals("olist", q.source());
        assertEquals(8, q.inputs().size());
        assertEquals(12, q.rowsRead()); // 11 item lines + order 4, which has none
        assertEquals(4, q.rowsKept());
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        List<Rejection> r = q.rejections();
        assertEquals(8, r.size());
        String items = "olist_order_items_dataset.csv";
        assertRejection(r.get(0), OlistSource.UNKNOWN_ORDER, 1, items, List.of(3L));
        assertRejection(r.get(1), OlistSource.NO_ITEMS, 1, "olist_orders_dataset.csv", List.of(5L));
        assertRejection(r.get(2), OlistSource.UNKNOWN_CUSTOMER, 1, items, List.of(7L));
        assertRejection(r.get(3), OlistSource.MISSING_TIMESTAMP, 1, items, List.of(8L));
        assertRejection(r.get(4), "status canceled not kept", 1, items, List.of(6L));
        assertRejection(r.get(5), "status shipped not kept", 2, items, List.of(10L, 11L));
        assertRejection(r.get(6), "status unavailable not kept", 0, items, List.of()); // its order had no items
        assertRejection(r.get(7), OlistSource.NO_PAYMENTS, 1, items, List.of(9L));
        assertEquals(seconds("2017-06-01 14:00:00"), q.firstTimestamp());
        assertEquals(seconds("2018-01-15 08:00:00"), q.lastTimestamp());
        assertEquals(Map.of("customers", 2L, "orders", 3L, "sellers", 3L, "products", 4L), q.entityCounts());

        assertEquals(1, infosWith(context, "1 payment rows of orders not in").size(), context.infos.toString());
        assertEquals(1, infosWith(context, "1 reviews of orders not in").size(), context.infos.toString());
        assertEquals(1, infosWith(context, "1 seller_ids not in").size(), context.infos.toString());
        assertEquals(1, infosWith(context, "9 orders by status: delivered 6, canceled 1, shipped 1, unavailable 1; "
                + "kept: delivered").size(), context.infos.toString());
        RecordingContext.Progress end = context.progress.get(context.progress.size() - 1);
        assertEquals("bytes read, 49 rows", end.unit());
        assertEquals(end.total(), end.done(), "every table read");
    }

    @Test
    void monetaryItemsIsPricePlusFreightAndKeepsOrdersWithoutPayments() {
        RecordingContext context = context(Map.of("monetary", "items"));
        SourceData data = source.read(folder(), context);
        TransactionTable t = data.transactions();
        assertEquals(List.of(order(1), order(1), order(2), order(7), order(9)), values(t.order()));
        assertArrayEquals(new double[] {70, 30, 120, 12, 50}, t.amount().values(), 1e-9);
        // order 7 has no payment: no type, no instalments
        assertNull(t.categorical(TransactionField.PAYMENT_TYPE).orElseThrow().value(3));
        assertTrue(Double.isNaN(numeric(t, TransactionField.PAYMENT_INSTALLMENTS)[3]));
        List<Rejection> r = data.quality().rejections();
        assertEquals(7, r.size());
        assertFalse(r.stream().anyMatch(x -> x.reason().equals(OlistSource.NO_PAYMENTS)));
        assertEquals(data.quality().rowsRead(), data.quality().rowsKept() + data.quality().rowsRejected());
    }

    @Test
    void aLineWhoseAmountOverflowsIsCountedInsteadOfKept() throws IOException {
        // order 2 has one line; price and freight are finite (10^308 each, in plain digits), their sum is not
        String items = Files.readString(folder().resolve("olist_order_items_dataset.csv"));
        String huge = "1" + "0".repeat(308);
        Path dir = copy(List.of(), Map.of("olist_order_items_dataset.csv",
                items.replace(",100.00,20.00", "," + huge + "," + huge)));
        SourceData before = source.read(folder(), context(Map.of("monetary", "items")));
        for (String monetary : List.of("items", "payment")) {
            SourceData data = source.read(dir, context(Map.of("monetary", monetary)));
            DataQuality q = data.quality();
            String reason = monetary.equals("items") ? OlistSource.ITEM_OVERFLOW : OlistSource.PAYMENT_OVERFLOW;
            Rejection overflow = q.rejections().stream().filter(x -> x.reason().equals(reason)).findFirst()
                    .orElseThrow(() -> new AssertionError(reason + " not in " + q.rejections()));
            assertRejection(overflow, reason, 1, "olist_order_items_dataset.csv", List.of(5L));
            assertFalse(values(data.transactions().order()).contains(order(2)), monetary);
            assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected(), monetary);
            for (double amount : data.transactions().amount().values()) {
                assertTrue(Double.isFinite(amount), monetary);
            }
        }
        assertEquals("amount is not a finite number (price + freight overflows)", OlistSource.ITEM_OVERFLOW);
        assertEquals(before.quality().rowsKept() - 1,
                source.read(dir, context(Map.of("monetary", "items"))).quality().rowsKept());
    }

    @Test
    void statusesOptionKeepsTheListedStatuses() {
        RecordingContext context = context(Map.of("statuses", " Delivered , shipped,approved"));
        SourceData data = source.read(folder(), context);
        TransactionTable t = data.transactions();
        assertEquals(List.of(order(1), order(1), order(2), order(8), order(8), order(9)), values(t.order()));
        // 72 paid for two equal lines
        assertArrayEquals(new double[] {77, 33, 120, 36, 36, 50}, t.amount().values(), 1e-9);
        assertEquals(List.of("delivered", "delivered", "delivered", "shipped", "shipped", "delivered"),
                categorical(t, TransactionField.STATUS));
        assertEquals(List.of(OlistSource.UNKNOWN_ORDER, OlistSource.NO_ITEMS, OlistSource.UNKNOWN_CUSTOMER,
                OlistSource.MISSING_TIMESTAMP, "status canceled not kept", "status unavailable not kept",
                OlistSource.NO_PAYMENTS), data.quality().rejections().stream().map(Rejection::reason).toList());
        assertEquals(12, data.quality().rowsRead());
        assertEquals(6, data.quality().rowsKept());
        assertEquals(1, infosWith(context, "kept: delivered,shipped,approved; ").size(), context.infos.toString());
        assertEquals(1, infosWith(context, "no order has status approved").size(), context.infos.toString());
        // the two lines of order 8 are equal in every column (two units of one product)
        assertEquals(1, data.quality().duplicateRows());
        assertEquals(0, source.read(folder(), new RecordingContext()).quality().duplicateRows());
    }

    @Test
    void badOptionsAreRejected() {
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> source.read(folder(), context(Map.of("monetary", "gmv"))));
        assertEquals("option monetary: 'gmv' is not one of payment, items", e.getMessage());
        e = assertThrows(SegmentaException.class,
                () -> source.read(folder(), context(Map.of("statuses", " , "))));
        assertTrue(e.getMessage().startsWith("option statuses: expected order statuses"), e.getMessage());
        Path nowhere = tmp.resolve("nowhere");
        e = assertThrows(SegmentaException.class,
                () -> source.read(folder(), context(Map.of("dimensions", nowhere.toString()))));
        assertEquals("option dimensions: " + nowhere + " is not a folder", e.getMessage());
    }

    @Test
    void aMissingRequiredFileIsNamedWithTheFolder() throws IOException {
        Path dir = copy(List.of("olist_order_payments_dataset.csv"), Map.of());
        SegmentaException e = assertThrows(SegmentaException.class, () -> source.read(dir, new RecordingContext()));
        assertEquals("the olist source needs olist_order_payments_dataset.csv (or olist_order_payments_dataset.csv.gz) in "
                + dir + ", and it is not there", e.getMessage());
    }

    @Test
    void aFileOrAMissingFolderIsNotAnInput() {
        Path file = folder().resolve("olist_orders_dataset.csv");
        SegmentaException e = assertThrows(SegmentaException.class, () -> source.read(file, new RecordingContext()));
        assertTrue(e.getMessage().startsWith(file + " is a file; the olist source reads a folder"), e.getMessage());
        Path missing = tmp.resolve("missing");
        e = assertThrows(SegmentaException.class, () -> source.read(missing, new RecordingContext()));
        assertEquals("no such folder: " + missing, e.getMessage());
    }

    @Test
    void bothPlainAndGzipIsAmbiguous() throws IOException {
        Path dir = copy(List.of(), Map.of("olist_customers_dataset.csv", "customer_id\n"));
        SegmentaException e = assertThrows(SegmentaException.class, () -> source.read(dir, new RecordingContext()));
        assertEquals(dir + " has both olist_customers_dataset.csv and olist_customers_dataset.csv.gz; keep only one",
                e.getMessage());
    }

    @Test
    void withoutOptionalTablesTheirColumnsAreAbsentAndSaidSo() throws IOException {
        Path dir = copy(List.of("olist_products_dataset.csv", "product_category_name_translation.csv",
                "olist_sellers_dataset.csv", "olist_order_reviews_dataset.csv"), Map.of());
        RecordingContext context = new RecordingContext();
        SourceData data = source.read(dir, context);
        TransactionTable t = data.transactions();
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "unit_price", "seller", "product",
                "region", "city", "payment_type", "payment_installments", "delivery_delay_days", "status"),
                List.copyOf(t.columns().keySet()));
        assertEquals(4, t.rowCount());
        assertEquals(4, data.quality().inputs().size());
        assertEquals(1, infosWith(context, "no olist_products_dataset.csv(.gz) in " + dir
                + ": the category column will be absent").size(), context.infos.toString());
        assertEquals(1, infosWith(context, "no olist_sellers_dataset.csv(.gz) in " + dir
                + ": the seller_city and seller_region columns will be absent").size(), context.infos.toString());
        assertEquals(1, infosWith(context, "no olist_order_reviews_dataset.csv(.gz) in " + dir
                + ": the review_score column will be absent").size(), context.infos.toString());
    }

    @Test
    void optionalTablesAreFoundInTheDimensionsFolder() throws IOException {
        Path dir = copy(List.of("olist_products_dataset.csv", "product_category_name_translation.csv"), Map.of());
        Path dims = Files.createDirectories(tmp.resolve("dims"));
        Files.copy(folder().resolve("olist_products_dataset.csv"), dims.resolve("olist_products_dataset.csv"));
        RecordingContext context = context(Map.of("dimensions", dims.toString()));
        SourceData data = source.read(dir, context);
        // no translation anywhere: the Portuguese names
        assertEquals(Arrays.asList("beleza_saude", "informatica_acessorios", "pc_gamer", null),
                categorical(data.transactions(), TransactionField.CATEGORY));
        assertEquals(1, infosWith(context, "no product_category_name_translation.csv(.gz) in " + dir + " or " + dims
                + ": categories will be the Portuguese names").size(), context.infos.toString());
    }

    @Test
    void aBadValueAfterAMultiLineReviewIsReportedAtTheLineItStarts() throws IOException {
        String reviews = Files.readString(folder().resolve("olist_order_reviews_dataset.csv"));
        // the fourth review starts on line 8: review 1 spans lines 2-3, review 3 lines 5-7
        String bad = reviews.replace(order(77) + ",3,", order(77) + ",three,");
        Path dir = copy(List.of(), Map.of("olist_order_reviews_dataset.csv", bad));
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(dir, strict()));
        assertEquals(8, e.line());
        assertEquals("review_score", e.column());
        assertEquals("three", e.value());
        assertTrue(e.file().endsWith("olist_order_reviews_dataset.csv"), e.file());
    }

    @Test
    void aBadPriceNamesFileLineColumnAndValue() throws IOException {
        String items = Files.readString(folder().resolve("olist_order_items_dataset.csv"));
        Path comma = copy(List.of(), Map.of("olist_order_items_dataset.csv", items.replace(",100.00,", ",100,00,")));
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(comma, strict()));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("found 8 fields, expected 7"), e.getMessage());

        Path dir = copy(List.of(), Map.of("olist_order_items_dataset.csv", items.replace(",100.00,", ",R$100,")));
        Path finalDir = dir;
        e = assertThrows(InputDataException.class, () -> source.read(finalDir, strict()));
        assertEquals(finalDir.resolve("olist_order_items_dataset.csv") + ", line 5, column 'price': value 'R$100' is "
                + "not a number (digits with '.' as the decimal point, e.g. 29.99)", e.getMessage());
    }

    @Test
    void aBadDateAndADuplicateOrderAreErrors() throws IOException {
        String orders = Files.readString(folder().resolve("olist_orders_dataset.csv"));
        Path dir = copy(List.of(), Map.of("olist_orders_dataset.csv", orders.replace("2018-01-15 08:00:00", "15/01/2018 08:00")));
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(dir, strict()));
        assertEquals(3, e.line());
        assertEquals("order_purchase_timestamp", e.column());
        assertEquals("15/01/2018 08:00", e.value());

        String duplicated = orders + order(2) + "," + String.format("%032x", 0xc001) + ",delivered,2018-01-15 08:00:00,,,,\n";
        Path dir2 = tmp.resolve("dup");
        Files.createDirectories(dir2);
        try (Stream<Path> files = Files.list(folder())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir2.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir2.resolve("olist_orders_dataset.csv"), duplicated);
        e = assertThrows(InputDataException.class, () -> source.read(dir2, new RecordingContext()));
        assertEquals(11, e.line());
        assertEquals(order(2), e.value());
        assertTrue(e.getMessage().contains("(first at line 3)"), e.getMessage());
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        String payments = Files.readString(folder().resolve("olist_order_payments_dataset.csv"));
        Path dir = copy(List.of(), Map.of("olist_order_payments_dataset.csv",
                payments.replace("payment_value", "value")));
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(dir, new RecordingContext()));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("missing required column payment_value;"), e.getMessage());

        Path empty = copy(List.of(), Map.of("olist_order_payments_dataset.csv", ""));
        e = assertThrows(InputDataException.class, () -> source.read(empty, new RecordingContext()));
        assertEquals(empty.resolve("olist_order_payments_dataset.csv")
                + ": the file is empty; expected a CSV with a header", e.getMessage());
    }

    @Test
    void countsMalformedItemAndOrderRowsAndSaysWhichLookupRowsWereSkipped() throws IOException {
        Path dir = manyOrders(60);
        Path items = dir.resolve("olist_order_items_dataset.csv");
        Path orders = dir.resolve("olist_orders_dataset.csv");
        Path payments = dir.resolve("olist_order_payments_dataset.csv");
        replaceLine(items, 11, "o9,1,p9,s1,R$10,1.5");       // bad price
        replaceLine(orders, 21, "o19,c19,delivered,19/01/2018 10:00"); // bad date: its item is then unknown
        replaceLine(payments, 31, "o29,1,boleto,one,11.5");   // bad installments: a lookup row
        Files.writeString(items, "o60,1,p0", StandardOpenOption.APPEND); // truncated last line
        RecordingContext context = new RecordingContext();
        DataQuality q = source.read(dir, context).quality();
        assertEquals(List.of(
                new Rejection("malformed: price is not a number", 1, items.toString(), List.of(11L)),
                new Rejection(MalformedRows.WRONG_WIDTH, 1, items.toString(), List.of(62L)),
                new Rejection("malformed: order_purchase_timestamp is not a date-time", 1, orders.toString(),
                        List.of(21L))), q.rejections().subList(0, 3));
        assertRejection(q.rejections().get(3), OlistSource.UNKNOWN_ORDER, 1, "olist_order_items_dataset.csv",
                List.of(21L));
        // 59 item lines parsed + 2 malformed item lines + 1 malformed order row + order o9, whose only item line
        // was malformed, counted once as an order without items
        assertEquals(63, q.rowsRead());
        assertRejection(q.rejections().get(4), OlistSource.NO_ITEMS, 1, "olist_orders_dataset.csv", List.of(11L));
        assertEquals(57, q.rowsKept()); // o9 and o60 malformed, o19 unknown, o29 without payments
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        assertEquals(List.of(payments + ": 1 malformed row(s) skipped: payment_installments is not a whole number 1"
                + " (line 31); their orders' payments lack them"), infosWith(context, "malformed"));

        // strict: the first malformed row read stops the read (orders are read before items)
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(dir, strict()));
        assertEquals(orders + ", line 21, column 'order_purchase_timestamp': value '19/01/2018 10:00' is not a"
                + " date-time as yyyy-MM-dd HH:mm:ss", e.getMessage());
    }

    @Test
    void aTruncatedLastLineIsCountedByDefaultAndAnErrorWhenStrict() throws IOException {
        Path dir = manyOrders(50);
        Path items = dir.resolve("olist_order_items_dataset.csv");
        Files.writeString(items, "o50,1,p0,s1", StandardOpenOption.APPEND);
        DataQuality q = source.read(dir, new RecordingContext()).quality();
        assertEquals(new Rejection(MalformedRows.WRONG_WIDTH, 1, items.toString(), List.of(52L)), q.rejections().get(0));
        assertEquals(50, q.rowsKept());
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(dir, strict()));
        assertEquals(items + ", line 52: found 4 fields, expected 6 as in the header (a truncated line, or a value"
                + " with an unquoted comma?)", e.getMessage());
    }

    @Test
    void stopsWhenMoreThanTheAllowedShareOfAFilesRowsIsMalformed() throws IOException {
        Path dir = manyOrders(3000);
        Path items = dir.resolve("olist_order_items_dataset.csv");
        // prices with a decimal comma, quoted: every line but the header is malformed
        List<String> lines = Files.readAllLines(items);
        for (int k = 1; k < lines.size(); k++) {
            lines.set(k, lines.get(k).replace(",10.0,", ",\"10,0\","));
        }
        Files.write(items, lines);
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(dir, new RecordingContext()));
        assertEquals(items + ": 1,000 of 1,000 rows read so far are malformed (100.0%, more than the 5% allowed by"
                + " max-malformed); the first: " + items + ", line 2, column 'price': value '10,0' is not a number"
                + " (digits with '.' as the decimal point, e.g. 29.99); is this the right file and format?",
                e.getMessage());
        // the same in a lookup table
        Path dir2 = manyOrders(3000, "many2");
        Path payments = dir2.resolve("olist_order_payments_dataset.csv");
        Files.writeString(payments, Files.readString(payments).replace(",1,boleto,", ",first,boleto,"));
        e = assertThrows(InputDataException.class, () -> source.read(dir2, context(Map.of("max-malformed", "10%"))));
        assertTrue(e.getMessage().startsWith(payments + ": 1,000 of 1,000 rows read so far are malformed (100.0%, "
                + "more than the 10% allowed by max-malformed); the first: " + payments + ", line 2, column "
                + "'payment_sequential': value 'first' is not a whole number >= 0"), e.getMessage());
    }

    @Test
    void aHeaderOnlyItemsFileLeavesEveryOrderWithoutItems() throws IOException {
        Path dir = manyOrders(5);
        Files.writeString(dir.resolve("olist_order_items_dataset.csv"),
                "order_id,order_item_id,product_id,seller_id,price,freight_value\n");
        SourceData data = source.read(dir, new RecordingContext());
        assertEquals(0, data.transactions().rowCount());
        assertEquals(5, data.quality().rowsRead());
        assertRejection(data.quality().rejections().get(1), OlistSource.NO_ITEMS, 5, "olist_orders_dataset.csv",
                List.of(2L, 3L, 4L, 5L, 6L));
    }

    @Test
    void aSemicolonOrUtf16FileFailsAtItsHeader() throws IOException {
        Path dir = manyOrders(5);
        Path orders = dir.resolve("olist_orders_dataset.csv");
        String text = Files.readString(orders);
        Files.writeString(orders, text.replace(',', ';'));
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(dir, new RecordingContext()));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("missing required columns order_id, customer_id, order_status, "
                + "order_purchase_timestamp; the header found is: order_id;customer_id;"), e.getMessage());
        assertTrue(e.getMessage().contains("is the delimiter ','?"), e.getMessage());

        Files.write(orders, text.getBytes(StandardCharsets.UTF_16));
        e = assertThrows(InputDataException.class, () -> source.read(dir, new RecordingContext()));
        assertEquals(1, e.line());
        // its byte-order mark (0xFE 0xFF) is not UTF-8: the one encoding rule names the option to set
        assertTrue(e.getMessage().startsWith(orders + ", line 1: bytes 0xFE at column 1 are not valid UTF-8 text;"
                + " set option encoding"), e.getMessage());
    }

    private static void replaceLine(Path file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(line - 1, text);
        Files.write(file, lines);
    }

    private Path manyOrders(int orders) throws IOException {
        return manyOrders(orders, "many");
    }

    /** Writes a folder with {@code orders} orders of one item and one payment each, by one customer each. */
    private Path manyOrders(int orders, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        try (Writer o = Files.newBufferedWriter(dir.resolve("olist_orders_dataset.csv"));
                Writer i = Files.newBufferedWriter(dir.resolve("olist_order_items_dataset.csv"));
                Writer p = Files.newBufferedWriter(dir.resolve("olist_order_payments_dataset.csv"));
                Writer c = Files.newBufferedWriter(dir.resolve("olist_customers_dataset.csv"))) {
            o.write("order_id,customer_id,order_status,order_purchase_timestamp\n");
            i.write("order_id,order_item_id,product_id,seller_id,price,freight_value\n");
            p.write("order_id,payment_sequential,payment_type,payment_installments,payment_value\n");
            c.write("customer_id,customer_unique_id,customer_city,customer_state\n");
            for (int k = 0; k < orders; k++) {
                o.write("o" + k + ",c" + k + ",delivered,2018-01-01 10:00:00\n");
                i.write("o" + k + ",1,p" + (k % 10) + ",s1,10.0,1.5\n");
                p.write("o" + k + ",1,boleto,1,11.5\n");
                c.write("c" + k + ",u" + (k % 1000) + ",x,SP\n");
            }
        }
        return dir;
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() throws IOException {
        Path dir = manyOrders(OlistSource.PROGRESS_EVERY / 2); // 4 files of 50,000 records: 2 steps
        RecordingContext context = new RecordingContext();
        SourceData data = source.read(dir, context);
        assertEquals(OlistSource.PROGRESS_EVERY / 2, data.transactions().rowCount());
        assertEquals(List.of("bytes read, 100,000 rows", "bytes read, 200,000 rows", "bytes read, 200,000 rows"),
                context.progress.stream().map(RecordingContext.Progress::unit).toList());
        // the total is the four tables' sizes; the bytes read grow from one table to the next
        long total = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
        }
        for (RecordingContext.Progress p : context.progress) {
            assertEquals(total, p.total());
        }
        assertTrue(context.progress.get(0).done() < context.progress.get(1).done());
        assertEquals(total, context.progress.get(2).done());
        assertEquals(1_000L, data.quality().entityCounts().get("customers"));
        assertEquals(575_000, Arrays.stream(data.transactions().amount().values()).sum(), 1e-6);
        // no delivery dates in this orders file: no delay column, and it says so
        assertFalse(data.transactions().has(TransactionField.DELIVERY_DELAY_DAYS));
        assertEquals(1, infosWith(context, "the delivery_delay_days column will be absent").size());

        RecordingContext cancelled = RecordingContext.cancelled();
        // the API's one cancellation convention: StageContext.checkCancelled, saying where the read stopped
        SegmentaException e = assertThrows(RunCancelledException.class, () -> source.read(dir, cancelled));
        assertEquals("cancelled: olist after 100,000 rows", e.getMessage());
        assertEquals(1, cancelled.progress.size());
    }

    /** One encoding rule for every source (docs/reliability.md): bytes not valid in the encoding are refused. */
    @Test
    void aByteThatIsNotUtf8IsRefusedNamingFileLineAndColumnAndOptionEncodingReadsIt() throws IOException {
        // a review title written as ISO-8859-1 ("Não", 0xE3); every other table is ASCII
        // (without the category translation, which starts with a UTF-8 byte-order mark)
        Path dir = copy(List.of("product_category_name_translation.csv"), Map.of());
        Path reviews = dir.resolve("olist_order_reviews_dataset.csv");
        String text = Files.readString(reviews).replace(",4,Bom,", ",4,N\u00e3o,");
        Files.write(reviews, text.getBytes(StandardCharsets.ISO_8859_1));
        InputDataException e = assertThrows(InputDataException.class, () -> source.read(dir, context(Map.of())));
        assertEquals(reviews + ", line 2: bytes 0xE3 at column 70 are not valid UTF-8 text; set option encoding to"
                + " the file's encoding (e.g. encoding=windows-1252 or encoding=ISO-8859-1)", e.getMessage());

        DataQuality latin1 = source.read(dir, context(Map.of("encoding", "ISO-8859-1"))).quality();
        assertEquals(source.read(folder(), context(Map.of())).quality().rowsKept(), latin1.rowsKept());
    }
}
