package io.segmenta.engine.internal.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transform steps and chains. Reference figures come from numpy 1.24.2 and scikit-learn 1.2.1 (Debian's,
 * {@code /usr/bin/python3}) on the fixed vector {@link #X}:
 * <pre>
 * import numpy as np
 * from sklearn.preprocessing import StandardScaler, RobustScaler, MinMaxScaler
 * x = np.array([0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 500.0]).reshape(-1, 1)
 * new = np.array([-0.5, 7, 1000.0]).reshape(-1, 1)
 * def show(name, fitted, a): print(name, [repr(v) for v in fitted.transform(a).ravel()])
 * s = StandardScaler().fit(x); print("std", repr(s.mean_[0]), repr(s.scale_[0])); show("std", s, x); show("stdnew", s, new)
 * r = RobustScaler().fit(x); print("rob", repr(r.center_[0]), repr(r.scale_[0])); show("rob", r, x); show("robnew", r, new)
 * m = MinMaxScaler().fit(x); show("mm", m, x); show("mmnew", m, new)
 * lo, hi = np.percentile(x, [5, 95]); print("p5 p95", repr(lo), repr(hi), "p1 p99",
 *     [repr(v) for v in np.percentile(x, [1, 99])], "p37.5", repr(np.percentile(x, 37.5)))
 * w = np.clip(x, lo, hi); lw = np.log1p(w); r2 = RobustScaler().fit(lw)
 * print("chain", repr(r2.center_[0]), repr(r2.scale_[0])); show("chain", r2, lw)
 * print("chainnew", [repr(v) for v in r2.transform(np.log1p(np.clip(new, lo, hi))).ravel()])
 * </pre>
 * Its output is quoted in each test.
 */
class TransformScalerTest {
    private static final double[] X = {0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 500};
    private static final double[] NEW = {-0.5, 7, 1000};
    private static final double EXACT = 1e-12;
    private final Scaler scaler = new TransformScaler();

    private static List<String> ids(int n, String prefix) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = prefix + i;
        }
        return List.of(ids);
    }

    private static FeatureMatrix matrix(String prefix, NumericColumn... columns) {
        return new FeatureMatrix(EntityKind.CUSTOMER, ids(columns[0].size(), prefix), List.of(columns), List.of(), null);
    }

    private static FeatureMatrix x(double[] values) {
        return matrix(values == X ? "c" : "new", new NumericColumn("x", values));
    }

    private static Options options(String... keyValues) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new Options(m);
    }

    private static double[] column(FeatureMatrix m, int j) {
        return m.numeric().get(j).values();
    }

    /**
     * std 60.916666666666664 134.8718270144741;
     * std [-0.4516633904583294, ..., 3.255560060636029];
     * stdnew [-0.4553706139094237, -0.3997622621430083, 6.962783511730389]
     */
    @Test
    void zscoreMatchesStandardScalerAndKeepsItsParametersForNewData() {
        FittedScaler fitted = scaler.fit(x(X), options("transform", "zscore"));
        double[] z = column(fitted.transform(x(X)), 0);
        assertEquals(-0.4516633904583294, z[0], EXACT);
        assertEquals(-0.04386881083794989, z[9], EXACT);
        assertEquals(3.255560060636029, z[11], EXACT);
        // hand: mean 731 / 12; the new value 1000 is (1000 - 60.91666) / 134.87182
        assertEquals((1000 - 731.0 / 12) / 134.8718270144741, column(fitted.transform(x(NEW)), 0)[2], EXACT);
        assertArrayEquals(new double[] {-0.4553706139094237, -0.3997622621430083, 6.962783511730389},
                column(fitted.transform(x(NEW)), 0), EXACT);
        assertEquals("z-score (mean 60.9167, sd 134.8718)", fitted.describe().get("x"));
    }

    /**
     * Hand: sorted X, the 25th percentile is at index 11 * 0.25 = 2.75, so 2 + 0.75 * (3 - 2) = 2.75; the 75th
     * at 8.25, so 34 + 0.25 * (55 - 34) = 39.25; IQR 36.5; median (8 + 13) / 2 = 10.5.
     * rob 10.5 36.5; rob [-0.2876712328767123, ..., 13.41095890410959];
     * robnew [-0.3013698630136986, -0.0958904109589041, 27.10958904109589]
     */
    @Test
    void robustMatchesRobustScaler() {
        FittedScaler fitted = scaler.fit(x(X), options("transform", "robust"));
        double[] r = column(fitted.transform(x(X)), 0);
        for (int i = 0; i < X.length; i++) {
            assertEquals((X[i] - 10.5) / 36.5, r[i], 0);
        }
        assertEquals(-0.2876712328767123, r[0], 0);
        assertEquals(13.41095890410959, r[11], 0);
        assertArrayEquals(new double[] {-0.3013698630136986, -0.0958904109589041, 27.10958904109589},
                column(fitted.transform(x(NEW)), 0), 0);
        assertEquals("robust (median 10.50, IQR 36.50)", fitted.describe().get("x"));
    }

    /** An IQR of 0 is replaced by 1, as RobustScaler does: what is left is x - median. */
    @Test
    void robustWithZeroIqrOnlyCentres() {
        FeatureMatrix raw = x(new double[] {0, 0, 0, 0, 5});
        FittedScaler fitted = scaler.fit(raw, options("transform", "robust"));
        assertArrayEquals(new double[] {0, 0, 0, 0, 5}, column(fitted.transform(raw), 0), 0);
        assertEquals("robust (median 0.00, IQR 0: scale 1)", fitted.describe().get("x"));
    }

    /** mm [0.0, 0.002, 0.004, ..., 1.0] (hand: x / 500); mmnew [-0.001, 0.014, 2.0]. */
    @Test
    void minmaxMatchesMinMaxScaler() {
        FittedScaler fitted = scaler.fit(x(X), options("transform", "minmax"));
        double[] m = column(fitted.transform(x(X)), 0);
        for (int i = 0; i < X.length; i++) {
            assertEquals(X[i] / 500, m[i], EXACT);
        }
        assertEquals(0.026000000000000002, m[6], 0); // MinMaxScaler's own arithmetic, to the bit
        assertArrayEquals(new double[] {-0.001, 0.014, 2.0}, column(fitted.transform(x(NEW)), 0), 0);
        assertEquals("min-max [0.00, 500.00]", fitted.describe().get("x"));
    }

    @Test
    void minmaxOfAConstantColumnIsZero() {
        FeatureMatrix raw = x(new double[] {4, 4, 4});
        FittedScaler fitted = scaler.fit(raw, options("transform", "minmax"));
        assertArrayEquals(new double[] {0, 0, 0}, column(fitted.transform(raw), 0), 0);
        assertArrayEquals(new double[] {0, 0, 0}, column(fitted.transform(x(NEW)), 0), 0);
        assertEquals("min-max (constant 4.00: scaled to 0)", fitted.describe().get("x"));
    }

    /**
     * p5 p95 0.55 273.9499999999997 p1 p99 [0.11, 454.79000000000025] p37.5 5.375. Hand: the 5th percentile is
     * at index 11 * 0.05 = 0.55, between 0 and 1: 0.55; the 95th at 10.45: 89 + 0.45 * 411 = 273.95 (numpy's
     * rounding of the index gives ...97, which we match to the bit).
     */
    @Test
    void percentilesMatchNumpy() {
        Percentiles p = new Percentiles(X, X.length);
        assertEquals(0.55, p.percentile(5), 0);
        assertEquals(273.9499999999997, p.percentile(95), 0);
        assertEquals(0.11, p.percentile(1), 0);
        assertEquals(454.79000000000025, p.percentile(99), 0);
        assertEquals(5.375, p.percentile(37.5), 0);
        assertEquals(0, p.percentile(0), 0);
        assertEquals(500, p.percentile(100), 0);
        assertEquals(10.5, p.median(), 0);
        // the input is not reordered
        assertEquals(new Percentiles(new double[] {3, 1, 2}, 3).median(), 2, 0);
    }

    @Test
    void winsorizeClipsAtTrainingPercentiles() {
        FittedScaler fitted = scaler.fit(x(X), options("transform", "winsorize:5:95"));
        double[] w = column(fitted.transform(x(X)), 0);
        assertEquals(0.55, w[0], 0);
        assertEquals(1, w[1], 0);
        assertEquals(89, w[10], 0);
        assertEquals(273.9499999999997, w[11], 0);
        // new data: clipped at the training bounds, not at its own percentiles
        assertArrayEquals(new double[] {0.55, 7, 273.9499999999997}, column(fitted.transform(x(NEW)), 0), 0);
        assertEquals("winsorize [0.55, 273.95]", fitted.describe().get("x"));
    }

    /**
     * chain 2.4181409534757394 2.3584751257939023;
     * chain [-0.839477169333351, -0.7314021479599587, ..., 1.356150961482552];
     * chainnew [-0.839477169333351, -0.14360949076445814, 1.356150961482552]
     */
    @Test
    void chainFitsEachStepOnWhatThePreviousGaveAndReusesItOnNewData() {
        FittedScaler fitted = scaler.fit(x(X), options("transform", "winsorize:5:95, log1p ,robust"));
        double[] c = column(fitted.transform(x(X)), 0);
        assertEquals(-0.839477169333351, c[0], EXACT);
        assertEquals(-0.7314021479599587, c[1], EXACT);
        assertEquals(0.09366915670359477, c[6], EXACT);
        assertEquals(1.356150961482552, c[11], EXACT);
        assertArrayEquals(new double[] {-0.839477169333351, -0.14360949076445814, 1.356150961482552},
                column(fitted.transform(x(NEW)), 0), EXACT);
        assertEquals("winsorize [0.55, 273.95], log1p, robust (median 2.42, IQR 2.36)", fitted.describe().get("x"));
    }

    /**
     * minmax then log1p on {0, 1, 3}: {0, 1/3, 1} then {0, log1p(1/3), log 2}; log1p then minmax: {0, log 2,
     * log 4} then {0, 0.5, 1}.
     */
    @Test
    void stepsApplyInTheOrderWritten() {
        FeatureMatrix raw = x(new double[] {0, 1, 3});
        FittedScaler minmaxFirst = scaler.fit(raw, options("transform", "minmax,log1p"));
        assertArrayEquals(new double[] {0, Math.log1p(1.0 / 3), Math.log(2)}, column(minmaxFirst.transform(raw), 0), EXACT);
        assertEquals("min-max [0.00, 3.00], log1p", minmaxFirst.describe().get("x"));
        FittedScaler logFirst = scaler.fit(raw, options("transform", "log1p,minmax"));
        assertArrayEquals(new double[] {0, 0.5, 1}, column(logFirst.transform(raw), 0), EXACT);
        assertEquals("log1p, min-max [0.00, 1.39]", logFirst.describe().get("x"));
    }

    @Test
    void perColumnChainOverridesTheDefault() {
        CategoricalColumn region = new CategoricalColumn("region", new int[] {0, 1, 0}, List.of("UK", "FR"));
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, List.of("a", "b", "c"),
                List.of(new NumericColumn("a", new double[] {0, 1, 3}), new NumericColumn("b", new double[] {-7, 2, 9}),
                        new NumericColumn("c", new double[] {0, Math.E - 1, Math.E * Math.E - 1})),
                List.of(region), "b");
        FittedScaler fitted = scaler.fit(raw, options("transform", "minmax", "transform.b", "none",
                "transform.c", "log1p,zscore"));
        FeatureMatrix scaled = fitted.transform(raw);
        assertArrayEquals(new double[] {0, 1.0 / 3, 1}, column(scaled, 0), EXACT);
        assertArrayEquals(new double[] {-7, 2, 9}, column(scaled, 1), 0);
        double z = 1 / Math.sqrt(2.0 / 3.0);
        assertArrayEquals(new double[] {-z, 0, z}, column(scaled, 2), EXACT);
        assertSame(region, scaled.categorical().get(0));
        assertEquals("b", scaled.valueColumn());
        assertEquals(Map.of("a", "min-max [0.00, 3.00]", "b", "none (unscaled)",
                "c", "log1p, z-score (mean 1.0000, sd 0.8165)"), fitted.describe());
        assertEquals(List.of("a", "b", "c"), List.copyOf(fitted.describe().keySet()));
    }

    /** No options and {@code transform=log1p,zscore} are the former Log1pStandardScaler, to the bit. */
    @Test
    void defaultChainIsLog1pThenZScore() {
        FeatureMatrix raw = x(X);
        FittedScaler byDefault = scaler.fit(raw);
        FittedScaler explicit = scaler.fit(raw, options("transform", "log1p,zscore"));
        FittedScaler former = new Log1pStandardScaler().fit(raw);
        assertArrayEquals(column(explicit.transform(raw), 0), column(byDefault.transform(raw), 0), 0);
        assertArrayEquals(column(explicit.transform(raw), 0), column(former.transform(raw), 0), 0);
        assertEquals(explicit.describe(), byDefault.describe());
        // the former implementation's formula, written out: log1p, population mean and sd
        double[] logged = new double[X.length];
        double mean = 0;
        for (int i = 0; i < X.length; i++) {
            logged[i] = Math.log1p(X[i]);
            mean += logged[i] / X.length;
        }
        double var = 0;
        for (double v : logged) {
            var += (v - mean) * (v - mean) / X.length;
        }
        double[] z = column(byDefault.transform(raw), 0);
        for (int i = 0; i < X.length; i++) {
            assertEquals((logged[i] - mean) / Math.sqrt(var), z[i], EXACT);
        }
        assertEquals(String.format(java.util.Locale.ROOT, "log1p, z-score (mean %.4f, sd %.4f)", mean, Math.sqrt(var)),
                byDefault.describe().get("x"));
    }

    @Test
    void badChainsAreRejectedListingTheSteps() {
        String steps = "; the steps are log1p, zscore, robust, minmax, winsorize:P1:P2 (percentiles, e.g. "
                + "winsorize:1:99), or none alone, separated by commas";
        assertEquals("option transform: unknown step 'zcore' in 'log1p,zcore'" + steps, assertThrows(
                SegmentaException.class, () -> TransformScaler.validate(options("transform", "log1p,zcore"))).getMessage());
        assertEquals("option transform.monetary: 'none' with other steps in 'none,log1p'" + steps,
                assertThrows(SegmentaException.class,
                        () -> TransformScaler.validate(options("transform.monetary", "none,log1p"))).getMessage());
        assertEquals("option transform: an empty step in 'log1p,,zscore'" + steps, assertThrows(
                SegmentaException.class, () -> TransformScaler.validate(options("transform", "log1p,,zscore"))).getMessage());
        String winsorize = "' should be winsorize:P1:P2 with percentiles 0 <= P1 <= P2 <= 100, e.g. winsorize:1:99";
        for (String bad : List.of("winsorize", "winsorize:99:1", "winsorize:1", "winsorize:a:99", "winsorize:-1:99", "winsorize:1:101")) {
            assertEquals("option transform: '" + bad + winsorize, assertThrows(SegmentaException.class,
                    () -> TransformScaler.validate(options("transform", bad))).getMessage());
        }
        assertEquals("option transform.: name a column after 'transform.', e.g. transform.monetary",
                assertThrows(SegmentaException.class, () -> TransformScaler.validate(options("transform.", "zscore")))
                        .getMessage());
        // fit checks the same, for callers that did not validate first
        assertEquals("option transform: unknown step 'zcore' in 'zcore'" + steps, assertThrows(
                SegmentaException.class, () -> scaler.fit(x(X), options("transform", "zcore"))).getMessage());
        TransformScaler.validate(options("transform", "none", "transform.x", "winsorize:0.5:99.5,robust"));
    }

    @Test
    void columnOptionMustNameANumericFeature() {
        CategoricalColumn region = new CategoricalColumn("region", new int[] {0, 1, 0}, List.of("UK", "FR"));
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, List.of("a", "b", "c"),
                List.of(new NumericColumn("recency", new double[] {1, 2, 3}),
                        new NumericColumn("monetary", new double[] {1, 2, 3})), List.of(region), null);
        assertEquals("option transform.monetry: the feature extractor produces no feature 'monetry'; its numeric "
                + "features are recency, monetary", assertThrows(SegmentaException.class,
                        () -> scaler.fit(raw, options("transform.monetry", "robust"))).getMessage());
        assertEquals("option transform.region: 'region' is a categorical feature, which is not scaled; the numeric "
                + "features are recency, monetary", assertThrows(SegmentaException.class,
                        () -> scaler.fit(raw, options("transform.region", "robust"))).getMessage());
        assertEquals(List.of("recency", "monetary"), List.copyOf(
                scaler.fit(raw, options("transform.monetary", "robust")).describe().keySet()));
    }

    @Test
    void valuesAreCheckedByEachStepOnTrainingAndNewData() {
        // log1p's domain is checked on what the step before it gave: {0, 10, 10, 10, 10} has mean 8 and
        // population sd 4, so the z-score of 0 is -2, outside log1p's domain
        assertEquals("log1p scaling needs finite values above -1; 'x' of customer new0 is -2.0",
                assertThrows(SegmentaException.class, () -> scaler.fit(x(new double[] {0, 10, 10, 10, 10}),
                        options("transform", "zscore,log1p"))).getMessage());
        FittedScaler fitted = scaler.fit(x(X), options("transform", "robust"));
        FeatureMatrix missing = x(new double[] {1, Double.NaN, 3});
        assertEquals("robust scaling needs a value for every customer; 'x' of customer new1 is missing",
                assertThrows(SegmentaException.class, () -> fitted.transform(missing)).getMessage());
        FeatureMatrix infinite = x(new double[] {1, 2, Double.POSITIVE_INFINITY});
        assertEquals("winsorize:1:99 scaling needs finite values; 'x' of customer new2 is Infinity",
                assertThrows(SegmentaException.class, () -> scaler.fit(infinite,
                        options("transform", "winsorize:1:99"))).getMessage());
        assertEquals("clustering needs a finite value of every feature; 'x' of customer new1 is missing (transform none)",
                assertThrows(SegmentaException.class, () -> scaler.fit(x(X), options("transform", "none"))
                        .transform(missing)).getMessage());
        FittedScaler log = scaler.fit(x(X));
        assertEquals("log1p scaling needs finite values above -1; 'x' of customer new0 is -1.0",
                assertThrows(SegmentaException.class, () -> log.transform(x(new double[] {-1, 0, 1}))).getMessage());
    }

    @Test
    void newDataMustHaveTheFittedFeatures() {
        FittedScaler fitted = scaler.fit(x(X), options("transform", "minmax"));
        FeatureMatrix other = matrix("d", new NumericColumn("y", new double[] {1}));
        assertEquals("the scaler was fitted on the features [x] but was given [y]",
                assertThrows(SegmentaException.class, () -> fitted.transform(other)).getMessage());
        assertEquals(List.of("x"), fitted.features());
    }

    /**
     * Every step saved as its parameters and restored transforms new data bit for bit as the fitted scaler does,
     * including the constant-column cases (z-score and min-max scale them to 0).
     */
    @Test
    void restoredFromItsStepsAScalerTransformsExactlyAsTheFittedOne() {
        FeatureMatrix raw = matrix("c", new NumericColumn("a", X), new NumericColumn("b", X),
                new NumericColumn("constant", new double[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4}),
                new NumericColumn("d", X), new NumericColumn("e", X));
        FittedScaler fitted = scaler.fit(raw, options("transform", "winsorize:5:95,log1p,zscore",
                "transform.b", "robust", "transform.constant", "minmax", "transform.d", "none",
                "transform.e", "zscore,minmax"));
        FittedScaler restored = TransformScaler.restore(fitted.steps());
        assertEquals(fitted.features(), restored.features());
        assertEquals(fitted.describe(), restored.describe());
        double[] fresh = {-3, 0.5, 7, 499, 1e6, 4, 4, 4, 4, 4, 4, 4};
        FeatureMatrix later = matrix("n", new NumericColumn("a", fresh), new NumericColumn("b", fresh),
                new NumericColumn("constant", fresh), new NumericColumn("d", fresh), new NumericColumn("e", fresh));
        for (int j = 0; j < 5; j++) {
            assertArrayEquals(column(fitted.transform(later), j), column(restored.transform(later), j), 0);
        }
        assertEquals(List.of(), restored.steps().get("d"));
        assertEquals(Map.of("low", fitted.steps().get("a").get(0).parameters().get("low"),
                "high", fitted.steps().get("a").get(0).parameters().get("high")),
                restored.steps().get("a").get(0).parameters());
    }

    @Test
    void aStepWithoutItsParameterIsRefusedNamingTheFeatureAndTheParameter() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> TransformScaler.restore(Map.of("monetary",
                List.of(new ScalingStep("log1p", Map.of()), new ScalingStep("zscore", Map.of("mean", 2.0))))));
        assertEquals("the scaling of 'monetary': the zscore step of the scaling needs the parameter 'sd', which is "
                + "missing; the parameters given are [mean]", e.getMessage());
        SegmentaException unknown = assertThrows(SegmentaException.class, () -> TransformScaler.restore(Map.of(
                "monetary", List.of(new ScalingStep("sqrt", Map.of())))));
        assertEquals("the scaling of 'monetary': 'sqrt' is not a single step; the steps are " + Transforms.VALID_STEPS,
                unknown.getMessage());
    }
}
