package io.segmenta.cluster.kmeans;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.StageContext;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import smile.clustering.BBDTree;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * K-Means over the numeric features: k-means++ seeding and Lloyd's iterations by Smile (its k-d tree
 * "filtering" algorithm), best of {@link ClusterRequest#runs()} runs by inertia.
 *
 * <h2>Determinism</h2>
 * The same matrix, k, seed, runs and iteration cap give the same labels, centres and cost, on any thread.
 * Smile draws its k-means++ seeds from a per-thread generator ({@code MathEx}'s {@code ThreadLocal}), and the
 * parallel streams inside {@code KMeans.fit} only fill per-row or per-cluster slots, so a fit is a function
 * of that generator's state; each run therefore reseeds the calling thread's generator first. Run seeds are
 * drawn from a {@link SplittableRandom} seeded with the request's seed rather than taken as seed + run, so
 * that seeds 42 and 43 do not share nine of their ten runs. Smile reduces seeds modulo 899,999,963, hence
 * the range. The runs are made one after the other: Smile's own {@code PartitionClustering.run} is not used,
 * so that progress and cancellation can be handled between runs.
 *
 * <h2>Convergence</h2>
 * Smile stops when the distortion falls by less than its tolerance, here {@value #RELATIVE_TOLERANCE} of the
 * total sum of squares (the inertia of one cluster), capped at {@code maxIterations}; {@link Lloyd} then
 * iterates plainly to a fixed point (labels are each row's nearest centre and centres are the means of their
 * rows, as scikit-learn's converged result), refilling any empty cluster with the row farthest from its centre,
 * again for at most {@code maxIterations} steps, usually one or two. The cost is the inertia recomputed from
 * the final labels and centres, whatever Smile reported.
 *
 * <h2>Segment numbers</h2>
 * Segments are renumbered by size, largest first, ties broken by comparing centres coordinate by coordinate
 * (smaller first), so that segment 0 is always the largest and the numbering does not depend on the run.
 */
@Component(service = Clusterer.class)
@StageName(KMeansClusterer.NAME)
@ServiceProvider(value = Clusterer.class, resolution = Resolution.OPTIONAL)
public class KMeansClusterer implements Clusterer {
    static final String NAME = "kmeans";
    /** Smile's stopping tolerance on the fall in distortion, relative to the total sum of squares. */
    static final double RELATIVE_TOLERANCE = 1e-6;
    /** Smile's generators use the seed modulo this number (smile.math.random.MersenneTwister). */
    private static final long SMILE_SEED_RANGE = 899_999_963L;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "K-Means on the numeric features (k-means++ seeding, best of n runs by inertia), by Smile";
    }

    @Override
    public ClusterModel fit(FeatureMatrix features, ClusterRequest request, StageContext context) {
        int k = request.k();
        int runs = request.runs();
        int maxIterations = request.maxIterations();
        if (k < 2) {
            throw new SegmentaException("kmeans: k must be at least 2, got " + k);
        }
        if (runs < 1) {
            throw new SegmentaException("kmeans: the number of runs must be at least 1, got " + runs);
        }
        if (maxIterations < 1) {
            throw new SegmentaException("kmeans: the iteration cap must be at least 1, got " + maxIterations);
        }
        String entity = features.entity().label();
        int n = features.rowCount();
        if (features.numeric().isEmpty()) {
            throw new SegmentaException("kmeans needs numeric features, but the " + entity + " features have none"
                    + (features.categorical().isEmpty() ? ""
                            : " (only categorical columns: " + categoricalNames(features) + ")"));
        }
        if (n == 0) {
            throw new SegmentaException("kmeans: there are no " + entity + "s to cluster");
        }
        if (k > n) {
            throw new SegmentaException("k = " + k + " but there " + (n == 1 ? "is" : "are") + " only " + n + " "
                    + entity + (n == 1 ? "" : "s"));
        }
        requireFinite(features);
        if (!features.categorical().isEmpty()) {
            context.info("kmeans uses numeric features only; ignoring categorical columns: "
                    + categoricalNames(features));
        }

        double[][] x = features.numericRows();
        double tolerance = RELATIVE_TOLERANCE * Lloyd.totalSumOfSquares(x);
        BBDTree tree = new BBDTree(x); // read-only once built, so shared by all runs
        SplittableRandom runSeeds = new SplittableRandom(request.seed());

        double[][] bestCentroids = null;
        int[] bestLabels = null;
        double bestCost = Double.POSITIVE_INFINITY;
        Lloyd.Outcome bestOutcome = null;
        for (int run = 0; run < runs; run++) {
            if (context.isCancelled()) {
                throw new CancellationException("kmeans cancelled after " + run + " of " + runs + " runs");
            }
            long seed = Math.floorMod(runSeeds.nextLong(), SMILE_SEED_RANGE);
            // setSeed also updates Smile's static, unsynchronised seed bookkeeping; serialise those calls.
            // The generator it seeds is this thread's own, so the fit itself needs no lock.
            synchronized (MathEx.class) {
                MathEx.setSeed(seed);
            }
            KMeans smile = KMeans.fit(tree, x, k, maxIterations, tolerance);
            double[][] centroids = copy(smile.centroids);
            int[] labels = smile.y.clone();
            Lloyd.Outcome outcome = Lloyd.refine(x, centroids, labels, maxIterations);
            if (outcome == Lloyd.Outcome.TOO_FEW_DISTINCT_ROWS) {
                throw new SegmentaException("k = " + k + " but the " + n + " " + entity + "s have only "
                        + Lloyd.distinctRows(x) + " distinct feature vectors");
            }
            double cost = Lloyd.inertia(x, centroids, labels);
            if (cost < bestCost) { // ties keep the earlier run
                bestCost = cost;
                bestCentroids = centroids;
                bestLabels = labels;
                bestOutcome = outcome;
            }
            context.progress(run + 1, runs, "runs");
        }
        if (bestOutcome == Lloyd.Outcome.ITERATION_CAP) {
            context.info("kmeans: the best run reached the iteration cap (" + maxIterations
                    + ") before converging");
        }
        return renumberBySize(features.numericNames(), bestCentroids, bestLabels, bestCost);
    }

    /**
     * Renumbers segments by size, largest first, ties by centre (coordinate by coordinate, smaller first,
     * then the old number), so that the numbering means something and does not depend on the run.
     */
    /** A model saved from {@link KMeansModel#state()}: predicts as the fitted one did. */
    @Override
    public ClusterModel restore(ModelState state) {
        return KMeansModel.restore(state);
    }

    static KMeansModel renumberBySize(List<String> columns, double[][] centroids, int[] labels, double cost) {
        int k = centroids.length;
        int[] size = new int[k];
        for (int label : labels) {
            size[label]++;
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> {
            int bySize = Integer.compare(size[b], size[a]);
            if (bySize != 0) {
                return bySize;
            }
            int byCentre = Arrays.compare(centroids[a], centroids[b]);
            return byCentre != 0 ? byCentre : Integer.compare(a, b);
        });
        int[] newNumber = new int[k];
        double[][] sortedCentroids = new double[k][];
        for (int c = 0; c < k; c++) {
            newNumber[order[c]] = c;
            sortedCentroids[c] = centroids[order[c]];
        }
        int[] sortedLabels = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            sortedLabels[i] = newNumber[labels[i]];
        }
        return new KMeansModel(columns, sortedCentroids, sortedLabels, cost);
    }

    /**
     * Rejects NaN and infinite values, naming the column and the entity, since K-Means would silently turn
     * them into NaN centres.
     */
    static void requireFinite(FeatureMatrix features) {
        for (NumericColumn column : features.numeric()) {
            double[] values = column.values();
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (!Double.isFinite(v)) {
                    throw new SegmentaException("kmeans: column '" + column.name() + "' is " + v + " for "
                            + features.entity().label() + " " + features.ids().get(i) + " (row " + (i + 1)
                            + "); K-Means needs a finite number in every numeric column");
                }
            }
        }
    }

    private static String categoricalNames(FeatureMatrix features) {
        return features.categorical().stream().map(CategoricalColumn::name).collect(Collectors.joining(", "));
    }

    private static double[][] copy(double[][] a) {
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
        }
        return b;
    }
}
