package io.segmenta.engine.internal;

/**
 * Reproducible pseudo-random doubles that a few lines of Python reproduce exactly (for reference values
 * computed with scikit-learn): a 64-bit linear congruential generator with Knuth's MMIX constants, doubles in
 * [0, 1) from the top 53 bits.
 */
public final class Lcg {
    private Lcg() {
    }

    public static double[] doubles(long seed, int count) {
        double[] out = new double[count];
        long s = seed;
        for (int i = 0; i < count; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            out[i] = (s >>> 11) * 0x1.0p-53;
        }
        return out;
    }
}
