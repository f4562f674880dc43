package io.segmenta.engine.internal.scaling;

import io.segmenta.api.SegmentaException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The transform steps, and the parsing of a chain such as {@code winsorize:1:99,log1p,zscore}. Each step
 * follows the numpy / scikit-learn function of the same purpose, so results agree with the reference notebooks.
 */
final class Transforms {
    /** The steps as the option accepts them, for messages. */
    static final String VALID_STEPS = "log1p, zscore, robust, minmax, winsorize:P1:P2 (percentiles, e.g. "
            + "winsorize:1:99), or none alone";

    /**
     * Scale parameters below this are taken as zero, as scikit-learn's {@code _handle_zeros_in_scale} does for
     * RobustScaler's IQR and MinMaxScaler's range.
     */
    private static final double ZERO_SCALE = 10 * Math.ulp(1.0);

    private Transforms() {
    }

    /**
     * Parses a chain: steps separated by commas, applied left to right; {@code none} (alone) is the empty chain.
     *
     * @param option the option it came from, for messages
     */
    static List<Transform> parse(String option, String chain) {
        String text = chain.trim();
        if (text.equals("none")) {
            return List.of();
        }
        List<Transform> steps = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            steps.add(step(option, chain, part.trim()));
        }
        return List.copyOf(steps);
    }

    private static Transform step(String option, String chain, String step) {
        switch (step) {
            case "log1p":
                return new Log1p();
            case "zscore":
                return new ZScore();
            case "robust":
                return new Robust();
            case "minmax":
                return new MinMax();
            default:
                if (step.equals("winsorize") || step.startsWith("winsorize:")) {
                    return winsorize(option, step);
                }
                String what = step.isEmpty() ? "an empty step" : step.equals("none")
                        ? "'none' with other steps" : "unknown step '" + step + "'";
                throw new SegmentaException("option " + option + ": " + what + " in '" + chain
                        + "'; the steps are " + VALID_STEPS + ", separated by commas");
        }
    }

    private static Transform winsorize(String option, String step) {
        String[] parts = step.split(":", -1);
        double low = Double.NaN;
        double high = Double.NaN;
        if (parts.length == 3) {
            low = percent(parts[1]);
            high = percent(parts[2]);
        }
        if (!(low >= 0 && high <= 100 && low <= high)) {
            throw new SegmentaException("option " + option + ": '" + step + "' should be winsorize:P1:P2 with "
                    + "percentiles 0 <= P1 <= P2 <= 100, e.g. winsorize:1:99");
        }
        return new Winsorize(step, low, high);
    }

    /** A percentile, or NaN when the text is not a number. */
    private static double percent(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A fitted parameter read back, or a one-line error naming the step and the parameter. */
    private static double param(Transform step, Map<String, Double> parameters, String name) {
        Double v = parameters.get(name);
        if (v == null || !Double.isFinite(v)) {
            throw new SegmentaException("the " + step.spec() + " step of the scaling needs the parameter '" + name
                    + "', " + (v == null ? "which is missing" : "which is " + v) + "; the parameters given are "
                    + parameters.keySet());
        }
        return v;
    }

    /** A fitted parameter that must be above 0 (a scale divided by), or a one-line error saying so. */
    private static double positive(Transform step, Map<String, Double> parameters, String name) {
        double v = param(step, parameters, name);
        if (!(v > 0)) {
            throw new SegmentaException("the " + step.spec() + " step of the scaling divides by '" + name
                    + "', which must be above 0 but is " + v);
        }
        return v;
    }

    /** A 0-or-1 flag read back, or a one-line error. */
    private static boolean flag(Transform step, Map<String, Double> parameters, String name) {
        double v = param(step, parameters, name);
        if (v != 0 && v != 1) {
            throw new SegmentaException("the " + step.spec() + " step of the scaling has '" + name + "' " + v
                    + "; it must be 1 or 0");
        }
        return v == 1;
    }

    /** Name, value, name, value, ... in this order. */
    private static Map<String, Double> parameterMap(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return Collections.unmodifiableMap(map);
    }

    /** {@code np.log1p}; values must be finite and above -1 (log1p(-1) is minus infinity, below it undefined). */
    private static final class Log1p implements Transform, Transform.Fitted {
        @Override
        public String spec() {
            return "log1p";
        }

        @Override
        public void check(double value, ValueRef where, int row) {
            if (Double.isNaN(value)) {
                throw new SegmentaException("log1p scaling needs a value for every "
                        + where.matrix().entity().label() + "; " + where.at(row) + " is missing");
            }
            if (!(value > -1) || Double.isInfinite(value)) {
                throw new SegmentaException("log1p scaling needs finite values above -1; " + where.at(row) + " is "
                        + value);
            }
        }

        @Override
        public Fitted fit(double[] x, int n) {
            return this; // nothing to learn
        }

        @Override
        public void apply(double[] x, int n) {
            for (int i = 0; i < n; i++) {
                x[i] = Math.log1p(x[i]);
            }
        }

        @Override
        public String describe() {
            return "log1p";
        }

        @Override
        public Map<String, Double> parameters() {
            return Map.of();
        }

        @Override
        public Fitted restore(Map<String, Double> parameters) {
            return this;
        }
    }

    /** A step that accepts any finite value. */
    private abstract static class Finite implements Transform {
        @Override
        public void check(double value, ValueRef where, int row) {
            where.requireFinite(spec(), value, row);
        }
    }

    /**
     * scikit-learn's StandardScaler:
     * <ul>
     * <li>the standard deviation is the population one (divided by n, not n-1);</li>
     * <li>the mean and variance are computed with StandardScaler's two-pass formula, including its correction
     * term, so that results agree to the last few bits;</li>
     * <li>a column that is constant (by StandardScaler's own test, which tolerates the rounding error of the
     * variance computation) scales to zeros: StandardScaler divides by 1 there, which leaves
     * {@code x - mean}, zero up to rounding on the training data; we write exact zeros, for new data too,
     * since the training data says nothing about how far a value off the constant is.</li>
     * </ul>
     */
    private static final class ZScore extends Finite {
        @Override
        public String spec() {
            return "zscore";
        }

        /** StandardScaler's {@code _incremental_mean_and_var} for one batch, and its {@code _is_constant_feature}. */
        @Override
        public Fitted fit(double[] x, int n) {
            if (n == 0) {
                return new FittedZScore(Double.NaN, Double.NaN, true);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i];
            }
            double mean = sum / n;
            double squares = 0;
            double correction = 0;
            for (int i = 0; i < n; i++) {
                double dev = x[i] - mean;
                squares += dev * dev;
                correction += dev;
            }
            double variance = Math.max(0, (squares - correction * correction / n) / n);
            double eps = Math.ulp(1.0);
            double bound = n * eps * variance + (n * mean * eps) * (n * mean * eps);
            return new FittedZScore(mean, Math.sqrt(variance), variance <= bound);
        }

        @Override
        public Fitted restore(Map<String, Double> p) {
            double mean = param(this, p, "mean");
            double sd = param(this, p, "sd");
            boolean constant = flag(this, p, "constant");
            // a constant column is scaled to 0 whatever its sd; any other divides by it
            return new FittedZScore(mean, constant ? sd : positive(this, p, "sd"), constant);
        }
    }

    private record FittedZScore(double mean, double sd, boolean constant) implements Transform.Fitted {
        @Override
        public void apply(double[] x, int n) {
            for (int i = 0; i < n; i++) {
                x[i] = constant ? 0 : (x[i] - mean) / sd;
            }
        }

        @Override
        public String describe() {
            return constant ? String.format(Locale.ROOT, "z-score (mean %.4f, constant: scaled to 0)", mean)
                    : String.format(Locale.ROOT, "z-score (mean %.4f, sd %.4f)", mean, sd);
        }

        @Override
        public Map<String, Double> parameters() {
            return parameterMap("mean", mean, "sd", sd, "constant", constant ? 1 : 0);
        }
    }

    /**
     * scikit-learn's RobustScaler with its defaults: {@code (x - median) / IQR}, the IQR between the 25th and
     * 75th percentiles ({@code np.nanpercentile}, linear); an IQR of (nearly) zero is replaced by 1, as
     * RobustScaler does, which leaves {@code x - median}.
     */
    private static final class Robust extends Finite {
        @Override
        public String spec() {
            return "robust";
        }

        @Override
        public Fitted fit(double[] x, int n) {
            Percentiles p = new Percentiles(x, n);
            double iqr = p.percentile(75) - p.percentile(25);
            return new FittedRobust(p.median(), iqr, iqr < ZERO_SCALE ? 1 : iqr);
        }

        @Override
        public Fitted restore(Map<String, Double> p) {
            return new FittedRobust(param(this, p, "median"), param(this, p, "iqr"), positive(this, p, "scale"));
        }
    }

    private record FittedRobust(double median, double iqr, double scale) implements Transform.Fitted {
        @Override
        public void apply(double[] x, int n) {
            for (int i = 0; i < n; i++) {
                x[i] = (x[i] - median) / scale;
            }
        }

        @Override
        public String describe() {
            return iqr == scale ? String.format(Locale.ROOT, "robust (median %.2f, IQR %.2f)", median, iqr)
                    : String.format(Locale.ROOT, "robust (median %.2f, IQR 0: scale 1)", median);
        }

        @Override
        public Map<String, Double> parameters() {
            return parameterMap("median", median, "iqr", iqr, "scale", scale);
        }
    }

    /**
     * scikit-learn's MinMaxScaler to [0, 1], with its arithmetic ({@code x * scale + offset}, scale =
     * 1 / range, offset = -min * scale). A range of (nearly) zero gives 0: on the training data that is what
     * MinMaxScaler gives, and we keep 0 for new data too, as z-score does for a constant column.
     */
    private static final class MinMax extends Finite {
        @Override
        public String spec() {
            return "minmax";
        }

        @Override
        public Fitted fit(double[] x, int n) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
            if (n == 0) {
                return new FittedMinMax(Double.NaN, Double.NaN, true);
            }
            return new FittedMinMax(min, max, max - min < ZERO_SCALE);
        }

        @Override
        public Fitted restore(Map<String, Double> p) {
            double min = param(this, p, "min");
            double max = param(this, p, "max");
            boolean constant = flag(this, p, "constant");
            if (!constant && !(max > min)) {
                throw new SegmentaException("the " + spec() + " step of the scaling divides by max - min, so 'max' ("
                        + max + ") must be above 'min' (" + min + ")");
            }
            return new FittedMinMax(min, max, constant);
        }
    }

    private record FittedMinMax(double min, double max, boolean constant) implements Transform.Fitted {
        @Override
        public void apply(double[] x, int n) {
            double scale = 1 / (max - min);
            double offset = -min * scale;
            for (int i = 0; i < n; i++) {
                x[i] = constant ? 0 : x[i] * scale + offset;
            }
        }

        @Override
        public String describe() {
            return constant ? String.format(Locale.ROOT, "min-max (constant %.2f: scaled to 0)", min)
                    : String.format(Locale.ROOT, "min-max [%.2f, %.2f]", min, max);
        }

        @Override
        public Map<String, Double> parameters() {
            return parameterMap("min", min, "max", max, "constant", constant ? 1 : 0);
        }
    }

    /** Clips at two percentiles of the training data ({@code np.percentile}, linear), e.g. the 1st and 99th. */
    private static final class Winsorize extends Finite {
        private final String spec;
        private final double low;
        private final double high;

        Winsorize(String spec, double low, double high) {
            this.spec = spec;
            this.low = low;
            this.high = high;
        }

        @Override
        public String spec() {
            return spec;
        }

        @Override
        public Fitted fit(double[] x, int n) {
            Percentiles p = new Percentiles(x, n);
            return new FittedWinsorize(p.percentile(low), p.percentile(high));
        }

        @Override
        public Fitted restore(Map<String, Double> p) {
            double low = param(this, p, "low");
            double high = param(this, p, "high");
            if (low > high) {
                throw new SegmentaException("the " + spec() + " step of the scaling has 'low' " + low
                        + " above 'high' " + high);
            }
            return new FittedWinsorize(low, high);
        }
    }

    private record FittedWinsorize(double low, double high) implements Transform.Fitted {
        @Override
        public void apply(double[] x, int n) {
            for (int i = 0; i < n; i++) {
                x[i] = Math.min(Math.max(x[i], low), high);
            }
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "winsorize [%.2f, %.2f]", low, high);
        }

        @Override
        public Map<String, Double> parameters() {
            return parameterMap("low", low, "high", high);
        }
    }
}
