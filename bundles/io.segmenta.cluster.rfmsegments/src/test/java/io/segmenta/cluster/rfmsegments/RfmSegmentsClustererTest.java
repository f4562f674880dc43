package io.segmenta.cluster.rfmsegments;

import io.segmenta.table.rfm.RfmSegment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.StageKind;
import io.segmenta.testing.RecordingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RfmSegmentsClustererTest {
    private static final ClusterRequest REQUEST = new ClusterRequest(4, ClusterRequest.DEFAULT_SEED,
            ClusterRequest.DEFAULT_RUNS, ClusterRequest.DEFAULT_MAX_ITERATIONS);

    private final RfmSegmentsClusterer stage = new RfmSegmentsClusterer();

    /*
     * The usual recipe in pandas (/usr/bin/python3, pandas 1.5.3), with Lost split off Hibernating:
     *   df = pd.DataFrame({'recency': REC, 'frequency': FRQ, 'monetary': MON})
     *   df['R'] = pd.qcut(df['recency'].rank(method='first'), 5, labels=[5,4,3,2,1]).astype(int)
     *   df['F'] = pd.qcut(df['frequency'].rank(method='first'), 5, labels=[1,2,3,4,5]).astype(int)
     *   df['M'] = pd.qcut(df['monetary'].rank(method='first'), 5, labels=[1,2,3,4,5]).astype(int)
     *   seg_map = {r'[1-2][1-2]': 'Hibernating', r'[1-2][3-4]': 'At Risk', r'[1-2]5': "Can't Lose Them",
     *              r'3[1-2]': 'About to Sleep', r'33': 'Need Attention', r'[3-4][4-5]': 'Loyal Customers',
     *              r'41': 'Promising', r'51': 'New Customers', r'[4-5][2-3]': 'Potential Loyalists',
     *              r'5[4-5]': 'Champions'}
     *   df['segment'] = (df['R'].astype(str) + df['F'].astype(str)).replace(seg_map, regex=True)
     *   df.loc[(df.R == 1) & (df.F == 1), 'segment'] = 'Lost'
     * gives the R, F, M and SEGMENT lists below.
     */
    private static final double[] REC = {3, 40, 200, 3, 90, 15, 365, 7, 40, 120, 1, 60, 250, 15, 30, 500, 2, 75,
        10, 180};
    private static final double[] FRQ = {12, 2, 1, 5, 1, 3, 8, 1, 6, 2, 1, 4, 1, 9, 2, 3, 7, 1, 2, 5};
    private static final double[] MON = {900.5, 80, 15, 300, 20, 150, 700, 40, 420, 60, 25, 210, 10, 650, 75, 120,
        500, 30, 55, 260};
    private static final int[] R = {5, 3, 1, 5, 2, 4, 1, 4, 3, 2, 5, 3, 1, 4, 3, 1, 5, 2, 4, 2};
    private static final int[] F = {5, 2, 1, 4, 1, 3, 5, 1, 4, 2, 1, 4, 2, 5, 3, 3, 5, 2, 3, 4};
    private static final int[] M = {5, 3, 1, 4, 1, 3, 5, 2, 4, 2, 1, 4, 1, 5, 3, 3, 5, 2, 2, 4};
    private static final List<String> SEGMENT = List.of("Champions", "About to Sleep", "Lost", "Champions",
            "Hibernating", "Potential Loyalists", "Can't Lose Them", "Promising", "Loyal Customers", "Hibernating",
            "New Customers", "Loyal Customers", "Hibernating", "Loyal Customers", "Need Attention", "At Risk",
            "Champions", "Hibernating", "Potential Loyalists", "At Risk");
    private static final List<String> ALL = List.of("Champions", "Loyal Customers", "Potential Loyalists",
            "New Customers", "Promising", "Need Attention", "About to Sleep", "At Risk", "Can't Lose Them",
            "Hibernating", "Lost");

    static FeatureMatrix matrix(List<String> names, double[]... columns) {
        return matrix(names, List.of(), columns);
    }

    static FeatureMatrix matrix(List<String> names, List<CategoricalColumn> categorical, double[]... columns) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < columns[0].length; i++) {
            ids.add(String.format("c%05d", i + 1)); // sorted as they appear: ties are broken by id
        }
        List<NumericColumn> numeric = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            numeric.add(new NumericColumn(names.get(j), columns[j]));
        }
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, numeric, categorical,
                names.contains("monetary") ? "monetary" : null);
    }

    static FeatureMatrix rfm(double[] recency, double[] frequency, double[] monetary) {
        return matrix(List.of("recency", "frequency", "monetary"), recency, frequency, monetary);
    }

    /** log1p then z-score with the population standard deviation, as the engine scales before an algorithm. */
    static FeatureMatrix log1pZScore(FeatureMatrix raw) {
        List<NumericColumn> scaled = new ArrayList<>();
        for (NumericColumn c : raw.numeric()) {
            double[] v = c.values();
            int n = v.length;
            double[] s = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                s[i] = Math.log1p(v[i]);
                mean += s[i];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (s[i] - mean) * (s[i] - mean);
            }
            double sd = Math.sqrt(var / n);
            for (int i = 0; i < n; i++) {
                s[i] = (s[i] - mean) / sd;
            }
            scaled.add(new NumericColumn(c.name(), s));
        }
        return raw.withNumeric(scaled);
    }

    private static List<String> names(RfmSegmentsModel model, int[] labels) {
        List<String> names = new ArrayList<>();
        for (int l : labels) {
            names.add(model.segmentNames().get(l));
        }
        return names;
    }

    private RfmSegmentsModel fit(FeatureMatrix m, RecordingContext ctx) {
        return (RfmSegmentsModel) stage.fit(m, REQUEST, ctx);
    }

    @Test
    void describesItself() {
        assertEquals("rfm-segments", stage.name());
        assertEquals(StageKind.ALGORITHM, stage.kind());
    }

    @Test
    void matchesThePandasRecipeEndToEnd() {
        RecordingContext ctx = new RecordingContext();
        RfmSegmentsModel model = fit(rfm(REC, FRQ, MON), ctx);

        assertEquals("rfm-segments", model.algorithm());
        assertArrayEquals(R, model.recencyScores());
        assertArrayEquals(F, model.frequencyScores());
        assertArrayEquals(M, model.monetaryScores());
        assertEquals(11, model.k()); // this sample has a customer in every segment
        assertEquals(ALL, model.segmentNames());
        assertEquals(SEGMENT, names(model, model.labels()));
        assertEquals("rfm-segments names segments by rule; --k is ignored (11 of the 11 segments have customers)",
                ctx.infos.get(0));
        // the summary: Champions are customers 1, 4 and 17, whose M scores are 5, 4 and 5
        assertTrue(ctx.infos.get(1).startsWith("rfm-segments: customers and mean M score per segment: Champions 3 "
                + "(M 4.67); Loyal Customers 3 (M 4.33);"), ctx.infos.get(1));
        assertEquals(2, ctx.infos.size());
    }

    /**
     * Ten customers, recency 1..10 and frequency 10..1, so R and F both go 5 5 4 4 3 3 2 2 1 1: Champions,
     * Loyal Customers, Need Attention, Hibernating and Lost, two customers each, numbered in that (canonical)
     * order. Each pair is 1 apart in every column, so each point is 0.5 from its mean in all three columns:
     * inertia 10 x 3 x 0.25.
     */
    @Test
    void absentSegmentsAreLeftOutAndCentroidsAreSegmentMeans() {
        RfmSegmentsModel model = fit(tenCustomers(), new RecordingContext());
        assertEquals(List.of("Champions", "Loyal Customers", "Need Attention", "Hibernating", "Lost"),
                model.segmentNames());
        assertEquals(5, model.k());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4}, model.labels());
        double[][] centroids = model.centroids();
        assertArrayEquals(new double[] {1.5, 9.5, 0.5}, centroids[0], 1e-12);
        assertArrayEquals(new double[] {9.5, 1.5, 8.5}, centroids[4], 1e-12);
        assertEquals(7.5, model.cost(), 1e-12);
    }

    private static FeatureMatrix tenCustomers() {
        double[] recency = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] frequency = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        double[] monetary = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        return rfm(recency, frequency, monetary);
    }

    @Test
    void scaledAndRawValuesGiveTheSameSegments() {
        FeatureMatrix raw = rfm(REC, FRQ, MON);
        RfmSegmentsModel onRaw = fit(raw, new RecordingContext());
        RfmSegmentsModel onScaled = fit(log1pZScore(raw), new RecordingContext());
        assertArrayEquals(onRaw.labels(), onScaled.labels());
        assertEquals(onRaw.segmentNames(), onScaled.segmentNames());

        // many customers with many ties, as real RFM data has (whole days, small order counts)
        Random random = new Random(11);
        int n = 5000;
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            recency[i] = 1 + random.nextInt(400);
            frequency[i] = 1 + (int) Math.floor(-3 * Math.log(random.nextDouble()));
            monetary[i] = Math.round(Math.exp(5 + 1.5 * random.nextGaussian()) * 100) / 100.0;
        }
        raw = rfm(recency, frequency, monetary);
        onRaw = fit(raw, new RecordingContext());
        onScaled = fit(log1pZScore(raw), new RecordingContext());
        assertArrayEquals(onRaw.recencyScores(), onScaled.recencyScores());
        assertArrayEquals(onRaw.frequencyScores(), onScaled.frequencyScores());
        assertArrayEquals(onRaw.monetaryScores(), onScaled.monetaryScores());
        assertArrayEquals(onRaw.labels(), onScaled.labels());
        assertEquals(ALL, onScaled.segmentNames());
    }

    @Test
    void predictScoresNewCustomersAgainstTheTrainingBins() {
        // training bins: recency and frequency both have upper boundaries 2, 4, 6, 8
        RfmSegmentsModel model = fit(tenCustomers(), new RecordingContext());
        FeatureMatrix fresh = rfm(new double[] {2.5, 0, 8, 50}, new double[] {7, 100, 2, 1}, new double[4]);
        // 2.5 -> recency bin 2 -> R 4, F 4: Loyal | R 5, F 5: Champions
        // 8 is a boundary -> bin 4 -> R 2, 2 -> F 1: Hibernating | R 1, F 1: Lost
        assertArrayEquals(new int[] {1, 0, 3, 4}, model.predict(fresh));
        assertArrayEquals(model.labels(), model.predict(tenCustomers()));
    }

    @Test
    void aModelRestoredFromItsStatePredictsAsTheFittedOne() {
        RfmSegmentsModel model = fit(tenCustomers(), new RecordingContext());
        ModelState state = model.state().orElseThrow();
        ClusterModel restored = new RfmSegmentsClusterer().restore(ModelState.of("rfm-segments", state.values()));
        // the trained segments keep their numbers; the other RFM segments follow, for new customers
        assertEquals(model.segmentNames(), restored.segmentNames().subList(0, model.k()));
        assertEquals(RfmSegment.values().length, restored.k());
        assertEquals(RfmSegment.values().length, restored.segmentNames().size());
        assertEquals(0, restored.labels().length);
        FeatureMatrix newCustomer = rfm(new double[] {1, 0}, new double[] {10, 1}, new double[2]);
        int[] placed = restored.predict(newCustomer);
        assertEquals("New Customers", restored.segmentNames().get(placed[1]));
        assertTrue(placed[1] >= model.k(), "a segment no training customer was in is numbered after the trained ones");
        FeatureMatrix fresh = rfm(new double[] {2.5, 0, 8, 50}, new double[] {7, 100, 2, 1}, new double[4]);
        assertArrayEquals(model.predict(fresh), restored.predict(fresh));
        assertArrayEquals(model.labels(), restored.predict(tenCustomers()));

        java.util.Map<String, Object> damaged = new java.util.LinkedHashMap<>(state.values());
        damaged.put("recencyUpperBounds", List.of(1.0, 2.0));
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> new RfmSegmentsClusterer().restore(ModelState.of("rfm-segments", damaged)));
        assertEquals("rfm-segments model: 'recencyUpperBounds' and 'frequencyUpperBounds' must hold 4 score "
                + "boundaries each", e.getMessage());
    }

    @Test
    void predictRefusesASegmentTheTrainingDataDidNotHave() {
        RfmSegmentsModel model = fit(tenCustomers(), new RecordingContext());
        FeatureMatrix fresh = rfm(new double[] {1, 0}, new double[] {10, 1}, new double[2]);
        SegmentaException e = assertThrows(SegmentaException.class, () -> model.predict(fresh));
        assertEquals("rfm-segments: customer c00002 (row 2) scores R=5, F=1, i.e. 'New Customers', a segment no training"
                + " customer was in; this model knows only [Champions, Loyal Customers, Need Attention, Hibernating,"
                + " Lost]; refit on data that includes such customers", e.getMessage());
    }

    /**
     * Equal training values split between two scores by order of appearance all get the lower score in predict.
     * The six customers with one order score F = 1, 1, 1, 1, 2, 2 in training: customer 13 (R 1, F 2,
     * Hibernating) is placed in Lost, customer 18 (R 2, F 2) stays Hibernating as R 2, F 1. The four with two
     * orders score F = 2, 2, 3, 3: customer 15 (R 3, F 3, Need Attention) is placed in About to Sleep, customer
     * 19 (R 4, F 3) stays a Potential Loyalist as R 4, F 2. Recency's ties do not straddle a boundary.
     */
    @Test
    void predictGivesTiesOnABoundaryTheLowerScore() {
        RfmSegmentsModel model = fit(rfm(REC, FRQ, MON), new RecordingContext());
        List<String> placed = names(model, model.predict(rfm(REC, FRQ, MON)));
        List<String> expected = new ArrayList<>(SEGMENT);
        expected.set(12, "Lost");
        expected.set(14, "About to Sleep");
        assertEquals(expected, placed);
    }

    @Test
    void missingColumnsAreNamed() {
        FeatureMatrix m = matrix(List.of("recency", "orders"), new double[] {1, 2}, new double[] {3, 4});
        SegmentaException e = assertThrows(SegmentaException.class, () -> stage.fit(m, REQUEST,
                new RecordingContext()));
        assertEquals("rfm-segments needs the numeric customer features recency, frequency and monetary, but "
                + "frequency, monetary are missing (the features are: recency, orders); use --features rfm",
                e.getMessage());

        RfmSegmentsModel model = fit(tenCustomers(), new RecordingContext());
        FeatureMatrix noFrequency = matrix(List.of("recency", "monetary"), new double[] {1}, new double[] {3});
        e = assertThrows(SegmentaException.class, () -> model.predict(noFrequency));
        assertTrue(e.getMessage().contains("but frequency is missing"), e.getMessage());
    }

    @Test
    void nonFiniteValuesAndNoCustomersAreRefused() {
        FeatureMatrix nan = rfm(new double[] {1, Double.NaN}, new double[] {1, 2}, new double[] {1, 2});
        SegmentaException e = assertThrows(SegmentaException.class, () -> stage.fit(nan, REQUEST,
                new RecordingContext()));
        assertEquals("rfm-segments (fit): column 'recency' is NaN for customer c00002 (row 2); scores need a finite "
                + "number for every customer", e.getMessage());

        FeatureMatrix empty = new FeatureMatrix(EntityKind.CUSTOMER, List.of(), List.of(new NumericColumn("recency",
                new double[0]), new NumericColumn("frequency", new double[0]), new NumericColumn("monetary",
                new double[0])), List.of(), null);
        e = assertThrows(SegmentaException.class, () -> stage.fit(empty, REQUEST, new RecordingContext()));
        assertEquals("rfm-segments: there are no customers to score", e.getMessage());
    }

    @Test
    void otherColumnsOnlyEnterTheMeansAndCost() {
        double[] tenure = {5, 5, 5, 5, 5, 5, 5, 5, 5, 7};
        FeatureMatrix m = matrix(List.of("recency", "frequency", "monetary", "tenure"),
                List.of(new CategoricalColumn("country", new int[10], List.of("UK"))), tenCustomers().numeric()
                        .get(0).values(), tenCustomers().numeric().get(1).values(), tenCustomers().numeric().get(2)
                        .values(), tenure);
        RecordingContext ctx = new RecordingContext();
        RfmSegmentsModel model = fit(m, ctx);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4}, model.labels());
        assertEquals(List.of("recency", "frequency", "monetary", "tenure"), model.columns());
        assertArrayEquals(new double[] {9.5, 1.5, 8.5, 6}, model.centroids()[4], 1e-12);
        assertEquals(7.5 + 2, model.cost(), 1e-12); // tenure adds (5 - 6)^2 + (7 - 6)^2
        assertTrue(ctx.infos.contains("rfm-segments scores recency, frequency and monetary only; these columns do "
                + "not affect the segments: tenure, country"), ctx.infos.toString());
    }
}
