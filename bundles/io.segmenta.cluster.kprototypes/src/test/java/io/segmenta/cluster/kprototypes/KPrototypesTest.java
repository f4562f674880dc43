package io.segmenta.cluster.kprototypes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The single run and the initialisations, on primitive arrays. */
class KPrototypesTest {

    /**
     * Rows (a,x) (a,x) (a,y) (b,y) (c,z). Densities: (3/5 + 2/5) / 2 = 0.5 for the first three, 0.3 and 0.2 for
     * the last two. First prototype: the first densest row (a,x). Second: max of mismatches to (a,x) times
     * density: 0, 0, 0.5, 0.6, 0.4: (b,y). Third: max of the smaller of that and mismatches to (b,y) times
     * density: 0, 0, 0.5, 0, 0.4: (a,y).
     */
    @Test
    void caoFollowsDensityAndDissimilarity() {
        MixedData x = new MixedData(5, 0, 2, new double[0], new int[] {0, 0, 0, 0, 0, 1, 1, 1, 2, 2},
                new int[] {3, 3}, 1);
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 1}, CategoricalInit.cao(x, 3));
    }

    @Test
    void huangPicksDistinctRowsWhenThereAreEnough() {
        MixedData x = new MixedData(5, 0, 2, new double[0], new int[] {0, 0, 0, 0, 0, 1, 1, 1, 2, 2},
                new int[] {3, 3}, 1);
        for (long seed = 0; seed < 50; seed++) {
            int[] modes = new int[3 * 2];
            CategoricalInit.huang(x, 3, new SplittableRandom(seed), modes);
            for (int p = 0; p < 3; p++) {
                boolean isRow = false;
                for (int i = 0; i < 5; i++) {
                    isRow |= x.cat[2 * i] == modes[2 * p] && x.cat[2 * i + 1] == modes[2 * p + 1];
                }
                assertTrue(isRow, "seed " + seed + ": prototype " + p + " is not a row");
                for (int q = 0; q < p; q++) {
                    assertTrue(modes[2 * p] != modes[2 * q] || modes[2 * p + 1] != modes[2 * q + 1],
                            "seed " + seed + ": prototypes " + q + " and " + p + " are equal");
                }
            }
        }
    }

    /**
     * On random mixed data, a converged run leaves every row at a nearest prototype, numeric prototypes at
     * the means of their rows, categorical ones at a most frequent level, and the cost equal to the sum of
     * distances to the prototypes.
     */
    @Test
    void convergedRunIsAFixedPoint() {
        int n = 2_000;
        int d = 2;
        int c = 2;
        int k = 6;
        int[] levels = {4, 7};
        SplittableRandom random = new SplittableRandom(99);
        double[] num = new double[n * d];
        int[] cat = new int[n * c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                num[i * d + j] = random.nextGaussian() * (j + 1);
            }
            for (int j = 0; j < c; j++) {
                cat[i * c + j] = random.nextInt(levels[j]);
            }
        }
        MixedData x = new MixedData(n, d, c, num, cat, levels, 0.75);
        for (int[] cao : new int[][] {CategoricalInit.cao(x, k), null}) {
            KPrototypes.Result r = KPrototypes.run(x, k, cao, new SplittableRandom(5), 1_000, where -> { });
            assertTrue(r.converged());
            double[] sums = new double[k * d];
            int[] size = new int[k];
            int[][] counts = new int[k * c][];
            for (int q = 0; q < k * c; q++) {
                counts[q] = new int[levels[q % c]];
            }
            double cost = 0;
            for (int i = 0; i < n; i++) {
                int p = r.labels()[i];
                size[p]++;
                for (int j = 0; j < d; j++) {
                    sums[p * d + j] += num[i * d + j];
                }
                for (int j = 0; j < c; j++) {
                    counts[p * c + j][cat[i * c + j]]++;
                }
                double own = x.distance(i, r.centres(), r.modes(), p);
                cost += own;
                for (int q = 0; q < k; q++) {
                    assertTrue(own <= x.distance(i, r.centres(), r.modes(), q), "row " + i + " nearer to " + q);
                }
            }
            assertEquals(cost, r.cost(), 1e-9 * cost);
            for (int p = 0; p < k; p++) {
                assertTrue(size[p] > 0);
                for (int j = 0; j < d; j++) {
                    assertEquals(sums[p * d + j] / size[p], r.centres()[p * d + j], 1e-12);
                }
                for (int j = 0; j < c; j++) {
                    int[] f = counts[p * c + j];
                    int max = java.util.Arrays.stream(f).max().orElseThrow();
                    assertEquals(max, f[r.modes()[p * c + j]], "cluster " + p + " column " + j);
                }
            }
        }
    }
}
