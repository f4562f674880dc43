package io.segmenta.engine.internal.scaling;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.stage.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scales every numeric column with a chain of transform steps chosen in the pipeline's options:
 * {@value #OPTION} is the chain of every numeric column (default {@value #DEFAULT_CHAIN}, as the reference
 * notebooks do), {@code transform.<column>} the chain of one column. Steps: {@code log1p}, {@code zscore},
 * {@code robust}, {@code minmax}, {@code winsorize:P1:P2}, or {@code none} alone (see {@link Transforms}).
 * Each step is fitted on the column as the steps before it left it; the fitted parameters are kept in the
 * {@link FittedScaler}, which transforms new data with them, without refitting. Categorical columns pass through.
 */
public class TransformScaler implements Scaler {
    /** The option naming the chain of every numeric column without its own. */
    public static final String OPTION = EngineOptions.TRANSFORM;
    /** Prefix of the options naming the chain of one column: {@code transform.monetary}. */
    public static final String COLUMN_PREFIX = EngineOptions.TRANSFORM_COLUMN_PREFIX;
    /** Today's and the notebooks' scaling. */
    public static final String DEFAULT_CHAIN = "log1p,zscore";

    /** The chains an option set asks for; parsing them is all the checking that can be done before extraction. */
    private record Plan(List<Transform> defaults, Map<String, List<Transform>> columns) {
    }

    /**
     * Checks the transform options' chains (step names and percentiles); whether the columns they name exist
     * is known only after extraction and is checked by {@link #fit}.
     *
     * @throws SegmentaException naming the option and the valid steps
     */
    public static void validate(Options options) {
        plan(options);
    }

    private static Plan plan(Options options) {
        List<Transform> defaults = Transforms.parse(OPTION, options.get(OPTION, DEFAULT_CHAIN));
        Map<String, List<Transform>> columns = new TreeMap<>();
        for (Map.Entry<String, String> e : options.asMap().entrySet()) {
            if (EngineOptions.isTransformColumn(e.getKey())) {
                String column = e.getKey().substring(COLUMN_PREFIX.length());
                if (column.isEmpty()) {
                    throw new SegmentaException("option " + e.getKey() + ": name a column after '" + COLUMN_PREFIX
                            + "', e.g. " + COLUMN_PREFIX + "monetary");
                }
                columns.put(column, Transforms.parse(e.getKey(), e.getValue()));
            }
        }
        return new Plan(defaults, columns);
    }

    @Override
    public FittedScaler fit(FeatureMatrix raw, Options options) {
        Plan plan = plan(options);
        List<String> names = raw.numericNames();
        for (String column : plan.columns().keySet()) {
            if (!names.contains(column)) {
                throw unknownColumn(raw, column);
            }
        }
        int n = raw.rowCount();
        List<FittedChain> chains = new ArrayList<>(names.size());
        double[] work = new double[n];
        for (NumericColumn c : raw.numeric()) {
            List<Transform> steps = plan.columns().getOrDefault(c.name(), plan.defaults());
            System.arraycopy(c.values(), 0, work, 0, n);
            ValueRef where = new ValueRef(raw, c.name());
            List<Transform.Fitted> fitted = new ArrayList<>(steps.size());
            for (Transform step : steps) {
                checkAll(step, work, n, where);
                Transform.Fitted f = step.fit(work, n);
                f.apply(work, n); // the next step is fitted on what this one gives
                fitted.add(f);
            }
            chains.add(new FittedChain(steps, fitted));
        }
        return new Fitted(names, chains);
    }

    /**
     * The fitted scaler that {@link FittedScaler#steps()} described, e.g. read back from a model file: it
     * transforms exactly as the fitted one did.
     *
     * @param steps each feature's steps, by feature name in column order
     * @throws SegmentaException naming the feature and the step that is unknown or lacks a parameter
     */
    public static FittedScaler restore(Map<String, List<ScalingStep>> steps) {
        List<String> names = new ArrayList<>(steps.keySet());
        List<FittedChain> chains = new ArrayList<>(names.size());
        for (Map.Entry<String, List<ScalingStep>> e : steps.entrySet()) {
            String where = "the scaling of '" + e.getKey() + "'";
            List<Transform> parsed = new ArrayList<>();
            List<Transform.Fitted> fitted = new ArrayList<>();
            for (ScalingStep step : e.getValue()) {
                List<Transform> one;
                try {
                    one = Transforms.parse(where, step.step());
                } catch (SegmentaException ex) {
                    one = List.of();
                }
                if (one.size() != 1) {
                    throw new SegmentaException(where + ": '" + step.step() + "' is not a single step; the steps are "
                            + Transforms.VALID_STEPS);
                }
                try {
                    fitted.add(one.get(0).restore(step.parameters()));
                } catch (SegmentaException ex) {
                    throw new SegmentaException(where + ": " + ex.getMessage(), ex);
                }
                parsed.add(one.get(0));
            }
            chains.add(new FittedChain(parsed, fitted));
        }
        return new Fitted(names, chains);
    }

    private static SegmentaException unknownColumn(FeatureMatrix raw, String column) {
        String option = "option " + COLUMN_PREFIX + column + ": ";
        for (CategoricalColumn c : raw.categorical()) {
            if (c.name().equals(column)) {
                return new SegmentaException(option + "'" + column + "' is a categorical feature, which is not "
                        + "scaled; the numeric features are " + String.join(", ", raw.numericNames()));
            }
        }
        return new SegmentaException(option + "the feature extractor produces no feature '" + column
                + "'; its numeric features are " + String.join(", ", raw.numericNames()));
    }

    private static void checkAll(Transform step, double[] x, int n, ValueRef where) {
        for (int i = 0; i < n; i++) {
            step.check(x[i], where, i);
        }
    }

    /** One column's steps with their parameters. */
    private record FittedChain(List<Transform> steps, List<Transform.Fitted> fitted) {

        /** Transforms a copy of {@code values} with the fitted parameters. */
        double[] apply(double[] values, int n, ValueRef where) {
            double[] x = values.clone();
            if (steps.isEmpty()) {
                // 'none': nothing checks the values, but clustering needs them all, and finite
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(x[i])) {
                        throw new SegmentaException("clustering needs a finite value of every feature; "
                                + where.at(i) + " is " + (Double.isNaN(x[i]) ? "missing" : x[i])
                                + " (transform none)");
                    }
                }
            }
            for (int s = 0; s < steps.size(); s++) {
                checkAll(steps.get(s), x, n, where);
                fitted.get(s).apply(x, n);
            }
            return x;
        }

        List<ScalingStep> state() {
            List<ScalingStep> state = new ArrayList<>(steps.size());
            for (int s = 0; s < steps.size(); s++) {
                state.add(new ScalingStep(steps.get(s).spec(), fitted.get(s).parameters()));
            }
            return state;
        }

        String describe() {
            if (fitted.isEmpty()) {
                return "none (unscaled)";
            }
            StringBuilder sb = new StringBuilder();
            for (Transform.Fitted f : fitted) {
                sb.append(sb.length() == 0 ? "" : ", ").append(f.describe());
            }
            return sb.toString();
        }
    }

    private static final class Fitted implements FittedScaler {
        private final List<String> features;
        private final List<FittedChain> chains;

        Fitted(List<String> features, List<FittedChain> chains) {
            this.features = List.copyOf(features);
            this.chains = List.copyOf(chains);
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
                scaled.add(new NumericColumn(c.name(), chains.get(j).apply(c.values(), n, new ValueRef(raw, c.name()))));
            }
            return raw.withNumeric(scaled);
        }

        @Override
        public Map<String, List<ScalingStep>> steps() {
            Map<String, List<ScalingStep>> d = new LinkedHashMap<>();
            for (int j = 0; j < features.size(); j++) {
                d.put(features.get(j), chains.get(j).state());
            }
            return d;
        }

        @Override
        public Map<String, String> describe() {
            Map<String, String> d = new LinkedHashMap<>();
            for (int j = 0; j < features.size(); j++) {
                d.put(features.get(j), chains.get(j).describe());
            }
            return d;
        }
    }
}
