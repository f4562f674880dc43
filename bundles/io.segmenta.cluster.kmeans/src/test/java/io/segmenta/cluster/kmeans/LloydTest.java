package io.segmenta.cluster.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LloydTest {
    // two pairs on a line: {0, 1} and {10, 11}
    private static final double[][] PAIRS = {{0}, {1}, {10}, {11}};

    @Test
    void refinesToTheFixedPoint() {
        double[][] centroids = {{0}, {1}};
        int[] labels = new int[4];

        assertEquals(Lloyd.Outcome.CONVERGED, Lloyd.refine(PAIRS, centroids, labels, 100));
        assertArrayEquals(new int[] {0, 0, 1, 1}, labels);
        assertArrayEquals(new double[][] {{0.5}, {10.5}}, centroids);
        assertEquals(1.0, Lloyd.inertia(PAIRS, centroids, labels));
    }

    @Test
    void fillsAnEmptyClusterWithTheFarthestRow() {
        // centre 1 is far from everything, so the first assignment leaves it empty; it takes row 3 (11),
        // the row farthest from its centre (0)
        double[][] centroids = {{0}, {1000}};
        int[] labels = new int[4];

        assertEquals(Lloyd.Outcome.CONVERGED, Lloyd.refine(PAIRS, centroids, labels, 100));
        assertArrayEquals(new int[] {0, 0, 1, 1}, labels);
        assertArrayEquals(new double[][] {{0.5}, {10.5}}, centroids);
    }

    @Test
    void replacesANaNCentre() {
        // what Smile leaves when k-means++ put two seeds on copies of one row: an empty cluster with a NaN mean
        double[][] centroids = {{Double.NaN}, {5}};
        int[] labels = new int[4];

        assertEquals(Lloyd.Outcome.CONVERGED, Lloyd.refine(PAIRS, centroids, labels, 100));
        assertArrayEquals(new int[] {1, 1, 0, 0}, labels);
        assertArrayEquals(new double[][] {{10.5}, {0.5}}, centroids);
    }

    @Test
    void stopsAtTheIterationCapWithCentresAtTheMeans() {
        double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}};
        double[][] centroids = {{0}, {1}};
        int[] labels = new int[8];

        assertEquals(Lloyd.Outcome.ITERATION_CAP, Lloyd.refine(x, centroids, labels, 1));
        // one assignment (row 0 to centre 0, the rest to centre 1), then one update to the means
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1, 1, 1}, labels);
        assertArrayEquals(new double[][] {{0}, {4}}, centroids);
    }

    @Test
    void reportsTooFewDistinctRows() {
        double[][] x = {{2, 2}, {2, 2}, {3, 3}};
        double[][] centroids = {{2, 2}, {3, 3}, {2, 2}};

        assertEquals(Lloyd.Outcome.TOO_FEW_DISTINCT_ROWS, Lloyd.refine(x, centroids, new int[3], 10));
        assertEquals(2, Lloyd.distinctRows(x));
    }

    @Test
    void totalSumOfSquaresIsTheInertiaOfOneCluster() {
        // mean 5.5; squared deviations 30.25, 20.25, 20.25, 30.25
        assertEquals(101.0, Lloyd.totalSumOfSquares(PAIRS), 1e-12);
    }
}
