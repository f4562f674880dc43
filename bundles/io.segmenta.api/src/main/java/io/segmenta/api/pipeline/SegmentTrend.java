package io.segmenta.api.pipeline;

import io.segmenta.api.data.TransactionField;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One segment's figures month by month, and what it buys most and where (see {@link SegmentTrends}).
 *
 * @param segment the segment number (0 to k-1)
 * @param revenue per month of {@link SegmentTrends#months()}: the sum of the amount of its entities' rows
 * @param orders per month: the distinct orders of its entities
 * @param activeEntities per month: its entities (customers or sellers) with at least one row in the month
 * @param top for each field of {@link SegmentTrends#TOP_FIELDS} the data has, the segment's levels with the
 *        largest amount, at most {@link SegmentTrends#TOP} of them, largest first (equal amounts in the levels'
 *        order)
 */
public record SegmentTrend(int segment, double[] revenue, long[] orders, long[] activeEntities,
        Map<TransactionField, List<BusinessFigures.LevelAmount>> top) {

    public SegmentTrend {
        Objects.requireNonNull(revenue, "revenue");
        if (orders.length != revenue.length || activeEntities.length != revenue.length) {
            throw new IllegalArgumentException("months differ: " + revenue.length + " revenue, " + orders.length
                    + " orders, " + activeEntities.length + " active");
        }
        revenue = revenue.clone();
        orders = orders.clone();
        activeEntities = activeEntities.clone();
        Map<TransactionField, List<BusinessFigures.LevelAmount>> copy = new EnumMap<>(TransactionField.class);
        top.forEach((field, levels) -> copy.put(field, List.copyOf(levels)));
        top = Map.copyOf(copy);
    }

    @Override
    public double[] revenue() {
        return revenue.clone();
    }

    @Override
    public long[] orders() {
        return orders.clone();
    }

    @Override
    public long[] activeEntities() {
        return activeEntities.clone();
    }

    /** The segment's top levels of {@code field}; empty when the data did not have it. */
    public List<BusinessFigures.LevelAmount> top(TransactionField field) {
        return top.getOrDefault(field, List.of());
    }

    /** The revenue of every month added up. */
    public double totalRevenue() {
        double sum = 0;
        for (double v : revenue) {
            sum += v;
        }
        return sum;
    }

    /** Equal when every component is, the arrays compared value by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentTrend t && t.segment == segment && Arrays.equals(t.revenue, revenue)
                && Arrays.equals(t.orders, orders) && Arrays.equals(t.activeEntities, activeEntities)
                && t.top.equals(top);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segment, Arrays.hashCode(revenue), Arrays.hashCode(orders),
                Arrays.hashCode(activeEntities), top);
    }

    @Override
    public String toString() {
        return "SegmentTrend[segment=" + segment + ", revenue=" + Arrays.toString(revenue) + ", orders="
                + Arrays.toString(orders) + ", activeEntities=" + Arrays.toString(activeEntities) + ", top=" + top
                + "]";
    }
}
