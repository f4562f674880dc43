package io.segmenta.cluster.kmedoids;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.ModelState;
import io.segmenta.testing.AdjustedRandIndex;
import io.segmenta.testing.RecordingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMedoidsClustererTest {
    private final KMedoidsClusterer kmedoids = new KMedoidsClusterer();

    /** Three well separated blobs of 60, 40 and 20 rows in 2-D, plus one far outlier in the first. */
    private static FeatureMatrix blobs(List<Integer> truth) {
        SplittableRandom random = new SplittableRandom(11);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        int[] sizes = {60, 40, 20};
        List<double[]> rows = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < sizes[b]; i++) {
                rows.add(new double[] {centres[b][0] + random.nextGaussian(), centres[b][1] + random.nextGaussian()});
                truth.add(b);
            }
        }
        rows.set(0, new double[] {-6, -6});
        int n = rows.size();
        double[] a = new double[n];
        double[] b = new double[n];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            a[i] = rows.get(i)[0];
            b[i] = rows.get(i)[1];
            ids.add("c" + i);
        }
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, List.of(new NumericColumn("a", a), new NumericColumn("b", b)),
                List.of(), null);
    }

    @Test
    void findsTheBlobsWithRealRowsAsMedoidsNumberedBySize() {
        List<Integer> truth = new ArrayList<>();
        FeatureMatrix x = blobs(truth);
        ClusterModel model = kmedoids.fit(x, new ClusterRequest(3, 42, 5, 300), new RecordingContext());
        List<Integer> found = new ArrayList<>();
        for (int l : model.labels()) {
            found.add(l);
        }
        assertEquals(1.0, AdjustedRandIndex.of(truth, found), 1e-12);
        assertEquals(0, model.labels()[1], "the largest blob is segment 0");
        double[][] rows = x.numericRows();
        for (double[] medoid : model.centroids()) {
            boolean isARow = false;
            for (double[] row : rows) {
                isARow |= java.util.Arrays.equals(row, medoid);
            }
            assertTrue(isARow, "a medoid is one of the rows");
        }
        assertArrayEquals(model.labels(), model.predict(x));
    }

    @Test
    void theSameSeedGivesTheSameModelAndItsStateRestoresIt() {
        FeatureMatrix x = blobs(new ArrayList<>());
        ClusterModel first = kmedoids.fit(x, new ClusterRequest(3, 7, 3, 300), new RecordingContext());
        ClusterModel again = kmedoids.fit(x, new ClusterRequest(3, 7, 3, 300), new RecordingContext());
        assertArrayEquals(first.labels(), again.labels());
        assertEquals(first.cost(), again.cost());
        ModelState state = first.state().orElseThrow();
        ClusterModel restored = kmedoids.restore(ModelState.of("kmedoids", state.values()));
        assertArrayEquals(first.labels(), restored.predict(x));
        assertEquals(first.cost(), restored.cost());
    }

    @Test
    void impossibleRequestsAreOneLine() {
        FeatureMatrix x = blobs(new ArrayList<>());
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> kmedoids.fit(x, new ClusterRequest(500, 42, 1, 300), new RecordingContext()));
        assertEquals("k = 500 but there are only 120 customers", e.getMessage());
        SegmentaException runs = assertThrows(SegmentaException.class,
                () -> kmedoids.fit(x, new ClusterRequest(3, 42, 0, 300), new RecordingContext()));
        assertEquals("kmedoids: the number of runs must be at least 1, got 0", runs.getMessage());
    }

    @Test
    void fitRefusesValuesThatAreNotFiniteNamingColumnAndCustomer() {
        FeatureMatrix x = new FeatureMatrix(EntityKind.CUSTOMER, List.of("c1", "c2", "c3"),
                List.of(new NumericColumn("a", new double[] {1, Double.POSITIVE_INFINITY, 3}),
                        new NumericColumn("b", new double[] {1, 2, 3})), List.of(), null);
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> kmedoids.fit(x, new ClusterRequest(2, 42, 1, 300), new RecordingContext()));
        assertEquals("kmedoids: column 'a' is Infinity for customer c2 (row 2); K-Medoids needs a finite number in "
                + "every numeric column", e.getMessage());
    }

    @Test
    void predictRefusesValuesThatAreNotFiniteAsFitDoes() {
        FeatureMatrix x = blobs(new ArrayList<>());
        ClusterModel model = kmedoids.fit(x, new ClusterRequest(3, 42, 1, 300), new RecordingContext());
        FeatureMatrix fresh = new FeatureMatrix(EntityKind.CUSTOMER, List.of("n1"),
                List.of(new NumericColumn("a", new double[] {Double.NaN}), new NumericColumn("b", new double[] {1})),
                List.of(), null);
        SegmentaException e = assertThrows(SegmentaException.class, () -> model.predict(fresh));
        assertEquals("kmedoids: column 'a' is NaN for customer n1 (row 1); K-Medoids needs a finite number in every "
                + "numeric column", e.getMessage());
    }
}
