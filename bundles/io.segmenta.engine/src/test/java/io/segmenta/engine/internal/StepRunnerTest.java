package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class StepRunnerTest {
    private final StageEntry algorithm = new StageEntry(StageKind.ALGORITHM, "fake-split", new FakeStages.Splitter(),
            "t 1", 0, 1);
    private final StageEntry reporter = new StageEntry(StageKind.REPORTER, "fake-report",
            new FakeStages.TextReporter(), "t 1", 0, 2);
    private final RunState run = new RunState(Thread.currentThread(), List.of(algorithm, reporter));
    private final PipelineRunnerTest.Recorder recorder = new PipelineRunnerTest.Recorder();
    private final CapturingLoggers loggers = new CapturingLoggers();
    private final Options options = new Options(Map.of("snapshot", "2011-12-10"));
    private final StepRunner steps = new StepRunner(options, run, recorder, new RunLog(loggers));

    /** What the step runner throws when the algorithm's step throws {@code thrown}. */
    private static SegmentaException failureOf(StepRunner runner, StageEntry entry, RuntimeException thrown) {
        return assertThrows(SegmentaException.class, () -> runner.stage(entry, ctx -> {
            throw thrown;
        }, null));
    }

    @Test
    void aStepIsAnnouncedTimedAndLoggedAndItsStageSeesTheRunsOptionsAndItsLogger() {
        String result = steps.stage(algorithm, ctx -> {
            ctx.progress(1, 2, "runs");
            ctx.logger().log(Level.INFO, "fitting");
            return ctx.options().get("snapshot").orElseThrow();
        }, r -> "got " + r);

        assertEquals("2011-12-10", result);
        assertEquals(List.of("start ALGORITHM fake-split", "progress ALGORITHM fake-split 1/2 runs",
                "finish ALGORITHM fake-split"), recorder.events);
        assertEquals(1, steps.timings().size());
        assertEquals("fake-split", steps.timings().get(0).name());
        assertEquals(List.of("fitting"), loggers.of(Level.INFO, "io.segmenta.stage.algorithm.fake-split"));
        assertTrue(loggers.of(Level.INFO, "io.segmenta.engine").get(0)
                .matches("step algorithm 'fake-split': [0-9.]+ ms; got 2011-12-10"), loggers.lines.toString());
    }

    @Test
    void aQuietStepPassesOnMessagesButNeitherProgressNorStepEvents() {
        steps.quiet(algorithm, ctx -> {
            ctx.progress(1, 2, "runs");
            ctx.info("k = 2");
            return "done";
        });
        assertEquals(List.of("info ALGORITHM fake-split k = 2"), recorder.events);
        assertEquals(List.of(), steps.timings());
    }

    @Test
    void aStageThatSaysItWasCancelledStopsTheRunWithAMessageNamingIt() {
        RunCancelledException cancelled = new RunCancelledException("kmeans after 3 of 10 runs");
        SegmentaException e = failureOf(steps, algorithm, cancelled);
        assertEquals("the run was cancelled during the algorithm 'fake-split'; nothing was written", e.getMessage());
        assertSame(cancelled, e.getCause());
    }

    @Test
    void aCancellationExceptionOfAnOldStageBundleMeansTheSame() {
        run.stageRemoved(algorithm);
        SegmentaException e = failureOf(steps, algorithm,
                new CancellationException("kmedoids cancelled after 2 of 10 runs"));
        assertEquals("the algorithm 'fake-split' went away during the run; nothing was written", e.getMessage());

        StepRunner fresh = new StepRunner(options, new RunState(Thread.currentThread(), List.of()), recorder,
                new RunLog(loggers));
        assertEquals("the run was cancelled during the algorithm 'fake-split'; nothing was written",
                failureOf(fresh, algorithm, new CancellationException("kmedoids cancelled")).getMessage());
    }

    @Test
    void anEngineStepStoppedByCancellationNamesTheStep() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> steps.engine("quality metrics", () -> {
            throw new RunCancelledException("silhouette computation");
        }, null));
        assertEquals("the run was cancelled during the quality metrics; nothing was written", e.getMessage());
    }

    @Test
    void aStageBugIsWrappedIntoOneLineAndAUserErrorPassesThrough() {
        IllegalStateException bug = new IllegalStateException("centroid array too short\nsecond line");
        SegmentaException wrapped = failureOf(steps, algorithm, bug);
        assertEquals("algorithm 'fake-split' failed: IllegalStateException: centroid array too short",
                wrapped.getMessage());
        assertSame(bug, wrapped.getCause());

        SegmentaException userError = new SegmentaException("input.csv, line 3: bad date");
        assertSame(userError, failureOf(steps, algorithm, userError));
        assertEquals("algorithm 'fake-split' failed: it returned nothing",
                assertThrows(SegmentaException.class, () -> steps.stage(algorithm, ctx -> null, null)).getMessage());
    }

    @Test
    void aFailingReporterNamesTheFilesTheEarlierOnesWrote() {
        List<Path> written = List.of(Path.of("out/summary.csv"));
        SegmentaException e = assertThrows(SegmentaException.class, () -> steps.report(reporter, ctx -> {
            throw new SegmentaException("disk full");
        }, written));
        assertEquals("disk full; only these files were written: out/summary.csv", e.getMessage());
        assertInstanceOf(SegmentaException.class, e.getCause());
    }

    @Test
    void anInterruptedRunStopsAfterTheCurrentStep() {
        try {
            SegmentaException e = assertThrows(SegmentaException.class, () -> steps.stage(algorithm, ctx -> {
                Thread.currentThread().interrupt();
                return "half a result";
            }, null));
            assertEquals("the run was cancelled; nothing was written", e.getMessage());
        } finally {
            Thread.interrupted();
        }
    }
}
