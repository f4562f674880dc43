package io.segmenta.cluster.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ModelState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CentroidModelTest {
    private static final CentroidNaming KMEANS = CentroidNaming.of("kmeans", "K-Means");
    private static final CentroidNaming KMEDOIDS = new CentroidNaming("kmedoids", "K-Medoids", "medoids", "medoid");

    /** Rows c1, c2, ... of two numeric columns x0 and x1, given point by point. */
    private static FeatureMatrix matrix(double[][] points, List<CategoricalColumn> categorical) {
        double[] x0 = Arrays.stream(points).mapToDouble(p -> p[0]).toArray();
        double[] x1 = Arrays.stream(points).mapToDouble(p -> p[1]).toArray();
        List<String> ids = IntStream.rangeClosed(1, points.length).mapToObj(i -> "c" + i).toList();
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, List.of(new NumericColumn("x0", x0),
                new NumericColumn("x1", x1)), categorical, null);
    }

    private static CentroidModel twoCentres(CentroidNaming naming) {
        return new CentroidModel(naming, List.of("x0", "x1"), new double[][] {{0, 0}, {10, 10}}, new int[] {0, 1, 1},
                12.5);
    }

    @Test
    void predictPlacesRowsAtTheNearestCentreTiesToTheLowerSegment() {
        CentroidModel model = twoCentres(KMEANS);
        CategoricalColumn ignored = new CategoricalColumn("region", new int[] {0, 1, 0, 1}, List.of("n", "s"));
        assertArrayEquals(new int[] {0, 1, 0, 1}, model.predict(matrix(new double[][] {
            {-100, -100}, {100, 100}, {5, 5}, {5.1, 5}}, List.of(ignored))));
    }

    @Test
    void predictChecksColumnsAndFiniteValues() {
        CentroidModel model = twoCentres(KMEANS);
        FeatureMatrix other = new FeatureMatrix(EntityKind.CUSTOMER, List.of("c1"),
                List.of(new NumericColumn("y", new double[] {1})), List.of(), null);
        SegmentaException columns = assertThrows(SegmentaException.class, () -> model.predict(other));
        assertEquals("kmeans: the model was fitted on the numeric columns [x0, x1] but the data to place has [y]",
                columns.getMessage());
        SegmentaException nan = assertThrows(SegmentaException.class,
                () -> model.predict(matrix(new double[][] {{1, 1}, {Double.NaN, 2}}, List.of())));
        assertEquals("kmeans: column 'x0' is NaN for customer c2 (row 2); K-Means needs a finite number in every "
                + "numeric column", nan.getMessage());
    }

    @Test
    void savedAndRestoredItPredictsTheSame() {
        for (CentroidNaming naming : List.of(KMEANS, KMEDOIDS)) {
            CentroidModel model = twoCentres(naming);
            ModelState state = model.state().orElseThrow();
            assertEquals(List.of("columns", naming.centresKey(), "cost"), List.copyOf(state.values().keySet()));
            // the values as a file reader gives them back (Doubles and Lists)
            CentroidModel restored = CentroidModel.restore(naming, ModelState.of(naming.algorithm(), state.values()));
            assertEquals(naming.algorithm(), restored.algorithm());
            assertEquals(2, restored.k());
            assertEquals(12.5, restored.cost());
            assertEquals(List.of("x0", "x1"), restored.columns());
            assertArrayEquals(model.centroids(), restored.centroids());
            assertEquals(0, restored.labels().length, "a restored model has no training rows");
            FeatureMatrix fresh = matrix(new double[][] {{1, 2}, {9, 7}, {5, 5}}, List.of());
            assertArrayEquals(model.predict(fresh), restored.predict(fresh));
        }
    }

    @Test
    void aDamagedStateIsOneLineNamingTheEntry() {
        SegmentaException wide = assertThrows(SegmentaException.class, () -> CentroidModel.restore(KMEANS,
                ModelState.of("kmeans", Map.of("columns", List.of("x0"), "centroids", List.of(List.of(1.0, 2.0)),
                        "cost", 1.0))));
        assertEquals("kmeans model: centre 0 has 2 coordinates but there are 1 columns [x0]", wide.getMessage());
        SegmentaException empty = assertThrows(SegmentaException.class, () -> CentroidModel.restore(KMEDOIDS,
                ModelState.of("kmedoids", Map.of("columns", List.of("x0"), "medoids", List.of(), "cost", 1.0))));
        assertEquals("kmedoids model: 'medoids' holds no medoid", empty.getMessage());
        Map<String, Object> noCost = new LinkedHashMap<>(twoCentres(KMEANS).state().orElseThrow().values());
        noCost.remove("cost");
        SegmentaException missing = assertThrows(SegmentaException.class,
                () -> CentroidModel.restore(KMEANS, ModelState.of("kmeans", noCost)));
        assertEquals("kmeans model: the entry 'cost' is missing", missing.getMessage());
    }

    @Test
    void anExtensionSavesItsOwnEntriesBetweenColumnsAndCentres() {
        CentroidModel withBounds = new CentroidModel(KMEANS, List.of("x0"), new double[][] {{1}}, new int[] {0}, 0) {
            @Override
            protected void saveParameters(ModelState state) {
                state.put("bounds", new double[] {1, 2});
            }
        };
        assertEquals(List.of("columns", "bounds", "centroids", "cost"),
                List.copyOf(withBounds.state().orElseThrow().values().keySet()));
    }

    @Test
    void accessorsGiveCopies() {
        CentroidModel model = twoCentres(KMEANS);
        model.labels()[0] = 7;
        model.centroids()[0][0] = 7;
        assertArrayEquals(new int[] {0, 1, 1}, model.labels());
        assertArrayEquals(new double[] {0, 0}, model.centroids()[0]);
    }
}
