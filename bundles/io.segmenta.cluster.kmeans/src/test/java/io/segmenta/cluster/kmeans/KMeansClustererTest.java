package io.segmenta.cluster.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.StageKind;
import io.segmenta.cluster.support.CentroidModel;
import io.segmenta.testing.RecordingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KMeansClustererTest {
    private final KMeansClusterer kmeans = new KMeansClusterer();

    private static ClusterRequest request(int k, long seed) {
        return new ClusterRequest(k, seed, ClusterRequest.DEFAULT_RUNS, ClusterRequest.DEFAULT_MAX_ITERATIONS);
    }

    private ClusterModel fit(double[][] rows, int k) {
        return kmeans.fit(Matrices.of(rows), request(k, ClusterRequest.DEFAULT_SEED), new RecordingContext());
    }

    @Test
    void describesItself() {
        assertEquals("kmeans", kmeans.name());
        assertEquals(StageKind.ALGORITHM, kmeans.kind());
    }

    /**
     * Blob A: the corners of a 2 x 2 square around (1, 1), each at squared distance 2 from it. Blob B: the
     * corners of a square around (11, 11) and its centre, squared distances 2, 2, 2, 2, 0. Inertia 8 + 8.
     * B is larger, so it is segment 0.
     */
    @Test
    void twoObviousBlobsGiveExactCentresAndInertia() {
        double[][] rows = {{0, 0}, {10, 10}, {0, 2}, {12, 10}, {2, 0}, {10, 12}, {2, 2}, {12, 12}, {11, 11}};
        ClusterModel model = fit(rows, 2);

        assertEquals("kmeans", model.algorithm());
        assertEquals(2, model.k());
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0, 1, 0, 0}, model.labels());
        assertArrayEquals(new double[] {11, 11}, model.centroids()[0], 1e-12);
        assertArrayEquals(new double[] {1, 1}, model.centroids()[1], 1e-12);
        assertEquals(16.0, model.cost(), 1e-9);
    }

    @Test
    void segmentsAreNumberedBySizeLargestFirst() {
        // blobs of 2, 5 and 3 rows, given in that order
        double[][] rows = {{0, 0}, {0, 1}, {50, 50}, {50, 51}, {51, 50}, {51, 51}, {50.5, 50.5}, {100, 0}, {101, 0},
            {100, 1}};
        ClusterModel model = fit(rows, 3);

        assertArrayEquals(new int[] {2, 2, 0, 0, 0, 0, 0, 1, 1, 1}, model.labels());
        assertArrayEquals(new double[] {50.5, 50.5}, model.centroids()[0], 1e-12);
        assertArrayEquals(new double[] {100 + 1.0 / 3, 1.0 / 3}, model.centroids()[1], 1e-12);
        assertArrayEquals(new double[] {0, 0.5}, model.centroids()[2], 1e-12);
    }

    @Test
    void equalSizesAreOrderedByCentreCoordinates() {
        // two pairs; the pair with the smaller first coordinate comes first, wherever it is in the input
        double[][] rows = {{30, 0}, {31, 0}, {-5, 9}, {-6, 9}};
        ClusterModel model = fit(rows, 2);

        assertArrayEquals(new int[] {1, 1, 0, 0}, model.labels());
        assertArrayEquals(new double[] {-5.5, 9}, model.centroids()[0], 1e-12);
    }

    @Test
    void renumberingSortsBySizeThenCentre() {
        double[][] centroids = {{5, 5}, {1, 9}, {1, 2}, {0, 0}};
        int[] labels = {0, 1, 1, 2, 2, 3, 3, 3};
        CentroidModel model = KMeansClusterer.renumberBySize(List.of("a", "b"), centroids, labels, 7.5);

        // sizes: 0 -> 1, 1 -> 2, 2 -> 2, 3 -> 3; among the two of size 2, (1, 2) comes before (1, 9)
        assertArrayEquals(new int[] {3, 2, 2, 1, 1, 0, 0, 0}, model.labels());
        assertArrayEquals(new double[][] {{0, 0}, {1, 2}, {1, 9}, {5, 5}}, model.centroids());
        assertEquals(7.5, model.cost());
    }

    @Test
    void sameSeedGivesTheSameModelOnAnyThread() throws InterruptedException {
        FeatureMatrix features = Matrices.of(Matrices.threeBlobs(400, 11));
        ClusterRequest request = new ClusterRequest(5, 1234L, 10, 300);
        ClusterModel first = kmeans.fit(features, request, new RecordingContext());
        ClusterModel second = kmeans.fit(features, request, new RecordingContext());
        AtomicReference<ClusterModel> other = new AtomicReference<>();
        Thread thread = new Thread(() -> other.set(kmeans.fit(features, request, new RecordingContext())));
        thread.start();
        thread.join();

        for (ClusterModel again : List.of(second, other.get())) {
            assertArrayEquals(first.labels(), again.labels());
            assertEquals(first.cost(), again.cost(), 0.0);
            assertArrayEquals(first.centroids(), again.centroids());
        }
    }

    @Test
    void costIsTheInertiaOfTheReturnedLabelsAndCentres() {
        double[][] rows = Matrices.threeBlobs(200, 5);
        ClusterModel model = fit(rows, 4);

        double[][] c = model.centroids();
        int[] labels = model.labels();
        double inertia = 0;
        for (int i = 0; i < rows.length; i++) {
            double dx = rows[i][0] - c[labels[i]][0];
            double dy = rows[i][1] - c[labels[i]][1];
            inertia += dx * dx + dy * dy;
        }
        assertEquals(inertia, model.cost(), 1e-9 * inertia);
        // converged: every row is in its nearest centre's segment, and every segment has rows
        assertArrayEquals(labels, model.predict(Matrices.of(rows)));
        int[] size = new int[4];
        for (int label : labels) {
            size[label]++;
        }
        for (int s : size) {
            assertTrue(s > 0);
        }
    }

    @Test
    void bestOfRunsIsNeverWorseThanItsFirstRun() {
        // uniform noise has many local optima; the first run of a 10-run fit is the 1-run fit of the same seed
        java.util.Random random = new java.util.Random(3);
        double[][] rows = new double[300][3];
        for (double[] row : rows) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextDouble();
            }
        }
        FeatureMatrix features = Matrices.of(rows);
        boolean strictlyBetterOnce = false;
        for (long seed = 0; seed < 8; seed++) {
            double single = kmeans.fit(features, new ClusterRequest(8, seed, 1, 300), new RecordingContext()).cost();
            double best = kmeans.fit(features, new ClusterRequest(8, seed, 10, 300), new RecordingContext()).cost();
            assertTrue(best <= single, "seed " + seed + ": best of 10 " + best + " > single run " + single);
            strictlyBetterOnce |= best < single;
        }
        assertTrue(strictlyBetterOnce, "ten runs never improved on one: the runs are not independently seeded");
    }

    /** 3,000 points in three blobs 10 standard deviations from every boundary: each blob must be one segment. */
    @Test
    void threeBlobsOfThreeThousandPointsAreRecoveredExactly() {
        double[][] rows = Matrices.threeBlobs(1000, 2024);
        ClusterModel model = fit(rows, 3);

        int[] labels = model.labels();
        int[] segmentOfBlob = {labels[0], labels[1], labels[2]};
        assertEquals(3, java.util.Arrays.stream(segmentOfBlob).distinct().count());
        for (int i = 0; i < rows.length; i++) {
            assertEquals(segmentOfBlob[i % 3], labels[i], "row " + i);
        }
        double[][] expected = {{0, 0}, {20, 0}, {10, 20}};
        for (int b = 0; b < 3; b++) {
            assertArrayEquals(expected[b], model.centroids()[segmentOfBlob[b]], 0.1);
        }
    }

    /**
     * Reference figures from scikit-learn 1.2.1 (/usr/bin/python3, numpy 1.24.2):
     * {@code KMeans(n_clusters=k, n_init=100, random_state=0, tol=1e-10, max_iter=1000).fit(X)} on the matrix
     * below, which was itself made by {@code numpy.random.default_rng(7)}: four Gaussian blobs of 8 points
     * (scale 0.8) around (0,0,0), (2,2,0), (0,3,1), (3,0,2), rounded to 2 decimals and shuffled. The minimum
     * over 2,000 single-init fits equals these inertias, so they are the global optima; k = 4 has local optima
     * at 36.22 and 36.57, which best of 10 runs must avoid. Centres are listed by size, then coordinates.
     */
    @Test
    void matchesScikitLearnOnASmallFixedMatrix() {
        double[][] x = {
            {1.97, 2.71, -0.47}, {0.53, 4.15, 0.46}, {0.78, 1.62, -0.78}, {3.84, -0.00, 2.47},
            {0.56, -1.08, -0.37}, {2.76, 0.28, 1.90}, {-0.50, 0.39, 0.29}, {0.05, 1.07, -0.39},
            {-0.19, -1.01, 0.22}, {0.16, 2.63, 1.10}, {1.02, 2.06, 1.09}, {0.72, 3.92, -0.06},
            {0.76, 2.69, 0.10}, {3.55, -0.26, 1.71}, {1.91, 2.09, 0.05}, {2.13, 1.85, -2.01},
            {-1.52, -1.03, -1.47}, {2.65, 0.93, 2.52}, {2.98, 0.53, 1.73}, {-0.71, -0.36, -0.79},
            {1.35, 2.85, -0.65}, {0.08, -0.74, -0.02}, {2.84, -0.89, 1.99}, {2.63, -0.08, 3.01},
            {1.57, 1.96, 0.09}, {-0.15, 3.55, 0.95}, {-0.64, 3.52, -0.59}, {2.80, 1.22, 1.66},
            {-0.96, 3.06, 1.46}, {-0.51, 4.60, 1.61}, {-0.95, 2.54, 0.84}, {0.00, 0.24, -0.22},
        };

        ClusterModel three = fit(x, 3);
        assertEquals(57.460225, three.cost(), 1e-9);
        double[][] expected3 = {{0.605625, 2.8625, 0.199375}, {-0.27875, -0.315, -0.34375},
            {3.00625, 0.21625, 2.12375}};
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(expected3[s], three.centroids()[s], 1e-12, "k = 3, segment " + s);
        }
        assertSegment(three, 2, 3, 5, 13, 17, 18, 22, 23, 27);

        ClusterModel four = fit(x, 4);
        assertEquals(35.6373375, four.cost(), 1e-9);
        double[][] c = four.centroids();
        double[][] expected = {{-0.27875, -0.315, -0.34375}, {-0.225, 3.49625, 0.72125},
            {1.43625, 2.22875, -0.3225}, {3.00625, 0.21625, 2.12375}};
        for (int s = 0; s < 4; s++) {
            assertArrayEquals(expected[s], c[s], 1e-12, "k = 4, segment " + s);
        }
        assertSegment(four, 0, 4, 6, 7, 8, 16, 19, 21, 31);
        assertSegment(four, 1, 1, 9, 11, 25, 26, 28, 29, 30);
        assertSegment(four, 2, 0, 2, 10, 12, 14, 15, 20, 24);
        assertSegment(four, 3, 3, 5, 13, 17, 18, 22, 23, 27);
    }

    private static void assertSegment(ClusterModel model, int segment, int... rows) {
        int[] labels = model.labels();
        int count = 0;
        for (int label : labels) {
            if (label == segment) {
                count++;
            }
        }
        assertEquals(rows.length, count, "size of segment " + segment);
        for (int row : rows) {
            assertEquals(segment, labels[row], "row " + row);
        }
    }

    @Test
    void reportsProgressPerRun() {
        RecordingContext context = new RecordingContext();
        kmeans.fit(Matrices.of(Matrices.threeBlobs(20, 1)), new ClusterRequest(3, 7, 4, 100), context);

        assertEquals(4, context.progress.size());
        for (int r = 0; r < 4; r++) {
            assertEquals(new RecordingContext.Progress(r + 1, 4, "runs"), context.progress.get(r));
        }
        assertEquals(List.of(), context.infos);
    }

    @Test
    void stopsBetweenRunsWhenCancelled() {
        RecordingContext context = new RecordingContext(Map.of(), 3);
        RunCancelledException e = assertThrows(RunCancelledException.class, () -> kmeans.fit(
                Matrices.of(Matrices.threeBlobs(20, 1)), new ClusterRequest(3, 7, 10, 100), context));

        assertEquals("cancelled: kmeans after 3 of 10 runs", e.getMessage());
        assertEquals(3, context.progress.size());
    }

    @Test
    void aModelRestoredFromItsStatePredictsAsTheFittedOne() {
        double[][] rows = Matrices.threeBlobs(40, 7);
        ClusterModel model = fit(rows, 3);
        ModelState state = model.state().orElseThrow();
        // the values as a file reader gives them back (Doubles and Lists), not the objects written
        ClusterModel restored = kmeans.restore(ModelState.of("kmeans", state.values()));
        assertEquals(3, restored.k());
        assertEquals(model.cost(), restored.cost());
        assertEquals(0, restored.labels().length, "a restored model has no training rows");
        assertArrayEquals(model.labels(), restored.predict(Matrices.of(rows)));
        double[][] fresh = {{-50, 3}, {0.5, 0.5}, {100, -7}};
        assertArrayEquals(model.predict(Matrices.of(fresh)), restored.predict(Matrices.of(fresh)));

        SegmentaException e = assertThrows(SegmentaException.class, () -> kmeans.restore(ModelState.of("kmeans",
                Map.of("columns", List.of("x0"), "centroids", List.of(List.of(1.0, 2.0)), "cost", 1.0))));
        assertEquals("kmeans model: centre 0 has 2 coordinates but there are 1 columns [x0]", e.getMessage());
    }

    @Test
    void predictPlacesNewRowsAtTheNearestCentre() {
        double[][] rows = {{0, 0}, {10, 10}, {0, 2}, {12, 10}, {2, 0}, {10, 12}, {2, 2}, {12, 12}, {11, 11}};
        ClusterModel model = fit(rows, 2);

        assertArrayEquals(new int[] {1, 0, 0, 1}, model.predict(Matrices.of(new double[][] {
            {-100, -100}, {100, 100}, {6.1, 6.1}, {5.9, 6}})));
        assertArrayEquals(model.labels(), model.predict(Matrices.of(rows)));
    }

    @Test
    void predictIgnoresCategoricalColumns() {
        double[][] rows = {{0, 0}, {0, 1}, {9, 9}, {9, 8}};
        ClusterModel model = fit(rows, 2);
        CategoricalColumn region = new CategoricalColumn("region", new int[] {0, 1}, List.of("north", "south"));

        assertArrayEquals(new int[] {1, 0}, model.predict(Matrices.of(new double[][] {{9, 9}, {0, 0}},
                List.of(region))));
    }

    @Test
    void predictRejectsOtherColumns() {
        ClusterModel model = fit(new double[][] {{0, 0}, {0, 1}, {9, 9}, {9, 8}}, 2);
        FeatureMatrix other = Matrices.of(new double[][] {{1, 2}}, List.of("x0", "y"), List.of());

        SegmentaException e = assertThrows(SegmentaException.class, () -> model.predict(other));
        assertEquals("kmeans: the model was fitted on the numeric columns [x0, x1] but the data to place has [x0, y]",
                e.getMessage());
    }

    @Test
    void predictRejectsNonFiniteValues() {
        ClusterModel model = fit(new double[][] {{0, 0}, {0, 1}, {9, 9}, {9, 8}}, 2);

        SegmentaException e = assertThrows(SegmentaException.class,
                () -> model.predict(Matrices.of(new double[][] {{1, 2}, {Double.NEGATIVE_INFINITY, 0}})));
        assertEquals("kmeans: column 'x0' is -Infinity for customer c2 (row 2); K-Means needs a finite number in"
                + " every numeric column", e.getMessage());
    }

    @Test
    void rejectsKBelowTwo() {
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> fit(new double[][] {{0}, {1}, {2}}, 1));
        assertEquals("kmeans: k must be at least 2, got 1", e.getMessage());
    }

    @Test
    void rejectsMoreClustersThanRows() {
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> fit(new double[][] {{0}, {1}, {2}, {3}, {4}}, 9));
        assertEquals("k = 9 but there are only 5 customers", e.getMessage());
    }

    @Test
    void rejectsAnEmptyMatrix() {
        FeatureMatrix empty = new FeatureMatrix(EntityKind.CUSTOMER, List.of(),
                List.of(new NumericColumn("recency", new double[0])), List.of(), null);

        SegmentaException e = assertThrows(SegmentaException.class,
                () -> kmeans.fit(empty, request(2, 1), new RecordingContext()));
        assertEquals("kmeans: there are no customers to cluster", e.getMessage());
    }

    @Test
    void rejectsRunsAndIterationsBelowOne() {
        FeatureMatrix features = Matrices.of(new double[][] {{0}, {1}, {2}});
        SegmentaException runs = assertThrows(SegmentaException.class,
                () -> kmeans.fit(features, new ClusterRequest(2, 1, 0, 10), new RecordingContext()));
        assertEquals("kmeans: the number of runs must be at least 1, got 0", runs.getMessage());
        SegmentaException iterations = assertThrows(SegmentaException.class,
                () -> kmeans.fit(features, new ClusterRequest(2, 1, 1, 0), new RecordingContext()));
        assertEquals("kmeans: the iteration cap must be at least 1, got 0", iterations.getMessage());
    }

    @Test
    void rejectsAMatrixWithoutNumericColumns() {
        CategoricalColumn region = new CategoricalColumn("region", new int[] {0, 1, 0}, List.of("north", "south"));
        FeatureMatrix features = new FeatureMatrix(EntityKind.SELLER, List.of("s1", "s2", "s3"), List.of(),
                List.of(region), null);

        SegmentaException e = assertThrows(SegmentaException.class,
                () -> kmeans.fit(features, request(2, 1), new RecordingContext()));
        assertEquals("kmeans needs numeric features, but the seller features have none (only categorical columns:"
                + " region)", e.getMessage());
    }

    @Test
    void rejectsNaNNamingTheColumnAndTheCustomer() {
        FeatureMatrix features = new FeatureMatrix(EntityKind.CUSTOMER, List.of("12346", "12347", "12348"),
                List.of(new NumericColumn("recency", new double[] {1, 2, 3}),
                        new NumericColumn("monetary", new double[] {1, Double.NaN, 3})),
                List.of(), "monetary");

        SegmentaException e = assertThrows(SegmentaException.class,
                () -> kmeans.fit(features, request(2, 1), new RecordingContext()));
        assertEquals("kmeans: column 'monetary' is NaN for customer 12347 (row 2); K-Means needs a finite number in"
                + " every numeric column", e.getMessage());
    }

    @Test
    void rejectsInfinity() {
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> fit(new double[][] {{0, 1}, {Double.POSITIVE_INFINITY, 1}, {2, 2}}, 2));
        assertTrue(e.getMessage().startsWith("kmeans: column 'x0' is Infinity for customer c2 (row 2)"),
                e.getMessage());
    }

    @Test
    void ignoresCategoricalColumnsAndSaysSo() {
        CategoricalColumn country = new CategoricalColumn("country", new int[] {0, 0, 1, 1}, List.of("UK", "FR"));
        CategoricalColumn channel = new CategoricalColumn("channel", new int[] {0, 0, 0, 0}, List.of("web"));
        RecordingContext context = new RecordingContext();
        ClusterModel model = kmeans.fit(Matrices.of(new double[][] {{0}, {1}, {10}, {11}}, List.of(country, channel)),
                request(2, 1), context);

        assertEquals(List.of("kmeans uses numeric features only; ignoring categorical columns: country, channel"),
                context.infos);
        assertEquals(1.0, model.cost(), 1e-12);
    }

    @Test
    void rejectsFewerDistinctRowsThanClusters() {
        double[][] rows = {{1, 1}, {1, 1}, {1, 1}, {5, 5}, {5, 5}, {1, 1}};
        SegmentaException e = assertThrows(SegmentaException.class, () -> fit(rows, 3));
        assertEquals("k = 3 but the 6 customers have only 2 distinct feature vectors", e.getMessage());
    }

    @Test
    void duplicatesStillGiveKNonEmptySegmentsWhenEnoughRowsDiffer() {
        // seven copies of one point and three other points: exactly k distinct rows, so the only answer of
        // cost 0 is the copies in one segment and each other point alone
        double[][] rows = {{0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {1, 0}, {0, 1}, {1, 1}};
        for (long seed = 0; seed < 20; seed++) {
            ClusterModel model = kmeans.fit(Matrices.of(rows), new ClusterRequest(4, seed, 3, 100),
                    new RecordingContext());
            // segment 0 holds the copies; the singletons follow by centre: (0, 1), (1, 0), (1, 1)
            assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 2, 1, 3}, model.labels(), "seed " + seed);
            assertEquals(0.0, model.cost(), 0.0, "seed " + seed);
        }
    }

    @Test
    void exactlyAsManyRowsAsClustersGivesOneRowPerSegment() {
        ClusterModel model = fit(new double[][] {{3}, {1}, {2}}, 3);
        assertArrayEquals(new int[] {2, 0, 1}, model.labels());
        assertEquals(0.0, model.cost(), 0.0);
    }
}
