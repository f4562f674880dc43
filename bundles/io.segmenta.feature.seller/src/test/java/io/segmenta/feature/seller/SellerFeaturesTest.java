package io.segmenta.feature.seller;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.StageKind;
import io.segmenta.testing.RecordingContext;
import io.segmenta.testing.TransactionsBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SellerFeaturesTest {
    private final SellerFeatures seller = new SellerFeatures();

    static double[] column(FeatureMatrix m, String name) {
        return m.numericColumn(name).map(NumericColumn::values).orElseThrow(() -> new AssertionError(name));
    }

    static List<String> values(FeatureMatrix m, String name) {
        CategoricalColumn c = m.categorical().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            values.add(c.value(i));
        }
        return values;
    }

    private FeatureMatrix extract(TransactionTable table, RecordingContext context) {
        return seller.extract(table, context);
    }

    private static RecordingContext options(Map<String, String> options) {
        return new RecordingContext(options, Integer.MAX_VALUE);
    }

    /**
     * S1: o1 (two lines, completed), o2 (cancelled), o3 (" selesai ": completed, as statuses are trimmed and
     * compared ignoring case), o4 (awaiting payment); buyers A, B, C. S2: o5 (refunded), o6 ("DELIVERED",
     * no customer).
     */
    private static TransactionTable full() {
        return new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 50).set("seller", "S1").set("status", "Selesai").set("gmv", 60)
                .set("platform_revenue", 0.5).set("seller_category", "Kecil").set("seller_region", "Jawa Barat")
                .line("A", "o1", "2023-03-01T10:00", 30).set("seller", "S1").set("status", "Selesai").set("gmv", 40)
                .set("platform_revenue", 0.5).set("seller_category", "Kecil").set("seller_region", "Jawa Barat")
                .line("B", "o2", "2023-03-02T10:00", 30).set("seller", "S1").set("status", "Dibatalkan").set("gmv", 30)
                .set("platform_revenue", 0).set("seller_category", "Kecil").set("seller_region", "Jawa Barat")
                .line("A", "o3", "2023-03-05T10:00", 10).set("seller", "S1").set("status", " selesai ").set("gmv", 10)
                .set("platform_revenue", 0.25).set("seller_category", "Kecil").set("seller_region", "Jawa Barat")
                .line("C", "o4", "2023-03-06T10:00", 20).set("seller", "S1").set("status", "Menunggu Pembayaran")
                .set("gmv", 20).set("platform_revenue", 0.125).set("seller_category", "Kecil")
                .set("seller_region", "Jawa Barat")
                .line("A", "o5", "2023-03-08T09:00", 50).set("seller", "S2").set("status", "Refund Selesai")
                .set("gmv", 50).set("platform_revenue", 2).set("seller_category", "Mikro")
                .set("seller_region", "DKI Jakarta")
                .line(null, "o6", "2023-03-09T12:00", 70).set("seller", "S2").set("status", "DELIVERED")
                .set("gmv", 70).set("platform_revenue", 1).set("seller_category", "Mikro")
                .set("seller_region", "DKI Jakarta")
                .table();
    }

    @Test
    void describesItself() {
        assertEquals("seller", seller.name());
        assertEquals(StageKind.FEATURES, seller.kind());
        assertEquals(EntityKind.SELLER, seller.entity());
        assertEquals(List.of("snapshot", "completed-statuses", "return-statuses"),
                seller.options().stream().map(o -> o.name()).toList());
        assertEquals("Selesai,delivered", seller.options().get(1).defaultValue());
        assertEquals("Refund,Refund Selesai,Dibatalkan,Dibatalkan Otomatis,Ditolak,Ditolak Penjual,canceled",
                seller.options().get(2).defaultValue());
        assertEquals(Set.of("seller"), seller.requiredColumns());
    }

    /**
     * S1: gmv 60 + 40 + 30 + 10 + 20 = 160, revenue 0.5 + 0.5 + 0 + 0.25 + 0.125 = 1.375, fulfilled o1 and o3,
     * buyers A, B, C, returned o2 of 4 orders, last order 2023-03-06 10:00, 4 d 2 h before the snapshot
     * 2023-03-10 12:00. S2: gmv 120, revenue 3, fulfilled o6, one buyer (o6 has none), returned o5 of 2, 1 day.
     */
    @Test
    void computesEveryFeature() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = extract(full(), context);

        assertEquals(EntityKind.SELLER, m.entity());
        assertEquals(List.of("S1", "S2"), m.ids());
        assertEquals(List.of("gmv", "revenue", "orders_fulfilled", "buyers", "return_rate", "recency"),
                m.numericNames());
        assertEquals("gmv", m.valueColumn());
        assertArrayEquals(new double[] {160, 120}, column(m, "gmv"));
        assertArrayEquals(new double[] {1.375, 3}, column(m, "revenue"));
        assertArrayEquals(new double[] {2, 1}, column(m, "orders_fulfilled"));
        assertArrayEquals(new double[] {3, 1}, column(m, "buyers"));
        assertArrayEquals(new double[] {0.25, 0.5}, column(m, "return_rate"));
        assertArrayEquals(new double[] {4, 1}, column(m, "recency"));
        assertEquals(List.of("seller_category", "seller_region"),
                m.categorical().stream().map(CategoricalColumn::name).toList());
        assertEquals(List.of("Kecil", "Mikro"), values(m, "seller_category"));
        assertEquals(List.of("Jawa Barat", "DKI Jakarta"), values(m, "seller_region"));
        assertEquals(List.of("seller: orders neither fulfilled nor returned (they count only in return_rate's"
                + " denominator): 'Menunggu Pembayaran' (1 rows); see options completed-statuses and return-statuses"),
                context.infos);
    }

    /**
     * Completed: Menunggu Pembayaran and Selesai; returns: refund selesai only. S1 fulfils o1, o3 and o4 and
     * returns nothing (Dibatalkan is now neither); S2 fulfils nothing (DELIVERED is neither) and returns o5.
     */
    @Test
    void theStatusOptionsDecideWhatIsFulfilledAndWhatIsReturned() {
        RecordingContext context = options(Map.of("completed-statuses", " Menunggu Pembayaran ,SELESAI",
                "return-statuses", "refund selesai"));
        FeatureMatrix m = extract(full(), context);

        assertArrayEquals(new double[] {3, 0}, column(m, "orders_fulfilled"));
        assertArrayEquals(new double[] {0, 0.5}, column(m, "return_rate"));
        assertEquals(List.of("seller: orders neither fulfilled nor returned (they count only in return_rate's"
                + " denominator): 'Dibatalkan' (1 rows), 'DELIVERED' (1 rows); see options completed-statuses and"
                + " return-statuses"), context.infos);
    }

    @Test
    void rejectsAStatusInBothLists() {
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> extract(full(), options(Map.of("return-statuses", "Refund, selesai"))));
        assertEquals("options completed-statuses and return-statuses both name the status 'selesai'; an order is"
                + " either fulfilled or returned", e.getMessage());
    }

    @Test
    void rejectsAStatusListWithoutAStatus() {
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> extract(full(), options(Map.of("completed-statuses", " , ,"))));
        assertEquals("option completed-statuses: ', ,' names no status (expected a comma-separated list such as"
                + " Selesai,delivered)", e.getMessage());
    }

    /**
     * An order counts as fulfilled when any of its lines has a completed status and as returned when any has
     * a return status (a partly refunded order is both); a line without a status is neither, and said so.
     */
    @Test
    void statusesAreTakenPerOrderFromAnyOfItsLines() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = extract(new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 1).set("seller", "S").set("status", "Selesai")
                .line("A", "o1", "2023-03-01T10:00", 1).set("seller", "S").set("status", "Refund")
                .line("A", "o2", "2023-03-01T10:00", 1).set("seller", "S").set("status", null)
                .line("A", "o3", "2023-03-01T10:00", 1).set("seller", "S").set("status", "Selesai")
                .line("A", "o3", "2023-03-01T10:00", 1).set("seller", "S").set("status", "Selesai")
                .line("A", "o4", "2023-03-01T10:00", 1).set("seller", "S").set("status", "canceled")
                .table(), context);

        assertArrayEquals(new double[] {2}, column(m, "orders_fulfilled"));
        assertArrayEquals(new double[] {0.5}, column(m, "return_rate"));
        assertEquals(List.of("seller: the table has no gmv column; gmv is the sum of the line amounts",
                "seller: the table has no platform_revenue column; revenue is left out",
                "seller: orders neither fulfilled nor returned (they count only in return_rate's denominator): no"
                        + " status (1 rows); see options completed-statuses and return-statuses"), context.infos);
    }

    @Test
    void withoutAStatusColumnEveryOrderIsFulfilledAndReturnRateIsLeftOut() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = extract(new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 100).set("seller", "S1")
                .line("A", "o1", "2023-03-01T10:00", 50).set("seller", "S1")
                .line("B", "o2", "2023-03-02T10:00", 30).set("seller", "S1")
                .table(), context);

        assertEquals(List.of("gmv", "orders_fulfilled", "buyers", "recency"), m.numericNames());
        assertArrayEquals(new double[] {180}, column(m, "gmv"));
        assertArrayEquals(new double[] {2}, column(m, "orders_fulfilled"));
        assertArrayEquals(new double[] {2}, column(m, "buyers"));
        assertArrayEquals(new double[] {1}, column(m, "recency"));
        assertEquals(List.of(), m.categorical());
        assertEquals(List.of("seller: the table has no gmv column; gmv is the sum of the line amounts",
                "seller: the table has no platform_revenue column; revenue is left out",
                "seller: the table has no status column; every order counts as fulfilled and return_rate is left out"),
                context.infos);
    }

    @Test
    void refusesATableWithoutSellers() {
        TransactionTable table = new TransactionsBuilder().line("A", "o1", "2023-03-01T10:00", 1).table();

        SegmentaException e = assertThrows(SegmentaException.class, () -> extract(table, new RecordingContext()));
        assertEquals("seller features need a seller column (who sold each line); these transactions have none"
                + " (columns: customer, order, timestamp, quantity, amount); choose a source that records sellers",
                e.getMessage());
    }

    /**
     * S1 is Kecil in o1 and Menengah in o2 and o3 (o1 has three lines): Menengah, counted in orders. S2: a tie
     * between Mikro (first seen) and Besar: Mikro. Without seller_region the city is used, and said so.
     */
    @Test
    void theMostFrequentValueCountsOrdersTiesGoToTheFirstSeenAndTheCityStandsInForTheRegion() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = extract(new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 1).set("seller", "S1").set("seller_category", "Kecil")
                .set("seller_city", "Kota Bandung")
                .line("A", "o1", "2023-03-01T10:00", 1).set("seller", "S1").set("seller_category", "Kecil")
                .line("A", "o1", "2023-03-01T10:00", 1).set("seller", "S1").set("seller_category", "Kecil")
                .line("A", "o2", "2023-03-01T10:00", 1).set("seller", "S1").set("seller_category", "Menengah")
                .line("A", "o3", "2023-03-01T10:00", 1).set("seller", "S1").set("seller_category", "Menengah")
                .line("A", "o4", "2023-03-01T10:00", 1).set("seller", "S2").set("seller_category", "Mikro")
                .line("A", "o5", "2023-03-01T10:00", 1).set("seller", "S2").set("seller_category", "Besar")
                .table(), context);

        assertEquals(List.of("Menengah", "Mikro"), values(m, "seller_category"));
        assertEquals(Arrays.asList("Kota Bandung", null), values(m, "seller_city"));
        assertEquals("seller: the table has no seller_region column; the seller's city is used instead",
                context.infos.get(context.infos.size() - 1));
    }

    /** A snapshot of 2023-04-01: S1's last order 2023-03-06 10:00 is 25 d 14 h before, S2's 22 d 12 h. */
    @Test
    void anExplicitSnapshotCountsFromItsMidnight() {
        FeatureMatrix m = extract(full(), options(Map.of("snapshot", "2023-04-01")));

        assertArrayEquals(new double[] {25, 22}, column(m, "recency"));
    }

    @Test
    void rejectsASnapshotBeforeTheLastTransaction() {
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> extract(full(), options(Map.of("snapshot", "2023-03-09"))));
        assertEquals("option snapshot: 2023-03-09 is before the last transaction (2023-03-09T12:00); recency would"
                + " be negative. Give 2023-03-10 or later, or leave it out", e.getMessage());
    }

    /**
     * Rows without seller, order or timestamp, or with a GMV that is not finite, are left out of everything;
     * S2's only row is one, so S2 is dropped (and so is G, a seller code without rows).
     */
    @Test
    void leavesOutIncompleteRowsAndSaysWhy() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = extract(new TransactionsBuilder()
                .levels("seller", "G")
                .line("A", "o1", "2023-01-01T10:00", 4).set("seller", "S1").set("gmv", 4).set("platform_revenue", 1)
                .line("A", "o2", "2023-01-09T12:00", 50).set("gmv", 50) // no seller
                .line("A", null, "2023-01-01T10:00", 8).set("seller", "S1").set("gmv", 8)
                .line("A", "o3", null, 16).set("seller", "S1").set("gmv", 16)
                .line("B", "o4", "2023-01-02T10:00", 100).set("seller", "S1") // gmv NaN
                .line("B", "o5", "2023-01-03T10:00", 7).set("seller", "S2").set("gmv", Double.NaN)
                .line("B", "o6", "2023-01-04T10:00", 1).set("seller", "S1").set("gmv", 1) // revenue NaN
                .table(), context);

        assertEquals(List.of("S1"), m.ids());
        assertArrayEquals(new double[] {5}, column(m, "gmv"));
        assertArrayEquals(new double[] {1}, column(m, "revenue"));
        assertArrayEquals(new double[] {2}, column(m, "orders_fulfilled"));
        assertArrayEquals(new double[] {2}, column(m, "buyers"));
        assertArrayEquals(new double[] {1}, column(m, "recency")); // snapshot 2023-01-05 10:00
        assertEquals(List.of(
                "seller: left out 5 of 7 rows: 1 without a seller, 1 without an order, 1 without a timestamp,"
                        + " 2 with a gmv that is not a finite number",
                "seller: 1 of 2 rows have no platform_revenue value (NaN or infinite); they add nothing to revenue",
                "seller: the table has no status column; every order counts as fulfilled and return_rate is left out"),
                context.infos);
    }

    @Test
    void rejectsAnEmptyTable() {
        TransactionTable table = new TransactionsBuilder().categorical("seller").table();

        SegmentaException e = assertThrows(SegmentaException.class, () -> extract(table, new RecordingContext()));
        assertEquals("no transactions to compute seller features from: every row was rejected by the source",
                e.getMessage());
    }

    @Test
    void rejectsATableWithoutAUsableRow() {
        TransactionTable table = new TransactionsBuilder()
                .line("A", "o1", "2023-01-01T10:00", 4)
                .line("A", "o2", "2023-01-01T10:00", 4).set("seller", "S1").set("gmv", Double.NaN)
                .table();

        SegmentaException e = assertThrows(SegmentaException.class, () -> extract(table, new RecordingContext()));
        assertEquals("no transactions to compute seller features from: none of the 2 rows has a seller, an order,"
                + " a timestamp and a finite gmv", e.getMessage());
    }
}
