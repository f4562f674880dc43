package io.segmenta.cluster.kprototypes;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The two initialisations of the categorical prototypes that {@link KPrototypes} offers ({@link KPrototypes.Init}),
 * as Python kmodes computes them, on the rank-coded rows of {@link MixedData}.
 */
final class CategoricalInit {

    private CategoricalInit() {
    }

    /**
     * Huang's initialisation as in kmodes' {@code init_huang}: for each column, k levels drawn with the
     * frequencies of the data (a uniformly random row's level); then each prototype in turn is replaced by the
     * nearest row (fewest mismatches, first of equals) that equals none of the current prototypes, or, when
     * every row equals one, by the last row in that order, as kmodes' loop ends.
     */
    static void huang(MixedData x, int k, SplittableRandom random, int[] modes) {
        int n = x.n;
        int c = x.c;
        for (int j = 0; j < c; j++) {
            for (int p = 0; p < k; p++) {
                modes[p * c + j] = x.cat[random.nextInt(n) * c + j];
            }
        }
        for (int p = 0; p < k; p++) {
            int nearest = -1;
            int nearestDist = Integer.MAX_VALUE;
            int last = 0;
            int lastDist = -1;
            for (int i = 0; i < n; i++) {
                int dist = mismatches(x.cat, i, modes, p, c);
                if (dist >= lastDist) {
                    last = i;
                    lastDist = dist;
                }
                if (dist < nearestDist && !equalsAnyPrototype(x.cat, i, modes, k, c)) {
                    nearest = i;
                    nearestDist = dist;
                }
            }
            System.arraycopy(x.cat, (nearest >= 0 ? nearest : last) * c, modes, p * c, c);
        }
    }

    /**
     * Cao's initialisation as in kmodes' {@code init_cao}: the density of a row is the mean over columns of
     * the relative frequency of its level; the first prototype is the densest row, each next one the row that
     * maximises density times mismatches to its nearest earlier prototype (first of equals).
     *
     * @return {@code k * c} prototype codes
     */
    static int[] cao(MixedData x, int k) {
        int n = x.n;
        int c = x.c;
        int[] modes = new int[k * c];
        if (c == 0) {
            return modes;
        }
        double[] density = new double[n];
        int[] freq = new int[x.levelTotal];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                freq[x.offset[j] + x.cat[i * c + j]]++;
            }
        }
        for (int j = 0; j < c; j++) { // column by column, divided as kmodes does, for the same roundings
            for (int i = 0; i < n; i++) {
                density[i] += freq[x.offset[j] + x.cat[i * c + j]] / (double) n / (double) c;
            }
        }
        int first = 0;
        for (int i = 1; i < n; i++) {
            if (density[i] > density[first]) {
                first = i;
            }
        }
        System.arraycopy(x.cat, first * c, modes, 0, c);
        double[] nearest = new double[n]; // min over earlier prototypes of mismatches * density
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int p = 1; p < k; p++) {
            int best = 0;
            for (int i = 0; i < n; i++) {
                double dd = mismatches(x.cat, i, modes, p - 1, c) * density[i];
                if (dd < nearest[i]) {
                    nearest[i] = dd;
                }
                if (nearest[i] > nearest[best]) {
                    best = i;
                }
            }
            System.arraycopy(x.cat, best * c, modes, p * c, c);
        }
        return modes;
    }

    private static int mismatches(int[] cat, int i, int[] modes, int p, int c) {
        int m = 0;
        for (int j = 0; j < c; j++) {
            if (cat[i * c + j] != modes[p * c + j]) {
                m++;
            }
        }
        return m;
    }

    private static boolean equalsAnyPrototype(int[] cat, int i, int[] modes, int k, int c) {
        for (int p = 0; p < k; p++) {
            if (mismatches(cat, i, modes, p, c) == 0) {
                return true;
            }
        }
        return false;
    }
}
