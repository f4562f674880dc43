package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.engine.internal.scaling.TransformScaler;
import io.segmenta.table.figures.TransactionFigures;
import io.segmenta.table.figures.TrendCounting;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seam for other back-ends (runs on handed-over features), and what a run logs. */
class RunOnFeaturesTest {
    @TempDir
    Path dir;

    private final FakeStages.Pipeline fakes = new FakeStages.Pipeline();
    private final FakeStages.Source source = fakes.source;
    private final FakeStages.Extractor extractor = fakes.extractor;
    private final FakeStages.Splitter splitter = fakes.splitter;
    private final CapturingLoggers loggers = new CapturingLoggers();
    private PipelineRunner runner;
    private Path input;

    @BeforeEach
    void setUp() throws IOException {
        runner = new PipelineRunner(fakes.registry, new TransformScaler(), 2, new StageDefaults(), loggers);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
    }

    private PipelineSpec spec(Path out) {
        return new PipelineSpec("fake-source", input, "fake-rfm", "fake-split", new ClusterRequest(3, 42, 1, 10),
                List.of("fake-report"), out, new Options(Map.of("snapshot", "2011-12-10")));
    }

    @Test
    void featuresHandedOverGiveTheSameSegmentsAsTheRunThatExtractedThem() throws IOException {
        PipelineResult normal = runner.run(spec(dir.resolve("a")), null);
        BusinessFigures business = TransactionFigures.of(normal.source().transactions());
        assertEquals(business, normal.business(), "the engine fills in the business figures of the transactions");
        assertEquals(TrendCounting.of(normal.source().transactions(), normal.features(), normal.model().labels(),
                normal.model().k()), normal.trends(), "and the trends");
        assertFalse(normal.trends().isEmpty());
        ExtractedFeatures extracted = new ExtractedFeatures(normal.features(), normal.source().quality(), business);

        PipelineResult seam = runner.runOnFeatures(spec(dir.resolve("b")), extracted, null);

        assertEquals(1, source.calls.get(), "the seam reads nothing");
        assertEquals(1, extractor.calls.get(), "and extracts nothing");
        assertArrayEquals(normal.model().labels(), seam.model().labels());
        assertEquals(normal.quality(), seam.quality());
        assertEquals(normal.quality().inertia(), seam.quality().inertia(), 0);
        assertEquals(normal.segments().size(), seam.segments().size());
        for (int s = 0; s < normal.segments().size(); s++) {
            assertEquals(normal.segments().get(s).name(), seam.segments().get(s).name());
            assertEquals(normal.segments().get(s).size(), seam.segments().get(s).size());
            assertArrayEquals(normal.segments().get(s).means(), seam.segments().get(s).means(), 0);
            assertEquals(normal.segments().get(s).valueShare(), seam.segments().get(s).valueShare(), 0);
        }
        assertEquals(normal.scaling(), seam.scaling());
        assertEquals(normal.business(), seam.business());
        assertEquals(Files.readString(dir.resolve("a/fake-report.txt")), Files.readString(dir.resolve("b/fake-report.txt")));

        assertEquals(0, seam.source().transactions().rowCount(), "the transactions stayed with the back-end");
        assertTrue(seam.trends().isEmpty(), "so there are no trends");
        assertEquals(normal.source().quality(), seam.source().quality());
        assertEquals(List.of("null scaling", "ALGORITHM fake-split", "null quality metrics", "REPORTER fake-report"),
                seam.timings().stream().map(t -> t.kind() + " " + t.name()).toList());
        assertEquals(Map.of("fake-split", "test.algorithm 1.0.0", "fake-report", "test.reporter 1.0.0"),
                seam.stageVersions(), "the stages that ran here");
    }

    @Test
    void aSeamRunIsPlannedLikeARunButNeedsNoInputHere() {
        PipelineResult normal = runner.run(spec(dir.resolve("a")), null);
        ExtractedFeatures extracted = new ExtractedFeatures(normal.features(), normal.source().quality(),
                normal.business());
        PipelineSpec elsewhere = new PipelineSpec("spark-retail", dir.resolve("on-the-cluster"), "spark-rfm",
                "fake-split", new ClusterRequest(3, 42, 1, 10), List.of(), dir.resolve("c"), Options.empty());
        assertEquals(3, runner.runOnFeatures(elsewhere, extracted, null).model().k());

        PipelineSpec typo = new PipelineSpec("spark-retail", input, "spark-rfm", "fake-split",
                new ClusterRequest(3, 42, 1, 10), List.of(), dir.resolve("c"), new Options(Map.of("snapshot", "x")));
        assertEquals("unknown option 'snapshot'; the stages of this pipeline read: no options; the engine reads: "
                + "silhouette-sample, segment-names, transform, transform.<column>, save-model, actions, currency, compare-with, min-k",
                assertThrows(SegmentaException.class, () -> runner.runOnFeatures(typo, extracted, null)).getMessage());
        PipelineSpec tooMany = new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(8, 42, 1, 10), List.of(), dir.resolve("c"), Options.empty());
        assertEquals("k = 8 but there are only 7 customers",
                assertThrows(SegmentaException.class, () -> runner.runOnFeatures(tooMany, extracted, null))
                        .getMessage());
        assertFalse(Files.exists(dir.resolve("c")));
    }

    @Test
    void aRunLogsItsStartEachStepWithItsCountsAndItsEnd() {
        List<String> stageLoggers = new java.util.concurrent.CopyOnWriteArrayList<>();
        source.hook = ctx -> stageLoggers.add(ctx.logger().getName());
        splitter.hook = ctx -> stageLoggers.add(ctx.logger().getName());
        runner.run(spec(dir.resolve("a")), null);

        assertEquals(List.of("io.segmenta.stage.source.fake-source", "io.segmenta.stage.algorithm.fake-split"),
                stageLoggers);
        List<String> info = loggers.of(Level.INFO, "io.segmenta.engine");
        assertEquals(8, info.size(), info.toString());
        assertEquals("started: run fake-source -> fake-rfm -> fake-split -> fake-report (k = 3) on " + input,
                info.get(0));
        assertTrue(info.get(1).matches("step source 'fake-source': [0-9.]+ ms; 10 rows kept of 10 read"), info.get(1));
        assertTrue(info.get(2).matches("step feature extractor 'fake-rfm': [0-9.]+ ms; 7 customers, 2 features"),
                info.get(2));
        assertTrue(info.get(3).matches("step scaling: [0-9.]+ ms; 2 numeric features"), info.get(3));
        assertTrue(info.get(4).matches("step algorithm 'fake-split': [0-9.]+ ms; 7 customers"), info.get(4));
        assertTrue(info.get(5).matches("step quality metrics: [0-9.]+ ms; 3 segments; silhouette on 7 rows"),
                info.get(5));
        assertTrue(info.get(6).matches("step reporter 'fake-report': [0-9.]+ ms; wrote \\[.*fake-report.txt\\]"),
                info.get(6));
        assertTrue(info.get(7).matches("run fake-source .* finished in [0-9.]+ ms"), info.get(7));
        assertTrue(info.stream().noneMatch(l -> l.matches(".*\\bc1\\b.*")), // a word: temp paths may hold "c1"
                "never a line per customer");
    }

    @Test
    void aFailedRunLogsAUserErrorAsAWarningAndABugAsAnErrorWithItsStackTraceAtDebug() {
        source.hook = ctx -> {
            throw new SegmentaException("input.csv, line 3: bad date");
        };
        assertThrows(SegmentaException.class, () -> runner.run(spec(dir.resolve("a")), null));
        assertTrue(loggers.of(Level.WARNING, "io.segmenta.engine").get(0).endsWith("failed: input.csv, line 3: bad date"),
                loggers.lines.toString());

        source.hook = ctx -> { };
        IllegalStateException bug = new IllegalStateException("centroid array too short");
        splitter.hook = ctx -> {
            throw bug;
        };
        assertThrows(SegmentaException.class, () -> runner.run(spec(dir.resolve("a")), null));
        List<String> errors = loggers.of(Level.ERROR, "io.segmenta.engine");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).endsWith("failed: algorithm 'fake-split' failed: IllegalStateException: centroid"
                + " array too short (cause: java.lang.IllegalStateException: centroid array too short)"), errors.get(0));
        assertEquals(bug, loggers.thrown.get(loggers.thrown.size() - 1).getCause(), "the stack trace, at DEBUG");
    }
}
