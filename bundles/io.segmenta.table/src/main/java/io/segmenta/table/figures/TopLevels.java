package io.segmenta.table.figures;

import io.segmenta.api.data.CategoricalColumn;
import java.util.Arrays;

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
        double[] sums = new double[column.levelCount()];
        long[] counts = new long[column.levelCount()];
        int[] codes = column.codes();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != CategoricalColumn.MISSING) {
                sums[codes[i]] += values[i];
                counts[codes[i]]++;
            }
        }
        Integer[] order = new Integer[sums.length];
        for (int l = 0; l < order.length; l++) {
            order[l] = l;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sums[b], sums[a]));
        int n = Math.min(limit, order.length);
        String[] levels = new String[n];
        double[] topSums = new double[n];
        long[] topRows = new long[n];
        for (int i = 0; i < n; i++) {
            levels[i] = column.levels().get(order[i]);
            topSums[i] = sums[order[i]];
            topRows[i] = counts[order[i]];
        }
        return new TopLevels(levels, topSums, topRows);
    }
}
