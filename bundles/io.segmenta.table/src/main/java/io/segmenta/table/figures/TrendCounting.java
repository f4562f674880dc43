package io.segmenta.table.figures;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.SegmentTrend;
import io.segmenta.api.pipeline.SegmentTrends;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The definition of {@link SegmentTrends} on a run's kept transactions (what the reports show under "Trends over
 * time"; the engine fills {@code PipelineResult.trends()} with it): one pass over the rows for the months' range,
 * one that adds each row to its (segment, month) and (segment, level) cells in primitive arrays; distinct orders
 * and entities by sorting packed keys, as {@code Grouping} does; no object per row.
 * <p>
 * Months are calendar months of the transactions' local date-times, from the month of the first counted row to
 * that of the last, months without a row included (all zero). A row counts for the segment of its entity (the
 * customer, or the seller for a seller segmentation); rows whose entity is in no segment (an extractor or a join
 * left it out) or that have no timestamp are not counted ({@link SegmentTrends#rowsOutside()}).
 */
public final class TrendCounting {
    private TrendCounting() {
    }

    /**
     * The trends of a run.
     *
     * @param transactions the kept transactions
     * @param features the features clustered (their ids are the entities of the segments)
     * @param labels the segment of each row of {@code features}
     * @param k the number of segments
     */
    public static SegmentTrends of(TransactionTable transactions, FeatureMatrix features, int[] labels, int k) {
        Objects.requireNonNull(transactions, "transactions");
        if (labels.length != features.rowCount()) {
            throw new IllegalArgumentException(labels.length + " labels for " + features.rowCount() + " rows");
        }
        return count(transactions, features, labels, k);
    }

    private static SegmentTrends count(TransactionTable t, FeatureMatrix features, int[] labels, int k) {
        int n = t.rowCount();
        CategoricalColumn entity = features.entity() == EntityKind.SELLER
                ? t.categorical(TransactionField.SELLER).orElse(null) : t.customer();
        if (n == 0 || entity == null) {
            return new SegmentTrends(List.of(), List.of(), n);
        }
        int[] rowOfCode = rowOfCode(entity.levels(), features.ids());
        int[] codes = entity.codes();
        long[] time = t.timestamp().epochSeconds();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (counted(i, codes, rowOfCode, time)) {
                first = Math.min(first, time[i]);
                last = Math.max(last, time[i]);
            }
        }
        if (first > last) {
            return new SegmentTrends(List.of(), List.of(), n);
        }
        YearMonth firstMonth = month(first);
        int months = (int) (firstMonth.until(month(last), java.time.temporal.ChronoUnit.MONTHS) + 1);
        List<YearMonth> monthList = new ArrayList<>(months);
        long[] starts = new long[months];
        for (int m = 0; m < months; m++) {
            YearMonth ym = firstMonth.plusMonths(m);
            monthList.add(ym);
            starts[m] = ym.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }

        List<TransactionField> fields = new ArrayList<>();
        List<CategoricalColumn> columns = new ArrayList<>();
        for (TransactionField f : SegmentTrends.TOP_FIELDS) {
            t.categorical(f).ifPresent(c -> {
                fields.add(f);
                columns.add(c);
            });
        }
        double[][] levelSums = new double[fields.size()][];
        long[][] levelRows = new long[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            levelSums[f] = new double[k * columns.get(f).levelCount()];
            levelRows[f] = new long[levelSums[f].length];
        }

        double[] amount = t.amount().values();
        int[] orderCodes = t.order().codes();
        double[] revenue = new double[k * months];
        long[] orderKeys = new long[n];
        long[] entityKeys = new long[n];
        int keys = 0;
        long outside = 0;
        for (int i = 0; i < n; i++) {
            if (!counted(i, codes, rowOfCode, time)) {
                outside++;
                continue;
            }
            int row = rowOfCode[codes[i]];
            int segment = labels[row];
            int month = monthIndex(starts, time[i]);
            long cell = (long) segment * months + month;
            revenue[(int) cell] += amount[i];
            // (cell, order) and (cell, entity) packed into one long each: distinct pairs are counted after a sort
            entityKeys[keys] = cell << 32 | row;
            orderKeys[keys] = orderCodes[i] == CategoricalColumn.MISSING ? -1 : cell << 32 | orderCodes[i];
            keys++;
            for (int f = 0; f < levelSums.length; f++) {
                int level = columns.get(f).codes()[i];
                if (level != CategoricalColumn.MISSING) {
                    int at = segment * columns.get(f).levelCount() + level;
                    levelSums[f][at] += amount[i];
                    levelRows[f][at]++;
                }
            }
        }
        long[] orders = distinctPerCell(orderKeys, keys, k * months);
        long[] active = distinctPerCell(entityKeys, keys, k * months);

        List<SegmentTrend> segments = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            Map<TransactionField, List<BusinessFigures.LevelAmount>> top = new EnumMap<>(TransactionField.class);
            for (int f = 0; f < fields.size(); f++) {
                top.put(fields.get(f), top(columns.get(f).levels(), levelSums[f], levelRows[f], s));
            }
            int from = s * months;
            segments.add(new SegmentTrend(s, Arrays.copyOfRange(revenue, from, from + months),
                    Arrays.copyOfRange(orders, from, from + months), Arrays.copyOfRange(active, from, from + months),
                    top));
        }
        return new SegmentTrends(monthList, segments, outside);
    }

    private static boolean counted(int i, int[] codes, int[] rowOfCode, long[] time) {
        return codes[i] != CategoricalColumn.MISSING && rowOfCode[codes[i]] >= 0 && time[i] != TimestampColumn.MISSING;
    }

    /** For each level of the entity column, its row in the features, or -1 when it is in no segment. */
    private static int[] rowOfCode(List<String> levels, List<String> ids) {
        Map<String, Integer> row = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            row.put(ids.get(i), i);
        }
        int[] rows = new int[levels.size()];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = row.getOrDefault(levels.get(c), -1);
        }
        return rows;
    }

    private static YearMonth month(long epochSeconds) {
        return YearMonth.from(LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC));
    }

    /** The month whose start is the last at or before {@code time}. */
    private static int monthIndex(long[] starts, long time) {
        int at = Arrays.binarySearch(starts, time);
        return at >= 0 ? at : -at - 2;
    }

    /** The number of distinct keys per cell (the high 32 bits); negative keys are not counted. */
    private static long[] distinctPerCell(long[] keys, int size, int cells) {
        Arrays.sort(keys, 0, size);
        long[] counts = new long[cells];
        for (int i = 0; i < size; i++) {
            if (keys[i] >= 0 && (i == 0 || keys[i] != keys[i - 1])) {
                counts[(int) (keys[i] >>> 32)]++;
            }
        }
        return counts;
    }

    /**
     * The segment's levels with the largest amount, at most {@link SegmentTrends#TOP}, largest first, equal amounts
     * in the levels' order; levels without a row are left out. Chosen by repeated scans (TOP is small), no sort.
     */
    private static List<BusinessFigures.LevelAmount> top(List<String> levels, double[] sums, long[] rows,
            int segment) {
        int count = levels.size();
        int from = segment * count;
        boolean[] taken = new boolean[count];
        List<BusinessFigures.LevelAmount> top = new ArrayList<>(SegmentTrends.TOP);
        for (int pick = 0; pick < SegmentTrends.TOP; pick++) {
            int best = -1;
            for (int l = 0; l < count; l++) {
                if (!taken[l] && rows[from + l] > 0 && (best < 0 || sums[from + l] > sums[from + best])) {
                    best = l;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            top.add(new BusinessFigures.LevelAmount(levels.get(best), sums[from + best], rows[from + best]));
        }
        return top;
    }
}
