package io.segmenta.engine.internal.metrics;

import io.segmenta.api.RunCancelledException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * It needs every row's sum of distances to each cluster: all n² distances, of which it computes each unordered
 * pair once, and keeps no distance matrix (memory O(n·(d + k))). How:
 * <ul>
 * <li>the rows are sorted by cluster and stored column by column, and cut into tiles of at most {@link #TILE}
 * rows of one cluster each;</li>
 * <li>for a pair of tiles A and B, each row of A gets its distances to all of B in one vectorised pass
 * ({@link TileDistances}); their sum goes to that row's sum for B's cluster, and each distance is also added to
 * a per-column sum that goes, at the end of the pair, to each row of B's sum for A's cluster. A tile with itself
 * takes its full square (the row sums only), which costs 1/tiles of the work more than a triangle but keeps the
 * loops simple;</li>
 * <li>the pairs are ordered in rounds in which no tile appears twice (a round-robin tournament); the threads
 * take them in that order, each pair as soon as its two tiles have done their earlier ones ({@link Schedule}), so
 * that no two threads work on one tile at once and no thread waits for a whole round to end.</li>
 * </ul>
 * Every row's sums are added in the order of the rounds, fixed by the data alone, so the result does not
 * depend on the number of threads, to the last bit.
 */
public final class Silhouette {
    /** Rows whose coefficients are added up together before the running total. */
    static final int ROW_BLOCK = 64;
    /** The most rows in a tile. */
    static final int TILE = 256;

    private final int n;
    private final int d;
    private final int k;
    /** Column-major copy of the rows sorted by cluster: column t of sorted row p at {@code t * n + p}. */
    private final double[] columns;
    /** The cluster of each sorted row. */
    private final int[] cluster;
    /** The row (of the clustering) each sorted row is. */
    private final int[] origin;
    /** Members per cluster. */
    private final int[] sizes;
    /** Column-major categorical codes of the sorted rows: column t of sorted row p at {@code t * n + p}. */
    private final int[] codes;
    private final int c;
    private final double gamma;
    /** Tile t: the sorted rows {@code tileStart[t] .. tileStart[t + 1] - 1}, all of cluster {@code tileCluster[t]}. */
    private final int[] tileStart;
    private final int[] tileCluster;
    /** The sum of the distances from sorted row p to the members of cluster l, at {@code p * k + l}. */
    private final double[] sums;
    /** Set by the pair that saw the run cancelled; the others stop at their next pair. */
    private volatile boolean stopped;

    private Silhouette(Clustering c) {
        n = c.n;
        d = c.d;
        k = c.clusters;
        int[] start = new int[k + 1];
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
        int tiles = 0;
        for (int l = 0; l < k; l++) {
            tiles += (sizes[l] + TILE - 1) / TILE;
        }
        tileStart = new int[tiles + 1];
        tileCluster = new int[tiles];
        int t = 0;
        for (int l = 0; l < k; l++) {
            for (int from = start[l]; from < start[l + 1]; from += TILE) {
                tileStart[t] = from;
                tileCluster[t++] = l;
            }
        }
        tileStart[tiles] = n;
        sums = new double[n * k];
    }

    /**
     * @param threads the number of threads to use (1 computes in the calling thread)
     * @param cancelled polled before each pair of tiles (256 x 256 distances at most)
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
     * As {@link #of(Clustering, int, BooleanSupplier)}, telling {@code rowsDone} after a pair of tiles how far
     * it has got, as the share of the distances done so far times {@code c.n}, when that is at least
     * {@link #ROW_BLOCK} rows more than the last call said, and at the end ({@code c.n}). It is called from the
     * computing threads, one call at a time, with ever higher counts; it must be cheap.
     */
    public static Values of(Clustering c, int threads, BooleanSupplier cancelled, LongConsumer rowsDone) {
        if (!c.scorable()) {
            return new Values(Double.NaN, new double[0]);
        }
        Silhouette s = new Silhouette(c);
        Schedule schedule = new Schedule(s, rounds(s.tileCluster.length), cancelled, rowsDone);
        if (threads <= 1) {
            schedule.work();
        } else {
            // a pool of our own: the common pool may be small or busy, and its size is not ours to choose
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                List<Callable<Void>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(() -> {
                        schedule.work();
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(workers)) {
                    f.get();
                }
            } catch (InterruptedException e) {
                s.stopped = true; // the workers stop at their next pair
                Thread.currentThread().interrupt();
                throw new RunCancelledException("silhouette computation");
            } catch (ExecutionException e) {
                Throwable cause = schedule.failure();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        if (s.stopped) {
            throw new RunCancelledException("silhouette computation");
        }
        double[] byRow = new double[c.n];
        double sum = 0;
        for (int first = 0; first < c.n; first += ROW_BLOCK) {
            double block = 0;
            for (int p = first; p < Math.min(c.n, first + ROW_BLOCK); p++) {
                double v = coefficient(s.sums, p * s.k, s.cluster[p], s.sizes);
                byRow[s.origin[p]] = v;
                block += v;
            }
            sum += block;
        }
        return new Values(sum / c.n, byRow);
    }

    /**
     * The rounds of tile pairs {@code (round[2q], round[2q + 1])}, the first tile of a pair never after the
     * second: first every tile with itself, then the rounds of a round-robin tournament between the tiles (the
     * circle method), so that every two tiles meet once and no tile appears twice in a round.
     */
    static int[][] rounds(int tiles) {
        int m = tiles % 2 == 0 ? tiles : tiles + 1; // with an odd count, a dummy tile m - 1 sits out each round
        int[][] rounds = new int[m][];
        int[] diagonal = new int[2 * tiles];
        for (int t = 0; t < tiles; t++) {
            diagonal[2 * t] = t;
            diagonal[2 * t + 1] = t;
        }
        rounds[0] = diagonal;
        for (int r = 0; r < m - 1; r++) {
            int[] pairs = new int[m];
            int count = 0;
            for (int q = 0; q < m / 2; q++) {
                int a = q == 0 ? m - 1 : (r + q) % (m - 1);
                int b = q == 0 ? r : (r - q + m - 1) % (m - 1);
                if (a < tiles && b < tiles) {
                    pairs[count++] = Math.min(a, b);
                    pairs[count++] = Math.max(a, b);
                }
            }
            rounds[r + 1] = Arrays.copyOf(pairs, count);
        }
        return rounds;
    }

    private int size(int tile) {
        return tileStart[tile + 1] - tileStart[tile];
    }

    /**
     * The pairs of all rounds in order, and which of them are taken and done. Any thread takes the first pair
     * not yet taken whose tiles have done all their earlier pairs: so every tile's pairs, and every row's sums,
     * go in the order of the rounds whatever the threads, and no two threads work on one tile at once. There is
     * no barrier between rounds: a thread that the machine holds back delays only the pairs of its two tiles
     * and, rounds later, of the tiles that met those.
     */
    private static final class Schedule {
        private final Silhouette s;
        /** Pair q is tiles {@code pairs[2q]} and {@code pairs[2q + 1]}. */
        private final int[] pairs;
        /** How many pairs each of pair q's tiles has before it: {@code before[2q]} and {@code before[2q + 1]}. */
        private final int[] before;
        private final int count;
        private final AtomicIntegerArray taken;
        /** Pairs done per tile. */
        private final AtomicIntegerArray done;
        /** Every pair before it is taken (a hint where to start looking; a stale value is only slower). */
        private volatile int low;
        /** How far past the first pair not taken a thread looks for one it can take. */
        private final int window;
        private final BooleanSupplier cancelled;
        private final LongConsumer rowsDone;
        private final long total;
        private final AtomicLong distances = new AtomicLong();
        private long reported;
        /** The first failure of a thread, rethrown as it was (fork/join would wrap a copy of it). */
        private Throwable failure;

        Schedule(Silhouette s, int[][] rounds, BooleanSupplier cancelled, LongConsumer rowsDone) {
            this.s = s;
            this.cancelled = cancelled;
            this.rowsDone = rowsDone;
            int tiles = s.tileCluster.length;
            int n = 0;
            for (int[] round : rounds) {
                n += round.length / 2;
            }
            count = n;
            pairs = new int[2 * n];
            before = new int[2 * n];
            int[] seen = new int[tiles];
            long work = 0;
            int q = 0;
            for (int[] round : rounds) {
                for (int i = 0; i < round.length; i += 2, q++) {
                    int a = round[i];
                    int b = round[i + 1];
                    pairs[2 * q] = a;
                    pairs[2 * q + 1] = b;
                    before[2 * q] = seen[a]++;
                    before[2 * q + 1] = a == b ? before[2 * q] : seen[b]++;
                    work += (long) s.size(a) * s.size(b);
                }
            }
            total = work;
            taken = new AtomicIntegerArray(n);
            done = new AtomicIntegerArray(tiles);
            window = Math.max(64, 4 * tiles);
        }

        /**
         * Takes and computes pairs until none is left or the run is cancelled. A failure stops the other
         * threads too (they would otherwise wait for the failed pair's tiles for ever).
         */
        void work() {
            try {
                takeAndCompute();
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    if (failure == null) {
                        failure = e;
                    }
                }
                s.stopped = true;
                throw e;
            }
        }

        private void takeAndCompute() {
            TileDistances tile = new TileDistances(s.d, s.c, s.gamma, TILE);
            int idle = 0;
            while (!s.stopped) {
                int q = take();
                if (q == count) {
                    return;
                }
                if (q < 0) {
                    // every pair in reach waits for one another thread is computing
                    idle++;
                    if (idle < 100) {
                        Thread.onSpinWait();
                    } else if (idle < 200) {
                        Thread.yield();
                    } else {
                        LockSupport.parkNanos(20_000);
                    }
                    continue;
                }
                idle = 0;
                if (cancelled.getAsBoolean()) {
                    s.stopped = true;
                    return;
                }
                int a = pairs[2 * q];
                int b = pairs[2 * q + 1];
                s.pair(a, b, tile);
                done.incrementAndGet(a); // publishes the pair's sums to the thread that takes a's next pair
                if (a != b) {
                    done.incrementAndGet(b);
                }
                progress((long) s.size(a) * s.size(b));
            }
        }

        synchronized Throwable failure() {
            return failure;
        }

        /** A pair taken by this thread, -1 when none can be taken now, {@link #count} when all are taken. */
        private int take() {
            int from = low;
            while (from < count && taken.get(from) != 0) {
                from++;
            }
            low = from;
            int end = (int) Math.min(count, (long) from + window);
            for (int q = from; q < end; q++) {
                if (taken.get(q) == 0 && done.get(pairs[2 * q]) == before[2 * q]
                        && done.get(pairs[2 * q + 1]) == before[2 * q + 1] && taken.compareAndSet(q, 0, 1)) {
                    return q;
                }
            }
            return from == count ? count : -1;
        }

        private void progress(long pairDistances) {
            long sum = distances.addAndGet(pairDistances);
            long rows = sum == total ? s.n : (long) ((double) sum / total * s.n);
            synchronized (this) {
                if (rows > reported && (rows == s.n || rows >= reported + ROW_BLOCK)) {
                    reported = rows;
                    rowsDone.accept(rows);
                }
            }
        }
    }

    /**
     * Adds the distances between the rows of tiles {@code a} and {@code b}: to each row of a, its sum over b; to
     * each row of b (when it is not a), its sum over a.
     */
    private void pair(int a, int b, TileDistances tile) {
        int from = tileStart[b];
        int len = tileStart[b + 1] - from;
        tile.load(columns, codes, n, from, len);
        int own = tileCluster[b];
        for (int p = tileStart[a]; p < tileStart[a + 1]; p++) {
            sums[p * k + own] += tile.row(columns, codes, n, p);
        }
        if (a != b) {
            int other = tileCluster[a];
            double[] col = tile.col;
            for (int j = 0; j < len; j++) {
                sums[(from + j) * k + other] += col[j];
            }
        }
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
