package io.segmenta.cluster.kprototypes;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.testing.RecordingContext;
import java.util.Locale;

/**
 * A benchmark, not a unit test (no timed assertions in tests): K-Prototypes on {@link Synthetic} data of
 * 100,000 and 1,000,000 rows (3 numeric and 3 categorical columns, 5 planted clusters, seed 2026), k = 5,
 * one run, automatic gamma, Cao initialisation. Prints rows, seconds, passes and cost. Meant to move into the
 * benchmark harness in distribution/benchmarks. Run with the module's test class path, e.g.
 * {@code java -cp target/test-classes:target/classes:<dependencies> io.segmenta.cluster.kprototypes.KPrototypesBench}
 * with optional row counts as arguments.
 */
public final class KPrototypesBench {
    private KPrototypesBench() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        KPrototypesClusterer clusterer = new KPrototypesClusterer();
        // warm-up so that the first timing does not include JIT compilation of the hot loops
        clusterer.fit(Synthetic.matrix(20_000, 1), new ClusterRequest(5, 1, 1, 300), new RecordingContext());
        System.out.println("rows\tseconds\titerations\tcost\tgamma");
        for (int n : sizes) {
            FeatureMatrix features = Synthetic.matrix(n, 2026);
            long start = System.nanoTime();
            KPrototypesModel model = (KPrototypesModel) clusterer.fit(features,
                    new ClusterRequest(Synthetic.CLUSTERS, ClusterRequest.DEFAULT_SEED, 1, 300), new RecordingContext());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(String.format(Locale.ROOT, "%d\t%.3f\t%d\t%.6f\t%.6f", n, seconds, model.iterations(),
                    model.cost(), model.gamma()));
        }
    }
}
