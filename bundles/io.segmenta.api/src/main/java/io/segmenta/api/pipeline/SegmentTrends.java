package io.segmenta.api.pipeline;

import io.segmenta.api.data.TransactionField;
import java.time.YearMonth;
import java.util.List;

/**
 * Each segment's revenue, orders and active entities per calendar month, and its top products or categories and
 * regions, from the run's kept transactions: what the reports show under "Trends over time". The engine computes
 * them (the definition is {@code io.segmenta.table.figures.TrendCounting}, in the bundle {@code io.segmenta.table})
 * and hands them to reporters in {@link PipelineResult#trends()}.
 * <p>
 * Months are calendar months of the transactions' local date-times, from the month of the first counted row to
 * that of the last, months without a row included (all zero). A row counts for the segment of its entity (the
 * customer, or the seller for a seller segmentation); rows whose entity is in no segment (an extractor or a join
 * left it out) or that have no timestamp are not counted, and {@link #rowsOutside()} says how many.
 *
 * @param months the months, in order; empty when there were no transactions to count (a customer table, or
 *        features handed over by another back-end)
 * @param segments one per segment, in segment order
 * @param rowsOutside the kept rows not counted, as said above
 */
public record SegmentTrends(List<YearMonth> months, List<SegmentTrend> segments, long rowsOutside) {
    /** The most levels each top list holds. */
    public static final int TOP = 10;
    /** The fields whose top levels are listed per segment, when the data has them. */
    public static final List<TransactionField> TOP_FIELDS = List.of(TransactionField.CATEGORY,
            TransactionField.PRODUCT, TransactionField.REGION);

    public SegmentTrends {
        months = List.copyOf(months);
        segments = List.copyOf(segments);
        for (SegmentTrend s : segments) {
            if (s.revenue().length != months.size()) {
                throw new IllegalArgumentException("segment " + s.segment() + " has " + s.revenue().length
                        + " months, expected " + months.size());
            }
        }
    }

    /** No trends: the run had no transactions to count. */
    public static SegmentTrends none() {
        return new SegmentTrends(List.of(), List.of(), 0);
    }

    /** True when there is nothing to show (no month). */
    public boolean isEmpty() {
        return months.isEmpty();
    }

    /** The months as text, {@code 2011-01}. */
    public List<String> monthNames() {
        return months.stream().map(YearMonth::toString).toList();
    }
}
