package io.segmenta.engine.internal.scaling;

import java.util.Arrays;

/**
 * Percentiles and median as numpy computes them ({@code np.percentile} with its default "linear" method, and
 * {@code np.median}), bit for bit, so that fitted parameters agree with scikit-learn's RobustScaler and with
 * notebooks that clip at {@code np.percentile}.
 */
public final class Percentiles {
    private final double[] sorted;

    /** Sorts a copy of the first {@code n} values of {@code x}. */
    public Percentiles(double[] x, int n) {
        sorted = Arrays.copyOf(x, n);
        Arrays.sort(sorted);
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /**
     * The {@code p}th percentile (0 to 100): numpy's virtual index {@code (n - 1) * p / 100} and its
     * {@code _lerp}, which interpolates from the upper neighbour when the weight is at least 0.5.
     */
    public double percentile(double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double index = (n - 1) * (p / 100);
        double below = Math.floor(index);
        int lo = (int) Math.min(Math.max(below, 0), n - 1);
        int hi = Math.min(lo + 1, n - 1);
        double t = index - below;
        double a = sorted[lo];
        double b = sorted[hi];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** {@code np.median}: the middle value, or the mean of the two middle ones. */
    double median() {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
