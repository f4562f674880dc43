package io.segmenta.engine.internal.metrics;

import java.util.Arrays;

/**
 * One thread's distance kernel for {@link Silhouette}: a copy of a tile of rows (each numeric column and each
 * categorical column its own array, indexed from 0), and the distances from one row to every row of that tile.
 * <p>
 * The distance is {@code sqrt(gamma x mismatches + squared Euclidean)}, the squared part summed in a fixed
 * order: the categorical mismatches first (gamma each, column by column), then the numeric columns from first to
 * last. The loops are written so that the JIT turns them into vector instructions: every array in a loop is
 * indexed by the loop counter alone (C2 leaves a loop scalar when its arrays are at offsets it cannot align), and
 * no loop takes more than three numeric columns (with four, C2 no longer vectorises the last loop here). The last
 * one to three numeric columns, the square root and the column sums are one loop, since the square root is what
 * bounds the speed and the other work fits beside it.
 */
final class TileDistances {
    private final int d;
    private final int c;
    private final double gamma;
    /** Numeric column t of the tile's row j at {@code x[t][j]}. */
    private final double[][] x;
    /** Categorical column t of the tile's row j at {@code codes[t][j]}. */
    private final int[][] codes;
    /** The partial squared distances: the mismatches and the numeric columns before the last ones. */
    private final double[] base;
    /** The distances of the last {@link #row} call. */
    final double[] dist;
    /** Per tile row: the sum of its distances over the rows given to {@link #row} since {@link #load}. */
    final double[] col;
    private int len;

    TileDistances(int d, int c, double gamma, int capacity) {
        this.d = d;
        this.c = c;
        this.gamma = gamma;
        x = new double[d][capacity];
        codes = new int[c][capacity];
        base = new double[capacity];
        dist = new double[capacity];
        col = new double[capacity];
    }

    /**
     * Makes rows {@code [from, from + len)} of the column-major arrays (column t of row p at {@code t * n + p})
     * the tile, and clears the column sums.
     */
    void load(double[] columns, int[] categories, int n, int from, int len) {
        for (int t = 0; t < d; t++) {
            System.arraycopy(columns, t * n + from, x[t], 0, len);
        }
        for (int t = 0; t < c; t++) {
            System.arraycopy(categories, t * n + from, codes[t], 0, len);
        }
        Arrays.fill(col, 0, len, 0.0);
        this.len = len;
    }

    /**
     * The distances from row p of the column-major arrays to each row of the tile into {@link #dist}, each also
     * added to that tile row's {@link #col}; returns their sum.
     */
    double row(double[] columns, int[] categories, int n, int p) {
        final int m = len;
        final double[] b = base;
        boolean fresh = true;
        for (int t = 0; t < c; t++) {
            mismatches(b, codes[t], categories[t * n + p], gamma, fresh, m);
            fresh = false;
        }
        int last = Math.min(3, d);
        int t = 0;
        for (int prefix = d - last; t < prefix; ) {
            // groups of three, the first one shorter when the prefix is not a multiple of three
            int group = (prefix - t) % 3 == 0 ? 3 : (prefix - t) % 3;
            double a0 = columns[t * n + p];
            if (group == 3) {
                add3(b, fresh, x[t], x[t + 1], x[t + 2], a0, columns[(t + 1) * n + p], columns[(t + 2) * n + p], m);
            } else if (group == 2) {
                add2(b, fresh, x[t], x[t + 1], a0, columns[(t + 1) * n + p], m);
            } else {
                add1(b, fresh, x[t], a0, m);
            }
            fresh = false;
            t += group;
        }
        if (fresh) {
            Arrays.fill(b, 0, m, 0.0); // nothing summed yet: start from 0, and 0 + v is v
        }
        switch (last) {
            case 3 -> last3(b, x[t], x[t + 1], x[t + 2], columns[t * n + p], columns[(t + 1) * n + p],
                    columns[(t + 2) * n + p], dist, col, m);
            case 2 -> last2(b, x[t], x[t + 1], columns[t * n + p], columns[(t + 1) * n + p], dist, col, m);
            case 1 -> last1(b, x[t], columns[t * n + p], dist, col, m);
            default -> last0(b, dist, col, m);
        }
        return sum(dist, m);
    }

    private static void mismatches(double[] b, int[] codes, int code, double gamma, boolean fresh, int m) {
        if (fresh) {
            for (int j = 0; j < m; j++) {
                b[j] = codes[j] == code ? 0.0 : gamma;
            }
        } else {
            for (int j = 0; j < m; j++) {
                b[j] += codes[j] == code ? 0.0 : gamma;
            }
        }
    }

    private static void add1(double[] b, boolean fresh, double[] y0, double a0, int m) {
        if (fresh) {
            for (int j = 0; j < m; j++) {
                double d0 = a0 - y0[j];
                b[j] = d0 * d0;
            }
        } else {
            for (int j = 0; j < m; j++) {
                double d0 = a0 - y0[j];
                b[j] += d0 * d0;
            }
        }
    }

    private static void add2(double[] b, boolean fresh, double[] y0, double[] y1, double a0, double a1, int m) {
        if (fresh) {
            for (int j = 0; j < m; j++) {
                double d0 = a0 - y0[j];
                double d1 = a1 - y1[j];
                b[j] = d0 * d0 + d1 * d1;
            }
        } else {
            for (int j = 0; j < m; j++) {
                double d0 = a0 - y0[j];
                double d1 = a1 - y1[j];
                b[j] = (b[j] + d0 * d0) + d1 * d1;
            }
        }
    }

    private static void add3(double[] b, boolean fresh, double[] y0, double[] y1, double[] y2, double a0, double a1,
            double a2, int m) {
        if (fresh) {
            for (int j = 0; j < m; j++) {
                double d0 = a0 - y0[j];
                double d1 = a1 - y1[j];
                double d2 = a2 - y2[j];
                b[j] = (d0 * d0 + d1 * d1) + d2 * d2;
            }
        } else {
            for (int j = 0; j < m; j++) {
                double d0 = a0 - y0[j];
                double d1 = a1 - y1[j];
                double d2 = a2 - y2[j];
                b[j] = ((b[j] + d0 * d0) + d1 * d1) + d2 * d2;
            }
        }
    }

    private static void last0(double[] b, double[] dist, double[] col, int m) {
        for (int j = 0; j < m; j++) {
            double s = Math.sqrt(b[j]);
            dist[j] = s;
            col[j] += s;
        }
    }

    private static void last1(double[] b, double[] y0, double a0, double[] dist, double[] col, int m) {
        for (int j = 0; j < m; j++) {
            double d0 = a0 - y0[j];
            double s = Math.sqrt(b[j] + d0 * d0);
            dist[j] = s;
            col[j] += s;
        }
    }

    private static void last2(double[] b, double[] y0, double[] y1, double a0, double a1, double[] dist, double[] col,
            int m) {
        for (int j = 0; j < m; j++) {
            double d0 = a0 - y0[j];
            double d1 = a1 - y1[j];
            double s = Math.sqrt((b[j] + d0 * d0) + d1 * d1);
            dist[j] = s;
            col[j] += s;
        }
    }

    private static void last3(double[] b, double[] y0, double[] y1, double[] y2, double a0, double a1, double a2,
            double[] dist, double[] col, int m) {
        for (int j = 0; j < m; j++) {
            double d0 = a0 - y0[j];
            double d1 = a1 - y1[j];
            double d2 = a2 - y2[j];
            double s = Math.sqrt(((b[j] + d0 * d0) + d1 * d1) + d2 * d2);
            dist[j] = s;
            col[j] += s;
        }
    }

    /** The sum of {@code v[0 .. m)}, with four independent sums so that the additions need not wait on each other. */
    private static double sum(double[] v, int m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < m; j += 4) {
            s0 += v[j];
            s1 += v[j + 1];
            s2 += v[j + 2];
            s3 += v[j + 3];
        }
        for (; j < m; j++) {
            s0 += v[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
