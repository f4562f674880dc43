package io.segmenta.cluster.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NearestCentreTest {

    @Test
    void tiesGoToTheLowerIndexAndNanCentresNeverWin() {
        assertEquals(0, NearestCentre.of(new double[] {5}, new double[][] {{4}, {6}}));
        assertEquals(1, NearestCentre.of(new double[] {5}, new double[][] {{Double.NaN}, {60}, {60}}));
        assertArrayEquals(new int[] {0, 2}, NearestCentre.ofEach(new double[][] {{0, 0}, {9, 9}},
                new double[][] {{1, 1}, {5, 5}, {8, 8}}));
        assertEquals(25.0, NearestCentre.squaredDistance(new double[] {0, 0}, new double[] {3, 4}));
    }

    @Test
    void noUsableCentreIsABug() {
        assertThrows(IllegalStateException.class,
                () -> NearestCentre.of(new double[] {Double.NaN}, new double[][] {{1}, {2}}));
    }
}
