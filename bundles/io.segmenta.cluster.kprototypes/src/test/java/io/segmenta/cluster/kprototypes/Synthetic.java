package io.segmenta.cluster.kprototypes;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic mixed data with {@value #CLUSTERS} planted clusters: 3 numeric columns (unit Gaussian noise around
 * centres 3 apart, about the scale of standardised features) and 3 categorical columns of 6 levels (the
 * cluster's own level 70% of the time, any level otherwise). Fixed by the seed.
 */
final class Synthetic {
    static final int CLUSTERS = 5;
    private static final int NUMERIC = 3;
    private static final int CATEGORICAL = 3;
    private static final int LEVELS = 6;

    private Synthetic() {
    }

    static FeatureMatrix matrix(int n, long seed) {
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
        for (int i = 0; i < n; i++) {
            int g = random.nextInt(CLUSTERS);
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
        return new FeatureMatrix(EntityKind.CUSTOMER, ids(n), numeric, categorical, null);
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
}
