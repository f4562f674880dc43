package io.segmenta.cluster.support;

/**
 * The adjusted Rand index of two partitions of the same rows (Hubert and Arabie, 1985), as scikit-learn's
 * {@code adjusted_rand_score}: 1 for the same partition whatever the segment numbers, about 0 for partitions that
 * agree no more than chance, negative below. It defines {@code KCandidate.stability()} (the engine's choice of k);
 * being here, beside what the algorithms share, the engine, the test support and the benchmarks use one
 * implementation. Pair counts are taken in double: at a million
 * rows they reach 5e11, and their products 1e23.
 */
public final class PartitionAgreement {
    private PartitionAgreement() {
    }

    /**
     * @param a the segment of each row under one partition, numbers from 0
     * @param b the segment of each row under the other, as many rows
     * @throws IllegalArgumentException when the lengths differ or a segment number is negative
     */
    public static double adjustedRandIndex(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " rows against " + b.length);
        }
        int ka = 0;
        int kb = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || b[i] < 0) {
                throw new IllegalArgumentException("row " + i + " has a negative segment number");
            }
            ka = Math.max(ka, a[i] + 1);
            kb = Math.max(kb, b[i] + 1);
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
        // both partitions trivial the same way (one segment each, or no pairs): scikit-learn answers 1
        return best == chance ? 1.0 : (together - chance) / (best - chance);
    }

    private static double choose2(long n) {
        return n * (n - 1) / 2.0;
    }
}
