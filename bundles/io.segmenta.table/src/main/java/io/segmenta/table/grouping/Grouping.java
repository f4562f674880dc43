package io.segmenta.table.grouping;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Per-entity aggregation over dictionary codes with primitive arrays: the usable rows of a transactions table
 * grouped by entity (customer, seller, ...) and by (entity, order), for feature extractors that turn a
 * {@code io.segmenta.api.data.TransactionTable} into one row per entity. A row is usable when it has an entity,
 * an order, a timestamp and a finite value (GMV or amount), as in the RFM extractor; every other row is counted
 * by reason ({@link #leftOut()}, {@link #leftOutReasons()}) so that nothing is dropped silently.
 * <p>
 * Entities, orders and categorical values are the dictionary codes of {@link CategoricalColumn}s, so the
 * aggregates are plain arrays indexed by entity code ({@link #orders()}, {@link #sum}, {@link #distinct},
 * {@link #mostFrequent}, {@link #recency}); {@link #keptIds} and the {@code keep} methods then restrict them to
 * the entities with at least one usable row, in code order, which are the rows of the feature matrix.
 * Distinct counts sort packed {@code (entity << 32 | code)} longs instead of keeping a set per entity, so the
 * cost is a few arrays of the table's length whatever the number of entities, and no object per row.
 * <p>
 * Instances are immutable after construction and may be shared between threads; the predicates passed to
 * {@link #orders(IntPredicate)} and {@link #flagOrders(IntPredicate)} are called on the caller's thread.
 */
public final class Grouping {
    private static final long LOW = 0xffffffffL;

    /** Per row: the entity code, or -1 when the row is left out. */
    private final int[] entity;
    /** Per row: the index of the row's (entity, order) in {@link #orderKeys}, or -1 when left out. */
    private final int[] order;
    /** The distinct (entity << 32 | order code) of usable rows, sorted. */
    private final long[] orderKeys;
    private final int entities;
    private final int[] rowsPerEntity;
    private final long[] lastTime;
    private final long maxTime;
    private final int leftOut;
    private final String leftOutReasons;

    /**
     * Groups the rows; all arrays are per row of the same table and are only read.
     *
     * @param entityCodes the entity of every row ({@link CategoricalColumn#MISSING} when unknown)
     * @param entities the entity column's level count
     * @param entityLabel what an entity is called in messages ("customer", "seller")
     * @param orderCodes the order of every row ({@link CategoricalColumn#MISSING} when unknown)
     * @param time the epoch second of every row ({@link TimestampColumn#MISSING} when unknown)
     * @param value the money column that must be finite for a row to count
     * @param valueLabel its name in messages
     * @throws IllegalArgumentException when the arrays differ in length or {@code entities} is negative
     */
    public Grouping(int[] entityCodes, int entities, String entityLabel, int[] orderCodes, long[] time, double[] value,
            String valueLabel) {
        int rows = entityCodes.length;
        // a public constructor now: a length mismatch is a programming error, reported before any row is read
        if (orderCodes.length != rows || time.length != rows || value.length != rows) {
            throw new IllegalArgumentException("per-row arrays differ in length: " + rows + " entities, "
                    + orderCodes.length + " orders, " + time.length + " times, " + value.length + " values");
        }
        if (entities < 0) {
            throw new IllegalArgumentException("negative entity count " + entities);
        }
        this.entities = entities;
        entity = new int[rows];
        order = new int[rows];
        rowsPerEntity = new int[entities];
        lastTime = new long[entities];
        Arrays.fill(lastTime, Long.MIN_VALUE);
        long[] pairs = new long[rows];
        int pairCount = 0;
        long max = Long.MIN_VALUE;
        int noEntity = 0;
        int noOrder = 0;
        int noTime = 0;
        int badValue = 0;
        for (int i = 0; i < rows; i++) {
            int e = entityCodes[i];
            entity[i] = -1;
            order[i] = -1;
            // one reason per row, in this order
            if (e == CategoricalColumn.MISSING) {
                noEntity++;
            } else if (orderCodes[i] == CategoricalColumn.MISSING) {
                noOrder++;
            } else if (time[i] == TimestampColumn.MISSING) {
                noTime++;
            } else if (!Double.isFinite(value[i])) {
                badValue++;
            } else {
                entity[i] = e;
                rowsPerEntity[e]++;
                lastTime[e] = Math.max(lastTime[e], time[i]);
                max = Math.max(max, time[i]);
                pairs[pairCount++] = pack(e, orderCodes[i]);
            }
        }
        maxTime = max;
        leftOut = noEntity + noOrder + noTime + badValue;
        List<String> parts = new ArrayList<>();
        if (noEntity > 0) {
            parts.add(noEntity + " without a " + entityLabel);
        }
        if (noOrder > 0) {
            parts.add(noOrder + " without an order");
        }
        if (noTime > 0) {
            parts.add(noTime + " without a timestamp");
        }
        if (badValue > 0) {
            parts.add(badValue + " with " + (valueLabel.matches("(?i)[aeiou].*") ? "an " : "a ") + valueLabel
                    + " that is not a finite number");
        }
        leftOutReasons = String.join(", ", parts);
        orderKeys = distinct(pairs, pairCount);
        for (int i = 0; i < rows; i++) {
            if (entity[i] >= 0) {
                order[i] = Arrays.binarySearch(orderKeys, pack(entity[i], orderCodes[i]));
            }
        }
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & LOW);
    }

    /** Sorts the first n keys and returns the distinct ones. */
    private static long[] distinct(long[] keys, int n) {
        Arrays.sort(keys, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                keys[m++] = keys[i];
            }
        }
        return Arrays.copyOf(keys, m);
    }

    /** How many rows count (have an entity, an order, a timestamp and a finite value). */
    public int usableRows() {
        return entity.length - leftOut;
    }

    /** True when the row counts (has an entity, an order, a timestamp and a finite value). */
    public boolean isUsable(int row) {
        return entity[row] >= 0;
    }

    /** How many rows were left out, whatever the reason; {@link #leftOutReasons()} breaks them down. */
    public int leftOut() {
        return leftOut;
    }

    /** Why rows were left out, e.g. "2 without a customer, 1 without an order"; empty when none was. */
    public String leftOutReasons() {
        return leftOutReasons;
    }

    /** Distinct orders per entity. */
    public double[] orders() {
        return orders(u -> true);
    }

    /** Distinct orders per entity that satisfy the predicate, given the order's index (see {@link #flagOrders}). */
    public double[] orders(IntPredicate orderIndex) {
        double[] counts = new double[entities];
        for (int u = 0; u < orderKeys.length; u++) {
            if (orderIndex.test(u)) {
                counts[(int) (orderKeys[u] >>> 32)]++;
            }
        }
        return counts;
    }

    /** Per (entity, order) index: true when any usable row of it satisfies the predicate (given the row). */
    public boolean[] flagOrders(IntPredicate row) {
        boolean[] flags = new boolean[orderKeys.length];
        for (int i = 0; i < entity.length; i++) {
            if (order[i] >= 0 && !flags[order[i]] && row.test(i)) {
                flags[order[i]] = true;
            }
        }
        return flags;
    }

    /**
     * A sum per entity over usable rows, and how many usable rows had no finite value.
     *
     * @param totals the sum per entity code (0 for an entity without a finite value)
     * @param skipped the usable rows whose value was NaN or infinite, for the caller to report
     */
    public record Sum(double[] totals, int skipped) {
    }

    /** Sums a numeric column per entity over usable rows; NaN and infinite values are skipped and counted. */
    public Sum sum(NumericColumn column) {
        double[] values = column.values();
        double[] totals = new double[entities];
        int skipped = 0;
        for (int i = 0; i < values.length; i++) {
            if (entity[i] >= 0) {
                if (Double.isFinite(values[i])) {
                    totals[entity[i]] += values[i];
                } else {
                    skipped++;
                }
            }
        }
        return new Sum(totals, skipped);
    }

    /** Distinct non-missing values of a categorical column per entity, over usable rows. */
    public double[] distinct(CategoricalColumn column) {
        int[] codes = column.codes();
        long[] keys = new long[codes.length];
        int n = 0;
        for (int i = 0; i < codes.length; i++) {
            if (entity[i] >= 0 && codes[i] != CategoricalColumn.MISSING) {
                keys[n++] = pack(entity[i], codes[i]);
            }
        }
        double[] counts = new double[entities];
        for (long key : distinct(keys, n)) {
            counts[(int) (key >>> 32)]++;
        }
        return counts;
    }

    /**
     * The most frequent non-missing value of a categorical column per entity, counted in orders: a value
     * counts once for each of the entity's orders that has it on a usable line (so a 20-line order does not
     * outweigh two 1-line orders). Ties go to the value seen first, i.e. on the earliest row of the table.
     * An entity without a value gets {@link CategoricalColumn#MISSING}.
     */
    public int[] mostFrequent(CategoricalColumn column) {
        int[] codes = column.codes();
        int rows = codes.length;
        // distinct (order index, value): each order counts a value once
        long[] orderValues = new long[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (order[i] >= 0 && codes[i] != CategoricalColumn.MISSING) {
                orderValues[n++] = pack(order[i], codes[i]);
            }
        }
        long[] perOrder = distinct(orderValues, n);
        // (entity, value) once per order that has it: sorted, runs give the counts
        long[] entityValues = new long[perOrder.length];
        for (int k = 0; k < perOrder.length; k++) {
            int u = (int) (perOrder[k] >>> 32);
            entityValues[k] = pack((int) (orderKeys[u] >>> 32), (int) perOrder[k]);
        }
        Arrays.sort(entityValues);
        long[] keys = new long[entityValues.length];
        int[] counts = new int[entityValues.length];
        int m = 0;
        for (int k = 0; k < entityValues.length; k++) {
            if (k == 0 || entityValues[k] != entityValues[k - 1]) {
                keys[m++] = entityValues[k];
            }
            counts[m - 1]++;
        }
        int[] best = new int[entities];
        Arrays.fill(best, CategoricalColumn.MISSING);
        int[] bestCount = new int[entities];
        // in row order, a value replaces the best only with a strictly higher count: ties keep the first seen
        for (int i = 0; i < rows; i++) {
            int e = entity[i];
            if (e >= 0 && codes[i] != CategoricalColumn.MISSING) {
                int count = counts[Arrays.binarySearch(keys, 0, m, pack(e, codes[i]))];
                if (count > bestCount[e]) {
                    bestCount[e] = count;
                    best[e] = codes[i];
                }
            }
        }
        return best;
    }

    /**
     * Whole days (rounded down, as pandas' Timedelta.days) from each entity's last usable row to the
     * snapshot: by default 24 hours after the last usable row of the table, else the configured date's
     * midnight, which must not be before that row.
     *
     * @param option the option's name (the message names {@link Snapshot#OPTION}, which every extractor passes)
     */
    public double[] recency(Optional<LocalDate> configured, String option) {
        long snapshot = Snapshot.epochSecond(configured, maxTime);
        double[] recency = new double[entities];
        for (int e = 0; e < entities; e++) {
            if (rowsPerEntity[e] > 0) {
                recency[e] = Math.floorDiv(snapshot - lastTime[e], Snapshot.SECONDS_PER_DAY);
            }
        }
        return recency;
    }

    /** The ids of the entities with at least one usable row, in code order: the rows of the result. */
    public List<String> keptIds(CategoricalColumn entityColumn) {
        List<String> ids = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            if (rowsPerEntity[e] > 0) {
                ids.add(entityColumn.levels().get(e));
            }
        }
        return ids;
    }

    /** A per-entity feature restricted to the kept entities. */
    public NumericColumn keep(String name, double[] perEntity) {
        double[] values = new double[keptCount()];
        int j = 0;
        for (int e = 0; e < entities; e++) {
            if (rowsPerEntity[e] > 0) {
                values[j++] = perEntity[e];
            }
        }
        return new NumericColumn(name, values);
    }

    /**
     * A per-entity categorical feature restricted to the kept entities, re-encoded so that its levels are only
     * the values some kept entity has, in the order of the source column's codes.
     */
    public CategoricalColumn keep(String name, int[] perEntity, CategoricalColumn source) {
        int[] newCode = new int[source.levelCount()];
        for (int e = 0; e < entities; e++) {
            if (rowsPerEntity[e] > 0 && perEntity[e] != CategoricalColumn.MISSING) {
                newCode[perEntity[e]] = 1;
            }
        }
        List<String> levels = new ArrayList<>();
        for (int c = 0; c < newCode.length; c++) {
            if (newCode[c] == 1) {
                newCode[c] = levels.size();
                levels.add(source.levels().get(c));
            } else {
                newCode[c] = CategoricalColumn.MISSING;
            }
        }
        int[] codes = new int[keptCount()];
        int j = 0;
        for (int e = 0; e < entities; e++) {
            if (rowsPerEntity[e] > 0) {
                codes[j++] = perEntity[e] == CategoricalColumn.MISSING ? CategoricalColumn.MISSING : newCode[perEntity[e]];
            }
        }
        return new CategoricalColumn(name, codes, levels);
    }

    private int keptCount() {
        int m = 0;
        for (int count : rowsPerEntity) {
            if (count > 0) {
                m++;
            }
        }
        return m;
    }
}
