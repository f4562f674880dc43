package io.segmenta.cluster.kmedoids;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ModelState;
import java.util.List;
import java.util.Optional;

/** Fitted medoids; immutable. New rows go to the nearest medoid (Euclidean; ties to the lower segment). */
final class KMedoidsModel implements ClusterModel {
    static final String COLUMNS = "columns";
    static final String MEDOIDS = "medoids";
    static final String COST = "cost";

    private final List<String> columns;
    private final double[][] medoids;
    private final int[] labels;
    private final double cost;

    KMedoidsModel(List<String> columns, double[][] medoids, int[] labels, double cost) {
        this.columns = List.copyOf(columns);
        this.medoids = medoids;
        this.labels = labels;
        this.cost = cost;
    }

    @Override
    public String algorithm() {
        return KMedoidsClusterer.NAME;
    }

    @Override
    public int k() {
        return medoids.length;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The sum of the Euclidean distances from each training row to its medoid. */
    @Override
    public double cost() {
        return cost;
    }

    /** The medoids, in scaled units. */
    @Override
    public double[][] centroids() {
        double[][] copy = new double[medoids.length][];
        for (int c = 0; c < medoids.length; c++) {
            copy[c] = medoids[c].clone();
        }
        return copy;
    }

    @Override
    public int[] predict(FeatureMatrix features) {
        if (!features.numericNames().equals(columns)) {
            throw new SegmentaException("kmedoids: the model was fitted on the numeric columns " + columns
                    + " but the data to place has " + features.numericNames());
        }
        double[][] x = features.numericRows();
        int[] result = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < medoids.length; c++) {
                double d = 0;
                for (int t = 0; t < x[i].length; t++) {
                    double diff = x[i][t] - medoids[c][t];
                    d += diff * diff;
                }
                if (d < best) {
                    best = d;
                    result[i] = c;
                }
            }
        }
        return result;
    }

    @Override
    public Optional<ModelState> state() {
        return Optional.of(new ModelState(KMedoidsClusterer.NAME).putTexts(COLUMNS, columns).put(MEDOIDS, medoids)
                .put(COST, cost));
    }

    static KMedoidsModel restore(ModelState state) {
        List<String> columns = state.texts(COLUMNS);
        double[][] medoids = state.table(MEDOIDS);
        for (int c = 0; c < medoids.length; c++) {
            if (medoids[c].length != columns.size()) {
                throw state.inconsistent("medoid " + c + " has " + medoids[c].length + " coordinates but there are "
                        + columns.size() + " columns " + columns);
            }
        }
        if (medoids.length < 1) {
            throw state.inconsistent("'" + MEDOIDS + "' holds no medoid");
        }
        return new KMedoidsModel(columns, medoids, new int[0], state.number(COST));
    }
}
