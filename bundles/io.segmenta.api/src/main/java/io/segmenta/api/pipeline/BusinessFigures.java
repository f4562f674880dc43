package io.segmenta.api.pipeline;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The business figures every report shows of a run's kept transactions, defined once so that the reports agree
 * and so that a back-end that aggregates the transactions elsewhere (and hands over only the features, see
 * {@link PipelineEngine#runOnFeatures}) can give the same figures.
 *
 * @param orders distinct orders among the kept rows
 * @param totalAmount the sum of the amount of the kept rows
 * @param amountByLevel for each field of {@link #BROKEN_DOWN} the data has, every level with its amount and
 *        rows, largest amount first (equal amounts in the order the levels were first seen)
 */
public record BusinessFigures(long orders, double totalAmount,
        Map<TransactionField, List<LevelAmount>> amountByLevel) {

    /** The fields whose amount reports break down by level. */
    public static final List<TransactionField> BROKEN_DOWN = List.of(TransactionField.REGION,
            TransactionField.CATEGORY);

    /**
     * The amount and rows of one level of a field.
     *
     * @param level the level, e.g. a region
     * @param amount the sum of the amount of its rows
     * @param rows its rows
     */
    public record LevelAmount(String level, double amount, long rows) {
        public LevelAmount {
            Objects.requireNonNull(level, "level");
        }
    }

    public BusinessFigures {
        Map<TransactionField, List<LevelAmount>> copy = new EnumMap<>(TransactionField.class);
        amountByLevel.forEach((field, levels) -> copy.put(field, List.copyOf(levels)));
        amountByLevel = Map.copyOf(copy);
    }

    /** The figures of a transactions table: one pass over the amounts, one per broken-down field. */
    public static BusinessFigures of(TransactionTable transactions) {
        double[] amount = transactions.amount().values();
        double total = 0;
        for (int i = 0; i < transactions.rowCount(); i++) {
            total += amount[i];
        }
        Map<TransactionField, List<LevelAmount>> byLevel = new EnumMap<>(TransactionField.class);
        for (TransactionField field : BROKEN_DOWN) {
            transactions.categorical(field).ifPresent(c -> byLevel.put(field, levelsByAmount(c, amount)));
        }
        return new BusinessFigures(transactions.order().levelCount(), total, byLevel);
    }

    /**
     * Every level of {@code column} with the sum of {@code amount} over its rows, largest first (equal sums in the
     * levels' order); missing values are left out. One pass over the rows, then a sort of the levels only.
     */
    public static List<LevelAmount> levelsByAmount(CategoricalColumn column, double[] amount) {
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

    /** The total amount per order; NaN without orders. */
    public double averageOrderValue() {
        return orders == 0 ? Double.NaN : totalAmount / orders;
    }

    /** Every level of {@code field}, largest amount first; empty when the data did not have the field. */
    public Optional<List<LevelAmount>> levels(TransactionField field) {
        return Optional.ofNullable(amountByLevel.get(field));
    }

    /** The {@code limit} levels of {@code field} with the largest amount; empty when the data lacks the field. */
    public List<LevelAmount> top(TransactionField field, int limit) {
        List<LevelAmount> levels = amountByLevel.getOrDefault(field, List.of());
        return levels.subList(0, Math.min(limit, levels.size()));
    }
}
