package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.ModelState;
import io.segmenta.cluster.support.CentroidModel;
import io.segmenta.cluster.support.CentroidNaming;
import io.segmenta.cluster.support.FitChecks;
import io.segmenta.cluster.support.SizeOrder;
import io.segmenta.api.stage.StageContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Algorithm {@value #NAME}: K-Means by Spark MLlib (k-means|| seeding, Lloyd's iterations as Spark jobs), best of
 * {@link ClusterRequest#runs()} seeded fits by inertia, for customer sets whose iterations are worth spreading over
 * a cluster. The engine hands it the scaled features as it hands them to {@code kmeans}; it sends them to the
 * executors as a Dataset, fits there, and returns the shared {@link CentroidModel} (labels are each customer's
 * nearest centre, segments numbered by size, cost the inertia computed here), so that the engine's quality figures,
 * profiles, names, reporters and model file work on it as on any centroid model. Registered with ServiceLoader
 * (META-INF/services) in the Spark back-end only: it needs a running SparkSession.
 */
public final class SparkKMeansClusterer implements Clusterer {
    static final String NAME = "spark-kmeans";
    static final CentroidNaming NAMING = CentroidNaming.of(NAME, "Spark MLlib K-Means");
    /** MLlib's convergence tolerance: the largest move of a centre that still counts as a change. */
    static final double TOLERANCE = 1e-6;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "K-Means by Spark MLlib (k-means|| seeding, best of n runs by inertia), on the running Spark session";
    }

    @Override
    public ClusterModel fit(FeatureMatrix features, ClusterRequest request, StageContext context) {
        FitChecks.requireParameters(NAME, request);
        if (features.numeric().isEmpty()) {
            throw new SegmentaException(NAME + " needs numeric features, but the features have none");
        }
        FitChecks.requireRows(NAME, request.k(), features);
        FitChecks.requireFinite(NAME, NAMING.title(), features);
        SparkSession spark = session();
        double[][] x = features.numericRows();
        List<Row> rows = new ArrayList<>(x.length);
        for (double[] r : x) {
            rows.add(RowFactory.create(Vectors.dense(r)));
        }
        Dataset<Row> points = spark.createDataFrame(rows, new StructType().add("features", SQLDataTypes.VectorType()))
                .cache();
        try {
            double[][] best = null;
            int[] bestLabels = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int run = 0; run < request.runs(); run++) {
                context.checkCancelled(NAME + " run " + (run + 1));
                KMeansModel model = new KMeans().setK(request.k()).setSeed(request.seed() + run)
                        .setMaxIter(request.maxIterations()).setInitMode("k-means||").setTol(TOLERANCE).fit(points);
                double[][] centres = centres(model);
                int[] labels = new int[x.length];
                List<Row> predicted = model.transform(points).select("prediction").collectAsList();
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = predicted.get(i).getInt(0);
                }
                double cost = inertia(x, centres, labels);
                if (cost < bestCost) { // ties keep the earlier run
                    best = centres;
                    bestLabels = labels;
                    bestCost = cost;
                }
            }
            if (best.length < request.k()) {
                throw new SegmentaException(NAME + ": k = " + request.k() + " but MLlib found only " + best.length
                        + " distinct centres");
            }
            SizeOrder bySize = SizeOrder.of(bestLabels, best.length, SizeOrder.byCentre(best));
            return new CentroidModel(NAMING, features.numericNames(), bySize.rows(best), bySize.labels(bestLabels),
                    bestCost);
        } finally {
            points.unpersist();
        }
    }

    /** A saved model predicts by nearest centre, on any back-end. */
    @Override
    public ClusterModel restore(ModelState state) {
        return CentroidModel.restore(NAMING, state);
    }

    private static SparkSession session() {
        try {
            return SparkSession.active();
        } catch (IllegalStateException e) {
            throw new SegmentaException(NAME + " runs only on Spark (bin/segmenta-spark or spark-submit): there is"
                    + " no Spark session in this process");
        }
    }

    private static double[][] centres(KMeansModel model) {
        Vector[] v = model.clusterCenters();
        double[][] c = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i].toArray();
        }
        return c;
    }

    /** The sum of squared distances of each row to its centre, as the engine's inertia. */
    static double inertia(double[][] x, double[][] centres, int[] labels) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double[] c = centres[labels[i]];
            for (int j = 0; j < c.length; j++) {
                double d = x[i][j] - c[j];
                total += d * d;
            }
        }
        return total;
    }
}
