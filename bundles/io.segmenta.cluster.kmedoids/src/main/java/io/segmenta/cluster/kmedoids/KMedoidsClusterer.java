package io.segmenta.cluster.kmedoids;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
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
import org.osgi.service.component.annotations.Component;
import smile.clustering.CLARANS;
import smile.math.MathEx;
import smile.math.distance.EuclideanDistance;

/**
 * K-Medoids by Smile's CLARANS (Ng and Han): each segment is represented by one of its own customers, the
 * medoid, which makes the segments robust to the outliers that pull K-Means centres (a few very large
 * buyers), and gives marketing a real "typical customer" per segment. Euclidean distance on the scaled
 * numeric features; categorical features are ignored.
 * <p>
 * Best of {@link ClusterRequest#runs()} seeded runs by cost (the sum of the distances to the medoids), made by
 * the shared {@link BestOfRestarts}. As in the K-Means stage, Smile's per-thread generator is reseeded before each
 * run, so the same input and seed give the same medoids. Segments are numbered by size, largest first (ties: the
 * lower old number). The model is the shared {@link CentroidModel}: new rows go to the nearest medoid, saved as
 * {@code columns}, {@code medoids} and {@code cost}. The iteration cap does not apply: CLARANS stops after
 * {@code max-neighbors} failed swaps (Smile's default, 1.25% of k(n-k)).
 * <p>
 * This bundle exports no package and is in no feature: it is the hot-deployable example of docs/architecture.md.
 * It imports the cluster-support package, which every distribution with an algorithm ships.
 */
@Component(service = Clusterer.class)
@StageName(KMedoidsClusterer.NAME)
@ServiceProvider(value = Clusterer.class, resolution = Resolution.OPTIONAL)
public class KMedoidsClusterer implements Clusterer {
    static final String NAME = "kmedoids";
    static final CentroidNaming NAMING = new CentroidNaming(NAME, "K-Medoids", "medoids", "medoid");
    /** Smile's generators use the seed modulo this number. */
    private static final long SMILE_SEED_RANGE = 899_999_963L;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "K-Medoids (CLARANS) on the numeric features: each segment is represented by a real customer, "
                + "robust to outliers; by Smile (add-on bundle)";
    }

    @Override
    public ClusterModel fit(FeatureMatrix features, ClusterRequest request, StageContext context) {
        FitChecks.requireParameters(NAME, request);
        int k = request.k();
        if (features.numeric().isEmpty()) {
            throw new SegmentaException("kmedoids needs numeric features, but the " + features.entity().label()
                    + " features have none");
        }
        FitChecks.requireRows(NAME, k, features);
        FitChecks.requireFinite(NAME, NAMING.title(), features);
        double[][] x = features.numericRows();
        if (!features.categorical().isEmpty()) {
            context.info("kmedoids uses numeric features only; categorical columns are ignored");
        }
        CLARANS<double[]> best = BestOfRestarts.best(NAME, request.runs(), request.seed(), context,
                fit -> fit.distortion, restart -> {
                    synchronized (MathEx.class) { // Smile's static seed bookkeeping is not synchronised
                        MathEx.setSeed(Math.floorMod(restart.seed(), SMILE_SEED_RANGE));
                    }
                    return CLARANS.fit(x, new EuclideanDistance(), k);
                });
        SizeOrder bySize = SizeOrder.of(best.y, k);
        return new CentroidModel(NAMING, features.numericNames(), bySize.rows(best.centroids), bySize.labels(best.y),
                best.distortion);
    }

    @Override
    public ClusterModel restore(ModelState state) {
        return CentroidModel.restore(NAMING, state);
    }
}
