package io.segmenta.engine.internal.selection;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.cluster.support.PartitionAgreement;
import io.segmenta.engine.internal.metrics.Clustering;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded subsamples the stability of a k is measured on: {@value #COUNT} draws without replacement of
 * {@value #FRACTION} of the rows (at most {@value #MAX_ROWS}), each in the rows' order. The same rows and seed
 * give the same subsamples, so the stability (and the k chosen) is reproducible.
 */
public final class Subsamples {
    /** How many subsamples are drawn: three give three pairs to compare. */
    public static final int COUNT = 3;
    /** The share of rows in each: two subsamples then share about 64 % of the rows. */
    public static final double FRACTION = 0.8;
    /** The most rows in a subsample, so that the refits stay cheap on large data. */
    public static final int MAX_ROWS = 10_000;

    private final int[][] rows;
    private final List<FeatureMatrix> matrices;

    private Subsamples(int[][] rows, List<FeatureMatrix> matrices) {
        this.rows = rows;
        this.matrices = matrices;
    }

    /** Draws the subsamples of {@code m} with {@code seed}. */
    public static Subsamples draw(FeatureMatrix m, long seed) {
        int n = m.rowCount();
        int size = Math.max(2, Math.min(MAX_ROWS, (int) Math.round(n * FRACTION)));
        size = Math.min(size, n);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EB5A3D1L);
        int[][] rows = new int[COUNT][];
        List<FeatureMatrix> matrices = new ArrayList<>(COUNT);
        for (int s = 0; s < COUNT; s++) {
            int[] drawn = Clustering.sampleRows(n, size, random);
            rows[s] = drawn;
            matrices.add(select(m, drawn));
        }
        return new Subsamples(rows, matrices);
    }

    private static FeatureMatrix select(FeatureMatrix m, int[] drawn) {
        List<String> ids = new ArrayList<>(drawn.length);
        for (int r : drawn) {
            ids.add(m.ids().get(r));
        }
        List<NumericColumn> numeric = new ArrayList<>();
        for (NumericColumn c : m.numeric()) {
            double[] all = c.values();
            double[] v = new double[drawn.length];
            for (int i = 0; i < drawn.length; i++) {
                v[i] = all[drawn[i]];
            }
            numeric.add(new NumericColumn(c.name(), v));
        }
        List<CategoricalColumn> categorical = new ArrayList<>();
        for (CategoricalColumn c : m.categorical()) {
            int[] all = c.codes();
            int[] v = new int[drawn.length];
            for (int i = 0; i < drawn.length; i++) {
                v[i] = all[drawn[i]];
            }
            categorical.add(new CategoricalColumn(c.name(), v, c.levels()));
        }
        return new FeatureMatrix(m.entity(), ids, numeric, categorical, m.valueColumn());
    }

    /** Subsample {@code s} (0..{@value #COUNT}-1) as a feature matrix. */
    public FeatureMatrix matrix(int s) {
        return matrices.get(s);
    }

    /** How many rows each subsample has. */
    public int size() {
        return rows[0].length;
    }

    /**
     * The stability of one k: the mean adjusted Rand index, over every pair of subsamples, of their segments on
     * the rows both hold.
     *
     * @param labels the segments of each subsample's rows, as fitted on it
     * @param ks the number of segments of each fit
     */
    public double stability(int[][] labels, int[] ks) {
        double sum = 0;
        int pairs = 0;
        for (int s = 0; s < COUNT; s++) {
            for (int t = s + 1; t < COUNT; t++) {
                sum += sharedAgreement(rows[s], labels[s], ks[s], rows[t], labels[t], ks[t]);
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** The adjusted Rand index of two fits on the rows both subsamples hold (both row lists are sorted). */
    private static double sharedAgreement(int[] rowsA, int[] a, int ka, int[] rowsB, int[] b, int kb) {
        int[] sharedA = new int[Math.min(rowsA.length, rowsB.length)];
        int[] sharedB = new int[sharedA.length];
        int n = 0;
        for (int i = 0, j = 0; i < rowsA.length && j < rowsB.length;) {
            if (rowsA[i] < rowsB[j]) {
                i++;
            } else if (rowsA[i] > rowsB[j]) {
                j++;
            } else {
                sharedA[n] = a[i++];
                sharedB[n++] = b[j++];
            }
        }
        return PartitionAgreement.adjustedRandIndex(Arrays.copyOf(sharedA, n), Arrays.copyOf(sharedB, n));
    }
}
