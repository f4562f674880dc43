package io.segmenta.generator;

/** Seeds derived from a request's seed, so that every customer and id has a stream of its own. */
final class Seeds {
    private Seeds() {
    }

    /**
     * A well-mixed seed per index (the SplitMix64 finaliser of seed and index), so that customers' streams
     * are independent of each other and of the order they are generated in.
     */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
