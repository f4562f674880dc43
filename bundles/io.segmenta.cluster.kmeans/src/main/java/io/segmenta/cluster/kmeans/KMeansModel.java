package io.segmenta.cluster.kmeans;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterModel;
import java.util.List;

/**
 * A fitted K-Means model: immutable, so it may be shared between threads. Segments are numbered by size,
 * largest first (see {@link KMeansClusterer}).
 */
final class KMeansModel implements ClusterModel {
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

    @Override
    public String toString() {
        return "KMeansModel[k=" + centroids.length + ", rows=" + labels.length + ", inertia=" + cost + ", columns="
                + columns + "]";
    }
}
