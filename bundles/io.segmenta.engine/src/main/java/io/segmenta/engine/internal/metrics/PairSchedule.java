package io.segmenta.engine.internal.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * How the threads of one {@link Silhouette} computation share its pairs of tiles: the pairs of all
 * {@link #rounds} in order, and which of them are taken and done. Any thread takes the first pair
 * not yet taken whose tiles have done all their earlier pairs: so every tile's pairs, and every row's sums,
 * go in the order of the rounds whatever the threads, and no two threads work on one tile at once. There is
 * no barrier between rounds: a thread that the machine holds back delays only the pairs of its two tiles
 * and, rounds later, of the tiles that met those.
 */
final class PairSchedule {
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

    PairSchedule(Silhouette s, int[][] rounds, BooleanSupplier cancelled, LongConsumer rowsDone) {
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
        TileDistances tile = new TileDistances(s.d, s.c, s.gamma, Silhouette.TILE);
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
            if (rows > reported && (rows == s.n || rows >= reported + Silhouette.ROW_BLOCK)) {
                reported = rows;
                rowsDone.accept(rows);
            }
        }
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
}
