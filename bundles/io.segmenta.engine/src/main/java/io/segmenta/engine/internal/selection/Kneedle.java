package io.segmenta.engine.internal.selection;

/**
 * The knee of a decreasing convex curve (an "elbow", such as cost against k) with the Kneedle method of
 * Satopää et al. (2011), computed exactly as the Python {@code kneed} package's
 * {@code KneeLocator(x, y, S=1.0, curve="convex", direction="decreasing", online=False,
 * interp_method="interp1d")}, so that its answers can be checked against it:
 * <ol>
 * <li>normalise x and y to [0, 1]; turn the elbow into a knee with {@code y = 1 - y};</li>
 * <li>the difference curve {@code yd = y - x};</li>
 * <li>local maxima and minima of {@code yd} as {@code scipy.signal.argrelextrema} finds them with
 * {@code >=} and {@code <=} (ends compared with their one neighbour);</li>
 * <li>walking from the first maximum, each maximum sets a threshold {@code yd(max) - S * mean(diff(x))}, each
 * minimum resets it to 0; the first maximum whose curve then falls below its threshold is the knee.</li>
 * </ol>
 * A curve with no such fall (a straight line, two points, a flat curve) has no knee.
 */
public final class Kneedle {
    /** kneed's default sensitivity: how far below a maximum the curve must fall to call it a knee. */
    static final double SENSITIVITY = 1.0;

    private Kneedle() {
    }

    /**
     * @param x strictly increasing
     * @param y as many values as x
     * @return the index of the knee in x, or -1 when there is none
     */
    public static int kneeIndex(double[] x, double[] y) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        if (n < 3) {
            return -1;
        }
        double xMin = x[0];
        double xRange = x[n - 1] - x[0];
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (!Double.isFinite(v)) {
                return -1;
            }
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
        if (!(xRange > 0) || !(yMax > yMin)) {
            return -1; // kneed divides by zero here and finds nothing
        }
        double[] xn = new double[n];
        double[] yn = new double[n];
        for (int i = 0; i < n; i++) {
            xn[i] = (x[i] - xMin) / xRange;
            yn[i] = (y[i] - yMin) / (yMax - yMin);
        }
        // convex and decreasing: y.max() - y, with the normalised maximum being 1
        double ynMax = 0;
        for (double v : yn) {
            ynMax = Math.max(ynMax, v);
        }
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = (ynMax - yn[i]) - xn[i];
        }
        double meanStep = Math.abs((xn[n - 1] - xn[0]) / (n - 1)); // np.diff(x_normalized).mean()

        int firstMax = -1;
        for (int i = 0; i < n && firstMax < 0; i++) {
            if (isMax(diff, i)) {
                firstMax = i;
            }
        }
        if (firstMax < 0) {
            return -1;
        }
        double threshold = 0;
        int thresholdIndex = -1;
        for (int i = firstMax; i < n; i++) {
            if (xn[i] == 1.0) {
                break; // the end of the curve
            }
            if (isMax(diff, i)) {
                threshold = diff[i] - SENSITIVITY * meanStep;
                thresholdIndex = i;
            }
            if (isMin(diff, i)) {
                threshold = 0.0;
            }
            if (diff[i + 1] < threshold) {
                return thresholdIndex;
            }
        }
        return -1;
    }

    private static boolean isMax(double[] v, int i) {
        return v[i] >= v[Math.max(0, i - 1)] && v[i] >= v[Math.min(v.length - 1, i + 1)];
    }

    private static boolean isMin(double[] v, int i) {
        return v[i] <= v[Math.max(0, i - 1)] && v[i] <= v[Math.min(v.length - 1, i + 1)];
    }
}
