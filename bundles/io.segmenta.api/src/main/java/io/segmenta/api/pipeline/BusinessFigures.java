package io.segmenta.api.pipeline;

import io.segmenta.api.data.TransactionField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The business figures every report shows of a run's kept transactions. The engine computes them (the definition
 * is {@code io.segmenta.table.figures.TransactionFigures}, in the bundle {@code io.segmenta.table}) and hands them
 * to reporters in {@link PipelineResult#business()}, so that the reports agree; a back-end that aggregates the
 * transactions elsewhere (and hands over only the features, see {@link PipelineEngine#runOnFeatures}) gives the
 * same figures.
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

    /** No figures: no transactions were counted (no orders, no amount, no breakdown). */
    public static BusinessFigures none() {
        return new BusinessFigures(0, 0, Map.of());
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
