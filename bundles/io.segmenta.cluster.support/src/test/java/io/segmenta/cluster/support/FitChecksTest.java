package io.segmenta.cluster.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitChecksTest {

    private static String message(Runnable check) {
        return assertThrows(SegmentaException.class, check::run).getMessage();
    }

    @Test
    void parameters() {
        FitChecks.requireParameters("kmeans", new ClusterRequest(2, 1, 1, 1));
        assertEquals("kmeans: k must be at least 2, got 1",
                message(() -> FitChecks.requireParameters("kmeans", new ClusterRequest(1, 1, 1, 1))));
        assertEquals("kmeans: the number of runs must be at least 1, got 0",
                message(() -> FitChecks.requireParameters("kmeans", new ClusterRequest(2, 1, 0, 1))));
        assertEquals("kmeans: the iteration cap must be at least 1, got 0",
                message(() -> FitChecks.requireParameters("kmeans", new ClusterRequest(2, 1, 1, 0))));
    }

    @Test
    void rowsAndFiniteValues() {
        FeatureMatrix one = new FeatureMatrix(EntityKind.SELLER, List.of("s1"),
                List.of(new NumericColumn("gmv", new double[] {Double.POSITIVE_INFINITY})), List.of(), null);
        FeatureMatrix none = new FeatureMatrix(EntityKind.CUSTOMER, List.of(),
                List.of(new NumericColumn("gmv", new double[0])), List.of(), null);
        assertEquals("k = 2 but there is only 1 seller", message(() -> FitChecks.requireRows("kmeans", 2, one)));
        assertEquals("kmeans: there are no customers to cluster",
                message(() -> FitChecks.requireRows("kmeans", 2, none)));
        assertEquals("kprototypes: column 'gmv' is Infinity for seller s1 (row 1); K-Prototypes needs a finite "
                + "number in every numeric column",
                message(() -> FitChecks.requireFinite("kprototypes", "K-Prototypes", one)));
    }
}
