package io.segmenta.table.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.segmenta.api.data.CategoricalColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopLevelsTest {
    @Test
    void levelsByTheirSumLargestFirstMissingLeftOutAndCapped() {
        CategoricalColumn region = new CategoricalColumn("region",
                new int[] {0, 1, 2, 1, CategoricalColumn.MISSING, 2, 2}, List.of("UK", "DE", "FR"));
        double[] amount = {10, 5, 1, 30, 1000, 2, 3};
        TopLevels top = TopLevels.bySum(region, amount, 2);
        assertArrayEquals(new String[] {"DE", "UK"}, top.levels());
        assertArrayEquals(new double[] {35, 10}, top.sums());
        assertArrayEquals(new long[] {2, 1}, top.rows());
    }
}
