package io.segmenta.feature.buyer;

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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuyerFeaturesTest {
    private final BuyerFeatures buyer = new BuyerFeatures();

    static double[] column(FeatureMatrix m, String name) {
        return m.numericColumn(name).map(NumericColumn::values).orElseThrow(() -> new AssertionError(name));
    }

    /** The values of a categorical feature per row, null for missing. */
    static List<String> values(FeatureMatrix m, String name) {
        CategoricalColumn c = m.categorical().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            values.add(c.value(i));
        }
        return values;
    }

    static List<String> categoricalNames(FeatureMatrix m) {
        return m.categorical().stream().map(CategoricalColumn::name).toList();
    }

    /**
     * Customer A: order o1 (two lines), o2 (voucher value 20), o3 (voucher code only); customer B: o4.
     * Every optional column the extractor reads is present.
     */
    private static TransactionTable full() {
        return new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 100).set("gmv", 110).set("platform_revenue", 1.5)
                .set("category", "Food").set("voucher_value", 0).set("region", "Jawa Barat")
                .set("payment_type", "prepaid").set("buyer_type", "BUMN")
                .line("A", "o1", "2023-03-01T10:00", 50).set("gmv", 55).set("platform_revenue", 0.75)
                .set("category", "Office").set("voucher_value", 0).set("region", "Jawa Barat")
                .set("payment_type", "prepaid").set("buyer_type", "BUMN")
                .line("A", "o2", "2023-03-05T08:00", 200).set("gmv", 220).set("platform_revenue", 3)
                .set("category", "Food").set("voucher_value", 20).set("region", "Jawa Barat")
                .set("payment_type", "postpaid").set("buyer_type", "BUMN")
                .line("A", "o3", "2023-03-09T12:00", 40).set("gmv", 44).set("platform_revenue", 0.5)
                .set("category", "Tools").set("voucher_value", 0).set("voucher_code", "PADI10")
                .set("region", "DKI Jakarta").set("payment_type", "postpaid")
                .line("B", "o4", "2023-03-10T06:00", 30).set("gmv", 33).set("platform_revenue", 0.25)
                .set("category", "Food").set("voucher_value", 0).set("region", "DKI Jakarta")
                .set("payment_type", "prepaid").set("buyer_type", "Pemerintah")
                .table();
    }

    @Test
    void describesItself() {
        assertEquals("buyer", buyer.name());
        assertEquals(StageKind.FEATURES, buyer.kind());
        assertEquals(EntityKind.CUSTOMER, buyer.entity());
        assertEquals(List.of("snapshot"), buyer.options().stream().map(o -> o.name()).toList());
        assertEquals(Set.of(), buyer.requiredColumns());
    }

    /**
     * A: gmv 110 + 55 + 220 + 44 = 429, revenue 1.5 + 0.75 + 3 + 0.5 = 5.75, 3 orders, average 143, categories
     * Food, Office, Tools, vouchers on o2 (value 20) and o3 (code), last order 2023-03-09 12:00, 1 day 18 h before
     * the snapshot 2023-03-11 06:00. Region Jawa Barat in 2 orders, DKI Jakarta in 1. Payment: prepaid on two
     * lines but one order, postpaid on two orders, so postpaid. B: one order, exactly one day before the snapshot.
     */
    @Test
    void computesEveryFeature() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = buyer.extract(full(), context);

        assertEquals(EntityKind.CUSTOMER, m.entity());
        assertEquals(List.of("A", "B"), m.ids());
        assertEquals(List.of("gmv", "revenue", "orders", "avg_order_value", "categories", "voucher_orders",
                "voucher_value", "recency"), m.numericNames());
        assertEquals("gmv", m.valueColumn());
        assertArrayEquals(new double[] {429, 33}, column(m, "gmv"));
        assertArrayEquals(new double[] {5.75, 0.25}, column(m, "revenue"));
        assertArrayEquals(new double[] {3, 1}, column(m, "orders"));
        assertArrayEquals(new double[] {143, 33}, column(m, "avg_order_value"));
        assertArrayEquals(new double[] {3, 1}, column(m, "categories"));
        assertArrayEquals(new double[] {2, 0}, column(m, "voucher_orders"));
        assertArrayEquals(new double[] {20, 0}, column(m, "voucher_value"));
        assertArrayEquals(new double[] {1, 1}, column(m, "recency"));
        assertEquals(List.of("region", "payment_type", "buyer_type"), categoricalNames(m));
        assertEquals(List.of("Jawa Barat", "DKI Jakarta"), values(m, "region"));
        assertEquals(List.of("postpaid", "prepaid"), values(m, "payment_type"));
        assertEquals(List.of("BUMN", "Pemerintah"), values(m, "buyer_type"));
        assertEquals(List.of(), context.infos);
    }

    @Test
    void withOnlyTheRequiredColumnsGmvIsTheAmountAndOptionalFeaturesAreLeftOutWithAReason() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 100)
                .line("A", "o1", "2023-03-01T10:00", 50)
                .line("A", "o2", "2023-03-02T10:00", 30)
                .table(), context);

        assertEquals(List.of("gmv", "orders", "avg_order_value", "recency"), m.numericNames());
        assertArrayEquals(new double[] {180}, column(m, "gmv"));
        assertArrayEquals(new double[] {2}, column(m, "orders"));
        assertArrayEquals(new double[] {90}, column(m, "avg_order_value"));
        assertArrayEquals(new double[] {1}, column(m, "recency"));
        assertEquals(List.of(), m.categorical());
        assertEquals(List.of(
                "buyer: the table has no gmv column; gmv is the sum of the line amounts",
                "buyer: the table has no platform_revenue column; revenue is left out",
                "buyer: the table has no category column; categories is left out",
                "buyer: the table has no voucher_value or voucher_code column; voucher_orders and voucher_value are"
                        + " left out"), context.infos);
    }

    /** o1 has a code, o2 a code and a value on different lines, o3 nothing; the values are not summed. */
    @Test
    void withOnlyVoucherCodesVoucherOrdersCountCodesAndVoucherValueIsLeftOut() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 10).set("voucher_code", "RAFIPADI30")
                .line("A", "o2", "2023-03-01T10:00", 10).set("voucher_code", "X")
                .line("A", "o2", "2023-03-01T10:00", 10).set("voucher_code", "X")
                .line("A", "o3", "2023-03-01T10:00", 10)
                .line("B", "o4", "2023-03-01T10:00", 10)
                .table(), context);

        assertArrayEquals(new double[] {2, 0}, column(m, "voucher_orders"));
        assertEquals(Optional.empty(), m.numericColumn("voucher_value"));
        assertEquals("buyer: the table has no voucher_value column; voucher_value is left out (voucher_orders counts"
                + " the orders with a voucher_code)", context.infos.get(context.infos.size() - 1));
    }

    /**
     * A voucher is a value above 0 or a code: a value of 0, a negative value (a correction) or NaN is none.
     * NaN voucher values are reported and add nothing to voucher_value.
     */
    @Test
    void aVoucherIsAPositiveValueOrACode() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 10).set("voucher_value", 0)
                .line("A", "o2", "2023-03-01T10:00", 10).set("voucher_value", -5)
                .line("A", "o3", "2023-03-01T10:00", 10) // NaN voucher value
                .line("A", "o4", "2023-03-01T10:00", 10).set("voucher_value", 7.5)
                .line("A", "o5", "2023-03-01T10:00", 10).set("voucher_value", 0).set("voucher_code", "C")
                .table(), context);

        assertArrayEquals(new double[] {2}, column(m, "voucher_orders"));
        assertArrayEquals(new double[] {2.5}, column(m, "voucher_value"));
        assertEquals("buyer: 1 of 5 rows have no voucher_value value (NaN or infinite); they add nothing to"
                + " voucher_value", context.infos.get(context.infos.size() - 1));
    }

    /**
     * C: X in o1, Y in o2: a tie, X was seen first. D: Y then X: Y. E: Y on three lines of one order, X on two
     * orders: X, as values count once per order. F: only missing values: missing. G: X in o9 and Y in o10, but
     * Y's row comes first in the table (o10's line precedes o9's): Y.
     */
    @Test
    void theMostFrequentValueCountsOrdersAndTiesGoToTheValueSeenFirst() {
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .line("C", "o1", "2023-03-01T10:00", 1).set("payment_type", "X")
                .line("C", "o2", "2023-03-01T10:00", 1).set("payment_type", "Y")
                .line("D", "o3", "2023-03-01T10:00", 1).set("payment_type", "Y")
                .line("D", "o4", "2023-03-01T10:00", 1).set("payment_type", "X")
                .line("E", "o5", "2023-03-01T10:00", 1).set("payment_type", "Y")
                .line("E", "o5", "2023-03-01T10:00", 1).set("payment_type", "Y")
                .line("E", "o5", "2023-03-01T10:00", 1).set("payment_type", "Y")
                .line("E", "o6", "2023-03-01T10:00", 1).set("payment_type", "X")
                .line("E", "o7", "2023-03-01T10:00", 1).set("payment_type", "X")
                .line("F", "o8", "2023-03-01T10:00", 1).set("payment_type", null)
                .line("G", "o10", "2023-03-01T10:00", 1).set("payment_type", "Y")
                .line("G", "o9", "2023-03-01T10:00", 1).set("payment_type", "X")
                .table(), new RecordingContext());

        assertEquals(List.of("C", "D", "E", "F", "G"), m.ids());
        assertEquals(Arrays.asList("X", "Y", "X", null, "Y"), values(m, "payment_type"));
    }

    /** Levels no kept customer has (Z, and W of a dropped customer) are not in the feature's dictionary. */
    @Test
    void categoricalFeaturesKeepOnlyTheLevelsInUse() {
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .levels("payment_type", "Z")
                .line("A", "o1", "2023-03-01T10:00", 1).set("payment_type", "X")
                .line(null, "o2", "2023-03-01T10:00", 1).set("payment_type", "W")
                .line("B", "o3", "2023-03-01T10:00", 1).set("payment_type", "Y")
                .table(), new RecordingContext());

        CategoricalColumn c = m.categorical().get(0);
        assertEquals(List.of("X", "Y"), c.levels());
        assertArrayEquals(new int[] {0, 1}, c.codes());
    }

    @Test
    void theCityStandsInForAMissingRegionColumnAndSaysSo() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 1).set("city", "Kota Bandung")
                .table(), context);

        assertEquals(List.of("city"), categoricalNames(m));
        assertEquals(List.of("Kota Bandung"), values(m, "city"));
        assertEquals("buyer: the table has no region column; the customer's city is used instead",
                context.infos.get(context.infos.size() - 1));
    }

    @Test
    void theRegionWinsOverTheCity() {
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 1).set("city", "Kota Bandung").set("region", "Jawa Barat")
                .table(), new RecordingContext());

        assertEquals(List.of("region"), categoricalNames(m));
        assertEquals(List.of("Jawa Barat"), values(m, "region"));
    }

    @Test
    void aNumericBuyerTypeColumnIsNotUsedAndSaysSo() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .line("A", "o1", "2023-03-01T10:00", 1).set("buyer_type", 3)
                .table(), context);

        assertEquals(List.of(), m.categorical());
        assertEquals("buyer: column buyer_type is NUMERIC, not categorical; it is not used",
                context.infos.get(context.infos.size() - 1));
    }

    /** As rfm: snapshot 2023-04-01 counts from its midnight; A's last order is 2023-03-09 12:00 (22 d 12 h). */
    @Test
    void anExplicitSnapshotCountsFromItsMidnight() {
        FeatureMatrix m = buyer.extract(full(), new RecordingContext(Map.of("snapshot", "2023-04-01"), Integer.MAX_VALUE));

        assertArrayEquals(new double[] {22, 21}, column(m, "recency"));
    }

    @Test
    void rejectsASnapshotBeforeTheLastTransaction() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> buyer.extract(full(),
                new RecordingContext(Map.of("snapshot", "2023-03-10"), Integer.MAX_VALUE)));
        assertEquals("option snapshot: 2023-03-10 is before the last transaction (2023-03-10T06:00); recency would"
                + " be negative. Give 2023-03-11 or later, or leave it out", e.getMessage());
    }

    @Test
    void rejectsASnapshotThatIsNotADate() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> buyer.extract(full(),
                new RecordingContext(Map.of("snapshot", "10/03/2023"), Integer.MAX_VALUE)));
        assertEquals("option snapshot: '10/03/2023' is not a date (expected yyyy-MM-dd)", e.getMessage());
    }

    /**
     * Rows without customer, order or timestamp, or with a GMV that is not finite (even with a finite amount),
     * are left out of everything (the row without a customer would move the snapshot); B's only row is one,
     * so B is dropped. A NaN revenue only drops that revenue.
     */
    @Test
    void leavesOutIncompleteRowsAndSaysWhy() {
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .line("A", "o1", "2023-01-01T10:00", 4).set("gmv", 4).set("platform_revenue", 1)
                .line(null, "o2", "2023-01-09T12:00", 50).set("gmv", 50).set("platform_revenue", 1)
                .line("A", null, "2023-01-01T10:00", 8).set("gmv", 8).set("platform_revenue", 1)
                .line("A", "o3", null, 16).set("gmv", 16).set("platform_revenue", 1)
                .line("A", "o4", "2023-01-02T10:00", 100).set("platform_revenue", 1) // gmv NaN
                .line("B", "o5", "2023-01-03T10:00", 7).set("gmv", Double.POSITIVE_INFINITY)
                .line("A", "o6", "2023-01-04T10:00", 1).set("gmv", 1) // revenue NaN
                .table(), context);

        assertEquals(List.of("A"), m.ids());
        assertArrayEquals(new double[] {5}, column(m, "gmv"));
        assertArrayEquals(new double[] {1}, column(m, "revenue"));
        assertArrayEquals(new double[] {2}, column(m, "orders"));
        assertArrayEquals(new double[] {2.5}, column(m, "avg_order_value"));
        assertArrayEquals(new double[] {1}, column(m, "recency")); // snapshot 2023-01-05 10:00
        assertEquals(List.of(
                "buyer: left out 5 of 7 rows: 1 without a customer, 1 without an order, 1 without a timestamp,"
                        + " 2 with a gmv that is not a finite number",
                "buyer: 1 of 2 rows have no platform_revenue value (NaN or infinite); they add nothing to revenue",
                "buyer: the table has no category column; categories is left out",
                "buyer: the table has no voucher_value or voucher_code column; voucher_orders and voucher_value are"
                        + " left out"), context.infos);
    }

    @Test
    void customersWithoutLinesAreDropped() {
        FeatureMatrix m = buyer.extract(new TransactionsBuilder()
                .customers("G1", "A", "G2", "B")
                .line("B", "o1", "2023-01-01T10:00", 2)
                .line("A", "o2", "2023-01-01T10:00", 1)
                .table(), new RecordingContext());

        assertEquals(List.of("A", "B"), m.ids());
        assertArrayEquals(new double[] {1, 2}, column(m, "gmv"));
    }

    @Test
    void rejectsAnEmptyTable() {
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> buyer.extract(new TransactionsBuilder().table(), new RecordingContext()));
        assertEquals("no transactions to compute buyer features from: every row was rejected by the source",
                e.getMessage());
    }

    @Test
    void rejectsATableWithoutAUsableRow() {
        TransactionTable table = new TransactionsBuilder()
                .line(null, "o1", "2023-01-01T10:00", 4)
                .line("A", "o2", "2023-01-01T10:00", Double.NaN)
                .table();

        SegmentaException e = assertThrows(SegmentaException.class,
                () -> buyer.extract(table, new RecordingContext()));
        assertEquals("no transactions to compute buyer features from: none of the 2 rows has a customer, an order,"
                + " a timestamp and a finite amount", e.getMessage());
    }
}
