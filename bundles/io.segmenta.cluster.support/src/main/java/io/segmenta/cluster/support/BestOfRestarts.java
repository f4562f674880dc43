package io.segmenta.cluster.support;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.stage.StageContext;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Best of n seeded runs by cost, as ELKI's {@code BestOfMultipleKMeans} wraps any k-means once: the restart loop
 * every centroid algorithm needs, with progress, cancellation and logging.
 *
 * <h2>Seeding</h2>
 * Run seeds are drawn from a {@link SplittableRandom} seeded with the request's seed rather than taken as seed + run,
 * so that seeds 42 and 43 do not share nine of their ten runs; the same seed gives the same run seeds, so a fit is
 * reproducible when each run depends on its seed alone. The runs are made one after the other, on the calling
 * thread.
 *
 * <h2>Choosing</h2>
 * The first run with the lowest cost wins: a later run of equal cost does not replace it.
 *
 * <h2>Progress, cancellation, logging</h2>
 * Before each run {@link StageContext#checkCancelled} is called ("kmeans after 3 of 10 runs"); after each run
 * {@link StageContext#progress} counts runs. The stage's logger gets each run's cost at DEBUG and one INFO line at
 * the end: runs, best cost and which run, time.
 */
public final class BestOfRestarts {

    /** One run of an algorithm. */
    @FunctionalInterface
    public interface Run<R> {
        /** Fits once with the restart's seed; may throw to stop the whole fit. */
        R fit(Restart restart);
    }

    private BestOfRestarts() {
    }

    /**
     * Makes {@code runs} runs and returns the result of lowest cost (the first of equals).
     *
     * @param algorithm the stage name, for messages and log lines
     * @param seed the request's seed
     * @param cost the cost of a result, lower is better
     * @throws RunCancelledException when the run was cancelled before a run started, or inside one
     * @throws IllegalArgumentException when {@code runs} is less than 1
     */
    public static <R> R best(String algorithm, int runs, long seed, StageContext context, ToDoubleFunction<R> cost,
            Run<R> run) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        System.Logger logger = context.logger();
        long start = System.nanoTime();
        SplittableRandom seeds = new SplittableRandom(seed);
        R best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        int bestRun = -1;
        for (int r = 0; r < runs; r++) {
            context.checkCancelled(algorithm + " after " + r + " of " + runs + " runs");
            R result = run.fit(new Restart(algorithm, r, runs, seeds.nextLong(), context));
            double c = cost.applyAsDouble(result);
            int number = r + 1;
            logger.log(Level.DEBUG, () -> algorithm + ": run " + number + " of " + runs + ": cost " + c);
            if (best == null || c < bestCost) {
                best = result;
                bestCost = c;
                bestRun = number;
            }
            context.progress(number, runs, "runs");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double finalCost = bestCost;
        int finalRun = bestRun;
        logger.log(Level.INFO, () -> String.format(Locale.ROOT, "%s: best of %d run%s: cost %s (run %d), %.2f s",
                algorithm, runs, runs == 1 ? "" : "s", finalCost, finalRun, seconds));
        return best;
    }
}
