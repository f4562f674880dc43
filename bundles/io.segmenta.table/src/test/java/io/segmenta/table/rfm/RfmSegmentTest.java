package io.segmenta.table.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmSegmentTest {

    /** The grid of docs/rfm-segments.md, typed out cell by cell: rows R = 1..5, columns F = 1..5. */
    private static final String[][] GRID = {
        {"Lost", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"},
        {"Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"},
        {"About to Sleep", "About to Sleep", "Need Attention", "Loyal Customers", "Loyal Customers"},
        {"Promising", "Potential Loyalists", "Potential Loyalists", "Loyal Customers", "Loyal Customers"},
        {"New Customers", "Potential Loyalists", "Potential Loyalists", "Champions", "Champions"},
    };

    @Test
    void everyCellOfTheGrid() {
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                assertEquals(GRID[r - 1][f - 1], RfmSegment.of(r, f).label(), "R = " + r + ", F = " + f);
            }
        }
    }

    @Test
    void everySegmentHasACellAndTheCanonicalOrderIsTheIssues() {
        List<String> labels = new ArrayList<>();
        for (int s = 0; s < RfmSegment.count(); s++) {
            labels.add(RfmSegment.byOrdinal(s).label());
        }
        assertEquals(List.of("Champions", "Loyal Customers", "Potential Loyalists", "New Customers", "Promising",
                "Need Attention", "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost"), labels);
        int[] cells = new int[RfmSegment.count()];
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                cells[RfmSegment.of(r, f).ordinal()]++;
            }
        }
        // Champions 2, Loyal 4, Potential Loyalists 4, New 1, Promising 1, Need Attention 1, About to Sleep 2,
        // At Risk 4, Can't Lose Them 2, Hibernating 3, Lost 1: 25 cells
        assertEquals(List.of(2, 4, 4, 1, 1, 1, 2, 4, 2, 3, 1), Arrays.stream(cells).boxed().toList());
    }
}
