package io.segmenta.cluster.kmeans;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.StageContext;
import io.segmenta.cluster.support.BestOfRestarts;
import io.segmenta.cluster.support.CentroidModel;
import io.segmenta.cluster.support.CentroidNaming;
import io.segmenta.cluster.support.FitChecks;
import io.segmenta.cluster.support.SizeOrder;
import java.util.List;
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
 * of that generator's state; each run therefore reseeds the calling thread's generator first, with the run
 * seed {@link BestOfRestarts} draws from the request's seed (Smile reduces seeds modulo 899,999,963, hence the
 * range). The runs are made one after the other by {@link BestOfRestarts} (Smile's own
 * {@code PartitionClustering.run} is not used), so that progress and cancellation are handled between runs;
 * ties keep the earlier run.
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
 * Segments are renumbered by size ({@link SizeOrder}), largest first, ties broken by comparing centres
 * coordinate by coordinate (smaller first), so that segment 0 is always the largest and the numbering does not
 * depend on the run. The model is the shared {@link CentroidModel}: nearest centre, saved as {@code columns},
 * {@code centroids} and {@code cost} (docs/model-file.md).
 */
@Component(service = Clusterer.class)
@StageName(KMeansClusterer.NAME)
@ServiceProvider(value = Clusterer.class, resolution = Resolution.OPTIONAL)
public class KMeansClusterer implements Clusterer {
    static final String NAME = "kmeans";
    static final CentroidNaming NAMING = CentroidNaming.of(NAME, "K-Means");
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
        FitChecks.requireParameters(NAME, request);
        int k = request.k();
        int maxIterations = request.maxIterations();
        String entity = features.entity().label();
        int n = features.rowCount();
        if (features.numeric().isEmpty()) {
            throw new SegmentaException("kmeans needs numeric features, but the " + entity + " features have none"
                    + (features.categorical().isEmpty() ? ""
                            : " (only categorical columns: " + categoricalNames(features) + ")"));
        }
        FitChecks.requireRows(NAME, k, features);
        FitChecks.requireFinite(NAME, NAMING.title(), features);
        if (!features.categorical().isEmpty()) {
            context.info("kmeans uses numeric features only; ignoring categorical columns: "
                    + categoricalNames(features));
        }

        double[][] x = features.numericRows();
        double tolerance = RELATIVE_TOLERANCE * Lloyd.totalSumOfSquares(x);
        BBDTree tree = new BBDTree(x); // read-only once built, so shared by all runs
        Fit best = BestOfRestarts.best(NAME, request.runs(), request.seed(), context, Fit::cost, restart -> {
            long seed = Math.floorMod(restart.seed(), SMILE_SEED_RANGE);
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
            return new Fit(centroids, labels, Lloyd.inertia(x, centroids, labels), outcome);
        });
        if (best.outcome() == Lloyd.Outcome.ITERATION_CAP) {
            context.info("kmeans: the best run reached the iteration cap (" + maxIterations
                    + ") before converging");
        }
        return renumberBySize(features.numericNames(), best.centroids(), best.labels(), best.cost());
    }

    /** One run's refined centres and labels, their inertia, and how the refinement ended. */
    private record Fit(double[][] centroids, int[] labels, double cost, Lloyd.Outcome outcome) {
    }

    /** A model saved from {@link CentroidModel#state()}: predicts as the fitted one did. */
    @Override
    public ClusterModel restore(ModelState state) {
        return CentroidModel.restore(NAMING, state);
    }

    /**
     * Renumbers segments by size, largest first, ties by centre (coordinate by coordinate, smaller first,
     * then the old number), so that the numbering means something and does not depend on the run.
     */
    static CentroidModel renumberBySize(List<String> columns, double[][] centroids, int[] labels, double cost) {
        SizeOrder bySize = SizeOrder.of(labels, centroids.length, SizeOrder.byCentre(centroids));
        return new CentroidModel(NAMING, columns, bySize.rows(centroids), bySize.labels(labels), cost);
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
