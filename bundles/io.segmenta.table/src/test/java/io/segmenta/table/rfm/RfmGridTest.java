package io.segmenta.table.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmGridTest {

    /*
     * The worked example of docs/rfm-segments.md: R and F are the pandas scores written down in
     * RfmQuintilesTest (R = 6 - qcut of recency's ranks, F = qcut of frequency's ranks):
     *   R = [3, 5, 4, 1, 4, 1, 5, 3, 1, 5, 2, 2]
     *   F = [1, 4, 1, 1, 5, 3, 4, 2, 2, 5, 5, 3]
     * so by the segment map the twelve customers are About to Sleep, Champions, Promising, Lost, Loyal
     * Customers, At Risk, Champions, About to Sleep, Hibernating, Champions, Can't Lose Them, At Risk.
     */
    private static final double[] RECENCY = {30, 5, 5, 120, 5, 60, 1, 30, 300, 2, 30, 45};
    private static final double[] FREQUENCY = {1, 3, 1, 1, 8, 2, 2, 1, 1, 15, 4, 1};

    private static FeatureMatrix features(boolean withMonetary) {
        List<String> ids = new ArrayList<>();
        double[] monetary = new double[12];
        for (int i = 0; i < 12; i++) {
            ids.add(String.format("c%02d", i + 1)); // ids sort as the rows appear, so ties split as in pandas
            monetary[i] = 10 * (i + 1);
        }
        List<NumericColumn> numeric = new ArrayList<>(List.of(new NumericColumn("recency", RECENCY),
                new NumericColumn("frequency", FREQUENCY)));
        if (withMonetary) {
            numeric.add(new NumericColumn("monetary", monetary));
        }
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, numeric, List.of(), withMonetary ? "monetary" : null);
    }

    private static final int[] LABELS = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};

    @Test
    void countsEachCustomerInItsCellItsNamedSegmentAndAgainstItsClusterSegment() {
        RfmGrid grid = RfmGrid.of(features(true), LABELS, 2).orElseThrow();
        assertEquals(12, grid.entities());
        assertEquals(2, grid.cellCounts()[RfmGrid.cell(5, 4)]); // customers 2 and 7
        assertEquals(20 + 70, grid.cellValues()[RfmGrid.cell(5, 4)], 0);
        assertEquals(1, grid.cellCounts()[RfmGrid.cell(1, 1)]); // customer 4
        assertEquals(0, grid.cellCounts()[RfmGrid.cell(3, 3)]);
        assertEquals(12, Arrays.stream(grid.cellCounts()).sum());

        // Champions, Loyal, Potential Loyalists, New, Promising, Need Attention, About to Sleep, At Risk,
        // Can't Lose Them, Hibernating, Lost
        assertArrayEquals(new int[] {3, 1, 0, 0, 1, 0, 2, 2, 1, 1, 1}, grid.segmentCounts());
        assertEquals(20 + 70 + 100, grid.segmentValues()[RfmSegment.CHAMPIONS.ordinal()], 0);
        assertEquals(780, grid.totalValue(), 0);
        assertTrue(grid.hasValue());
        // segment 0 holds customers 1, 3, 5, 7, 9, 11
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0}, grid.bySegment()[0]);
        assertArrayEquals(new int[] {2, 0, 0, 0, 0, 0, 1, 2, 0, 0, 1}, grid.bySegment()[1]);
    }

    @Test
    void withoutAValueColumnOnlyCountsAndWithoutRecencyOrFrequencyNothing() {
        RfmGrid grid = RfmGrid.of(features(false), LABELS, 2).orElseThrow();
        assertFalse(grid.hasValue());
        assertTrue(Double.isNaN(grid.segmentValues()[0]));
        assertEquals(3, grid.segmentCounts()[RfmSegment.CHAMPIONS.ordinal()]);

        FeatureMatrix noFrequency = new FeatureMatrix(EntityKind.CUSTOMER, features(false).ids(),
                List.of(new NumericColumn("recency", RECENCY)), List.of(), null);
        assertTrue(RfmGrid.of(noFrequency, LABELS, 2).isEmpty());
        double[] withNaN = RECENCY.clone();
        withNaN[3] = Double.NaN;
        FeatureMatrix notFinite = new FeatureMatrix(EntityKind.CUSTOMER, features(false).ids(),
                List.of(new NumericColumn("recency", withNaN), new NumericColumn("frequency", FREQUENCY)), List.of(),
                null);
        assertTrue(RfmGrid.of(notFinite, LABELS, 2).isEmpty());
    }
}
