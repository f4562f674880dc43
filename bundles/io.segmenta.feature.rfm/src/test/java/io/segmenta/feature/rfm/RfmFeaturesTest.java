package io.segmenta.feature.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.StageKind;
import io.segmenta.testing.RecordingContext;
import io.segmenta.testing.TransactionsBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RfmFeaturesTest {
    private final RfmFeatures rfm = new RfmFeatures();

    private FeatureMatrix extract(TransactionTable table) {
        return rfm.extract(table, new RecordingContext());
    }

    private FeatureMatrix extract(TransactionTable table, String snapshot) {
        return rfm.extract(table, new RecordingContext(Map.of("snapshot", snapshot), Integer.MAX_VALUE));
    }

    private static double[] column(FeatureMatrix m, String name) {
        return m.numericColumn(name).map(NumericColumn::values).orElseThrow();
    }

    @Test
    void describesItself() {
        assertEquals("rfm", rfm.name());
        assertEquals(StageKind.FEATURES, rfm.kind());
        assertEquals(EntityKind.CUSTOMER, rfm.entity());
        assertEquals(List.of("snapshot"), rfm.options().stream().map(o -> o.name()).toList());
    }

    @Test
    void givesOneRowPerCustomerWithRecencyFrequencyAndMonetary() {
        FeatureMatrix m = extract(new TransactionsBuilder()
                .line("A", "o1", "2011-12-01T10:00", 5)
                .line("B", "o2", "2011-12-02T10:00", 7)
                .table());

        assertEquals(EntityKind.CUSTOMER, m.entity());
        assertEquals(List.of("A", "B"), m.ids());
        assertEquals(List.of("recency", "frequency", "monetary"), m.numericNames());
        assertEquals("monetary", m.valueColumn());
        assertEquals(List.of(), m.categorical());
    }

    /**
     * The last transaction is 2011-12-09 12:50, so the snapshot is 2011-12-10 12:50 (as the UK reference's
     * {@code max(InvoiceDate) + 1 day}), and recency is the whole days to it, rounded down:
     * <ul>
     * <li>A, last at 2011-12-09 12:50: exactly 1 day;</li>
     * <li>B, last at 2011-12-07 15:52 (customer 12347 of the UK data): 2 days 20 h 58 min, so 2;</li>
     * <li>C, last at 2011-12-08 12:50: exactly 2 days;</li>
     * <li>D, last at 2011-12-08 12:51: 1 day 23 h 59 min, so 1;</li>
     * <li>E, last at 2010-12-01 08:26: 374 days 4 h 24 min, so 374.</li>
     * </ul>
     */
    @Test
    void recencyIsWholeDaysToTwentyFourHoursAfterTheLastTransaction() {
        FeatureMatrix m = extract(new TransactionsBuilder()
                .line("A", "o1", "2011-12-09T12:50", 1)
                .line("B", "o2", "2011-12-07T15:52", 1)
                .line("B", "o3", "2011-01-26T14:30", 1) // an earlier order does not count
                .line("C", "o4", "2011-12-08T12:50", 1)
                .line("D", "o5", "2011-12-08T12:51", 1)
                .line("E", "o6", "2010-12-01T08:26", 1)
                .table());

        assertEquals(List.of("A", "B", "C", "D", "E"), m.ids());
        assertArrayEquals(new double[] {1, 2, 2, 1, 374}, column(m, "recency"));
    }

    /** With a snapshot of 2012-01-01, recency counts from 2012-01-01 00:00. */
    @Test
    void anExplicitSnapshotCountsFromItsMidnight() {
        FeatureMatrix m = extract(new TransactionsBuilder()
                .line("A", "o1", "2011-12-09T12:50", 1) // 22 days 11 h 10 min
                .line("B", "o2", "2011-12-31T00:00", 1) // exactly 1 day
                .line("C", "o3", "2011-12-31T23:59", 1) // 1 minute
                .table(), "2012-01-01");

        assertArrayEquals(new double[] {22, 1, 0}, column(m, "recency"));
    }

    @Test
    void aSnapshotAtTheLastTransactionGivesRecencyZero() {
        FeatureMatrix m = extract(new TransactionsBuilder().line("A", "o1", "2011-12-10T00:00", 1).table(), "2011-12-10");

        assertArrayEquals(new double[] {0}, column(m, "recency"));
    }

    @Test
    void rejectsASnapshotBeforeTheLastTransaction() {
        TransactionTable table = new TransactionsBuilder().line("A", "o1", "2011-12-09T12:50", 1).table();

        SegmentaException e = assertThrows(SegmentaException.class, () -> extract(table, "2011-12-09"));
        assertEquals("option snapshot: 2011-12-09 is before the last transaction (2011-12-09T12:50); recency would"
                + " be negative. Give 2011-12-10 or later, or leave it out", e.getMessage());
    }

    @Test
    void rejectsASnapshotThatIsNotADate() {
        TransactionTable table = new TransactionsBuilder().line("A", "o1", "2011-12-09T12:50", 1).table();

        SegmentaException e = assertThrows(SegmentaException.class, () -> extract(table, "10/12/2011"));
        assertEquals("option snapshot: '10/12/2011' is not a date (expected yyyy-MM-dd)", e.getMessage());
    }

    /** A has three lines in order o1 and one in o2: two orders. B shares no order with A. */
    @Test
    void frequencyCountsDistinctOrders() {
        FeatureMatrix m = extract(new TransactionsBuilder()
                .line("A", "o1", "2011-12-01T10:00", 1)
                .line("B", "o3", "2011-12-01T11:00", 1)
                .line("A", "o1", "2011-12-01T10:00", 1)
                .line("A", "o2", "2011-12-05T09:00", 1)
                .line("A", "o1", "2011-12-01T10:00", 1)
                .table());

        assertArrayEquals(new double[] {2, 1}, column(m, "frequency"));
    }

    @Test
    void monetaryIsTheSumOfLineAmounts() {
        // binary fractions, so the sums are exact
        FeatureMatrix m = extract(new TransactionsBuilder()
                .line("A", "o1", "2011-12-01T10:00", 10.5)
                .line("A", "o1", "2011-12-01T10:00", 2.25)
                .line("B", "o2", "2011-12-01T10:00", 100)
                .line("A", "o3", "2011-12-02T10:00", -3)
                .table());

        assertArrayEquals(new double[] {9.75, 100}, column(m, "monetary"));
    }

    @Test
    void customersWithoutLinesAreDropped() {
        // the dictionary knows G1 and G2, but a source rejected all their lines
        FeatureMatrix m = extract(new TransactionsBuilder()
                .customers("G1", "A", "G2", "B")
                .line("B", "o1", "2011-12-01T10:00", 2)
                .line("A", "o2", "2011-12-01T10:00", 1)
                .table());

        assertEquals(List.of("A", "B"), m.ids());
        assertArrayEquals(new double[] {1, 2}, column(m, "monetary"));
    }

    @Test
    void rejectsAnEmptyTable() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> extract(new TransactionsBuilder().table()));
        assertEquals("no transactions to compute RFM from: every row was rejected by the source", e.getMessage());
    }

    @Test
    void leavesOutIncompleteRowsAndSaysWhy() {
        TransactionTable table = new TransactionsBuilder()
                .line("A", "o1", "2011-12-01T10:00", 4)
                .line(null, "o2", "2011-12-09T12:00", 50) // would move the snapshot if it counted
                .line("A", null, "2011-12-01T10:00", 8)
                .line("A", "o3", null, 16)
                .line("A", "o4", "2011-12-02T10:00", Double.NaN)
                .line("B", "o5", "2011-12-03T10:00", Double.POSITIVE_INFINITY) // B's only line
                .line("A", "o6", "2011-12-04T10:00", 1)
                .table();
        RecordingContext context = new RecordingContext();
        FeatureMatrix m = rfm.extract(table, context);

        assertEquals(List.of("A"), m.ids());
        assertArrayEquals(new double[] {1}, column(m, "recency")); // snapshot 2011-12-05 10:00
        assertArrayEquals(new double[] {2}, column(m, "frequency"));
        assertArrayEquals(new double[] {5}, column(m, "monetary"));
        assertEquals(List.of("rfm: left out 5 of 7 rows: 1 without a customer, 1 without an order, 1 without a"
                + " timestamp, 2 with an amount that is not a finite number"), context.infos);
    }

    @Test
    void completeRowsGiveNoMessage() {
        RecordingContext context = new RecordingContext();
        rfm.extract(new TransactionsBuilder().line("A", "o1", "2011-12-01T10:00", 4).table(), context);

        assertEquals(List.of(), context.infos);
    }

    @Test
    void rejectsATableWithoutACompleteRow() {
        TransactionTable table = new TransactionsBuilder()
                .line(null, "o1", "2011-12-01T10:00", 4)
                .line("A", "o2", null, 4)
                .table();

        SegmentaException e = assertThrows(SegmentaException.class, () -> extract(table));
        assertEquals("no transactions to compute RFM from: none of the 2 rows has a customer, an order, a timestamp"
                + " and a finite amount", e.getMessage());
    }
}
