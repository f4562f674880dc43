package io.segmenta.engine.internal.scaling;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code log1p} then z-score per numeric column, as the reference notebooks do ({@code np.log1p} followed by
 * scikit-learn's {@code StandardScaler}):
 * <ul>
 * <li>the standard deviation is the population one (divided by n, not n-1), as {@code StandardScaler} uses;</li>
 * <li>the mean and variance are computed with {@code StandardScaler}'s two-pass formula, including its
 * correction term, so that results agree to the last few bits;</li>
 * <li>a column that is constant (by {@code StandardScaler}'s own test, which tolerates the rounding error of
 * the variance computation) scales to zeros: {@code StandardScaler} divides by 1 there, which leaves
 * {@code x - mean}, zero up to rounding; we write exact zeros.</li>
 * </ul>
 * Values must be finite and above -1 ({@code log1p(-1)} is minus infinity and below -1 it is undefined).
 */
public final class Log1pStandardScaler implements Scaler {

    @Override
    public FittedScaler fit(FeatureMatrix raw) {
        List<NumericColumn> columns = raw.numeric();
        int n = raw.rowCount();
        int d = columns.size();
        double[] means = new double[d];
        double[] sds = new double[d];
        boolean[] constant = new boolean[d];
        double[] logged = new double[n];
        for (int j = 0; j < d; j++) {
            NumericColumn c = columns.get(j);
            double[] v = c.values();
            for (int i = 0; i < n; i++) {
                logged[i] = log1p(raw, c.name(), i, v[i]);
            }
            fitColumn(logged, n, j, means, sds, constant);
        }
        return new Fitted(raw.numericNames(), means, sds, constant);
    }

    /** StandardScaler's {@code _incremental_mean_and_var} for one batch, and its {@code _is_constant_feature}. */
    private static void fitColumn(double[] x, int n, int j, double[] means, double[] sds, boolean[] constant) {
        if (n == 0) {
            means[j] = Double.NaN;
            sds[j] = Double.NaN;
            constant[j] = true;
            return;
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
        means[j] = mean;
        sds[j] = Math.sqrt(variance);
        constant[j] = variance <= bound;
    }

    private static double log1p(FeatureMatrix m, String column, int row, double value) {
        if (Double.isNaN(value)) {
            throw new SegmentaException("log1p scaling needs a value for every " + m.entity().label() + "; '"
                    + column + "' of " + m.entity().label() + " " + m.ids().get(row) + " is missing");
        }
        if (!(value > -1) || Double.isInfinite(value)) {
            throw new SegmentaException("log1p scaling needs finite values above -1; '" + column + "' of "
                    + m.entity().label() + " " + m.ids().get(row) + " is " + value);
        }
        return Math.log1p(value);
    }

    private static final class Fitted implements FittedScaler {
        private final List<String> features;
        private final double[] means;
        private final double[] sds;
        private final boolean[] constant;

        Fitted(List<String> features, double[] means, double[] sds, boolean[] constant) {
            this.features = List.copyOf(features);
            this.means = means;
            this.sds = sds;
            this.constant = constant;
        }

        @Override
        public List<String> features() {
            return features;
        }

        @Override
        public FeatureMatrix transform(FeatureMatrix raw) {
            if (!raw.numericNames().equals(features)) {
                throw new SegmentaException("the scaler was fitted on the features " + features
                        + " but was given " + raw.numericNames());
            }
            int n = raw.rowCount();
            List<NumericColumn> scaled = new ArrayList<>(features.size());
            for (int j = 0; j < features.size(); j++) {
                NumericColumn c = raw.numeric().get(j);
                double[] v = c.values();
                double[] out = new double[n];
                if (!constant[j]) {
                    double mean = means[j];
                    double sd = sds[j];
                    for (int i = 0; i < n; i++) {
                        out[i] = (log1p(raw, c.name(), i, v[i]) - mean) / sd;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        log1p(raw, c.name(), i, v[i]); // still reject values outside the domain
                    }
                }
                scaled.add(new NumericColumn(c.name(), out));
            }
            return raw.withNumeric(scaled);
        }

        @Override
        public Map<String, String> describe() {
            Map<String, String> d = new LinkedHashMap<>();
            for (int j = 0; j < features.size(); j++) {
                d.put(features.get(j), constant[j]
                        ? String.format(Locale.ROOT, "log1p, z-score (mean %.4f, constant: scaled to 0)", means[j])
                        : String.format(Locale.ROOT, "log1p, z-score (mean %.4f, sd %.4f)", means[j], sds[j]));
            }
            return d;
        }
    }
}
