package io.segmenta.cluster.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.RunCancelledException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BestOfRestartsTest {

    /** A run's result: which run it was and its cost. */
    private record Fit(int run, double cost, long seed) {
    }

    @Test
    void picksTheLowestCostAndTheFirstOfEquals() {
        double[] costs = {5, 3, 4, 3, 9};
        RecordingContext context = new RecordingContext();
        Fit best = BestOfRestarts.best("test", costs.length, 42, context, Fit::cost,
                r -> new Fit(r.index(), costs[r.index()], r.seed()));
        assertEquals(1, best.run(), "run 3 costs as much as run 1 but came later");
        assertEquals(3, best.cost());
        assertEquals(List.of(new RecordingContext.Progress(1, 5, "runs"), new RecordingContext.Progress(2, 5, "runs"),
                new RecordingContext.Progress(3, 5, "runs"), new RecordingContext.Progress(4, 5, "runs"),
                new RecordingContext.Progress(5, 5, "runs")), context.progress);
        assertEquals(List.of(), context.infos, "the summary goes to the logger, not to the user");
    }

    @Test
    void runSeedsComeFromTheRequestSeedReproducibly() {
        List<Long> first = seeds(42, 4);
        assertEquals(first, seeds(42, 4));
        SplittableRandom expected = new SplittableRandom(42);
        for (long seed : first) {
            assertEquals(expected.nextLong(), seed, "drawn one after the other from SplittableRandom(seed)");
        }
        List<Long> other = seeds(43, 4);
        for (long seed : other) {
            assertEquals(-1, first.indexOf(seed), "seeds 42 and 43 share no run seed");
        }
        assertEquals(new SplittableRandom(first.get(0)).nextLong(), restartRandomFirstDraw(42));
    }

    private static List<Long> seeds(long seed, int runs) {
        List<Long> seeds = new ArrayList<>();
        BestOfRestarts.best("test", runs, seed, new RecordingContext(), x -> 0, r -> seeds.add(r.seed()));
        return seeds;
    }

    private static long restartRandomFirstDraw(long seed) {
        return BestOfRestarts.best("test", 1, seed, new RecordingContext(), x -> 0, r -> r.random().nextLong());
    }

    @Test
    void cancellationBetweenRunsThrowsRunCancelledException() {
        RecordingContext context = new RecordingContext(Map.of(), 2);
        List<Integer> made = new ArrayList<>();
        RunCancelledException e = assertThrows(RunCancelledException.class,
                () -> BestOfRestarts.best("kmeans", 10, 7, context, x -> 1.0, r -> made.add(r.index())));
        assertEquals("cancelled: kmeans after 2 of 10 runs", e.getMessage());
        assertEquals(List.of(0, 1), made);
        assertEquals(2, context.progress.size());
    }

    @Test
    void cancellationInsideARunNamesTheRun() {
        RecordingContext context = new RecordingContext(Map.of(), 1);
        List<String> reached = new ArrayList<>();
        RunCancelledException e = assertThrows(RunCancelledException.class,
                () -> BestOfRestarts.best("kprototypes", 3, 7, context, x -> 1.0, r -> {
                    r.checkCancelled("after 0 iterations");
                    reached.add("checked before any progress");
                    context.progress(1, 10, "iterations"); // from now on the context answers cancelled
                    r.checkCancelled("after 4 iterations");
                    reached.add("not reached");
                    return r.index();
                }));
        assertEquals("cancelled: kprototypes run 1 of 3, after 4 iterations", e.getMessage());
        assertEquals(List.of("checked before any progress"), reached);
    }

    @Test
    void aRunsOwnExceptionStopsTheFit() {
        IllegalStateException thrown = new IllegalStateException("too few rows");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BestOfRestarts.best("test", 3, 1, new RecordingContext(), x -> 0, r -> {
                    throw thrown;
                }));
        assertSame(thrown, e);
    }

    @Test
    void inParallelTheSameSeedsGiveTheSameChoiceAndProgressInRunOrder() {
        double[] costs = {5, 3, 4, 3, 9, 3, 7};
        for (int threads : new int[] {1, 2, 3, 8}) {
            RecordingContext context = new RecordingContext();
            List<Long> seeds = Collections.synchronizedList(new ArrayList<>());
            Fit best = BestOfRestarts.bestInParallel("test", costs.length, 42, threads, context, Fit::cost, r -> {
                seeds.add(r.seed());
                return new Fit(r.index(), costs[r.index()], r.seed());
            });
            assertEquals(1, best.run(), threads + " threads: the first of the equally cheap runs 1, 3 and 5");
            assertEquals(seeds(42, costs.length).get(1), best.seed());
            assertEquals(Set.copyOf(seeds(42, costs.length)), Set.copyOf(seeds), "the same run seeds");
            List<RecordingContext.Progress> expected = new ArrayList<>();
            for (int r = 1; r <= costs.length; r++) {
                expected.add(new RecordingContext.Progress(r, costs.length, "runs"));
            }
            assertEquals(expected, context.progress);
        }
    }

    @Test
    void inParallelTheRunsOverlapOnSeveralThreads() throws InterruptedException {
        // two runs that each wait for the other: they finish only if they run at the same time
        CountDownLatch both = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Integer best = BestOfRestarts.bestInParallel("test", 2, 1, 2, new RecordingContext(), x -> 0, r -> {
            threads.add(Thread.currentThread().getName());
            both.countDown();
            try {
                if (!both.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other run never started");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return r.index();
        });
        assertEquals(0, best);
        assertEquals(Set.of("segmenta-test-run-1", "segmenta-test-run-2"), threads);
    }

    @Test
    void inParallelCancellationIsReportedAsTheSequentialLoopReportsIt() {
        RunCancelledException before = assertThrows(RunCancelledException.class, () -> BestOfRestarts
                .bestInParallel("kprototypes", 10, 7, 2, RecordingContext.cancelled(), x -> 1.0, r -> r.index()));
        assertEquals("cancelled: kprototypes after 0 of 10 runs", before.getMessage());
        RecordingContext context = new RecordingContext(Map.of(), 2);
        RunCancelledException e = assertThrows(RunCancelledException.class, () -> BestOfRestarts
                .bestInParallel("kmeans", 10, 7, 2, context, x -> 1.0, r -> r.index()));
        assertEquals("cancelled: kmeans after 2 of 10 runs", e.getMessage());
        assertEquals(2, context.progress.size());
    }

    @Test
    void inParallelTheFirstFailingRunInRunOrderStopsTheFit() {
        IllegalStateException second = new IllegalStateException("run 2");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BestOfRestarts
                .bestInParallel("test", 6, 1, 3, new RecordingContext(), x -> 0, r -> {
                    if (r.index() >= 1) {
                        throw r.index() == 1 ? second : new IllegalStateException("run " + (r.index() + 1));
                    }
                    return r.index();
                }));
        assertSame(second, e);
    }

    @Test
    void inParallelARunStillUnderWayStopsAtItsNextCheckOnceTheFitFailed() throws InterruptedException {
        CountDownLatch secondStarted = new CountDownLatch(1);
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch secondEnded = new CountDownLatch(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BestOfRestarts
                .bestInParallel("test", 2, 1, 2, new RecordingContext(), x -> 0, r -> {
                    if (r.index() == 0) {
                        try {
                            secondStarted.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                        throw new IllegalStateException("run 1");
                    }
                    secondStarted.countDown();
                    try {
                        for (int pass = 0; pass < 3000; pass++) { // until the fit has given up
                            r.checkCancelled("after " + pass + " iterations");
                            Thread.sleep(10);
                        }
                    } catch (RunCancelledException stop) {
                        stopped.add(stop.getMessage());
                    } catch (InterruptedException interrupted) {
                        stopped.add("interrupted");
                    } finally {
                        secondEnded.countDown();
                    }
                    return r.index();
                }));
        assertEquals("run 1", e.getMessage());
        assertTrue(secondEnded.await(30, TimeUnit.SECONDS), "the second run did not stop");
        assertEquals(1, stopped.size());
    }

    @Test
    void atLeastOneRun() {
        assertThrows(IllegalArgumentException.class,
                () -> BestOfRestarts.best("test", 0, 1, new RecordingContext(), x -> 0, r -> r));
    }
}
