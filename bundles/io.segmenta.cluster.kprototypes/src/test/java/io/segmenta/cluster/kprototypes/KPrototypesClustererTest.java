package io.segmenta.cluster.kprototypes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.StageKind;
import io.segmenta.testing.RecordingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KPrototypesClustererTest {
    private final KPrototypesClusterer kproto = new KPrototypesClusterer();

    private static ClusterRequest request(int k) {
        return new ClusterRequest(k, ClusterRequest.DEFAULT_SEED, ClusterRequest.DEFAULT_RUNS,
                ClusterRequest.DEFAULT_MAX_ITERATIONS);
    }

    private static RecordingContext options(String... keyValues) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new RecordingContext(map, Integer.MAX_VALUE);
    }

    private KPrototypesModel fit(FeatureMatrix features, int k, RecordingContext context) {
        return (KPrototypesModel) kproto.fit(features, request(k), context);
    }

    /**
     * Group 1: x = 0, 2, 1 with colours red, red, blue: mean 1, mode red; squared distances 1 + 1 + 0 and one
     * mismatch. Group 2: x = 10, 12, 11, 11 with green, green, green, red: mean 11, mode green; 1 + 1 + 0 + 0
     * and one mismatch. With gamma 1 the cost is 3 + 3. Group 2 is larger, so it is segment 0.
     */
    static FeatureMatrix tinyMixed() {
        double[][] x = {{0}, {10}, {2}, {12}, {1}, {11}, {11}};
        return Mixed.of(x, List.of(Mixed.categorical("colour", "red", "green", "red", "green", "blue", "green",
                "red")));
    }

    @Test
    void describesItself() {
        assertEquals("kprototypes", kproto.name());
        assertEquals(StageKind.ALGORITHM, kproto.kind());
        assertEquals(List.of("init", "gamma"), kproto.options().stream().map(o -> o.name()).toList());
    }

    @Test
    void tinyMixedCaseGivesExactPrototypesAndCost() {
        RecordingContext context = options("gamma", "1");
        KPrototypesModel model = fit(tinyMixed(), 2, context);

        assertEquals("kprototypes", model.algorithm());
        assertEquals(2, model.k());
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0, 0}, model.labels());
        assertArrayEquals(new double[] {11}, model.centroids()[0], 1e-12);
        assertArrayEquals(new double[] {1}, model.centroids()[1], 1e-12);
        assertEquals(List.of(List.of("green"), List.of("red")), model.modes());
        assertEquals(6.0, model.cost(), 1e-12);
        assertEquals(1.0, model.gamma());
        assertTrue(context.infos.contains("kprototypes: gamma = 1 (given)"), context.infos.toString());
        assertEquals(10, context.progress.size());
        assertEquals(new RecordingContext.Progress(10, 10, "runs"), context.progress.get(9));
    }

    @Test
    void gammaWeighsTheCategoricalMismatches() {
        // same clusters, the two mismatches now cost 2.5 each
        KPrototypesModel model = fit(tinyMixed(), 2, options("gamma", "2.5", "init", "huang"));
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0, 0}, model.labels());
        assertEquals(4 + 2 * 2.5, model.cost(), 1e-12);
    }

    @Test
    void automaticGammaIsHalfTheMeanStandardDeviation() {
        // x0: 0, 2 (population std 1); x1: 0, 6 (std 3): gamma = 0.5 * (1 + 3) / 2 = 1
        double[][] x = {{0, 0}, {2, 6}, {0, 0}, {2, 6}};
        FeatureMatrix features = Mixed.of(x, List.of(Mixed.categorical("c", "a", "b", "a", "b")));
        RecordingContext context = new RecordingContext();
        KPrototypesModel model = fit(features, 2, context);

        assertEquals(1.0, model.gamma(), 1e-12);
        assertEquals(List.of("kprototypes: gamma = 1 (automatic: 0.5 x mean standard deviation of the numeric "
                + "columns)"), context.infos);
        assertEquals(0.0, model.cost(), 1e-12);
        assertEquals(0.25, KPrototypesClusterer.automaticGamma(new double[] {1, 2}, 2, 1), 1e-15);
    }

    @Test
    void gammaIsReportedToSixSignificantDigits() {
        // x0: 0, 2/3 (population std 1/3): gamma = 1/6, printed in full as 0.16666666666666666
        double[][] x = {{0}, {2.0 / 3}, {0}, {2.0 / 3}};
        FeatureMatrix features = Mixed.of(x, List.of(Mixed.categorical("c", "a", "b", "a", "b")));
        RecordingContext context = new RecordingContext();
        fit(features, 2, context);

        assertEquals(List.of("kprototypes: gamma = 0.166667 (automatic: 0.5 x mean standard deviation of the "
                + "numeric columns)"), context.infos);
        assertEquals("0.5", KPrototypesClusterer.shown(0.4999999999999969));
        assertEquals("2.5", KPrototypesClusterer.shown(2.5));
        assertEquals("1234.57", KPrototypesClusterer.shown(1234.5678));
    }

    @Test
    void constantNumericColumnsGiveGammaOne() {
        double[][] x = {{5}, {5}, {5}, {5}};
        FeatureMatrix features = Mixed.of(x, List.of(Mixed.categorical("c", "a", "b", "a", "b")));
        RecordingContext context = new RecordingContext();
        KPrototypesModel model = fit(features, 2, context);
        assertEquals(1.0, model.gamma());
        assertTrue(context.infos.get(0).contains("every numeric column is constant"), context.infos.toString());
    }

    /** The case of the kmeans module's test: two squares of corners (plus a centre), inertia 8 + 8. */
    @Test
    void numericOnlyGivesTheKMeansResult() {
        double[][] rows = {{0, 0}, {10, 10}, {0, 2}, {12, 10}, {2, 0}, {10, 12}, {2, 2}, {12, 12}, {11, 11}};
        for (String init : List.of("cao", "huang")) {
            RecordingContext context = options("init", init);
            KPrototypesModel model = fit(Mixed.of(rows, List.of()), 2, context);

            assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0, 1, 0, 0}, model.labels());
            assertArrayEquals(new double[] {11, 11}, model.centroids()[0], 1e-12);
            assertArrayEquals(new double[] {1, 1}, model.centroids()[1], 1e-12);
            assertEquals(16.0, model.cost(), 1e-12);
            assertEquals(List.of(List.of(), List.of()), model.modes());
            assertTrue(context.infos.isEmpty(), context.infos.toString()); // gamma plays no part: not reported
        }
    }

    /**
     * K-Modes: group A (a,x,p) (a,x,p) (a,x,q) has mode (a,x,p) and one mismatch; group B (b,y,r) x3 and
     * (b,z,r) has mode (b,y,r) and one mismatch. Cost 2 mismatches, gamma 1.
     */
    @Test
    void categoricalOnlyIsKModes() {
        List<CategoricalColumn> columns = List.of(
                Mixed.categorical("c1", "a", "b", "a", "b", "a", "b", "b"),
                Mixed.categorical("c2", "x", "y", "x", "z", "x", "y", "y"),
                Mixed.categorical("c3", "p", "r", "q", "r", "p", "r", "r"));
        FeatureMatrix features = Mixed.categoricalOnly(7, columns);
        for (String init : List.of("cao", "huang")) {
            RecordingContext context = options("init", init);
            KPrototypesModel model = fit(features, 2, context);

            assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0, 0}, model.labels());
            assertEquals(List.of(List.of("b", "y", "r"), List.of("a", "x", "p")), model.modes());
            assertEquals(2.0, model.cost(), 1e-12);
            assertEquals(1.0, model.gamma());
            assertEquals(0, model.centroids()[0].length);
            assertTrue(context.infos.contains(
                    "kprototypes: gamma = 1 (no numeric columns: the cost counts categorical mismatches)"));
            if (init.equals("cao")) {
                assertTrue(context.infos.contains("kprototypes: Cao's initialisation is deterministic on "
                        + "categorical-only data; making 1 run instead of 10"), context.infos.toString());
                assertEquals(1, context.progress.size());
            } else {
                assertEquals(10, context.progress.size());
            }
        }
    }

    /** Mode ties go to the level that sorts first, as in kmodes, whatever order the source met the levels in. */
    @Test
    void modeTiesGoToTheFirstLevelInSortedOrder() {
        // one cluster per numeric group; the left group has one "b" and one "a"
        double[][] x = {{0}, {0}, {100}, {100}};
        KPrototypesModel model = fit(Mixed.of(x, List.of(Mixed.categorical("c", "b", "a", "z", "z"))), 2,
                options("gamma", "1"));
        assertEquals(List.of(List.of("a"), List.of("z")), model.modes());
        assertEquals(1.0, model.cost(), 1e-12);
    }

    @Test
    void sameSeedSameModelAndLevelOrderDoesNotMatter() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 300;
        double[][] x = new double[n][2];
        String[] colour = new String[n];
        String[] size = new String[n];
        String[] colours = {"red", "green", "blue", "cyan"};
        String[] sizes = {"S", "M", "L"};
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextGaussian() + (i % 3) * 2;
            x[i][1] = random.nextGaussian();
            colour[i] = colours[random.nextInt(colours.length)];
            size[i] = sizes[(i % 3 + (random.nextInt(4) == 0 ? 1 : 0)) % 3];
        }
        FeatureMatrix features = Mixed.of(x, List.of(Mixed.categorical("colour", colour),
                Mixed.categorical("size", size)));
        // the same values, but the levels listed in another order (so other codes)
        List<String> reversed = new ArrayList<>(features.categorical().get(0).levels());
        java.util.Collections.reverse(reversed);
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = reversed.indexOf(colour[i]);
        }
        FeatureMatrix recoded = Mixed.of(x, List.of(new CategoricalColumn("colour", codes, reversed),
                Mixed.categorical("size", size)));

        for (String init : List.of("cao", "huang")) {
            ClusterModel a = fit(features, 4, options("init", init));
            ClusterModel b = fit(features, 4, options("init", init));
            ClusterModel c = fit(recoded, 4, options("init", init));
            assertArrayEquals(a.labels(), b.labels());
            assertEquals(a.cost(), b.cost());
            assertArrayEquals(a.labels(), c.labels());
            assertEquals(a.cost(), c.cost());
            ClusterModel other = kproto.fit(features, new ClusterRequest(4, 43, 1, 300), options("init", init));
            ClusterModel same = kproto.fit(features, new ClusterRequest(4, 43, 1, 300), options("init", init));
            assertArrayEquals(other.labels(), same.labels());
        }
    }

    /** The runs are made in parallel; the model must be the one the runs made one after the other would give. */
    @Test
    void theRunsInParallelGiveTheBestOfTheRunsMadeOneAfterTheOther() {
        FeatureMatrix features = Synthetic.matrix(3000, 17);
        int k = 5;
        int runs = 10;
        long seed = 42;
        KPrototypesModel model = (KPrototypesModel) kproto.fit(features, new ClusterRequest(k, seed, runs, 300),
                options("gamma", "1.5"));
        int n = features.rowCount();
        int d = features.numeric().size();
        int c = features.categorical().size();
        int[] cat = new int[n * c];
        int[] levels = new int[c];
        for (int j = 0; j < c; j++) {
            CategoricalColumn column = features.categorical().get(j);
            int[] rank = KPrototypesClusterer.sortedRanks(column.levels());
            levels[j] = rank.length;
            for (int i = 0; i < n; i++) {
                cat[i * c + j] = rank[column.codes()[i]];
            }
        }
        MixedData x = new MixedData(n, d, c, KPrototypesClusterer.numericRows(features), cat, levels, 1.5);
        int[] cao = CategoricalInit.cao(x, k);
        SplittableRandom seeds = new SplittableRandom(seed);
        KPrototypes.Result best = null;
        List<Double> costs = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            KPrototypes.Result result = KPrototypes.run(x, k, cao, new SplittableRandom(seeds.nextLong()), 300,
                    what -> { });
            costs.add(result.cost());
            if (best == null || result.cost() < best.cost()) {
                best = result;
            }
        }
        assertTrue(costs.stream().distinct().count() > 1, "the runs should differ for this to test anything: "
                + costs);
        assertEquals(best.cost(), model.cost());
        assertEquals(best.iterations(), model.iterations());
        int[] sizes = new int[k];
        for (int label : best.labels()) {
            sizes[label]++;
        }
        int[] modelSizes = new int[k];
        for (int label : model.labels()) {
            modelSizes[label]++;
        }
        java.util.Arrays.sort(sizes);
        java.util.Arrays.sort(modelSizes);
        assertArrayEquals(sizes, modelSizes);
    }

    @Test
    void theBestOfMoreRunsIsNoWorse() {
        FeatureMatrix features = Synthetic.matrix(400, 11);
        double previous = Double.POSITIVE_INFINITY;
        for (int runs : new int[] {1, 3, 10}) {
            double cost = kproto.fit(features, new ClusterRequest(6, 42, runs, 300), new RecordingContext()).cost();
            assertTrue(cost <= previous, runs + " runs gave " + cost + " > " + previous);
            previous = cost;
        }
    }

    @Test
    void noSegmentIsEverEmpty() {
        // many clusters on few rows, many seeds: initial empties and emptied clusters during passes
        FeatureMatrix features = Synthetic.matrix(24, 3);
        for (long seed = 0; seed < 200; seed++) {
            for (String init : List.of("cao", "huang")) {
                ClusterModel model = kproto.fit(features, new ClusterRequest(8, seed, 1, 300), options("init", init));
                int[] sizes = new int[8];
                for (int label : model.labels()) {
                    sizes[label]++;
                }
                for (int s : sizes) {
                    assertTrue(s > 0, "seed " + seed + " " + init + ": sizes " + java.util.Arrays.toString(sizes));
                }
            }
        }
    }

    @Test
    void asManyDistinctRowsAsClustersGivesOneClusterEach() {
        // three distinct rows, four copies each: only one clustering has no empty cluster
        double[][] x = new double[12][];
        String[] c = new String[12];
        for (int i = 0; i < 12; i++) {
            x[i] = new double[] {i % 3 == 2 ? 1 : 0};
            c[i] = i % 3 == 1 ? "b" : "a";
        }
        ClusterModel model = fit(Mixed.of(x, List.of(Mixed.categorical("c", c))), 3, new RecordingContext());
        assertEquals(0.0, model.cost());
        int[] labels = model.labels();
        for (int i = 3; i < 12; i++) {
            assertEquals(labels[i % 3], labels[i]);
        }
        assertNotEquals(labels[0], labels[1]);
        assertNotEquals(labels[1], labels[2]);
        assertNotEquals(labels[0], labels[2]);
    }

    @Test
    void fewerDistinctRowsThanClustersIsAnError() {
        double[][] x = {{1}, {1}, {2}, {2}, {1}, {2}};
        FeatureMatrix features = Mixed.of(x, List.of(Mixed.categorical("c", "a", "a", "b", "b", "a", "b")));
        SegmentaException e = assertThrows(SegmentaException.class, () -> fit(features, 3, new RecordingContext()));
        assertEquals("k = 3 but the 6 customers have only 2 distinct feature vectors", e.getMessage());
    }

    @Test
    void missingCategoricalValueIsRejectedNamingColumnAndEntity() {
        double[][] x = {{0}, {1}, {2}};
        FeatureMatrix features = Mixed.of(x, List.of(Mixed.categorical("Profesi", "a", null, "b")));
        SegmentaException e = assertThrows(SegmentaException.class, () -> fit(features, 2, new RecordingContext()));
        assertEquals("kprototypes: column 'Profesi' has no value for customer c2 (row 2); K-Prototypes needs a "
                + "level in every categorical column (map missing values to a level of their own, or drop the "
                + "column)", e.getMessage());
    }

    @Test
    void nonFiniteNumericValueIsRejected() {
        double[][] x = {{0}, {Double.NaN}, {2}};
        FeatureMatrix features = Mixed.of(x, List.of());
        SegmentaException e = assertThrows(SegmentaException.class, () -> fit(features, 2, new RecordingContext()));
        assertEquals("kprototypes: column 'x0' is NaN for customer c2 (row 2); K-Prototypes needs a finite number "
                + "in every numeric column", e.getMessage());
    }

    @Test
    void badRequestsAndOptionsAreRejected() {
        FeatureMatrix tiny = tinyMixed();
        RecordingContext none = new RecordingContext();
        assertEquals("kprototypes: k must be at least 2, got 1",
                assertThrows(SegmentaException.class, () -> fit(tiny, 1, none)).getMessage());
        assertEquals("k = 8 but there are only 7 customers",
                assertThrows(SegmentaException.class, () -> fit(tiny, 8, none)).getMessage());
        assertEquals("kprototypes: the number of runs must be at least 1, got 0", assertThrows(
                SegmentaException.class, () -> kproto.fit(tiny, new ClusterRequest(2, 1, 0, 10), none)).getMessage());
        assertEquals("kprototypes: the iteration cap must be at least 1, got 0", assertThrows(
                SegmentaException.class, () -> kproto.fit(tiny, new ClusterRequest(2, 1, 1, 0), none)).getMessage());
        assertEquals("option init: 'random' is not an initialisation of kprototypes (expected cao or huang)",
                assertThrows(SegmentaException.class, () -> fit(tiny, 2, options("init", "random"))).getMessage());
        assertEquals("option gamma: '-1' is not a positive finite number (the weight of a categorical mismatch)",
                assertThrows(SegmentaException.class, () -> fit(tiny, 2, options("gamma", "-1"))).getMessage());
        assertEquals("option gamma: 'lots' is not a number",
                assertThrows(SegmentaException.class, () -> fit(tiny, 2, options("gamma", "lots"))).getMessage());
        assertEquals("kprototypes: the customer features have no columns", assertThrows(SegmentaException.class,
                () -> fit(Mixed.categoricalOnly(3, List.of()), 2, none)).getMessage());
        assertEquals(2, fit(tiny, 2, options("init", "HUANG")).k()); // case does not matter
    }

    @Test
    void iterationCapIsReported() {
        FeatureMatrix features = Synthetic.matrix(500, 5);
        RecordingContext context = new RecordingContext();
        kproto.fit(features, new ClusterRequest(5, 42, 1, 1), context);
        assertTrue(context.infos.contains("kprototypes: the best run reached the iteration cap (1) before converging"),
                context.infos.toString());
    }

    @Test
    void cancellationStopsTheFit() {
        RunCancelledException before = assertThrows(RunCancelledException.class,
                () -> fit(tinyMixed(), 2, RecordingContext.cancelled()));
        assertEquals("cancelled: kprototypes after 0 of 10 runs", before.getMessage());
        // cancelled after the first run: the second run's first check stops it
        RecordingContext afterOne = new RecordingContext(Map.of(), 1);
        RunCancelledException between = assertThrows(RunCancelledException.class,
                () -> kproto.fit(Synthetic.matrix(200, 1), request(3), afterOne));
        assertEquals("cancelled: kprototypes after 1 of 10 runs", between.getMessage());
        assertEquals(1, afterOne.progress.size());
    }

    @Test
    void predictPlacesRowsByTheSameDissimilarity() {
        KPrototypesModel model = fit(tinyMixed(), 2, options("gamma", "1"));
        assertArrayEquals(model.labels(), model.predict(tinyMixed()));

        // new data: levels met in another order, an unseen level and a missing value (both match nothing)
        double[][] x = {{6.4}, {5.6}, {6.4}, {0}, {11}};
        FeatureMatrix fresh = Mixed.of(x, List.of(Mixed.categorical("colour", "red", "green", "purple", null,
                "red")));
        // 6.4 red: 5.4^2 + 0 = 29.16 to segment 1 (1, red), 4.6^2 + 1 = 22.16 to segment 0 (11, green)
        // 5.6 green: 4.6^2 + 1 = 22.16 to segment 1, 5.4^2 + 0 = 29.16 to segment 0
        // 6.4 purple: 29.16 + 1 vs 21.16 + 1: segment 0; 0 missing: 1 + 1 vs 121 + 1: segment 1
        // 11 red: 100 vs 1: segment 0
        assertArrayEquals(new int[] {0, 1, 0, 1, 0}, model.predict(fresh));
    }

    @Test
    void aModelRestoredFromItsStatePredictsAsTheFittedOne() {
        FeatureMatrix training = Synthetic.matrix(300, 5);
        KPrototypesModel model = (KPrototypesModel) kproto.fit(training, request(4), new RecordingContext());
        ModelState state = model.state().orElseThrow();
        assertEquals(model.modes(), state.textTable("modes"), "modes are saved as level text");
        ClusterModel restored = kproto.restore(ModelState.of("kprototypes", state.values()));
        assertEquals(0, restored.labels().length);
        assertEquals(model.cost(), restored.cost());
        assertArrayEquals(model.labels(), restored.predict(training));
        FeatureMatrix fresh = Synthetic.matrix(100, 99);
        assertArrayEquals(model.predict(fresh), restored.predict(fresh));

        Map<String, Object> damaged = new java.util.LinkedHashMap<>(state.values());
        damaged.put("modes", List.of(List.of("no such level", "x", "y"), List.of(), List.of(), List.of()));
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> kproto.restore(ModelState.of("kprototypes", damaged)));
        assertTrue(e.getMessage().startsWith("kprototypes model: the mode 'no such level' of prototype 0 is not a "
                + "level of "), e.getMessage());
    }

    @Test
    void predictChecksTheColumns() {
        KPrototypesModel model = fit(tinyMixed(), 2, options("gamma", "1"));
        FeatureMatrix other = Mixed.of(new double[][] {{1}}, List.of(Mixed.categorical("shade", "red")));
        SegmentaException e = assertThrows(SegmentaException.class, () -> model.predict(other));
        assertEquals("kprototypes: the model was fitted on the numeric columns [x0] and categorical columns "
                + "[colour] but the data to place has [x0] and [shade]", e.getMessage());
    }
}
