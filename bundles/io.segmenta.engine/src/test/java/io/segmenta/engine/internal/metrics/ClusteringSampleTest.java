package io.segmenta.engine.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusteringSampleTest {
    /** Row i is (i, 2i), labelled i % 3: every row is recognisable by its first value. */
    private static Clustering rows(int n) {
        double[] x = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 2.0 * i;
            labels[i] = i % 3;
        }
        return new Clustering(x, n, 2, labels, 3);
    }

    @Test
    void sampleHasDistinctRowsInOrderWithTheirLabels() {
        Clustering s = rows(1000).sample(100, 7);
        assertEquals(100, s.n);
        double previous = -1;
        for (int i = 0; i < s.n; i++) {
            double id = s.x[2 * i];
            assertTrue(id > previous, "distinct and in the original order");
            previous = id;
            assertEquals(2 * id, s.x[2 * i + 1]);
            assertEquals((int) id % 3, s.labels[i]);
        }
    }

    @Test
    void sameSeedSameSampleOtherSeedOtherSample() {
        Clustering c = rows(1000);
        assertArrayEquals(c.sample(50, 7).x, c.sample(50, 7).x);
        assertNotEquals(java.util.Arrays.toString(c.sample(50, 7).x), java.util.Arrays.toString(c.sample(50, 8).x));
    }

    @Test
    void aSampleOfEveryRowIsTheExactSilhouette() {
        Clustering c = rows(200);
        assertEquals(Silhouette.mean(c, 1, () -> false), Silhouette.mean(c.sample(200, 3), 1, () -> false), 0);
        assertEquals(ClusterMetrics.compute(c, 1, () -> false).silhouette(),
                ClusterMetrics.compute(c, 1, () -> false, 200, 3).silhouette(), 0);
        assertThrows(IllegalArgumentException.class, () -> c.sample(201, 3));
    }

    @Test
    void sampledSilhouetteIsTheSilhouetteOfTheSampleAlone() {
        Clustering c = rows(500);
        assertEquals(Silhouette.mean(c.sample(60, 5), 2, () -> false),
                ClusterMetrics.compute(c, 2, () -> false, 60, 5).silhouette(), 0);
    }
}
