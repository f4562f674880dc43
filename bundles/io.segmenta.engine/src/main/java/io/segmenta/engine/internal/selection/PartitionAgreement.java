package io.segmenta.engine.internal.selection;

/**
 * The adjusted Rand index of two partitions of the same rows (Hubert and Arabie, 1985), as scikit-learn's
 * {@code adjusted_rand_score}: 1 for the same partition whatever the segment numbers, about 0 for partitions that
 * agree no more than chance, negative below. Labels here are segment numbers 0..k-1 of fitted models, so the
 * contingency table is indexed directly (the test-support version in io.segmenta.testing takes any labels).
 */
public final class PartitionAgreement {
    private PartitionAgreement() {
    }

    /**
     * @param a the segment (0..ka-1) of each row under one partition
     * @param ka the number of segments of {@code a}
     * @param b the segment (0..kb-1) of each row under the other, as many rows
     * @param kb the number of segments of {@code b}
     */
    public static double adjustedRandIndex(int[] a, int ka, int[] b, int kb) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " rows against " + b.length);
        }
        long[] table = new long[ka * kb];
        long[] rowSums = new long[ka];
        long[] columnSums = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i] * kb + b[i]]++;
            rowSums[a[i]]++;
            columnSums[b[i]]++;
        }
        double together = 0;
        for (long n : table) {
            together += choose2(n);
        }
        double inA = 0;
        for (long n : rowSums) {
            inA += choose2(n);
        }
        double inB = 0;
        for (long n : columnSums) {
            inB += choose2(n);
        }
        double chance = a.length < 2 ? 0 : inA * inB / choose2(a.length);
        double best = (inA + inB) / 2;
        return best == chance ? 1.0 : (together - chance) / (best - chance);
    }

    private static double choose2(long n) {
        return n * (n - 1) / 2.0;
    }
}
