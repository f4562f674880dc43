package io.segmenta.source.padi;

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
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.StageKind;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests against the hand-made export in src/test/resources/padi (see docs/sources/padi-umkm.md): 18 rows of
 * df_order for 12 orders, 17 lines in df_order_complete, 8 users in df_users.csv.gz, and df_products.csv.
 */
class PadiUmkmSourceTest {
    private static final String O = "63f2c4a17255a77e0e6f0a";
    private static final String B1 = "66696b27cc8b6b09f45e1f01";
    private static final String B2 = "63205e0636adb3394d512ab0";
    private static final String B3 = "632030dd36adb3394d4fbf51";
    private static final String BX = "631e202adf5e0b1702af8b4c"; // not in df_users
    private static final String S1 = "631a506f7255a77e0e6e28e7";
    private static final String S2 = "631a508a7255a77e0e6e44a3";
    private static final String S3 = "64e70b3c836684545cbce979";
    private static final String S4 = "631a53b15b9755003d261925";
    private static final String SX = "64ed95c05100591f84ec5d64"; // not in df_users

    @TempDir
    Path tmp;

    private final PadiUmkmSource source = new PadiUmkmSource();

    private static Path fixture() {
        try {
            return Path.of(PadiUmkmSourceTest.class.getResource("/padi/df_order.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the fixture folder. */
    private Path copy() throws IOException {
        Path dir = tmp.resolve("export");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(fixture())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static String text(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path file, String content) throws IOException {
        try (OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Replaces the first line (the header) of a file, keeping its compression. */
    private static void header(Path file, String header) throws IOException {
        String t = text(file);
        write(file, header + t.substring(t.indexOf('\n')));
    }

    /** Replaces one line (1-based) of a file, keeping its compression. */
    private static void line(Path file, int number, String content) throws IOException {
        List<String> lines = new ArrayList<>(Arrays.asList(text(file).split("\n", -1)));
        lines.set(number - 1, content);
        write(file, String.join("\n", lines));
    }

    private SourceData read(Path folder) {
        return source.read(folder, new RecordingContext());
    }

    /** Reads with max-malformed=0: the first malformed row stops the read. */
    private SourceData strict(Path folder) {
        return source.read(folder, new RecordingContext(Map.of("max-malformed", "0"), Integer.MAX_VALUE));
    }

    private static long seconds(int y, int mo, int d, int h, int mi, int s) {
        return TimestampColumn.toEpochSeconds(LocalDateTime.of(y, mo, d, h, mi, s));
    }

    private static CategoricalColumn cat(TransactionTable t, String name) {
        return (CategoricalColumn) t.column(name).orElseThrow(() -> new AssertionError("no column " + name));
    }

    private static NumericColumn num(TransactionTable t, String name) {
        return (NumericColumn) t.column(name).orElseThrow(() -> new AssertionError("no column " + name));
    }

    private static List<String> values(CategoricalColumn c) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            v.add(c.value(i));
        }
        return v;
    }

    private static Rejection rejection(DataQuality q, String reason) {
        return q.rejections().stream().filter(r -> r.reason().equals(reason)).findFirst()
                .orElseThrow(() -> new AssertionError("no rejection reason " + reason + " in " + q.rejections()));
    }

    @Test
    void isASourceNamedPadiUmkm() {
        assertEquals("padi-umkm", source.name());
        assertEquals(StageKind.SOURCE, source.kind());
        assertEquals(List.of("max-malformed", "encoding"), source.options().stream().map(o -> o.name()).toList());
        assertFalse(source.description().isBlank());
    }

    @Test
    void isFoundByServiceLoader() {
        List<String> names = ServiceLoader.load(DataSource.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("padi-umkm"), names.toString());
    }

    @Test
    void readsTheExportIntoTheCanonicalColumns() {
        TransactionTable t = read(fixture()).transactions();
        assertEquals(12, t.rowCount());
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "unit_price", "seller", "status",
                "seller_category", "payment_type", "payment_method", "voucher_code", "product_type", "product",
                "category", "subcategory", "subcategory_2", "unit", "tax", "voucher_value", "gmv", "platform_revenue",
                "city", "district", "seller_city", "seller_district"), List.copyOf(t.columns().keySet()));

        // Row 0: the single line of order ...01, as in the first rows of the seed's tables.
        assertEquals(B2, t.customer().value(0));
        assertEquals(O + "01", t.order().value(0));
        assertEquals(seconds(2023, 2, 2, 10, 15, 0), t.timestamp().get(0));
        assertEquals(150.0, t.quantity().get(0));
        assertEquals(27_556_800.0, t.amount().get(0));
        assertEquals(183_712.0, num(t, "unit_price").get(0));
        assertEquals(3_222_349.0, num(t, "tax").get(0));
        assertEquals(S1, cat(t, "seller").value(0));
        assertEquals("Kecil", cat(t, "seller_category").value(0));
        assertEquals("Selesai", cat(t, "status").value(0));
        assertEquals("prepaid", cat(t, "payment_type").value(0));
        assertEquals("BCA", cat(t, "payment_method").value(0));
        assertNull(cat(t, "voucher_code").value(0)); // NaN
        assertEquals(0.0, num(t, "voucher_value").get(0));
        assertEquals("barang", cat(t, "product_type").value(0));
        assertEquals("Selagam Cleaning Service", cat(t, "product").value(0));
        assertEquals("Konveksi & Laundry", cat(t, "category").value(0));
        assertEquals("Jasa Konveksi & Laundry", cat(t, "subcategory").value(0));
        assertEquals("Bordir", cat(t, "subcategory_2").value(0));
        assertEquals("pack", cat(t, "unit").value(0));
        assertEquals(30_779_149.0, num(t, "gmv").get(0));
        assertEquals(138_506.0, num(t, "platform_revenue").get(0));
        assertEquals("Kota Jakarta Selatan", cat(t, "city").value(0));
        assertEquals("Kebayoran Baru", cat(t, "district").value(0));
        assertEquals("Komerling Ulu Selatan", cat(t, "seller_city").value(0));
        assertEquals("Muaradua", cat(t, "seller_district").value(0));

        // Lines in file order, the orders' lines not necessarily together (order ...05 is on rows 3, 6 and 10).
        assertEquals(List.of(O + "01", O + "02", O + "02", O + "05", O + "03", O + "04", O + "05", O + "06", O + "0b",
                O + "0b", O + "05", O + "0c"), values(t.order()));
        assertEquals(List.of(B2, B3, B1, BX), t.customer().levels());
        assertEquals(List.of(S1, S2, S3, S4, SX), cat(t, "seller").levels());
        assertArrayEquals(new double[] {27_556_800, 56_000_000, 52_000_000, 2_137_500, 76_000_000, 383_900, 1_282_500,
            64_000_000, 275_000, 875_000, 855_000, 900_000}, t.amount().values());
        // Three date formats: with a space, date only (midnight), with a T.
        assertEquals(seconds(2023, 2, 3, 0, 0, 0), t.timestamp().get(1));
        assertEquals(seconds(2023, 3, 10, 8, 0, 0), t.timestamp().get(4));
        assertEquals(seconds(2022, 11, 30, 23, 59, 59), t.timestamp().get(8));
    }

    @Test
    void keepsEveryStatusIncludingRefundsAndCancellations() {
        TransactionTable t = read(fixture()).transactions();
        assertEquals(List.of("Selesai", "Selesai", "Selesai", "Selesai", "Dibatalkan", "Refund", "Selesai", "Selesai",
                "Selesai", "Selesai", "Selesai", "Dibatalkan Otomatis"), values(cat(t, "status")));
        assertEquals(List.of("Selesai", "Dibatalkan", "Refund", "Dibatalkan Otomatis"), cat(t, "status").levels());
    }

    @Test
    void keepsTheVoucherAndMissingValuesAsMissing() {
        TransactionTable t = read(fixture()).transactions();
        assertEquals("RAFIPADI30", cat(t, "voucher_code").value(5));
        assertEquals(50_000.0, num(t, "voucher_value").get(5));
        assertEquals(List.of("RAFIPADI30"), cat(t, "voucher_code").levels());
        assertEquals("meter", cat(t, "unit").value(5));
        // "subcat 1" empty and "subcat 2" 0 (order ...03), "subcat 2" NaN (second line of ...0b)
        assertNull(cat(t, "subcategory").value(4));
        assertNull(cat(t, "subcategory_2").value(4));
        assertNull(cat(t, "subcategory_2").value(9));
        assertEquals("00003077/EO Sosialisasi Pemendag 04 & TTD SP", cat(t, "subcategory_2").value(7));
        assertNull(cat(t, "product").value(7)); // empty product name
        assertEquals("Kertas A4, 80gsm", cat(t, "product").value(8)); // a quoted comma
        assertEquals("barang & jasa", cat(t, "product_type").value(8));
        // Buyers have NaN city and district in df_users (row 4: buyer B3).
        assertNull(cat(t, "city").value(4));
        assertNull(cat(t, "district").value(4));
        assertEquals("Kota Bandung", cat(t, "seller_city").value(4));
    }

    @Test
    void keepsLinesOfUsersMissingFromDfUsersWithoutCityAndSaysSo() {
        RecordingContext context = new RecordingContext();
        SourceData data = source.read(fixture(), context);
        TransactionTable t = data.transactions();
        // Row 7: order ...06, buyer BX and seller SX are not in df_users.
        assertEquals(BX, t.customer().value(7));
        assertEquals(SX, cat(t, "seller").value(7));
        assertEquals("Besar", cat(t, "seller_category").value(7));
        assertNull(cat(t, "city").value(7));
        assertNull(cat(t, "district").value(7));
        assertNull(cat(t, "seller_city").value(7));
        assertNull(cat(t, "seller_district").value(7));
        Path users = fixture().resolve("df_users.csv.gz");
        assertTrue(context.infos.contains("padi-umkm: 1 buyer id(s) and 1 seller id(s) of kept lines are not in "
                + users + "; their city and district are left missing (1 line(s))"), context.infos.toString());
        assertTrue(context.infos.stream().anyMatch(i -> i.contains("df_products.csv is not read")),
                context.infos.toString());
    }

    @Test
    void spreadsOrderLevelAmountsOverTheLinesBySubtotal() {
        TransactionTable t = read(fixture()).transactions();
        NumericColumn gmv = num(t, "gmv");
        // order ...02: GMV 120,000,000 over subtotals 56,000,000 and 52,000,000
        assertEquals(120_000_000.0 * 56 / 108, gmv.get(1), 1e-6);
        assertEquals(120_000_000.0 * 52 / 108, gmv.get(2), 1e-6);
        assertEquals(120_000_000.0, gmv.get(1) + gmv.get(2), 1e-6);
        // order ...05: 4,275,000 over 2,137,500 + 1,282,500 + 855,000 (= 4,275,000), on non-adjacent rows
        assertEquals(2_137_500.0, gmv.get(3), 1e-6);
        assertEquals(1_282_500.0, gmv.get(6), 1e-6);
        assertEquals(855_000.0, gmv.get(10), 1e-6);
        NumericColumn revenue = num(t, "platform_revenue");
        assertEquals(19_238.0, revenue.get(3) + revenue.get(6) + revenue.get(10), 1e-9);
        assertEquals(0.0, revenue.get(4)); // a cancelled order earns nothing
        double total = Arrays.stream(gmv.values()).sum();
        assertEquals(30_779_149.0 + 120_000_000 + 4_275_000 + 76_000_000 + 383_900 + 64_000_000 + 1_150_000 + 900_000,
                total, 1e-6);
    }

    @Test
    void countsEveryRejectedRowByReason() {
        Path dir = fixture();
        DataQuality q = read(dir).quality();
        String orders = dir.resolve("df_order.csv").toString();
        String lines = dir.resolve("df_order_complete.csv").toString();
        assertEquals("padi-umkm", q.source());
        assertEquals(List.of(orders, lines, dir.resolve("df_users.csv.gz").toString()), q.inputs());
        assertEquals(List.of(PadiUmkmSource.LINE_WITHOUT_ORDER_ID, PadiUmkmSource.UNKNOWN_ORDER,
                PadiUmkmSource.MISSING_BUYER, PadiUmkmSource.MISSING_SELLER, PadiUmkmSource.MISSING_DATE,
                PadiUmkmSource.ORDER_ROW_WITHOUT_ID, PadiUmkmSource.ORDER_WITHOUT_LINES),
                q.rejections().stream().map(Rejection::reason).toList());
        assertEquals(new Rejection(PadiUmkmSource.LINE_WITHOUT_ORDER_ID, 1, lines, List.of(14L)),
                rejection(q, PadiUmkmSource.LINE_WITHOUT_ORDER_ID));
        assertEquals(new Rejection(PadiUmkmSource.UNKNOWN_ORDER, 1, lines, List.of(9L)),
                rejection(q, PadiUmkmSource.UNKNOWN_ORDER));
        assertEquals(new Rejection(PadiUmkmSource.MISSING_BUYER, 1, lines, List.of(11L)),
                rejection(q, PadiUmkmSource.MISSING_BUYER));
        assertEquals(new Rejection(PadiUmkmSource.MISSING_SELLER, 1, lines, List.of(12L)),
                rejection(q, PadiUmkmSource.MISSING_SELLER));
        assertEquals(new Rejection(PadiUmkmSource.MISSING_DATE, 1, lines, List.of(13L)),
                rejection(q, PadiUmkmSource.MISSING_DATE));
        assertEquals(new Rejection(PadiUmkmSource.ORDER_ROW_WITHOUT_ID, 1, orders, List.of(11L)),
                rejection(q, PadiUmkmSource.ORDER_ROW_WITHOUT_ID));
        // order ...0a (Menunggu Pembayaran) has two df_order rows and no line
        assertEquals(new Rejection(PadiUmkmSource.ORDER_WITHOUT_LINES, 2, orders, List.of(15L, 16L)),
                rejection(q, PadiUmkmSource.ORDER_WITHOUT_LINES));
        // 17 lines + the df_order row without id + the 2 rows of the order without lines
        assertEquals(20, q.rowsRead());
        assertEquals(12, q.rowsKept());
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        assertEquals(seconds(2022, 11, 30, 23, 59, 59), q.firstTimestamp());
        assertEquals(seconds(2023, 8, 8, 12, 0, 0), q.lastTimestamp());
        assertEquals(Map.of("customers", 4L, "sellers", 5L, "orders", 8L), q.entityCounts());
    }

    @Test
    void matchesHeadersWhateverTheirCaseSpacesUnderscoresAndAliases() throws IOException {
        Path dir = copy();
        header(dir.resolve("df_order.csv"), "_id,Status,Seller ID,SELLER_CATEGORY,BuyerId,Payment Type,paymentmethod,"
                + "Voucher Val,voucher code,ProductType,shipping_method,Date,GMV,Platform Revenue");
        header(dir.resolve("df_order_complete.csv"), "Order_ID,Quantity,Unit,PricePerItem,Price Subtotal,PPN,"
                + "main_category,Subcat_1,SUBCAT2,Product_Name");
        header(dir.resolve("df_users.csv.gz"), "User ID,City,DISTRICT,flag_user");
        SourceData expected = read(fixture());
        SourceData data = read(dir);
        assertEquals(expected.transactions().columns().keySet(), data.transactions().columns().keySet());
        assertArrayEquals(expected.transactions().amount().values(), data.transactions().amount().values());
        assertArrayEquals(num(expected.transactions(), "gmv").values(), num(data.transactions(), "gmv").values());
        assertEquals(values(cat(expected.transactions(), "city")), values(cat(data.transactions(), "city")));
        assertEquals(values(cat(expected.transactions(), "subcategory_2")),
                values(cat(data.transactions(), "subcategory_2")));
        assertEquals(expected.quality().rowsRead(), data.quality().rowsRead());
        assertEquals(expected.quality().entityCounts(), data.quality().entityCounts());
    }

    @Test
    void acceptsNamesWithoutThePrefixAndGzipByContent() throws IOException {
        Path dir = copy();
        Files.move(dir.resolve("df_order.csv"), dir.resolve("ORDER.csv"));
        write(dir.resolve("order_complete.csv.gz"), text(dir.resolve("df_order_complete.csv")));
        Files.delete(dir.resolve("df_order_complete.csv"));
        // gzip content under a plain name is still read
        Files.move(dir.resolve("df_users.csv.gz"), dir.resolve("users.csv"));
        SourceData data = read(dir);
        assertEquals(12, data.quality().rowsKept());
        assertEquals(List.of(dir.resolve("ORDER.csv").toString(), dir.resolve("order_complete.csv.gz").toString(),
                dir.resolve("users.csv").toString()), data.quality().inputs());
        assertEquals("Kota Jakarta Selatan", cat(data.transactions(), "city").value(0));
    }

    @Test
    void readsAProvinceIntoRegionAndSellerRegion() throws IOException {
        Path dir = copy();
        Path users = dir.resolve("df_users.csv.gz");
        write(users, "id,city,district,flag_user,Provinsi\n"
                + B2 + ",Kota Jakarta Selatan,Kebayoran Baru,Buyer,DKI Jakarta\n"
                + S1 + ",Komerling Ulu Selatan,Muaradua,Seller,Sumatera Selatan\n");
        TransactionTable t = read(dir).transactions();
        assertEquals("DKI Jakarta", cat(t, "region").value(0));
        assertEquals("Sumatera Selatan", cat(t, "seller_region").value(0));
        assertNull(cat(t, "region").value(4));
        assertNull(cat(t, "seller_city").value(1)); // S2 is no longer in df_users
    }

    @Test
    void omitsOptionalColumnsTheExportDoesNotHave() throws IOException {
        Path dir = copy();
        write(dir.resolve("df_order.csv"), "order_id,buyer_id,seller_id,order_date,status\n"
                + O + "01," + B2 + "," + S1 + ",2023-02-02,Selesai\n");
        write(dir.resolve("df_order_complete.csv"), "order_id,quantity,price_subtotal\n" + O + "01,3,300\n");
        TransactionTable t = read(dir).transactions();
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "seller", "status", "city",
                "district", "seller_city", "seller_district"), List.copyOf(t.columns().keySet()));
        assertEquals(1, t.rowCount());
    }

    @Test
    void computesAMissingSubtotalFromQuantityAndPrice() throws IOException {
        Path dir = copy();
        line(dir.resolve("df_order_complete.csv"), 2, O + "01,150,pack,183712,NaN,3222349,Konveksi & Laundry,"
                + "Jasa Konveksi & Laundry,Bordir,Selagam Cleaning Service");
        assertEquals(27_556_800.0, read(dir).transactions().amount().get(0));
        line(dir.resolve("df_order_complete.csv"), 2, O + "01,150,pack,,,3222349,Konveksi & Laundry,"
                + "Jasa Konveksi & Laundry,Bordir,Selagam Cleaning Service");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(dir));
        assertEquals(2, e.line());
        assertEquals("price_subtotal", e.column());
        assertTrue(e.getMessage().endsWith("(it may be empty only when price_per_item is given)"), e.getMessage());
    }

    @Test
    void countsALineWhoseComputedSubtotalOverflowsInsteadOfKeepingIt() throws IOException {
        Path dir = copy();
        DataQuality before = read(dir).quality();
        // 10^304 x 183712 overflows; each factor is a finite number
        line(dir.resolve("df_order_complete.csv"), 2, O + "01,1" + "0".repeat(304) + ",pack,183712,NaN,3222349,"
                + "Konveksi & Laundry,Jasa Konveksi & Laundry,Bordir,Selagam Cleaning Service");
        SourceData data = read(dir);
        DataQuality q = data.quality();
        Rejection overflow = rejection(q, "amount is not a finite number (quantity x price_per_item overflows)");
        assertEquals(1, overflow.count());
        assertEquals(List.of(2L), overflow.firstLines());
        assertEquals(before.rowsRead(), q.rowsRead());
        assertEquals(before.rowsKept() - 1, q.rowsKept());
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        for (double amount : data.transactions().amount().values()) {
            assertTrue(Double.isFinite(amount));
        }
    }

    @Test
    void reportsAMissingRequiredFileAndWhatTheFolderHolds() throws IOException {
        Path dir = copy();
        Files.delete(dir.resolve("df_users.csv.gz"));
        SegmentaException e = assertThrows(SegmentaException.class, () -> read(dir));
        assertEquals(dir + ": missing df_users.csv (each may be gzipped as .csv.gz and named without the df_ prefix);"
                + " the folder holds: df_order.csv, df_order_complete.csv, df_products.csv", e.getMessage());
    }

    @Test
    void refusesTwoFilesForOnePart() throws IOException {
        Path dir = copy();
        Files.copy(dir.resolve("df_order.csv"), dir.resolve("order.csv.gz"));
        SegmentaException e = assertThrows(SegmentaException.class, () -> read(dir));
        assertEquals(dir + " holds 2 files for df_order: df_order.csv, order.csv.gz; keep one", e.getMessage());
    }

    @Test
    void reportsAFileOrAMissingFolderAsInput() {
        Path file = fixture().resolve("df_order.csv");
        SegmentaException e = assertThrows(SegmentaException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith(file + " is a file; the padi-umkm source reads a folder"), e.getMessage());
        Path none = tmp.resolve("none");
        assertEquals("no such folder: " + none, assertThrows(SegmentaException.class, () -> read(none)).getMessage());
    }

    @Test
    void namesAMissingRequiredColumnItsAliasesAndTheHeaderFound() throws IOException {
        Path dir = copy();
        Path lines = dir.resolve("df_order_complete.csv");
        header(lines, "order_id,qty,unit,price_per_item,total,ppn,Main Category,subcat 1,subcat 2,product name");
        InputDataException e = assertThrows(InputDataException.class, () -> read(dir));
        assertEquals(lines.toString(), e.file());
        assertEquals(1, e.line());
        assertEquals(lines + ", line 1: missing required column price_subtotal (or subtotal); the header found is: "
                + "order_id,qty,unit,price_per_item,total,ppn,Main Category,subcat 1,subcat 2,product name",
                e.getMessage());
    }

    @Test
    void namesEveryMissingColumnOfAGzipFile() throws IOException {
        Path dir = copy();
        header(dir.resolve("df_users.csv.gz"), "user;city;district");
        InputDataException e = assertThrows(InputDataException.class, () -> read(dir));
        assertTrue(e.getMessage().contains("missing required columns id (or user_id); city; district; the header "
                + "found is: user;city;district (a single column: is the delimiter ','?"), e.getMessage());
    }

    @Test
    void refusesTwoHeaderColumnsForOneField() throws IOException {
        Path dir = copy();
        header(dir.resolve("df_order_complete.csv"),
                "order_id,quantity,unit,price_per_item,price_subtotal,ppn,Main Category,main_category,subcat 2,product name");
        InputDataException e = assertThrows(InputDataException.class, () -> read(dir));
        assertTrue(e.getMessage().endsWith("the header has two columns named Main Category ('Main Category' and "
                + "'main_category')"), e.getMessage());
    }

    @Test
    void stopsAtAnAmountWithThousandsSeparatorsNamingFileLineColumnAndValue() throws IOException {
        Path dir = copy();
        Path lines = dir.resolve("df_order_complete.csv");
        line(lines, 3, O + "02,14,pcs,4000000,56.000.000,7546000,Pertukangan,Material Bangunan,Besi,KAWIT AYAM");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(dir));
        assertEquals(lines.toString(), e.file());
        assertEquals(3, e.line());
        assertEquals("price_subtotal", e.column());
        assertEquals("56.000.000", e.value());
        assertEquals(lines + ", line 3, column 'price_subtotal': value '56.000.000' is not a whole number of Rupiah "
                + "as plain digits (e.g. 27556800; no thousands separators)", e.getMessage());
    }

    @Test
    void stopsAtABadOrderLevelAmountOrDate() throws IOException {
        Path dir = copy();
        Path orders = dir.resolve("df_order.csv");
        String row = O + "03,Dibatalkan," + S4 + ",Menengah," + B3 + ",prepaid,xbriva,0,NaN,jasa,NaN,";
        line(orders, 5, row + "2023-03-10T08:00:00,76000000,\"1,5\"");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(dir));
        assertEquals(List.of(5L, "revenue", "1,5"), List.of(e.line(), e.column(), e.value()));
        line(orders, 5, row + "10/03/2023,76000000,0");
        e = assertThrows(InputDataException.class, () -> strict(dir));
        assertEquals(List.of(5L, "order_date", "10/03/2023"), List.of(e.line(), e.column(), e.value()));
        assertTrue(e.getMessage().endsWith("is not a date as yyyy-MM-dd, yyyy-MM-dd HH:mm:ss or yyyy-MM-ddTHH:mm:ss"),
                e.getMessage());
    }

    @Test
    void stopsAtABadQuantityEvenOnALineThatWouldBeRejected() throws IOException {
        Path dir = copy();
        line(dir.resolve("df_order_complete.csv"), 9, O + "ff,dua,box,150000,300000,33000,Office & Stationery,Kertas,0,X");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(dir));
        assertEquals(List.of(9L, "quantity", "dua"), List.of(e.line(), e.column(), e.value()));
    }

    @Test
    void stopsWhenTheRowsOfAnOrderDisagreeOnAnOrderLevelField() throws IOException {
        Path dir = copy();
        Path orders = dir.resolve("df_order.csv");
        line(orders, 4, O + "02,Selesai," + S2 + ",Kecil," + B1 + ",postpaid,mandiri_va_billing_fixed,0,NaN,barang,"
                + "Kurir Toko,2023-02-03,120000000,540000");
        InputDataException e = assertThrows(InputDataException.class, () -> read(dir));
        assertEquals(orders + ", line 4, column 'buyer_id': value '" + B1 + "' is not the value on line 3, the first "
                + "row of order " + O + "02 (order-level fields must repeat unchanged on every row of an order)",
                e.getMessage());
    }

    @Test
    void stopsAtATruncatedLine() throws IOException {
        Path dir = copy();
        line(dir.resolve("df_order_complete.csv"), 4, O + "02,13,pcs");
        InputDataException e = assertThrows(InputDataException.class, () -> strict(dir));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("found 3 fields, expected 10"), e.getMessage());
    }

    @Test
    void readsAHeaderOnlyLinesFileAsNoRowsAndEveryOrderWithoutLines() throws IOException {
        Path dir = copy();
        Path lines = dir.resolve("df_order_complete.csv");
        write(lines, text(lines).substring(0, text(lines).indexOf('\n') + 1));
        SourceData data = read(dir);
        assertEquals(0, data.transactions().rowCount());
        DataQuality q = data.quality();
        assertEquals(17, rejection(q, PadiUmkmSource.ORDER_WITHOUT_LINES).count()); // 18 rows, one without id
        assertEquals(18, q.rowsRead());
        assertEquals(TimestampColumn.MISSING, q.firstTimestamp());
        assertEquals(Map.of("customers", 0L, "sellers", 0L, "orders", 0L), q.entityCounts());
    }

    @Test
    void reportsAnEmptyFile() throws IOException {
        Path dir = copy();
        Files.write(dir.resolve("df_order.csv"), new byte[0]);
        InputDataException e = assertThrows(InputDataException.class, () -> read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("df_order.csv") + ": the file is empty; expected a CSV "
                + "header with order_id,buyer_id,seller_id,order_date,status"), e.getMessage());
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() throws IOException {
        Path dir = copy();
        int rows = PadiUmkmSource.PROGRESS_EVERY;
        try (Writer w = Files.newBufferedWriter(dir.resolve("df_order.csv"), StandardCharsets.UTF_8)) {
            w.write("order_id,buyer_id,seller_id,order_date,status\n");
            for (int i = 0; i < rows; i++) {
                w.write("o" + i + "," + B2 + "," + S1 + ",2023-02-02,Selesai\n");
            }
        }
        RecordingContext context = new RecordingContext();
        DataQuality q = source.read(dir, context).quality();
        // 8 users + 100,000 orders + 17 lines; the first step falls in df_order
        assertEquals(List.of("bytes read, 100,000 rows", "bytes read, 100,025 rows"),
                context.progress.stream().map(RecordingContext.Progress::unit).toList());
        assertTrue(context.progress.get(0).done() < context.progress.get(0).total(), "part way: in df_order");
        assertEquals(context.progress.get(1).total(), context.progress.get(1).done(), "the three files read");
        assertEquals(rows, rejection(q, PadiUmkmSource.ORDER_WITHOUT_LINES).count());

        RecordingContext cancelled = RecordingContext.cancelled();
        // the API's one cancellation convention: StageContext.checkCancelled, saying where the read stopped
        SegmentaException e = assertThrows(RunCancelledException.class, () -> source.read(dir, cancelled));
        assertEquals("cancelled: padi-umkm after 100,000 rows", e.getMessage());
    }

    @Test
    void holdsLargeRupiahAmountsExactly() throws IOException {
        Path dir = copy();
        line(dir.resolve("df_order_complete.csv"), 2, O + "01,1,pcs,987654321098765,987654321098765,0,X,Y,0,Z");
        assertEquals(987_654_321_098_765.0, read(dir).transactions().amount().get(0));
        assertEquals(987_654_321_098_765L, (long) read(dir).transactions().amount().get(0));
    }

    /**
     * A minimal export in a new folder: {@code orders} orders of one line each (quantity 2, subtotal 1000 + k)
     * by buyer B2 from seller S1, both in df_users.
     */
    private Path export(String name, int orders) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        StringBuilder o = new StringBuilder("order_id,buyer_id,seller_id,order_date,status,gmv\n");
        StringBuilder l = new StringBuilder("order_id,quantity,price_subtotal\n");
        for (int k = 0; k < orders; k++) {
            o.append("o").append(k).append(',').append(B2).append(',').append(S1).append(",2023-02-02,Selesai,")
                    .append(1000 + k).append('\n');
            l.append("o").append(k).append(",2,").append(1000 + k).append('\n');
        }
        Files.writeString(dir.resolve("df_order.csv"), o);
        Files.writeString(dir.resolve("df_order_complete.csv"), l);
        Files.writeString(dir.resolve("df_users.csv"), "id,city,district\n" + B2 + ",Kota Bogor,Bogor Tengah\n"
                + S1 + ",Kota Depok,Beji\n");
        return dir;
    }

    @Test
    void countsMalformedLinesAndOrderRowsWithTheirLinesAndSaysWhichUserRowsWereSkipped() throws IOException {
        Path dir = export("malformed", 60);
        Path lines = dir.resolve("df_order_complete.csv");
        Path orders = dir.resolve("df_order.csv");
        Path users = dir.resolve("df_users.csv");
        line(lines, 11, "o9,dua,1009");            // bad quantity
        line(lines, 21, "o19,2,1.019");            // amount with a thousands dot
        line(orders, 31, "o29," + B2 + "," + S1 + ",02/02/2023,Selesai,1029"); // bad date
        Files.writeString(lines, "o60,2", StandardOpenOption.APPEND); // truncated last line
        Files.writeString(users, "nobody,Kota Bogor\n", StandardOpenOption.APPEND);
        // df_users has 3 rows here: 1 malformed is 33%, so the cap is raised for this test
        RecordingContext context = new RecordingContext(Map.of("max-malformed", "40%"), Integer.MAX_VALUE);
        DataQuality q = source.read(dir, context).quality();
        assertEquals(List.of(
                new Rejection("malformed: quantity is not a number", 1, lines.toString(), List.of(11L)),
                new Rejection("malformed: price_subtotal is not a whole number", 1, lines.toString(), List.of(21L)),
                new Rejection(MalformedRows.WRONG_WIDTH, 1, lines.toString(), List.of(62L)),
                new Rejection("malformed: order_date is not a date", 1, orders.toString(), List.of(31L))),
                q.rejections().subList(0, 4));
        // o29's line has no order any more; o9 and o19 have no line
        assertEquals(1, rejection(q, PadiUmkmSource.UNKNOWN_ORDER).count());
        assertEquals(List.of(11L, 21L), rejection(q, PadiUmkmSource.ORDER_WITHOUT_LINES).firstLines());
        assertEquals(57, q.rowsKept());
        assertEquals(61 + 1 + 2, q.rowsRead()); // 61 lines, the malformed order row, 2 orders without lines
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        assertEquals(List.of(NAME_PREFIX + users + ": 1 malformed row(s) skipped: wrong number of fields 1 (line 4);"
                + " lines of their users have no city or district"),
                context.infos.stream().filter(i -> i.contains("malformed")).toList());

        // strict: the first malformed row read stops the read (users, then orders, then lines)
        InputDataException e = assertThrows(InputDataException.class, () -> strict(dir));
        assertEquals(users + ", line 4: found 2 fields, expected 3 as in the header (a truncated line, or a value"
                + " with an unquoted comma?)", e.getMessage());
    }

    private static final String NAME_PREFIX = PadiUmkmSource.NAME + ": ";

    @Test
    void aTruncatedLastLineIsCountedByDefaultAndAnErrorWhenStrict() throws IOException {
        Path dir = copy();
        Path lines = dir.resolve("df_order_complete.csv");
        String text = text(lines);
        // The fixture's 17 lines are too few for 1 in 18 to be under 5%: allow 10%.
        Files.writeString(lines, text + (text.endsWith("\n") ? "" : "\n") + O + "02,13,pcs");
        DataQuality q = source.read(dir, new RecordingContext(Map.of("max-malformed", "10%"), Integer.MAX_VALUE))
                .quality();
        assertEquals(new Rejection(MalformedRows.WRONG_WIDTH, 1, lines.toString(), List.of(19L)), q.rejections().get(0));
        assertEquals(read(fixture()).quality().rowsKept(), q.rowsKept());
        InputDataException e = assertThrows(InputDataException.class, () -> strict(dir));
        assertEquals(lines + ", line 19: found 3 fields, expected 10 as in the header (a truncated line, or a value"
                + " with an unquoted comma?)", e.getMessage());
        // with the default 5%, 1 of 18 lines is too many
        e = assertThrows(InputDataException.class, () -> read(dir));
        assertTrue(e.getMessage().startsWith(lines + ": 1 of 18 rows is malformed (5.6%, more than the 5% allowed by"
                + " max-malformed); the first: " + lines + ", line 19: found 3 fields"), e.getMessage());
    }

    @Test
    void stopsWhenMoreThanTheAllowedShareOfRowsIsMalformed() throws IOException {
        Path dir = export("wrong", 3000);
        Path lines = dir.resolve("df_order_complete.csv");
        // amounts written with thousands dots, as an Indonesian spreadsheet would
        Files.writeString(lines, Files.readString(lines).replaceAll(",(\\d)(\\d{3})\n", ",$1.$2\n"));
        InputDataException e = assertThrows(InputDataException.class, () -> read(dir));
        // "1.000" is read as 1: pandas writes whole numbers of a float column so (see ValuesTest)
        assertEquals(lines + ": 999 of 1,000 rows read so far are malformed (99.9%, more than the 5% allowed by"
                + " max-malformed); the first: " + lines + ", line 3, column 'price_subtotal': value '1.001' is not a"
                + " whole number of Rupiah as plain digits (e.g. 27556800; no thousands separators); is this the right"
                + " file and format?", e.getMessage());
    }

    @Test
    void aUtf16FileFailsAtItsHeader() throws IOException {
        Path dir = copy();
        Path lines = dir.resolve("df_order_complete.csv");
        Files.write(lines, text(lines).getBytes(StandardCharsets.UTF_16));
        InputDataException e = assertThrows(InputDataException.class, () -> read(dir));
        assertEquals(1, e.line());
        // its byte-order mark (0xFE 0xFF) is not UTF-8: the one encoding rule names the option to set
        assertTrue(e.getMessage().startsWith(lines + ", line 1: bytes 0xFE at column 1 are not valid UTF-8 text;"
                + " set option encoding"), e.getMessage());
    }

    @Test
    void countsKeptLinesThatRepeatAnEarlierKeptLine() throws IOException {
        assertEquals(0, read(fixture()).quality().duplicateRows());
        Path dir = export("dups", 50);
        Path lines = dir.resolve("df_order_complete.csv");
        // o3's line twice more, and a line of o3 that differs in its quantity
        Files.writeString(lines, "o3,2,1003\no3,2,1003\no3,3,1003\n", StandardOpenOption.APPEND);
        DataQuality q = read(dir).quality();
        assertEquals(53, q.rowsKept());
        assertEquals(2, q.duplicateRows());
    }

    /** One encoding rule for every source (docs/reliability.md): bytes not valid in the encoding are refused. */
    @Test
    void aByteThatIsNotUtf8IsRefusedNamingFileLineAndColumnAndOptionEncodingReadsIt() throws IOException {
        // a product name written as windows-1252 ("Caf\u00e9", 0xE9) on line 2 of the order lines
        Path dir = copy();
        Path lines = dir.resolve("df_order_complete.csv");
        Files.write(lines, text(lines).replace(",Selagam Cleaning Service", ",Caf\u00e9 Selagam")
                .getBytes(Charset.forName("windows-1252")));
        InputDataException e = assertThrows(InputDataException.class, () -> read(dir));
        assertEquals(lines + ", line 2: bytes 0xE9 at column 112 are not valid UTF-8 text; set option encoding to"
                + " the file's encoding (e.g. encoding=windows-1252 or encoding=ISO-8859-1)", e.getMessage());

        DataQuality cp1252 = source.read(dir, new RecordingContext(Map.of("encoding", "windows-1252"),
                Integer.MAX_VALUE)).quality();
        assertEquals(read(fixture()).quality().rowsKept(), cp1252.rowsKept());
    }
}
