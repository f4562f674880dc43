package io.segmenta.feature.clv;

import java.util.stream.IntStream;

/**
 * Work over many customers split into a fixed number of chunks run on the common fork-join pool (no thread of
 * this bundle's own). Chunk results are combined in chunk order, so a sum is the same on every run and every
 * machine: the optimiser then takes the same path and the fit is reproducible.
 */
final class Chunks {
    /** Below this many items one chunk is cheaper than the fork-join hand-off. */
    private static final int PARALLEL_FROM = 20_000;
    private static final int CHUNKS = 16;

    interface Part {
        double of(int from, int to);
    }

    interface Range {
        void run(int from, int to);
    }

    private Chunks() {
    }

    static double sum(int n, Part part) {
        if (n < PARALLEL_FROM) {
            return part.of(0, n);
        }
        double[] sums = new double[CHUNKS];
        IntStream.range(0, CHUNKS).parallel().forEach(c -> sums[c] = part.of(bound(n, c), bound(n, c + 1)));
        double total = 0;
        for (double s : sums) {
            total += s;
        }
        return total;
    }

    static void forEach(int n, Range range) {
        if (n < PARALLEL_FROM) {
            range.run(0, n);
            return;
        }
        IntStream.range(0, CHUNKS).parallel().forEach(c -> range.run(bound(n, c), bound(n, c + 1)));
    }

    private static int bound(int n, int chunk) {
        return (int) ((long) n * chunk / CHUNKS);
    }
}
