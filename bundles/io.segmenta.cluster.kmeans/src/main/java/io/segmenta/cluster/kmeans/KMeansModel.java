package io.segmenta.cluster.kmeans;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ModelState;
import java.util.List;
import java.util.Optional;

/**
 * A fitted K-Means model: immutable, so it may be shared between threads. Segments are numbered by size,
 * largest first (see {@link KMeansClusterer}).
 */
final class KMeansModel implements ClusterModel {
    static final String COLUMNS = "columns";
    static final String CENTROIDS = "centroids";
    static final String COST = "cost";

    private final List<String> columns;
    private final double[][] centroids;
    private final int[] labels;
    private final double cost;

    /** Takes ownership of the arrays. */
    KMeansModel(List<String> columns, double[][] centroids, int[] labels, double cost) {
        this.columns = List.copyOf(columns);
        this.centroids = centroids;
        this.labels = labels;
        this.cost = cost;
    }

    @Override
    public String algorithm() {
        return KMeansClusterer.NAME;
    }

    @Override
    public int k() {
        return centroids.length;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public double cost() {
        return cost;
    }

    @Override
    public double[][] centroids() {
        double[][] copy = new double[centroids.length][];
        for (int c = 0; c < centroids.length; c++) {
            copy[c] = centroids[c].clone();
        }
        return copy;
    }

    /** The numeric column names the model was fitted on, in order. */
    List<String> columns() {
        return columns;
    }

    /**
     * The nearest centre (Euclidean distance over the numeric columns; ties to the lower segment) of every
     * row. Categorical columns are ignored, as in fitting.
     *
     * @throws SegmentaException when the numeric columns differ from the training ones, or a value is not finite
     */
    @Override
    public int[] predict(FeatureMatrix features) {
        List<String> names = features.numericNames();
        if (!names.equals(columns)) {
            throw new SegmentaException("kmeans: the model was fitted on the numeric columns " + columns
                    + " but the data to place has " + names);
        }
        KMeansClusterer.requireFinite(features);
        int n = features.rowCount();
        int d = columns.size();
        double[][] cols = new double[d][];
        for (int j = 0; j < d; j++) {
            cols[j] = features.numeric().get(j).values();
        }
        int[] result = new int[n];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                row[j] = cols[j][i];
            }
            result[i] = Lloyd.nearest(row, centroids);
        }
        return result;
    }

    /** The columns, the centres and the training cost: all that {@link #predict} needs. */
    @Override
    public Optional<ModelState> state() {
        return Optional.of(new ModelState(KMeansClusterer.NAME).putTexts(COLUMNS, columns).put(CENTROIDS, centroids)
                .put(COST, cost));
    }

    /**
     * The model a {@link #state()} describes, with no training rows.
     *
     * @throws SegmentaException when an entry is missing or of the wrong shape
     */
    static KMeansModel restore(ModelState state) {
        List<String> columns = state.texts(COLUMNS);
        double[][] centroids = state.table(CENTROIDS);
        if (centroids.length < 1) {
            throw state.inconsistent("'" + CENTROIDS + "' holds no centre");
        }
        for (int c = 0; c < centroids.length; c++) {
            if (centroids[c].length != columns.size()) {
                throw state.inconsistent("centre " + c + " has " + centroids[c].length + " coordinates but there are "
                        + columns.size() + " columns " + columns);
            }
        }
        return new KMeansModel(columns, centroids, new int[0], state.number(COST));
    }

    @Override
    public String toString() {
        return "KMeansModel[k=" + centroids.length + ", rows=" + labels.length + ", inertia=" + cost + ", columns="
                + columns + "]";
    }
}
