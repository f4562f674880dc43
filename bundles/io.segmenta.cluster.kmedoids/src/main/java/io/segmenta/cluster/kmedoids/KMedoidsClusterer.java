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
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
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
 * Best of {@link ClusterRequest#runs()} seeded runs by cost (the sum of the distances to the medoids). As in
 * the K-Means stage, Smile's per-thread generator is reseeded before each run, so the same input and seed give
 * the same medoids. Segments are numbered by size, largest first. The iteration cap does not apply: CLARANS
 * stops after {@code max-neighbors} failed swaps (Smile's default, 1.25% of k(n-k)).
 * <p>
 * This bundle exports no package and is in no feature: it is the hot-deployable example of docs/architecture.md.
 */
@Component(service = Clusterer.class)
@StageName(KMedoidsClusterer.NAME)
@ServiceProvider(value = Clusterer.class, resolution = Resolution.OPTIONAL)
public class KMedoidsClusterer implements Clusterer {
    static final String NAME = "kmedoids";
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
        int k = request.k();
        String entity = features.entity().label();
        int n = features.rowCount();
        if (features.numeric().isEmpty()) {
            throw new SegmentaException("kmedoids needs numeric features, but the " + entity + " features have none");
        }
        if (k < 2 || k > n) {
            throw new SegmentaException("kmedoids: k = " + k + " but there are " + n + " " + entity + "s");
        }
        if (request.runs() < 1) {
            throw new SegmentaException("kmedoids: the number of runs must be at least 1, got " + request.runs());
        }
        double[][] x = features.numericRows();
        for (int i = 0; i < n; i++) {
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new SegmentaException("kmedoids needs finite feature values; " + entity + " "
                            + features.ids().get(i) + " has " + v);
                }
            }
        }
        if (!features.categorical().isEmpty()) {
            context.info("kmedoids uses numeric features only; categorical columns are ignored");
        }
        SplittableRandom seeds = new SplittableRandom(request.seed());
        CLARANS<double[]> best = null;
        for (int run = 0; run < request.runs(); run++) {
            if (context.isCancelled()) {
                throw new CancellationException("kmedoids cancelled after " + run + " of " + request.runs() + " runs");
            }
            long seed = Math.floorMod(seeds.nextLong(), SMILE_SEED_RANGE);
            synchronized (MathEx.class) { // Smile's static seed bookkeeping is not synchronised
                MathEx.setSeed(seed);
            }
            CLARANS<double[]> fit = CLARANS.fit(x, new EuclideanDistance(), k);
            if (best == null || fit.distortion < best.distortion) {
                best = fit;
            }
            context.progress(run + 1, request.runs(), "runs");
        }
        return bySize(features, best.centroids, best.y, best.distortion);
    }

    /** Segments renumbered by size, largest first (ties: the lower old number first). */
    private static KMedoidsModel bySize(FeatureMatrix features, double[][] medoids, int[] labels, double cost) {
        int k = medoids.length;
        int[] size = new int[k];
        for (int l : labels) {
            size[l]++;
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer c) -> -size[c]).thenComparingInt(c -> c));
        int[] newNumber = new int[k];
        double[][] sorted = new double[k][];
        for (int rank = 0; rank < k; rank++) {
            newNumber[order[rank]] = rank;
            sorted[rank] = medoids[order[rank]].clone();
        }
        int[] relabelled = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            relabelled[i] = newNumber[labels[i]];
        }
        return new KMedoidsModel(features.numericNames(), sorted, relabelled, cost);
    }

    @Override
    public ClusterModel restore(ModelState state) {
        return KMedoidsModel.restore(state);
    }
}
