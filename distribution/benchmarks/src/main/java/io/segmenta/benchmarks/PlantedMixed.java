package io.segmenta.benchmarks;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.cluster.support.PartitionAgreement;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mixed data with {@value #CLUSTERS} planted clusters, for {@link KPrototypesBenchmark}: 3 numeric columns (unit
 * Gaussian noise around centres whose coordinates are multiples of 3 in -6..6, about the scale of standardised
 * features) and 3 categorical columns of 6 levels (the cluster's own level 70 % of the time, any level
 * otherwise), with the planted cluster of every row. Fixed by the seed.
 * <p>
 * It draws exactly as the kprototypes bundle's test data ({@code Synthetic}) does, so that figures taken with
 * the prototype benchmark that lived there (seed 2026) stay comparable; it adds the planted labels, which the
 * adjusted Rand index needs.
 *
 * @param matrix the features: numeric {@code x0..x2}, categorical {@code c0..c2} with levels {@code L0..L5}
 * @param planted the planted cluster of each row, 0 to {@value #CLUSTERS} - 1
 */
record PlantedMixed(FeatureMatrix matrix, int[] planted) {
    static final int CLUSTERS = 5;
    static final int NUMERIC = 3;
    static final int CATEGORICAL = 3;
    static final int LEVELS = 6;

    static PlantedMixed generate(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centre = new double[CLUSTERS][NUMERIC];
        int[][] level = new int[CLUSTERS][CATEGORICAL];
        for (int g = 0; g < CLUSTERS; g++) {
            for (int j = 0; j < NUMERIC; j++) {
                centre[g][j] = 3.0 * random.nextInt(-2, 3);
            }
            for (int j = 0; j < CATEGORICAL; j++) {
                level[g][j] = random.nextInt(LEVELS);
            }
        }
        double[][] num = new double[NUMERIC][n];
        int[][] cat = new int[CATEGORICAL][n];
        int[] planted = new int[n];
        for (int i = 0; i < n; i++) {
            int g = random.nextInt(CLUSTERS);
            planted[i] = g;
            for (int j = 0; j < NUMERIC; j++) {
                num[j][i] = centre[g][j] + random.nextGaussian();
            }
            for (int j = 0; j < CATEGORICAL; j++) {
                cat[j][i] = random.nextInt(10) < 7 ? level[g][j] : random.nextInt(LEVELS);
            }
        }
        List<String> levels = new ArrayList<>();
        for (int v = 0; v < LEVELS; v++) {
            levels.add("L" + v);
        }
        List<NumericColumn> numeric = new ArrayList<>();
        for (int j = 0; j < NUMERIC; j++) {
            numeric.add(new NumericColumn("x" + j, num[j]));
        }
        List<CategoricalColumn> categorical = new ArrayList<>();
        for (int j = 0; j < CATEGORICAL; j++) {
            categorical.add(new CategoricalColumn("c" + j, cat[j], levels));
        }
        return new PlantedMixed(new FeatureMatrix(EntityKind.CUSTOMER, ids(n), numeric, categorical, null), planted);
    }

    /** Ids "c1".."cn" made on demand; FeatureMatrix copies them once. */
    private static List<String> ids(int n) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return "c" + (index + 1);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /**
     * The adjusted Rand index of two labellings of the same rows (Hubert and Arabie; scikit-learn's
     * {@code adjusted_rand_score}): 1 for the same partition up to renumbering, about 0 for independent ones.
     * Pair counts are taken in double: at a million rows they reach 5e11, and their products 1e23.
     */
    static double adjustedRand(int[] a, int[] b) {
        return PartitionAgreement.adjustedRandIndex(a, b);
    }
}
