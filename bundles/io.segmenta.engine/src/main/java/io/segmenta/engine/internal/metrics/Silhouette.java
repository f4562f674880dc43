package io.segmenta.engine.internal.metrics;

import io.segmenta.api.RunCancelledException;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The exact mean silhouette coefficient, as scikit-learn's {@code silhouette_score} with the Euclidean
 * metric and no sampling (with categorical columns: the distance {@code sqrt(squared Euclidean + gamma x
 * mismatches)}, see {@link Clustering}, as {@code silhouette_score(metric="precomputed")} on those distances):
 * <ul>
 * <li>{@code a(i)}: the mean distance from row i to the other members of its cluster;</li>
 * <li>{@code b(i)}: the smallest mean distance from row i to the members of another cluster;</li>
 * <li>{@code s(i) = (b - a) / max(a, b)}, and 0 for a member of a cluster of one, and 0 when
 * {@code a = b = 0} (scikit-learn's {@code nan_to_num} of 0/0).</li>
 * </ul>
 * It takes all n² distances, and no distance matrix is kept (memory is O(n·d)). To make the n² part fast:
 * <ul>
 * <li>the rows are first sorted by cluster and stored column by column, so that the members of a cluster are
 * one contiguous range of each column: a row's distance sum to a cluster is a plain loop over that range,
 * with no scattered writes;</li>
 * <li>that loop is cut into tiles of {@link #TILE} members and done in three simple passes over a scratch
 * array (squared differences column by column, square roots, sum), which the JIT compiles to SIMD
 * instructions; a block of {@link #ROW_BLOCK} rows works on the same tile while it is in the first-level
 * cache;</li>
 * <li>blocks of rows are spread over a fork/join pool of a fixed size.</li>
 * </ul>
 * Each row's sums are added in an order fixed by the data alone, and block totals in block order, so the result
 * does not depend on the number of threads.
 */
public final class Silhouette {
    static final int ROW_BLOCK = 64;
    static final int TILE = 256;

    private final int n;
    private final int d;
    private final int k;
    /** Column-major copy of the rows sorted by cluster: column t of sorted row p at {@code t * n + p}. */
    private final double[] columns;
    /** Members of cluster c are the sorted rows {@code start[c] .. start[c + 1] - 1}. */
    private final int[] start;
    /** The cluster of each sorted row. */
    private final int[] cluster;
    /** The row (of the clustering) each sorted row is. */
    private final int[] origin;
    /** s(p) of each sorted row, filled by the blocks. */
    private final double[] values;
    /** Members per cluster. */
    private final int[] sizes;
    /** Column-major categorical codes of the sorted rows: column t of sorted row p at {@code t * n + p}. */
    private final int[] codes;
    private final int c;
    private final double gamma;
    /** Rows whose coefficient is done, over all threads, for the progress callback. */
    private final AtomicLong rowsDone = new AtomicLong();
    private final LongConsumer progress;

    private Silhouette(Clustering c, LongConsumer progress) {
        this.progress = progress;
        n = c.n;
        d = c.d;
        k = c.clusters;
        start = new int[k + 1];
        for (int l : c.labels) {
            start[l + 1]++;
        }
        for (int l = 0; l < k; l++) {
            start[l + 1] += start[l];
        }
        int[] next = Arrays.copyOf(start, k);
        sizes = c.sizes;
        this.c = c.c;
        gamma = c.gamma;
        columns = new double[n * d];
        codes = new int[n * this.c];
        cluster = new int[n];
        origin = new int[n];
        values = new double[n];
        for (int i = 0; i < n; i++) {
            int p = next[c.labels[i]]++;
            cluster[p] = c.labels[i];
            origin[p] = i;
            for (int t = 0; t < d; t++) {
                columns[t * n + p] = c.x[i * d + t];
            }
            for (int t = 0; t < this.c; t++) {
                codes[t * n + p] = c.categories[i * this.c + t];
            }
        }
    }

    /**
     * @param threads the number of threads to use (1 computes in the calling thread)
     * @param cancelled polled before each block of rows
     * @return the mean silhouette, or NaN when it is undefined (fewer than 2 clusters or one per row)
     * @throws RunCancelledException when {@code cancelled} became true before the end
     */
    public static double mean(Clustering c, int threads, BooleanSupplier cancelled) {
        return of(c, threads, cancelled).mean();
    }

    /**
     * The silhouette of every row and their mean.
     *
     * @param mean the mean, or NaN when it is undefined (then {@code values} is empty)
     * @param values s(i) of row i of the clustering
     */
    public record Values(double mean, double[] values) {
    }

    /** As {@link #mean}, keeping each row's coefficient (scikit-learn's {@code silhouette_samples}). */
    public static Values of(Clustering c, int threads, BooleanSupplier cancelled) {
        return of(c, threads, cancelled, done -> { });
    }

    /**
     * As {@link #of(Clustering, int, BooleanSupplier)}, telling {@code rowsDone} after each block of rows how
     * many rows are done so far (of {@code c.n}); it is called from the computing threads, at most once per
     * {@link #ROW_BLOCK} rows, so it must be thread-safe and cheap (throttling is the listener's job).
     */
    public static Values of(Clustering c, int threads, BooleanSupplier cancelled, LongConsumer rowsDone) {
        if (!c.scorable()) {
            return new Values(Double.NaN, new double[0]);
        }
        Silhouette s = new Silhouette(c, rowsDone);
        int blocks = (c.n + ROW_BLOCK - 1) / ROW_BLOCK;
        double[] blockSums = new double[blocks];
        boolean stopped;
        if (threads <= 1 || blocks == 1) {
            stopped = !s.blocks(blockSums, cancelled, 0, blocks);
        } else {
            // a pool of our own: the common pool may be small or busy, and its size is not ours to choose
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                Blocks task = new Blocks(s, blockSums, cancelled, 0, blocks);
                pool.invoke(task);
                stopped = task.stopped;
            } finally {
                pool.shutdown();
            }
        }
        if (stopped) {
            throw new RunCancelledException("silhouette computation");
        }
        double sum = 0;
        for (double b : blockSums) {
            sum += b;
        }
        double[] byRow = new double[c.n];
        for (int p = 0; p < c.n; p++) {
            byRow[s.origin[p]] = s.values[p];
        }
        return new Values(sum / c.n, byRow);
    }

    /** Splits the block range in halves until one block is left, then computes it. */
    private static final class Blocks extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient Silhouette s;
        private final double[] blockSums;
        private final transient BooleanSupplier cancelled;
        private final int from;
        private final int to;
        boolean stopped;

        Blocks(Silhouette s, double[] blockSums, BooleanSupplier cancelled, int from, int to) {
            this.s = s;
            this.blockSums = blockSums;
            this.cancelled = cancelled;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > 1) {
                int mid = (from + to) >>> 1;
                Blocks left = new Blocks(s, blockSums, cancelled, from, mid);
                Blocks right = new Blocks(s, blockSums, cancelled, mid, to);
                invokeAll(left, right);
                stopped = left.stopped || right.stopped;
            } else {
                stopped = !s.blocks(blockSums, cancelled, from, to);
            }
        }
    }

    /** Computes blocks {@code [from, to)} in this thread; false when cancelled first. */
    private boolean blocks(double[] blockSums, BooleanSupplier cancelled, int from, int to) {
        double[] sums = new double[ROW_BLOCK * k];
        double[] scratch = new double[TILE];
        for (int b = from; b < to; b++) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            int first = b * ROW_BLOCK;
            int end = Math.min(n, first + ROW_BLOCK);
            blockSums[b] = block(first, end, sums, scratch);
            progress.accept(rowsDone.addAndGet(end - first));
        }
        return true;
    }

    /** The sum of s(p) over sorted rows {@code [first, end)}. */
    private double block(int first, int end, double[] sums, double[] scratch) {
        Arrays.fill(sums, 0, (end - first) * k, 0.0);
        for (int c = 0; c < k; c++) {
            for (int tile = start[c]; tile < start[c + 1]; tile += TILE) {
                int tileEnd = Math.min(start[c + 1], tile + TILE);
                for (int p = first; p < end; p++) {
                    // the distance of a row to itself is 0, so it may be added to its own cluster's sum
                    sums[(p - first) * k + c] += distanceSum(p, tile, tileEnd, scratch);
                }
            }
        }
        double total = 0;
        for (int p = first; p < end; p++) {
            double v = coefficient(sums, (p - first) * k, cluster[p], sizes);
            values[p] = v; // each block writes its own rows only
            total += v;
        }
        return total;
    }

    /** The sum of the distances from sorted row p to sorted rows {@code [from, to)}. */
    private double distanceSum(int p, int from, int to, double[] sq) {
        final double[] x = columns;
        final int len = to - from;
        // passes that each compile to vector instructions: squared differences (and mismatches), square roots, sum
        if (d == 0) {
            Arrays.fill(sq, 0, len, 0.0);
        } else {
            double xp = x[p];
            for (int j = 0; j < len; j++) {
                double diff = xp - x[from + j];
                sq[j] = diff * diff;
            }
        }
        for (int t = 0; t < c; t++) {
            int off = t * n;
            int cp = codes[off + p];
            for (int j = 0; j < len; j++) {
                sq[j] += codes[off + from + j] == cp ? 0.0 : gamma;
            }
        }
        for (int t = 1; t < d; t++) {
            int off = t * n;
            double xt = x[off + p];
            for (int j = 0; j < len; j++) {
                double diff = xt - x[off + from + j];
                sq[j] += diff * diff;
            }
        }
        for (int j = 0; j < len; j++) {
            sq[j] = Math.sqrt(sq[j]);
        }
        // four independent sums: additions do not wait for one another
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += sq[j];
            s1 += sq[j + 1];
            s2 += sq[j + 2];
            s3 += sq[j + 3];
        }
        for (; j < len; j++) {
            s0 += sq[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** s(i) from the row's per-cluster distance sums. */
    static double coefficient(double[] sums, int offset, int own, int[] sizes) {
        int ownSize = sizes[own];
        if (ownSize <= 1) {
            return 0.0;
        }
        double a = sums[offset + own] / (ownSize - 1);
        double b = Double.POSITIVE_INFINITY;
        for (int other = 0; other < sizes.length; other++) {
            if (other != own) {
                b = Math.min(b, sums[offset + other] / sizes[other]);
            }
        }
        double max = Math.max(a, b);
        return max == 0 ? 0.0 : (b - a) / max;
    }
}
