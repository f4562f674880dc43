package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.engine.internal.metrics.Clustering;
import java.util.List;
import java.util.OptionalDouble;

/** What the engine checks and takes of a fitted model before it measures it. */
final class FittedModels {
    private FittedModels() {
    }

    /** The model's labels, checked: one per row, each a segment of the model. */
    static int[] checkedLabels(StageEntry algorithm, ClusterModel model, int rows) {
        int[] labels = StepRunner.call(algorithm, model::labels);
        int k = StepRunner.call(algorithm, model::k);
        String problem = null;
        if (labels == null) {
            problem = "its model has no labels";
        } else if (labels.length != rows) {
            problem = "its model has " + labels.length + " labels for " + rows + " rows";
        } else if (k < 1) {
            problem = "its model has k = " + k;
        } else {
            for (int i = 0; i < rows; i++) {
                if (labels[i] < 0 || labels[i] >= k) {
                    problem = "its model gives row " + i + " the label " + labels[i] + ", outside 0.." + (k - 1);
                    break;
                }
            }
        }
        if (problem != null) {
            throw new SegmentaException(algorithm.label() + " failed: " + problem);
        }
        return labels;
    }

    /**
     * The rows the quality figures are computed on: the numeric columns, and the categorical ones too when the
     * model weighs categorical mismatches (K-Prototypes), so that its silhouette uses its own dissimilarity.
     */
    static Clustering clustering(StageEntry algorithm, ClusterModel model, FeatureMatrix scaled, double[] x,
            int[] labels, int k) {
        int n = scaled.rowCount();
        int d = scaled.numeric().size();
        OptionalDouble weight = StepRunner.call(algorithm, model::categoricalWeight);
        List<CategoricalColumn> categorical = scaled.categorical();
        if (weight.isEmpty() || categorical.isEmpty()) {
            return new Clustering(x, n, d, labels, k);
        }
        if (!(weight.getAsDouble() >= 0) || Double.isInfinite(weight.getAsDouble())) {
            throw new SegmentaException(algorithm.label() + " failed: its model gives a categorical weight of "
                    + weight.getAsDouble());
        }
        int c = categorical.size();
        int[] codes = new int[n * c];
        for (int t = 0; t < c; t++) {
            int[] column = categorical.get(t).codes();
            for (int i = 0; i < n; i++) {
                codes[i * c + t] = column[i];
            }
        }
        return new Clustering(x, n, d, labels, k, codes, c, weight.getAsDouble());
    }

    /** The numeric features row by row, as the metrics read them. */
    static double[] rowMajor(FeatureMatrix m) {
        List<NumericColumn> numeric = m.numeric();
        double[][] columns = new double[numeric.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = numeric.get(j).values();
        }
        return Clustering.rowMajor(columns, m.rowCount());
    }
}
