package io.segmenta.table.grouping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupingTest {
    private static final int M = CategoricalColumn.MISSING;
    private static final long T = TimestampColumn.MISSING;
    private static final long DAY = 86_400L;

    /*
     * Entities c0, c1, c2; orders o0..o4. Rows 6-9 are left out, one per reason; c2 has no usable row.
     * c0: o0 (3 lines, category x), o1 and o4 (category y); c1: o2 (x) and o3 (y).
     */
    private static final CategoricalColumn CUSTOMER = new CategoricalColumn("customer",
            new int[] {0, 0, 0, 0, 0, 1, M, 1, 1, 2, 1}, List.of("c0", "c1", "c2"));
    private static final int[] ORDER = {0, 0, 0, 1, 4, 2, 3, M, 2, 3, 3};
    private static final long[] TIME = {0, 0, 0, 2 * DAY, DAY, DAY, 0, 0, T, 0, 3 * DAY + 3600};
    private static final double[] GMV = {10, 5, 1, 1, 1, 7, 1, 1, 1, Double.NaN, 2};
    private static final NumericColumn TAX = new NumericColumn("tax",
            new double[] {1, 2, Double.NaN, 0.5, 0.5, 4, 100, 100, 100, 100, 8});
    // level z occurs only on a left-out row
    private static final CategoricalColumn CATEGORY = new CategoricalColumn("category",
            new int[] {1, 1, 1, 2, 2, 1, 1, 1, 1, 0, 2}, List.of("z", "x", "y"));

    private static Grouping grouping() {
        return new Grouping(CUSTOMER.codes(), CUSTOMER.levelCount(), "customer", ORDER, TIME, GMV, "GMV");
    }

    @Test
    void leftOutRowsAreCountedByReason() {
        Grouping g = grouping();
        assertEquals(7, g.usableRows());
        assertEquals(4, g.leftOut());
        assertEquals("1 without a customer, 1 without an order, 1 without a timestamp,"
                + " 1 with a GMV that is not a finite number", g.leftOutReasons());
        assertTrue(g.isUsable(0));
        assertFalse(g.isUsable(6));
        assertFalse(g.isUsable(9));
    }

    @Test
    void countsDistinctOrdersAndFlaggedOrders() {
        Grouping g = grouping();
        assertArrayEquals(new double[] {3, 2, 0}, g.orders());
        // o0 has two lines above 1 (10 and 5) and still counts as one order; c1's o2 (7) and o3 (2) both match
        boolean[] big = g.flagOrders(row -> GMV[row] > 1);
        assertArrayEquals(new double[] {1, 2, 0}, g.orders(u -> big[u]));
        boolean[] any = g.flagOrders(row -> true);
        assertArrayEquals(new double[] {3, 2, 0}, g.orders(u -> any[u]));
    }

    @Test
    void sumsSkipAndCountNonFiniteValuesOfUsableRowsOnly() {
        Grouping.Sum sum = grouping().sum(TAX);
        assertArrayEquals(new double[] {4, 12, 0}, sum.totals());
        assertEquals(1, sum.skipped());
    }

    @Test
    void distinctValuesIgnoreLeftOutRows() {
        assertArrayEquals(new double[] {2, 2, 0}, grouping().distinct(CATEGORY));
    }

    @Test
    void mostFrequentCountsOrdersNotLinesAndBreaksTiesByFirstRow() {
        // c0: x on 3 lines of one order, y on two orders -> y; c1: x and y one order each -> x, seen first
        assertArrayEquals(new int[] {2, 1, M}, grouping().mostFrequent(CATEGORY));
    }

    @Test
    void recencyIsWholeDaysToTheSnapshot() {
        Grouping g = grouping();
        // default snapshot: 24 h after the last usable row (day 3, 01:00)
        assertArrayEquals(new double[] {2, 1, 0}, g.recency(Optional.empty(), "snapshot"));
        assertArrayEquals(new double[] {3, 1, 0}, g.recency(Optional.of(LocalDate.of(1970, 1, 6)), "snapshot"));
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> g.recency(Optional.of(LocalDate.of(1970, 1, 4)), "snapshot"));
        assertEquals("option snapshot: 1970-01-04 is before the last transaction (1970-01-04T01:00); recency would"
                + " be negative. Give 1970-01-05 or later, or leave it out", e.getMessage());
    }

    @Test
    void keepRestrictsToEntitiesWithUsableRowsAndReencodesLevels() {
        Grouping g = grouping();
        assertEquals(List.of("c0", "c1"), g.keptIds(CUSTOMER));
        NumericColumn orders = g.keep("orders", g.orders());
        assertEquals("orders", orders.name());
        assertArrayEquals(new double[] {3, 2}, orders.values());
        CategoricalColumn top = g.keep("top_category", g.mostFrequent(CATEGORY), CATEGORY);
        assertEquals("top_category", top.name());
        assertEquals(List.of("x", "y"), top.levels());
        assertArrayEquals(new int[] {1, 0}, top.codes());
    }

    @Test
    void emptyTableHasNoEntitiesAndNoReasons() {
        Grouping g = new Grouping(new int[0], 0, "seller", new int[0], new long[0], new double[0], "GMV");
        assertEquals(0, g.usableRows());
        assertEquals("", g.leftOutReasons());
        assertEquals(List.of(), g.keptIds(new CategoricalColumn("seller", new int[0], List.of())));
    }

    @Test
    void perRowArraysMustHaveTheSameLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Grouping(new int[2], 1, "customer", new int[2], new long[1], new double[2], "GMV"));
        assertEquals("per-row arrays differ in length: 2 entities, 2 orders, 1 times, 2 values", e.getMessage());
    }
}
