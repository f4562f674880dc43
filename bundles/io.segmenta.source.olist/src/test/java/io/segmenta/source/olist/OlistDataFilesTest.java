package io.segmenta.source.olist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the shared Olist sample (/work/shared/data/olist, see its SOURCE.txt); skipped when it is absent.
 * <p>
 * The reference figures were computed independently with Python's csv and gzip modules (not Commons CSV),
 * applying the same rules in the same order (an order without items is rejected once at its orders-file line;
 * then per item line: unknown order, unknown customer, empty purchase time, status other than delivered, no
 * payments) and summing money in exact decimals:
 * <pre>
 *   h, r = rows("olist_orders_dataset"); orders = {x[0]: x}; oline = {x[0]: line} (enumerate from 2)
 *   pay[order] += Decimal(payment_value); npay[order] += 1; per_order = Counter(item order_ids)
 *   for o in orders: if per_order[o] == 0: reject("no items", oline[o])
 *   for line, x in enumerate(items, start=2):
 *       k = "unknown order" if x.order not in orders else "unknown customer" if customer_id not in customers
 *           else "no ts" if not purchase_ts else "status " + status if status != "delivered"
 *           else "no payments" if npay[order] == 0 else None
 *   -> orders 8135 [delivered 5172, shipped 1107, canceled 625, unavailable 609, invoiced 314, processing 301,
 *                   created 5, approved 2]
 *      rowsRead 9140 kept 5912 {no items: 775, status shipped: 1185, status canceled: 542, status invoiced: 359,
 *      status processing: 357, status approved: 3, status unavailable: 7}
 *      first lines {no items: [20, 48, 57, 61, 79], status shipped: [8, 21, 41, 58, 85],
 *      status canceled: [10, 23, 32, 40, 42], status invoiced: [51, 52, 77, 91, 117],
 *      status processing: [143, 180, 188, 197, 201], status approved: [603, 5227, 5228],
 *      status unavailable: [855, 1502, 1503, 1919, 2479]}
 *      kept orders 5172 customers 5092 sellers 1237 products 4003 revenue 842192.46 items value 841773.25
 *      first 2016-10-04 21:35:54 last 2018-08-28 10:57:13
 *      (folder and full-dimensions alike) categories 70, rows without category 92, untranslated
 *      [pc_gamer, portateis_cozinha_e_preparadores_de_alimentos], rows with unknown seller 0
 *      kept rows with a review 5912, sum of row review scores (mean per order) 24177.833333
 *      payment types of kept rows [credit_card 4489, boleto 1148, voucher 192, debit_card 83]
 *      (largest payment, ties to the lower payment_sequential); sum of row installments (max per order) 17824
 *      rows with a delivery delay 5904, sum of delays -68123.017813 days
 * </pre>
 * The orders and items files have one line per record ({@code zcat | wc -l} = records + 1), so those line
 * numbers are exact; the reviews file has 8,885 lines for 8,225 records (comments span lines).
 */
class OlistDataFilesTest {
    @TempDir
    Path tmp;

    private static Path sharedOlist() {
        String dir = System.getProperty("segmenta.shared.dir");
        assumeTrue(dir != null, "system property segmenta.shared.dir is not set (surefire sets it); skipping");
        Path folder = Path.of(dir).resolve("data/olist").normalize();
        assumeTrue(Files.isRegularFile(folder.resolve("olist_orders_dataset.csv.gz")), folder + " is absent; skipping");
        return folder;
    }

    private static long seconds(String isoDateTime) {
        return TimestampColumn.toEpochSeconds(LocalDateTime.parse(isoDateTime.replace(' ', 'T')));
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                total += v;
            }
        }
        return total;
    }

    private static long nonMissing(double[] values) {
        long n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    private static void assertRejection(Rejection r, String reason, long count, List<Long> firstLines) {
        assertEquals(reason, r.reason());
        assertEquals(count, r.count(), reason);
        assertEquals(firstLines, r.firstLines(), reason);
    }

    private static Map<String, Integer> counts(CategoricalColumn column) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < column.size(); r++) {
            counts.merge(String.valueOf(column.value(r)), 1, Integer::sum);
        }
        return counts;
    }

    private static void assertCategories(TransactionTable t) {
        CategoricalColumn category = t.categorical(TransactionField.CATEGORY).orElseThrow();
        assertEquals(70, category.levelCount());
        assertEquals(92, counts(category).get("null"));
        assertEquals(true, category.levels().contains("pc_gamer"));
        assertEquals(true, category.levels().contains("portateis_cozinha_e_preparadores_de_alimentos"));
        assertEquals(true, category.levels().contains("health_beauty"));
    }

    @Test
    void readsTheSharedSampleWithTheReferenceFigures() {
        Path folder = sharedOlist();
        RecordingContext context = new RecordingContext();
        SourceData data = new OlistSource().read(folder, context);
        DataQuality q = data.quality();
        TransactionTable t = data.transactions();

        assertEquals(1, OlistSourceTest.infosWith(context, ": 8135 orders by status: delivered 5172, shipped 1107, canceled 625, "
                + "unavailable 609, invoiced 314, processing 301, created 5, approved 2; kept: delivered;").size(),
                context.infos.toString());

        assertEquals(9_140, q.rowsRead()); // 8,365 item lines + 775 orders without items
        assertEquals(5_912, q.rowsKept());
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        // Kept rows equal in every column of the result: the same order, product, seller, price and freight
        // (several units of one product are several item lines). Checked with pandas (1.5.3), all as text:
        //   m = items.merge(orders, on="order_id")
        //   m = m[m.customer_id.isin(customers.customer_id) & (m.order_purchase_timestamp != "")
        //         & (m.order_status.str.lower() == "delivered") & m.order_id.isin(payments.order_id)]  # 5912 rows
        //   m[["order_id", "product_id", "seller_id", "price", "freight_value"]].duplicated().sum()  -> 535
        assertEquals(535, q.duplicateRows());
        List<Rejection> r = q.rejections();
        assertEquals(12, r.size());
        assertRejection(r.get(0), OlistSource.UNKNOWN_ORDER, 0, List.of());
        assertRejection(r.get(1), OlistSource.NO_ITEMS, 775, List.of(20L, 48L, 57L, 61L, 79L));
        assertRejection(r.get(2), OlistSource.UNKNOWN_CUSTOMER, 0, List.of());
        assertRejection(r.get(3), OlistSource.MISSING_TIMESTAMP, 0, List.of());
        assertRejection(r.get(4), "status approved not kept", 3, List.of(603L, 5227L, 5228L));
        assertRejection(r.get(5), "status canceled not kept", 542, List.of(10L, 23L, 32L, 40L, 42L));
        assertRejection(r.get(6), "status created not kept", 0, List.of()); // all 5 have no items
        assertRejection(r.get(7), "status invoiced not kept", 359, List.of(51L, 52L, 77L, 91L, 117L));
        assertRejection(r.get(8), "status processing not kept", 357, List.of(143L, 180L, 188L, 197L, 201L));
        assertRejection(r.get(9), "status shipped not kept", 1_185, List.of(8L, 21L, 41L, 58L, 85L));
        assertRejection(r.get(10), "status unavailable not kept", 7, List.of(855L, 1502L, 1503L, 1919L, 2479L));
        assertRejection(r.get(11), OlistSource.NO_PAYMENTS, 0, List.of());

        assertEquals(Map.of("customers", 5_092L, "orders", 5_172L, "sellers", 1_237L, "products", 4_003L),
                q.entityCounts());
        assertEquals(842_192.46, sum(t.amount().values()), 0.005);
        assertEquals(seconds("2016-10-04 21:35:54"), q.firstTimestamp());
        assertEquals(seconds("2018-08-28 10:57:13"), q.lastTimestamp());
        assertCategories(t);
        assertEquals(Map.of("credit_card", 4_489, "boleto", 1_148, "voucher", 192, "debit_card", 83),
                counts(t.categorical(TransactionField.PAYMENT_TYPE).orElseThrow()));
        assertEquals(17_824, sum(t.numeric(TransactionField.PAYMENT_INSTALLMENTS).orElseThrow().values()), 1e-9);
        double[] review = t.numeric(TransactionField.REVIEW_SCORE).orElseThrow().values();
        assertEquals(5_912, nonMissing(review));
        assertEquals(24_177.833333, sum(review), 1e-5);
        double[] delay = t.numeric(TransactionField.DELIVERY_DELAY_DAYS).orElseThrow().values();
        assertEquals(5_904, nonMissing(delay));
        assertEquals(-68_123.017813, sum(delay), 1e-5);
        // every seller of a kept line is in the sellers table
        assertEquals(0, counts(t.categorical(TransactionField.SELLER_REGION).orElseThrow()).getOrDefault("null", 0));
        // records of the 8 files read: customers 8135, orders 8135, payments 8924, reviews 8225, translation 71,
        // products 5460, sellers 1610, items 8365
        RecordingContext.Progress end = context.progress.get(context.progress.size() - 1);
        assertEquals("bytes read, 48,925 rows", end.unit());
        assertEquals(end.total(), end.done(), "the eight files, as stored");
    }

    @Test
    void monetaryItemsSumsPricePlusFreight() {
        SourceData data = new OlistSource().read(sharedOlist(), OlistSourceTest.context(Map.of("monetary", "items")));
        assertEquals(5_912, data.quality().rowsKept()); // no kept order lacks payments here
        assertEquals(841_773.25, sum(data.transactions().amount().values()), 0.005);
    }

    /** The optional tables from full-dimensions/ (original quoting, BOM), the required ones from the sample. */
    @Test
    void readsTheFullDimensionTablesThroughTheDimensionsOption() throws IOException {
        Path folder = sharedOlist();
        Path dims = folder.resolve("full-dimensions");
        assumeTrue(Files.isDirectory(dims), dims + " is absent; skipping");
        for (String name : List.of(OlistSource.ORDERS_FILE, OlistSource.ITEMS_FILE, OlistSource.PAYMENTS_FILE,
                OlistSource.CUSTOMERS_FILE, OlistSource.REVIEWS_FILE)) {
            Files.copy(folder.resolve(name + ".gz"), tmp.resolve(name + ".gz"));
        }
        RecordingContext context = OlistSourceTest.context(Map.of("dimensions", dims.toString()));
        SourceData data = new OlistSource().read(tmp, context);
        assertEquals(5_912, data.quality().rowsKept());
        assertEquals(List.of(), OlistSourceTest.infosWith(context, "no "), context.infos.toString());
        assertEquals(dims.resolve("olist_products_dataset.csv.gz").toString(), data.quality().inputs().get(5));
        assertCategories(data.transactions());
        assertEquals(0, counts(data.transactions().categorical(TransactionField.SELLER_CITY).orElseThrow())
                .getOrDefault("null", 0));
    }
}
