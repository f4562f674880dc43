package io.segmenta.table.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.SegmentTrend;
import io.segmenta.api.pipeline.SegmentTrends;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trend figures on eleven rows worked out by hand (the table in the comment of {@link #table()}): months from
 * the first to the last counted row with the empty ones, month boundaries to the second, distinct orders and
 * customers, and the rows that count for no segment.
 */
class TrendCountingTest {
    private static final int M = CategoricalColumn.MISSING;

    /**
     * <pre>
     * row customer order time                 amount category region
     *   0 A        o1    2011-01-05 10:00     10     toys     UK
     *   1 A        o1    2011-01-05 10:00      5     games    UK
     *   2 A        o2    2011-03-10 12:00     20     toys     UK
     *   3 B        o3    2011-01-31 23:59:59   7     games    DE    (last second of January)
     *   4 C        o4    2011-02-01 00:00:00   3     toys     FR    (first second of February)
     *   5 C        o5    2011-03-02 09:00      4     games    FR
     *   6 B        o6    2011-03-15 09:00      6     toys     DE
     *   7 D        o7    2011-02-10 09:00    100     toys     UK    (D is in no segment: outside)
     *   8 A        o8    (no time)            50     toys     UK    (outside)
     *   9 C        o9    2011-03-20 09:00      2     -        FR
     *  10 C        o10   2011-05-03 09:00      1     toys     FR    (April has no row at all)
     * </pre>
     * Segments: A in 0; B and C in 1.
     */
    private static TransactionTable table() {
        long[] time = {t("2011-01-05T10:00"), t("2011-01-05T10:00"), t("2011-03-10T12:00"), t("2011-01-31T23:59:59"),
            t("2011-02-01T00:00"), t("2011-03-02T09:00"), t("2011-03-15T09:00"), t("2011-02-10T09:00"),
            TimestampColumn.MISSING, t("2011-03-20T09:00"), t("2011-05-03T09:00")};
        int n = time.length;
        return new TransactionTable(List.of(
                new CategoricalColumn("customer", new int[] {0, 0, 0, 1, 2, 2, 1, 3, 0, 2, 2}, List.of("A", "B", "C", "D")),
                new CategoricalColumn("order", new int[] {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                        List.of("o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9", "o10")),
                new TimestampColumn("timestamp", time),
                new NumericColumn("quantity", new double[n]),
                new NumericColumn("amount", new double[] {10, 5, 20, 7, 3, 4, 6, 100, 50, 2, 1}),
                new CategoricalColumn("category", new int[] {0, 1, 0, 1, 0, 1, 0, 0, 0, M, 0}, List.of("toys", "games")),
                new CategoricalColumn("region", new int[] {0, 0, 0, 1, 2, 2, 1, 0, 0, 2, 2}, List.of("UK", "DE", "FR"))));
    }

    private static long t(String localDateTime) {
        return TimestampColumn.toEpochSeconds(LocalDateTime.parse(localDateTime));
    }

    /** The features list B, A, C (not in the table's order): rows are matched to them by id. */
    private static FeatureMatrix features() {
        return new FeatureMatrix(EntityKind.CUSTOMER, List.of("B", "A", "C"),
                List.of(new NumericColumn("x", new double[3])), List.of(), null);
    }

    @Test
    void revenueOrdersAndActiveCustomersPerSegmentAndMonthAsWorkedOutByHand() {
        SegmentTrends trends = TrendCounting.of(table(), features(), new int[] {1, 0, 1}, 2);

        assertEquals(List.of("2011-01", "2011-02", "2011-03", "2011-04", "2011-05"), trends.monthNames());
        assertEquals(2, trends.rowsOutside(), "D's row and the row without a time");
        SegmentTrend a = trends.segments().get(0);
        assertArrayEquals(new double[] {15, 0, 20, 0, 0}, a.revenue());
        assertArrayEquals(new long[] {1, 0, 1, 0, 0}, a.orders(), "o1's two rows are one order");
        assertArrayEquals(new long[] {1, 0, 1, 0, 0}, a.activeEntities());
        SegmentTrend bc = trends.segments().get(1);
        assertArrayEquals(new double[] {7, 3, 12, 0, 1}, bc.revenue());
        assertArrayEquals(new long[] {1, 1, 3, 0, 1}, bc.orders());
        assertArrayEquals(new long[] {1, 1, 2, 0, 1}, bc.activeEntities(), "B and C both bought in March");
        assertEquals(35, a.totalRevenue());
    }

    @Test
    void topLevelsPerSegmentByAmountWithRowsAndNoColumnNoList() {
        SegmentTrends trends = TrendCounting.of(table(), features(), new int[] {1, 0, 1}, 2);
        SegmentTrend a = trends.segments().get(0);
        SegmentTrend bc = trends.segments().get(1);
        assertEquals(List.of(new BusinessFigures.LevelAmount("toys", 30, 2), new BusinessFigures.LevelAmount("games", 5, 1)),
                a.top(TransactionField.CATEGORY));
        assertEquals(List.of(new BusinessFigures.LevelAmount("games", 11, 2), new BusinessFigures.LevelAmount("toys", 10, 3)),
                bc.top(TransactionField.CATEGORY), "the row without a category counts for no category");
        assertEquals(List.of(new BusinessFigures.LevelAmount("UK", 35, 3)), a.top(TransactionField.REGION),
                "levels the segment never bought are left out");
        assertEquals(List.of(new BusinessFigures.LevelAmount("DE", 13, 2), new BusinessFigures.LevelAmount("FR", 10, 4)),
                bc.top(TransactionField.REGION));
        assertTrue(a.top(TransactionField.PRODUCT).isEmpty(), "the table has no product column");
    }

    @Test
    void aTopListHoldsAtMostTenLevels() {
        int n = 12;
        int[] level = new int[n];
        double[] amount = new double[n];
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            level[i] = i;
            amount[i] = i; // level 11 largest
            names.add("p" + i);
        }
        TransactionTable t = new TransactionTable(List.of(new CategoricalColumn("customer", new int[n], List.of("A")),
                new CategoricalColumn("order", new int[n], List.of("o")),
                new TimestampColumn("timestamp", new long[n]), new NumericColumn("quantity", new double[n]),
                new NumericColumn("amount", amount), new CategoricalColumn("product", level, names)));
        FeatureMatrix f = new FeatureMatrix(EntityKind.CUSTOMER, List.of("A"),
                List.of(new NumericColumn("x", new double[1])), List.of(), null);
        List<BusinessFigures.LevelAmount> top = TrendCounting.of(t, f, new int[] {0}, 1).segments().get(0)
                .top(TransactionField.PRODUCT);
        assertEquals(SegmentTrends.TOP, top.size());
        assertEquals("p11", top.get(0).level());
        assertEquals("p2", top.get(9).level());
    }

    @Test
    void noTransactionsNoTrends() {
        TransactionTable empty = new TransactionTable(List.of(new CategoricalColumn("customer", new int[0], List.of()),
                new CategoricalColumn("order", new int[0], List.of()), new TimestampColumn("timestamp", new long[0]),
                new NumericColumn("quantity", new double[0]), new NumericColumn("amount", new double[0])));
        assertTrue(TrendCounting.of(empty, features(), new int[] {0, 0, 1}, 2).isEmpty());
    }
}
