package io.segmenta.engine.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.RunCancelledException;
import io.segmenta.engine.internal.Lcg;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The tiled silhouette against its definition computed the plain way (every distance from every row, in
 * O(n²) with no tiles), for every path of its distance kernel: 0 to 7 numeric columns (the kernel groups them
 * in ones, twos and threes), with and without categorical columns; clusters of many tiles, of one tile, of a
 * part of one, and of a single row.
 */
class SilhouetteTest {
    private static final double CLOSE = 1e-12;

    @Test
    void everyColumnCountMatchesTheDefinitionOnManyTiles() {
        for (int d = 1; d <= 7; d++) {
            check(data(1300, d, 0, 5, 11 + d), "d = " + d);
        }
    }

    @Test
    void categoricalColumnsMatchTheDefinitionWithAndWithoutNumericOnes() {
        for (int d : new int[] {0, 1, 3, 4}) {
            check(data(900, d, 2, 4, 31 + d), "d = " + d + ", 2 categorical");
        }
        check(data(700, 5, 1, 3, 41), "d = 5, 1 categorical");
    }

    @Test
    void unevenClustersIncludingOneOfASingleRow() {
        int n = 1100;
        Clustering c = data(n, 3, 0, 4, 51);
        int[] labels = c.labels.clone();
        for (int i = 0; i < n; i++) {
            labels[i] = i == 17 ? 3 : i % 10 == 0 ? 2 : i % 3 == 0 ? 1 : 0; // about 640, 300, 110 and 1 rows
        }
        check(new Clustering(c.x, n, 3, labels, 4), "uneven");
    }

    /** A failure in one thread stops the others, which would otherwise wait for its tiles, and reaches the caller. */
    @Test
    void aFailureOrACancellationMidwayEndsEveryThread() {
        Clustering c = data(3000, 2, 0, 4, 61);
        AtomicInteger polls = new AtomicInteger();
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(IllegalStateException.class, () -> Silhouette.mean(c, 3, () -> {
                    if (polls.incrementAndGet() == 20) {
                        throw new IllegalStateException("poll 20 fails");
                    }
                    return false;
                })));
        assertEquals("poll 20 fails", e.getMessage());
        AtomicInteger later = new AtomicInteger();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(RunCancelledException.class,
                () -> Silhouette.mean(c, 3, () -> later.incrementAndGet() > 20)));
    }

    @Test
    void roundsMeetEveryTwoTilesOnceAndNoTileTwiceInARound() {
        for (int tiles = 1; tiles <= 9; tiles++) {
            int[][] rounds = PairSchedule.rounds(tiles);
            int[][] met = new int[tiles][tiles];
            for (int[] round : rounds) {
                boolean[] seen = new boolean[tiles];
                for (int q = 0; q < round.length; q += 2) {
                    assertTrue(round[q] <= round[q + 1]);
                    assertTrue(!seen[round[q]] && (round[q] == round[q + 1] || !seen[round[q + 1]]));
                    seen[round[q]] = true;
                    seen[round[q + 1]] = true;
                    met[round[q]][round[q + 1]]++;
                }
            }
            for (int a = 0; a < tiles; a++) {
                for (int b = a; b < tiles; b++) {
                    assertEquals(1, met[a][b], tiles + " tiles: " + a + " and " + b);
                }
            }
        }
    }

    /** n rows in k clusters with labels in no order, d numeric columns near the cluster, c categorical ones. */
    private static Clustering data(int n, int d, int c, int k, long seed) {
        double[] u = Lcg.doubles(seed, n * (d + c + 1));
        int[] labels = new int[n];
        double[] x = new double[n * d];
        int[] codes = new int[n * c];
        for (int i = 0; i < n; i++) {
            labels[i] = (int) (u[n * (d + c) + i] * k);
            for (int t = 0; t < d; t++) {
                x[i * d + t] = 2.0 * u[i * d + t] + labels[i] * (t % 2 == 0 ? 1 : -0.5);
            }
            for (int t = 0; t < c; t++) {
                // codes -1 (missing) to 3, leaning towards the cluster's own
                double v = u[n * d + i * c + t];
                codes[i * c + t] = v < 0.5 ? labels[i] % 4 : (int) (v * 10) % 5 - 1;
            }
        }
        return c == 0 ? new Clustering(x, n, d, labels, k) : new Clustering(x, n, d, labels, k, codes, c, 0.8);
    }

    private static void check(Clustering c, String what) {
        double[] expected = definition(c);
        Silhouette.Values one = Silhouette.of(c, 1, () -> false);
        Silhouette.Values three = Silhouette.of(c, 3, () -> false);
        for (int i = 0; i < c.n; i++) {
            assertEquals(expected[i], one.values()[i], CLOSE, what + ", row " + i);
        }
        assertEquals(Arrays.stream(expected).sum() / c.n, one.mean(), CLOSE, what);
        assertArrayEquals(one.values(), three.values(), what + ": the same bits on 1 and 3 threads");
        assertEquals(Double.doubleToLongBits(one.mean()), Double.doubleToLongBits(three.mean()), what);
        assertTrue(one.mean() > -1 && one.mean() < 1, what + ": " + one.mean());
    }

    /** s(i) of every row from its distances to every other row, in the order of the rows. */
    private static double[] definition(Clustering c) {
        int n = c.n;
        int k = c.clusters;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            for (int j = 0; j < n; j++) {
                double sq = 0;
                for (int t = 0; t < c.c; t++) {
                    sq += c.categories[i * c.c + t] == c.categories[j * c.c + t] ? 0 : c.gamma;
                }
                for (int t = 0; t < c.d; t++) {
                    double diff = c.x[i * c.d + t] - c.x[j * c.d + t];
                    sq += diff * diff;
                }
                sum[c.labels[j]] += Math.sqrt(sq);
            }
            int own = c.labels[i];
            if (c.sizes[own] == 1) {
                continue;
            }
            double a = sum[own] / (c.sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int l = 0; l < k; l++) {
                if (l != own) {
                    b = Math.min(b, sum[l] / c.sizes[l]);
                }
            }
            s[i] = Math.max(a, b) == 0 ? 0 : (b - a) / Math.max(a, b);
        }
        return s;
    }
}
