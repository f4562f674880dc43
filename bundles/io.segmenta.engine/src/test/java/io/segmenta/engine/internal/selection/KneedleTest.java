package io.segmenta.engine.internal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KneedleTest {

    /**
     * Worked by hand, following kneed's steps (S = 1, convex, decreasing):
     * <pre>
     * k          2      3      4      5      6      7      8
     * cost     100     40     20     15     12     10      9      (min 9, max 100, range 91)
     * x norm     0   .1667  .3333   .5   .6667  .8333     1      ((k - 2) / 6)
     * y knee     0   .6593  .8791  .9341  .9670  .9890    1      ((100 - cost) / 91)
     * diff       0   .4927  .5458  .4341  .3004  .1557    0      (y knee - x norm)
     * </pre>
     * The first local maximum of diff is at k = 4 (.5458); its threshold is .5458 - 1 * mean step (1/6) = .3791.
     * Walking on: diff(5) = .4341 is above it and k = 5 is no local minimum; diff(6) = .3004 falls below it, so
     * the knee is the maximum that set the threshold: k = 4 (index 2).
     */
    @Test
    void handComputedCurve() {
        double[] k = {2, 3, 4, 5, 6, 7, 8};
        double[] cost = {100, 40, 20, 15, 12, 10, 9};
        assertEquals(2, Kneedle.kneeIndex(k, cost));
    }

    /**
     * 1/k over k = 2..10 bends gently; the knee (k = 5) is the value a transcription of kneed's
     * {@code find_knee} into a few lines of Python gave for the same points.
     */
    @Test
    void oneOverK() {
        double[] k = new double[9];
        double[] cost = new double[9];
        for (int i = 0; i < 9; i++) {
            k[i] = i + 2;
            cost[i] = 1.0 / k[i];
        }
        assertEquals(3, Kneedle.kneeIndex(k, cost));
    }

    @Test
    void sharpElbowIsFoundWhereverItIs() {
        // a steep fall to k = 6, then nearly flat: the elbow is k = 6 (index 4)
        double[] k = {2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] cost = {1000, 800, 600, 400, 200, 190, 180, 170, 160};
        assertEquals(4, Kneedle.kneeIndex(k, cost));
    }

    @Test
    void straightLineFlatCurveAndTwoPointsHaveNoKnee() {
        assertEquals(-1, Kneedle.kneeIndex(new double[] {2, 3, 4, 5, 6}, new double[] {8, 6, 4, 2, 0}));
        assertEquals(-1, Kneedle.kneeIndex(new double[] {2, 3, 4, 5}, new double[] {7, 7, 7, 7}));
        assertEquals(-1, Kneedle.kneeIndex(new double[] {2, 3}, new double[] {10, 1}));
        assertEquals(-1, Kneedle.kneeIndex(new double[] {2, 3, 4}, new double[] {10, Double.NaN, 1}));
    }

    @Test
    void lengthsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> Kneedle.kneeIndex(new double[3], new double[2]));
    }
}
