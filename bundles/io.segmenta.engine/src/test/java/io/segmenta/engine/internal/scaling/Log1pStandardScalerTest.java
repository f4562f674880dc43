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
import io.segmenta.engine.internal.Lcg;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Log1pStandardScalerTest {
    private static final double EXACT = 1e-12;
    private final Scaler scaler = new Log1pStandardScaler();

    private static FeatureMatrix matrix(List<String> ids, NumericColumn... columns) {
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, List.of(columns), List.of(), null);
    }

    /**
     * log1p of {0, e - 1, e² - 1} is {0, 1, 2}: mean 1, population variance (1 + 0 + 1) / 3 = 2/3, so the
     * z-scores are {-1, 0, 1} / sqrt(2/3) = {-1.224744871391589, 0, 1.224744871391589}. (The sample standard
     * deviation, 1, would give {-1, 0, 1}: this tells the two apart.)
     */
    @Test
    void log1pThenPopulationZScore() {
        double e = Math.E;
        FeatureMatrix raw = matrix(List.of("a", "b", "c"), new NumericColumn("monetary", new double[] {0, e - 1, e * e - 1}));
        FittedScaler fitted = scaler.fit(raw);
        FeatureMatrix scaled = fitted.transform(raw);
        double z = 1 / Math.sqrt(2.0 / 3.0);
        assertArrayEquals(new double[] {-z, 0, z}, scaled.numeric().get(0).values(), EXACT);
        assertEquals("log1p, z-score (mean 1.0000, sd 0.8165)", fitted.describe().get("monetary"));
        assertEquals(List.of("monetary"), fitted.features());
        // the raw matrix is left alone
        assertEquals(e - 1, raw.numeric().get(0).get(1), 0);
    }

    @Test
    void constantColumnScalesToZeros() {
        FeatureMatrix raw = matrix(List.of("a", "b", "c"), new NumericColumn("frequency", new double[] {0.1, 0.1, 0.1}));
        FittedScaler fitted = scaler.fit(raw);
        assertArrayEquals(new double[] {0, 0, 0}, fitted.transform(raw).numeric().get(0).values(), 0);
        assertEquals("log1p, z-score (mean 0.0953, constant: scaled to 0)", fitted.describe().get("frequency"));
    }

    @Test
    void valuesAtOrBelowMinusOneAreRejectedNamingColumnAndEntity() {
        FeatureMatrix raw = matrix(List.of("12345", "12346"), new NumericColumn("recency", new double[] {3, 4}),
                new NumericColumn("monetary", new double[] {10, -5}));
        SegmentaException e = assertThrows(SegmentaException.class, () -> scaler.fit(raw));
        assertEquals("log1p scaling needs finite values above -1; 'monetary' of customer 12346 is -5.0", e.getMessage());

        FeatureMatrix minusOne = matrix(List.of("a", "b"), new NumericColumn("x", new double[] {-1, 0}));
        assertEquals("log1p scaling needs finite values above -1; 'x' of customer a is -1.0",
                assertThrows(SegmentaException.class, () -> scaler.fit(minusOne)).getMessage());
        FeatureMatrix missing = matrix(List.of("a", "b"), new NumericColumn("x", new double[] {1, Double.NaN}));
        assertEquals("log1p scaling needs a value for every customer; 'x' of customer b is missing",
                assertThrows(SegmentaException.class, () -> scaler.fit(missing)).getMessage());
    }

    @Test
    void categoricalColumnsPassThroughAndNewDataUsesFittedParameters() {
        CategoricalColumn region = new CategoricalColumn("region", new int[] {0, 1, 0}, List.of("UK", "FR"));
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, List.of("a", "b", "c"),
                List.of(new NumericColumn("m", new double[] {0, Math.E - 1, Math.E * Math.E - 1})), List.of(region), "m");
        FittedScaler fitted = scaler.fit(raw);
        FeatureMatrix scaled = fitted.transform(raw);
        assertSame(region, scaled.categorical().get(0));
        assertEquals("m", scaled.valueColumn());
        assertEquals(List.of("a", "b", "c"), scaled.ids());

        // one new customer whose log1p is 3: (3 - 1) / sqrt(2/3)
        FeatureMatrix fresh = matrix(List.of("d"), new NumericColumn("m", new double[] {Math.expm1(3)}));
        assertEquals(2 / Math.sqrt(2.0 / 3.0), fitted.transform(fresh).numeric().get(0).get(0), EXACT);

        FeatureMatrix other = matrix(List.of("d"), new NumericColumn("x", new double[] {1}));
        assertEquals("the scaler was fitted on the features [m] but was given [x]",
                assertThrows(SegmentaException.class, () -> fitted.transform(other)).getMessage());
    }

    /**
     * Reference values from scikit-learn 1.2.1, for 200 rows of three non-negative columns built from the
     * same generator as in ClusterMetricsTest ({@code u = gen(7, 600)}):
     * <pre>
     * raw = np.array([[1000.0 * u[i * 3 + t] ** (t + 1) for t in range(3)] for i in range(200)])
     * sc = StandardScaler().fit(np.log1p(raw)); Z = sc.transform(np.log1p(raw))
     * print(sc.mean_, sc.scale_, Z[0], Z[199])   # with repr() of each value
     * </pre>
     */
    @Test
    void matchesScikitLearnStandardScaler() {
        int n = 200;
        double[] u = Lcg.doubles(7, n * 3);
        List<String> ids = new ArrayList<>();
        double[][] cols = new double[3][n];
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
            for (int t = 0; t < 3; t++) {
                cols[t][i] = 1000.0 * Math.pow(u[i * 3 + t], t + 1);
            }
        }
        FeatureMatrix raw = matrix(ids, new NumericColumn("a", cols[0]), new NumericColumn("b", cols[1]),
                new NumericColumn("c", cols[2]));
        FittedScaler fitted = scaler.fit(raw);
        FeatureMatrix z = fitted.transform(raw);
        double[] first = {0.3544622136193319, 1.123723573837877, 1.1456415466479628};
        double[] last = {-0.7090150647004223, 0.6862431818744685, 0.8062928903520188};
        for (int t = 0; t < 3; t++) {
            assertEquals(first[t], z.numeric().get(t).get(0), 1e-12);
            assertEquals(last[t], z.numeric().get(t).get(199), 1e-12);
        }
        assertEquals("log1p, z-score (mean 5.8486, sd 0.9998)", fitted.describe().get("a"));
        assertEquals("log1p, z-score (mean 4.8662, sd 1.7370)", fitted.describe().get("b"));
        assertEquals("log1p, z-score (mean 4.1852, sd 2.1208)", fitted.describe().get("c"));
    }
}
