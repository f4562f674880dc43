package io.segmenta.cluster.support;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.stage.StageContext;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * Best of n seeded runs by cost, as ELKI's {@code BestOfMultipleKMeans} wraps any k-means once: the restart loop
 * every centroid algorithm needs, with progress, cancellation and logging.
 *
 * <h2>Seeding</h2>
 * Run seeds are drawn from a {@link SplittableRandom} seeded with the request's seed rather than taken as seed + run,
 * so that seeds 42 and 43 do not share nine of their ten runs; the same seed gives the same run seeds, so a fit is
 * reproducible when each run depends on its seed alone. {@link #best} makes the runs one after the other, on the
 * calling thread; {@link #bestInParallel} makes them on a few threads of its own, for algorithms whose runs are
 * single-threaded, and gives the same result: the same seeds, the same choice, the same exceptions.
 *
 * <h2>Choosing</h2>
 * The first run with the lowest cost wins: a later run of equal cost does not replace it.
 *
 * <h2>Progress, cancellation, logging</h2>
 * Before each run {@link StageContext#checkCancelled} is called ("kmeans after 3 of 10 runs"); after each run
 * {@link StageContext#progress} counts runs. The stage's logger gets each run's cost at DEBUG and one INFO line at
 * the end: runs, best cost and which run, time. In parallel, the calling thread still checks, counts and logs the
 * runs in their order, so that messages and progress are those of the sequential loop.
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
        long start = System.nanoTime();
        SplittableRandom seeds = new SplittableRandom(seed);
        return choose(algorithm, runs, context, cost,
                r -> run.fit(new Restart(algorithm, r, runs, seeds.nextLong(), context)), start, 1);
    }

    /**
     * Makes {@code runs} runs on up to {@code threads} threads and returns the result of lowest cost (the first of
     * equals in run order), as {@link #best} does: the same seeds, so the same result. The calling thread takes the
     * runs in their order: it checks for cancellation before each ("kmeans after 3 of 10 runs"), rethrows a run's
     * exception when it reaches that run, and reports progress and logs; once it throws, runs still under way stop
     * at their next {@link Restart#checkCancelled} and runs not started are dropped. Each run must draw only from its
     * own {@link Restart} and share nothing mutable with the others.
     *
     * @param threads at most this many runs at once; 1 makes them on the calling thread ({@link #best})
     */
    public static <R> R bestInParallel(String algorithm, int runs, long seed, int threads, StageContext context,
            ToDoubleFunction<R> cost, Run<R> run) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        int workers = Math.min(threads, runs);
        if (workers <= 1) {
            return best(algorithm, runs, seed, context, cost, run);
        }
        long start = System.nanoTime();
        context.checkCancelled(algorithm + " after 0 of " + runs + " runs");
        SplittableRandom seeds = new SplittableRandom(seed);
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "segmenta-" + algorithm + "-run-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(runs);
            for (int r = 0; r < runs; r++) {
                Restart restart = new Restart(algorithm, r, runs, seeds.nextLong(), context, abandoned::get);
                futures.add(pool.submit(() -> {
                    restart.checkCancelled("before it started");
                    return run.fit(restart);
                }));
            }
            return choose(algorithm, runs, context, cost, r -> outcome(futures.get(r), algorithm), start, workers);
        } finally {
            abandoned.set(true); // a no-op after success: every run has ended
            pool.shutdownNow();
        }
    }

    /**
     * Takes the runs' results in run order, checking for cancellation before each, and keeps the one of lowest
     * cost (the first of equals); reports progress and logs.
     *
     * @param result the result of run r (0-based), asked in order
     */
    private static <R> R choose(String algorithm, int runs, StageContext context, ToDoubleFunction<R> cost,
            IntFunction<R> result, long start, int threads) {
        System.Logger logger = context.logger();
        R best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        int bestRun = -1;
        for (int r = 0; r < runs; r++) {
            context.checkCancelled(algorithm + " after " + r + " of " + runs + " runs");
            R fitted = result.apply(r);
            double c = cost.applyAsDouble(fitted);
            int number = r + 1;
            logger.log(Level.DEBUG, () -> algorithm + ": run " + number + " of " + runs + ": cost " + c);
            if (best == null || c < bestCost) {
                best = fitted;
                bestCost = c;
                bestRun = number;
            }
            context.progress(number, runs, "runs");
        }
        log(logger, algorithm, runs, bestCost, bestRun, start, threads);
        return best;
    }

    /** The run's result, or its own exception as it threw it. */
    private static <R> R outcome(Future<R> future, String algorithm) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the runs check the stage's cancellation; keep waiting for this one
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(algorithm + ": a run failed", cause);
        } catch (CancellationException e) {
            throw new IllegalStateException(algorithm + ": a run was cancelled before it ended", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void log(System.Logger logger, String algorithm, int runs, double bestCost, int bestRun,
            long start, int threads) {
        double seconds = (System.nanoTime() - start) / 1e9;
        logger.log(Level.INFO, () -> String.format(Locale.ROOT, "%s: best of %d run%s: cost %s (run %d), %.2f s%s",
                algorithm, runs, runs == 1 ? "" : "s", bestCost, bestRun, seconds,
                threads > 1 ? " on " + threads + " threads" : ""));
    }
}
