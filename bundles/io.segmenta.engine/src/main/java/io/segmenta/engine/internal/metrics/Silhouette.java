package io.segmenta.engine.internal.metrics;

import io.segmenta.api.RunCancelledException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
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
 * take them in that order, each pair as soon as its two tiles have done their earlier ones ({@link PairSchedule}), so
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

    final int n;
    final int d;
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
    final int c;
    final double gamma;
    /** Tile t: the sorted rows {@code tileStart[t] .. tileStart[t + 1] - 1}, all of cluster {@code tileCluster[t]}. */
    private final int[] tileStart;
    final int[] tileCluster;
    /** The sum of the distances from sorted row p to the members of cluster l, at {@code p * k + l}. */
    private final double[] sums;
    /** Set by the pair that saw the run cancelled; the others stop at their next pair. */
    volatile boolean stopped;

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
        PairSchedule schedule = new PairSchedule(s, PairSchedule.rounds(s.tileCluster.length), cancelled, rowsDone);
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

    int size(int tile) {
        return tileStart[tile + 1] - tileStart[tile];
    }

    /**
     * Adds the distances between the rows of tiles {@code a} and {@code b}: to each row of a, its sum over b; to
     * each row of b (when it is not a), its sum over a.
     */
    void pair(int a, int b, TileDistances tile) {
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
