package io.segmenta.table;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.pipeline.BusinessFigures;
import java.util.List;

/**
 * The levels of a categorical column with the largest sum of a numeric column (e.g. the regions with the most
 * revenue), summed over dictionary codes with primitive arrays: one pass over the rows, then a sort of the
 * levels only. Missing values are left out.
 *
 * @param levels the levels, largest sum first, at most the number asked for
 * @param sums the sum of each of those levels
 * @param rows the number of rows of each of those levels
 */
public record TopLevels(String[] levels, double[] sums, long[] rows) {

    /** The {@code limit} levels of {@code column} with the largest sum of {@code values} (one per row). */
    public static TopLevels bySum(CategoricalColumn column, double[] values, int limit) {
        // the order is the business figures' (one definition for the reports and the API)
        List<BusinessFigures.LevelAmount> all = BusinessFigures.levelsByAmount(column, values);
        int n = Math.min(limit, all.size());
        String[] levels = new String[n];
        double[] topSums = new double[n];
        long[] topRows = new long[n];
        for (int i = 0; i < n; i++) {
            levels[i] = all.get(i).level();
            topSums[i] = all.get(i).amount();
            topRows[i] = all.get(i).rows();
        }
        return new TopLevels(levels, topSums, topRows);
    }
}
