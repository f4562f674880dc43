package io.segmenta.table.figures;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.BusinessFigures.LevelAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The definition of the {@link BusinessFigures} every report shows, on a run's kept transactions: the engine fills
 * {@code PipelineResult.business()} with it, and a back-end that aggregates the transactions elsewhere gives the
 * same figures (orders, total amount, amount by level) through {@code ExtractedFeatures}.
 */
public final class TransactionFigures {
    private TransactionFigures() {
    }

    /** The figures of a transactions table: one pass over the amounts, one per broken-down field. */
    public static BusinessFigures of(TransactionTable transactions) {
        double[] amount = transactions.amount().values();
        double total = 0;
        for (int i = 0; i < transactions.rowCount(); i++) {
            total += amount[i];
        }
        Map<TransactionField, List<LevelAmount>> byLevel = new EnumMap<>(TransactionField.class);
        for (TransactionField field : BusinessFigures.BROKEN_DOWN) {
            transactions.categorical(field).ifPresent(c -> byLevel.put(field, levelsByAmount(c, amount)));
        }
        return new BusinessFigures(transactions.order().levelCount(), total, byLevel);
    }

    /**
     * Every level of {@code column} with the sum of {@code amount} over its rows, largest first (equal sums in the
     * levels' order); missing values are left out. One pass over the rows, then a sort of the levels only.
     */
    static List<LevelAmount> levelsByAmount(CategoricalColumn column, double[] amount) {
        double[] sums = new double[column.levelCount()];
        long[] rows = new long[column.levelCount()];
        int[] codes = column.codes();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != CategoricalColumn.MISSING) {
                sums[codes[i]] += amount[i];
                rows[codes[i]]++;
            }
        }
        Integer[] order = new Integer[sums.length];
        Arrays.setAll(order, l -> l);
        Arrays.sort(order, (a, b) -> Double.compare(sums[b], sums[a])); // stable: ties keep the levels' order
        List<LevelAmount> levels = new ArrayList<>(order.length);
        for (int l : order) {
            levels.add(new LevelAmount(column.levels().get(l), sums[l], rows[l]));
        }
        return levels;
    }
}
