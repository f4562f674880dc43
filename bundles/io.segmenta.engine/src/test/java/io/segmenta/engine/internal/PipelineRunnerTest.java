package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.UnknownStageException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.metrics.ClusterMetrics;
import io.segmenta.engine.internal.metrics.Clustering;
import io.segmenta.engine.internal.scaling.Log1pStandardScaler;
import io.segmenta.engine.internal.selection.Subsamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunnerTest {
    @TempDir
    Path dir;

    private final StageRegistry registry = new StageRegistry();
    private final FakeStages.Source source = new FakeStages.Source();
    private final FakeStages.Extractor extractor = new FakeStages.Extractor();
    private final FakeStages.Splitter splitter = new FakeStages.Splitter();
    private final FakeStages.TextReporter reporter = new FakeStages.TextReporter();
    private PipelineRunner runner;
    private Path input;
    private Path out;

    @BeforeEach
    void setUp() throws IOException {
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", source, "test.source 1.0.0", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", extractor, "test.features 1.0.0", 0, 2));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", splitter, "test.algorithm 1.0.0", 0, 3));
        registry.add(new StageEntry(StageKind.REPORTER, "fake-report", reporter, "test.reporter 1.0.0", 0, 4));
        runner = new PipelineRunner(registry, new Log1pStandardScaler(), 2);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        out = dir.resolve("out");
    }

    private PipelineSpec spec(int k) {
        return spec(k, Options.empty(), List.of("fake-report"));
    }

    private PipelineSpec spec(int k, Options options, List<String> reporters) {
        return new PipelineSpec("fake-source", input, "fake-rfm", "fake-split", new ClusterRequest(k, 42, 1, 10),
                reporters, out, options);
    }

    /** Records every listener call as one line. */
    static final class Recorder implements ProgressListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void stepStarted(StageKind kind, String name) {
            events.add("start " + kind + " " + name);
        }

        @Override
        public void progress(StageKind kind, String name, long done, long total, String unit) {
            events.add("progress " + kind + " " + name + " " + done + "/" + total + " " + unit);
        }

        @Override
        public void info(StageKind kind, String name, String message) {
            events.add("info " + kind + " " + name + " " + message);
        }

        @Override
        public void stepFinished(StageKind kind, String name, long nanos) {
            events.add("finish " + kind + " " + name);
        }
    }

    @Test
    void happyPath() throws IOException {
        Recorder recorder = new Recorder();
        PipelineSpec spec = spec(3, new Options(Map.of("snapshot", "2011-12-10")), List.of("fake-report"));
        PipelineResult result = runner.run(spec, recorder);

        assertSame(spec, result.spec());
        assertEquals(10, result.source().transactions().rowCount());
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7"), result.features().ids());
        // monetary per customer: 25, 12, 450, 220, 5000, 4500, 20
        assertArrayEquals(new double[] {25, 12, 450, 220, 5000, 4500, 20},
                result.features().numericColumn("monetary").orElseThrow().values(), 0);

        // scaled: log1p then z-score, so each scaled column has mean 0 and population variance 1
        for (var c : result.scaled().numeric()) {
            double[] v = c.values();
            double mean = Arrays.stream(v).average().orElseThrow();
            double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
            assertEquals(0, mean, 1e-12, c.name());
            assertEquals(1, var, 1e-12, c.name());
        }
        assertEquals(2, result.scaling().size());
        assertTrue(result.scaling().get("monetary").startsWith("log1p, z-score (mean "), result.scaling().toString());
        assertEquals(3, splitter.lastRequest.k());

        // the splitter sorts by scaled monetary: c2 (12), c7 (20), c1 (25) | c4 (220), c3 (450) | c6, c5
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 0}, result.model().labels());
        assertEquals(result.model().cost(), result.quality().inertia(), 1e-9);
        double[] flat = new double[14];
        for (int i = 0; i < 7; i++) {
            flat[i * 2] = result.scaled().numeric().get(0).get(i);
            flat[i * 2 + 1] = result.scaled().numeric().get(1).get(i);
        }
        assertEquals(ClusterMetrics.compute(new Clustering(flat, 7, 2, result.model().labels(), 3), 1, () -> false),
                result.quality());

        List<SegmentProfile> segments = result.segments();
        assertEquals(3, segments.size());
        assertEquals(3, segments.get(0).size());
        assertEquals(3.0 / 7, segments.get(0).share(), 1e-12);
        assertEquals(57.0 / 10227, segments.get(0).valueShare(), 1e-12); // (25 + 12 + 20) of 10227
        assertEquals(9500.0 / 10227, segments.get(2).valueShare(), 1e-12);
        // c1, c2, c7: frequency 2, 1, 2 and monetary 25, 12, 20, in raw units
        assertArrayEquals(new double[] {5.0 / 3, 19}, segments.get(0).means(), 1e-12);
        assertArrayEquals(new double[] {2, 20}, segments.get(0).medians(), 0);

        List<String> steps = result.timings().stream().map(t -> t.kind() + " " + t.name()).toList();
        assertEquals(List.of("SOURCE fake-source", "FEATURES fake-rfm", "null scaling", "ALGORITHM fake-split",
                "null quality metrics", "REPORTER fake-report"), steps);
        assertTrue(result.timings().stream().allMatch(t -> t.nanos() >= 0));

        Path file = out.resolve("fake-report.txt");
        assertEquals(List.of(file), result.outputs());
        assertEquals("0 3\n1 2\n2 2\n", Files.readString(file));
        // the reporter saw the complete result, without outputs and its own timing
        assertEquals(List.of(), reporter.received.outputs());
        assertEquals(5, reporter.received.timings().size());

        assertEquals(Map.of("fake-source", "test.source 1.0.0", "fake-rfm", "test.features 1.0.0",
                "fake-split", "test.algorithm 1.0.0", "fake-report", "test.reporter 1.0.0"), result.stageVersions());

        assertEquals(List.of("start SOURCE fake-source", "progress SOURCE fake-source 10/10 rows",
                "info SOURCE fake-source read 10 rows", "finish SOURCE fake-source",
                "start FEATURES fake-rfm", "finish FEATURES fake-rfm", "start null scaling", "finish null scaling",
                "start ALGORITHM fake-split", "finish ALGORITHM fake-split",
                "start null quality metrics", "progress null quality metrics 7/7 silhouette rows",
                "finish null quality metrics",
                "start REPORTER fake-report", "finish REPORTER fake-report"), recorder.events);
    }

    @Test
    void withoutReportersNothingIsWrittenAndTheListenerMayBeNull() {
        PipelineResult result = runner.run(spec(2, Options.empty(), List.of()), null);
        assertEquals(List.of(), result.outputs());
        assertFalse(Files.exists(out));
        assertEquals(5, result.timings().size());
    }

    @Test
    void contextGivesTheRunsOptions() {
        Options options = new Options(Map.of("snapshot", "2011-12-10"));
        List<Options> seen = new ArrayList<>();
        extractor.hook = ctx -> seen.add(ctx.options());
        runner.run(spec(2, options, List.of()), null);
        assertEquals(List.of(options), seen);
    }

    @Test
    void unknownStageListsTheAvailableOnesOfThatKind() {
        PipelineSpec spec = new PipelineSpec("fake-source", input, "fake-rfm", "kmeans", new ClusterRequest(3, 42, 1, 10),
                List.of(), out, Options.empty());
        UnknownStageException e = assertThrows(UnknownStageException.class, () -> runner.run(spec, null));
        assertEquals("unknown algorithm 'kmeans'; available: fake-split", e.getMessage());
        assertEquals(0, source.calls.get());

        PipelineSpec badReporter = spec(3, Options.empty(), List.of("fake-report", "html"));
        assertEquals("unknown reporter 'html'; available: fake-report",
                assertThrows(UnknownStageException.class, () -> runner.run(badReporter, null)).getMessage());
        assertEquals(0, source.calls.get());
    }

    @Test
    void reporterListedTwiceIsRejected() {
        PipelineSpec spec = spec(3, Options.empty(), List.of("fake-report", "fake-report"));
        assertEquals("reporter 'fake-report' is listed twice",
                assertThrows(SegmentaException.class, () -> runner.run(spec, null)).getMessage());
    }

    @Test
    void unknownOptionNamesWhatTheStagesRead() {
        PipelineSpec spec = spec(3, new Options(Map.of("snapshto", "2011-12-10")), List.of("fake-report"));
        assertEquals("unknown option 'snapshto'; the stages of this pipeline read: snapshot; the engine reads: silhouette-sample, segment-names, transform, transform.<column>, save-model, actions, currency, compare-with, min-k",
                assertThrows(SegmentaException.class, () -> runner.run(spec, null)).getMessage());
        assertEquals(0, source.calls.get());
    }

    @Test
    void impossibleParametersAreRejectedBeforeReading() {
        assertEquals("k must be at least 2, was 1",
                assertThrows(SegmentaException.class, () -> runner.run(spec(1), null)).getMessage());
        PipelineSpec noRuns = new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(3, 42, 0, 10), List.of(), out, Options.empty());
        assertEquals("runs must be at least 1, was 0",
                assertThrows(SegmentaException.class, () -> runner.run(noRuns, null)).getMessage());
        PipelineSpec noIterations = new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(3, 42, 1, 0), List.of(), out, Options.empty());
        assertEquals("maxIterations must be at least 1, was 0",
                assertThrows(SegmentaException.class, () -> runner.run(noIterations, null)).getMessage());
        PipelineSpec missing = new PipelineSpec("fake-source", dir.resolve("nope.csv"), "fake-rfm", "fake-split",
                new ClusterRequest(3, 42, 1, 10), List.of(), out, Options.empty());
        assertEquals("no such file: " + dir.resolve("nope.csv"),
                assertThrows(SegmentaException.class, () -> runner.run(missing, null)).getMessage());
        assertEquals(0, source.calls.get());
    }

    @Test
    void kLargerThanTheNumberOfEntities() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec(10), null));
        assertEquals("k = 10 but there are only 7 customers", e.getMessage());
        assertEquals(0, splitter.calls.get());
        assertEquals(0, reporter.calls.get());
        assertFalse(Files.exists(out));
    }

    @Test
    void noTransactionsKeptExplainsTheRejections() {
        StageRegistry other = new StageRegistry();
        other.add(new StageEntry(StageKind.SOURCE, "fake-source", new FakeStages.Source(true), "t 1", 0, 1));
        other.add(new StageEntry(StageKind.FEATURES, "fake-rfm", extractor, "t 1", 0, 2));
        other.add(new StageEntry(StageKind.ALGORITHM, "fake-split", splitter, "t 1", 0, 3));
        PipelineRunner emptyRunner = new PipelineRunner(other);
        SegmentaException e = assertThrows(SegmentaException.class, () -> emptyRunner.run(spec(3, Options.empty(),
                List.of()), null));
        assertEquals("no transactions were kept from " + input + ": all 3 rows read were rejected"
                + " (missing CustomerID: 2, cancelled invoice: 1); e.g. input.csv line 2", e.getMessage());
        assertEquals(0, extractor.calls.get());
    }

    @Test
    void stageBugIsWrappedIntoOneLineKeepingTheCause() {
        IllegalStateException bug = new IllegalStateException("centroid array too short");
        splitter.hook = ctx -> {
            throw bug;
        };
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec(3), null));
        assertEquals("algorithm 'fake-split' failed: IllegalStateException: centroid array too short", e.getMessage());
        assertSame(bug, e.getCause());
        assertEquals(0, reporter.calls.get());
        assertFalse(Files.exists(out));
    }

    @Test
    void stageUserErrorPassesThroughUnchanged() {
        SegmentaException userError = new SegmentaException("input.csv, line 3, column 'Quantity': value 'x' is not a number");
        source.hook = ctx -> {
            throw userError;
        };
        assertSame(userError, assertThrows(SegmentaException.class, () -> runner.run(spec(3), null)));
    }

    @Test
    void stageGoingAwayStopsTheRunAfterTheCurrentStepAndNothingIsWritten() {
        AtomicBoolean cancelledInside = new AtomicBoolean();
        splitter.hook = ctx -> {
            // as OSGi would: the source's bundle stops while the algorithm runs
            registry.remove(StageKind.SOURCE, 1);
            cancelledInside.set(ctx.isCancelled());
        };
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec(3), null));
        assertEquals("the source 'fake-source' went away during the run; nothing was written", e.getMessage());
        assertTrue(cancelledInside.get());
        assertEquals(0, reporter.calls.get());
        assertFalse(Files.exists(out));
    }

    @Test
    void unrelatedStageGoingAwayDoesNotDisturbTheRun() {
        registry.add(new StageEntry(StageKind.SOURCE, "other", new FakeStages.Source(), "test.other 1.0.0", 0, 9));
        AtomicBoolean cancelledInside = new AtomicBoolean(true);
        splitter.hook = ctx -> {
            registry.remove(StageKind.SOURCE, 9);
            cancelledInside.set(ctx.isCancelled());
        };
        PipelineResult result = runner.run(spec(3), null);
        assertFalse(cancelledInside.get());
        assertEquals(1, result.outputs().size());
    }

    @Test
    void failureOfAStageThatWentAwayIsReportedAsGoingAway() {
        extractor.hook = ctx -> {
            registry.remove(StageKind.FEATURES, 2);
            throw new NullPointerException("closed class loader");
        };
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec(3), null));
        assertEquals("the feature extractor 'fake-rfm' went away during the run; nothing was written", e.getMessage());
        assertInstanceOf(NullPointerException.class, e.getCause());
    }

    @Test
    void interruptingTheRunningThreadCancelsTheRun() {
        splitter.hook = ctx -> Thread.currentThread().interrupt();
        try {
            SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec(3), null));
            assertEquals("the run was cancelled; nothing was written", e.getMessage());
            assertEquals(0, reporter.calls.get());
        } finally {
            Thread.interrupted(); // leave the test thread as we found it
        }
    }

    @Test
    void failingSecondReporterLeavesNothingOfTheFirst() {
        FakeStages.TextReporter broken = new FakeStages.TextReporter("broken");
        broken.hook = ctx -> {
            throw new UncheckedIOException(new IOException("disk full"));
        };
        registry.add(new StageEntry(StageKind.REPORTER, "broken", broken, "test.broken 1.0.0", 0, 5));
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> runner.run(spec(3, Options.empty(), List.of("fake-report", "broken")), null));
        // issue 16: no Java class names; and the first reporter's file is not left behind (RunFolder)
        assertEquals("reporter 'broken' failed: disk full", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void algorithmReturningBadLabelsIsReported() {
        FakeStages.Splitter liar = new FakeStages.Splitter() {
            @Override
            public io.segmenta.api.stage.ClusterModel fit(io.segmenta.api.data.FeatureMatrix features,
                    ClusterRequest request, StageContext context) {
                return new FakeStages.Model("liar", new int[] {0, 1}, new double[2][2], 0);
            }
        };
        StageRegistry other = new StageRegistry();
        other.add(new StageEntry(StageKind.SOURCE, "fake-source", source, "t 1", 0, 1));
        other.add(new StageEntry(StageKind.FEATURES, "fake-rfm", extractor, "t 1", 0, 2));
        other.add(new StageEntry(StageKind.ALGORITHM, "fake-split", liar, "t 1", 0, 3));
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> new PipelineRunner(other).run(spec(2, Options.empty(), List.of()), null));
        assertEquals("algorithm 'fake-split' failed: its model has 2 labels for 7 rows", e.getMessage());
    }

    @Test
    void negativeFeatureValueIsAUserErrorNamingTheCustomer() {
        FakeStages.Extractor negative = new FakeStages.Extractor() {
            @Override
            public io.segmenta.api.data.FeatureMatrix extract(io.segmenta.api.data.TransactionTable t,
                    StageContext context) {
                io.segmenta.api.data.FeatureMatrix m = super.extract(t, context);
                double[] monetary = m.numeric().get(1).values().clone();
                monetary[2] = -5;
                return m.withNumeric(List.of(m.numeric().get(0),
                        new io.segmenta.api.data.NumericColumn("monetary", monetary)));
            }
        };
        registry.remove(StageKind.FEATURES, 2);
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", negative, "t 1", 0, 2));
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec(3), null));
        assertEquals("log1p scaling needs finite values above -1; 'monetary' of customer c3 is -5.0", e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void stagesAreListedByKindThenName() {
        registry.add(new StageEntry(StageKind.SOURCE, "another", new FakeStages.Source(), "test.another 2.0.0", 0, 8));
        List<StageDescriptor> stages = runner.stages();
        assertEquals(List.of("SOURCE another", "SOURCE fake-source", "FEATURES fake-rfm", "ALGORITHM fake-split",
                "REPORTER fake-report"), stages.stream().map(s -> s.kind() + " " + s.name()).toList());
        StageDescriptor features = stages.get(2);
        assertEquals("test.features 1.0.0", features.origin());
        assertEquals("snapshot", features.options().get(0).name());
        assertEquals("order lines and amount per customer", features.description());
    }

    @Test
    void anExtractorNeedingAColumnTheSourceDeclaresItLacksFailsBeforeReading() {
        source.provided = Set.of("region", "product");
        extractor.required = Set.of("seller", "customer");
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec(2), null));
        assertEquals("the feature extractor 'fake-rfm' needs the transaction column seller, which the source"
                + " 'fake-source' does not provide; choose another feature extractor or source", e.getMessage());
        assertEquals(0, source.calls.get(), "nothing is read");
    }

    @Test
    void anExtractorNeedingAColumnTheTableLacksFailsAfterReadingWhenTheSourceDoesNotDeclare() {
        extractor.required = Set.of("seller", "seller_category");
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec(2), null));
        assertEquals("the feature extractor 'fake-rfm' needs the transaction columns seller, seller_category, which"
                + " the source 'fake-source' did not provide from this input; choose another feature extractor or"
                + " source", e.getMessage());
        assertEquals(1, source.calls.get());
        assertEquals(0, extractor.calls.get(), "the extractor is not called");
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void anExtractorWhoseColumnsArePresentRuns() {
        source.provided = Set.of("seller");
        extractor.required = Set.of("amount");
        assertEquals(7, runner.run(spec(2), null).features().rowCount());
    }

    // ---------------------------------------------------------------------------------------------------
    // selectK

    @Test
    void selectKFitsEveryKOnceReadingOnceAndWritesNothing() {
        Recorder recorder = new Recorder();
        KSelection selection = runner.selectK(spec(99), 2, 5, recorder);

        assertEquals(1, source.calls.get());
        assertEquals(1, extractor.calls.get());
        assertEquals(4 * (1 + Subsamples.COUNT), splitter.calls.get(), "each k once, and once per subsample");
        assertEquals(0, reporter.calls.get());
        assertFalse(Files.exists(out));
        assertEquals(List.of(2, 3, 4, 5), selection.candidates().stream().map(KCandidate::k).toList());
        assertEquals(7, selection.rows());
        assertEquals(7, selection.silhouetteSample());
        assertTrue(selection.recommendedK() >= 2 && selection.recommendedK() <= 5);
        assertTrue(selection.elbowK() == 0 || selection.elbowK() >= 2 && selection.elbowK() <= 5);
        assertTrue(selection.reason().startsWith("k = " + selection.recommendedK() + ": "), selection.reason());
        assertEquals(List.of("start SOURCE fake-source", "progress SOURCE fake-source 10/10 rows",
                "info SOURCE fake-source read 10 rows",
                "finish SOURCE fake-source", "start FEATURES fake-rfm", "finish FEATURES fake-rfm",
                "start null scaling", "finish null scaling", "start ALGORITHM fake-split",
                "progress ALGORITHM fake-split 1/4 k", "progress ALGORITHM fake-split 2/4 k",
                "progress ALGORITHM fake-split 3/4 k", "progress ALGORITHM fake-split 4/4 k",
                "finish ALGORITHM fake-split"), recorder.events);
    }

    @Test
    void selectKMeasuresEachKAsARunWithTheSameSeedDoes() {
        KSelection selection = runner.selectK(spec(2), 2, 4, null);
        for (KCandidate c : selection.candidates()) {
            PipelineResult result = runner.run(spec(c.k(), Options.empty(), List.of()), null);
            assertEquals(42, splitter.lastRequest.seed());
            assertEquals(result.model().cost(), c.cost(), 0);
            assertEquals(result.quality().silhouette(), c.silhouette(), 0);
            assertEquals(result.quality().daviesBouldin(), c.daviesBouldin(), 0);
            assertEquals(result.quality().calinskiHarabasz(), c.calinskiHarabasz(), 0);
        }
    }

    @Test
    void selectKRangeIsValidatedBeforeReading() {
        assertEquals("k-max must be at least k-min (4), was 3",
                assertThrows(SegmentaException.class, () -> runner.selectK(spec(3), 4, 3, null)).getMessage());
        assertEquals("k-min must be at least 2, was 1",
                assertThrows(SegmentaException.class, () -> runner.selectK(spec(3), 1, 3, null)).getMessage());
        assertEquals(0, source.calls.get());
        assertEquals("k-max = 8 but there are only 7 customers",
                assertThrows(SegmentaException.class, () -> runner.selectK(spec(3), 2, 8, null)).getMessage());
        assertEquals(0, splitter.calls.get());
    }

    @Test
    void selectKValidatesOptionsLikeARunButIgnoresTheSpecsKAndReporters() {
        PipelineSpec unknown = spec(3, new Options(Map.of("snapshto", "x")), List.of());
        assertThrows(SegmentaException.class, () -> runner.selectK(unknown, 2, 3, null));
        PipelineSpec badSample = spec(3, new Options(Map.of(PipelineRunner.SILHOUETTE_SAMPLE, "1")), List.of());
        assertEquals("option silhouette-sample: '1' is too small: give at least 2 rows, or 'exact'",
                assertThrows(SegmentaException.class, () -> runner.selectK(badSample, 2, 3, null)).getMessage());
        assertEquals(0, source.calls.get());
        PipelineSpec oddSpec = spec(1, Options.empty(), List.of("no-such-reporter"));
        assertEquals(2, runner.selectK(oddSpec, 2, 3, null).candidates().size());
    }

    @Test
    void minKIsValidatedBeforeReadingAndKeptWithTheStabilityOfEachK() {
        PipelineSpec bad = spec(3, new Options(Map.of(EngineOptions.MIN_K, "one")), List.of());
        assertEquals("option min-k: 'one' should be a whole number of at least 2 (the smallest k a choice of k "
                + "recommends; default 3)", assertThrows(SegmentaException.class,
                        () -> runner.selectK(bad, 2, 3, null)).getMessage());
        assertEquals(0, source.calls.get());
        KSelection byDefault = runner.selectK(spec(3), 2, 4, null);
        assertEquals(3, byDefault.minK());
        assertTrue(byDefault.recommendedK() >= 3, byDefault.reason());
        assertTrue(byDefault.runnerUpK() >= 2 && byDefault.runnerUpK() != byDefault.recommendedK());
        for (KCandidate c : byDefault.candidates()) {
            assertTrue(c.stability() >= -1 && c.stability() <= 1, c.toString());
        }
        KSelection again = runner.selectK(spec(3), 2, 4, null);
        assertEquals(byDefault.candidates().stream().map(KCandidate::stability).toList(),
                again.candidates().stream().map(KCandidate::stability).toList(), "seeded: the same every time");
        PipelineSpec two = spec(3, new Options(Map.of(EngineOptions.MIN_K, "2")), List.of());
        assertEquals(2, runner.selectK(two, 2, 4, null).minK());
    }

    @Test
    void silhouetteIsSampledBeyondTheThresholdDeterministically() {
        PipelineSpec sampled = spec(3, new Options(Map.of(PipelineRunner.SILHOUETTE_SAMPLE, "5")), List.of());
        Recorder recorder = new Recorder();
        KSelection first = runner.selectK(sampled, 2, 3, recorder);
        KSelection again = runner.selectK(sampled, 2, 3, null);
        assertEquals(5, first.silhouetteSample());
        assertEquals(7, first.rows());
        assertEquals(first.candidates().stream().map(KCandidate::silhouette).toList(),
                again.candidates().stream().map(KCandidate::silhouette).toList());
        assertTrue(recorder.events.contains("info ALGORITHM fake-split silhouette on a uniform sample of 5 of 7 rows"
                + " (seed 42; option silhouette-sample)"), recorder.events.toString());

        // the same sample rule in a run; "exact" turns it off
        PipelineResult run = runner.run(sampled, null);
        assertEquals(first.candidates().get(1).silhouette(), run.quality().silhouette(), 0);
        PipelineSpec exact = spec(3, new Options(Map.of(PipelineRunner.SILHOUETTE_SAMPLE, "exact")), List.of());
        assertEquals(runner.run(spec(3, Options.empty(), List.of()), null).quality().silhouette(),
                runner.selectK(exact, 3, 3, null).candidates().get(0).silhouette(), 0);
    }

    @Test
    void runChoosingKReadsOnceRunsWithTheRecommendedKAndKeepsTheSelection() throws IOException {
        PipelineResult result = runner.runChoosingK(spec(9), 2, 4, null);
        assertEquals(1, source.calls.get(), "the input is read once");
        assertTrue(result.selection().isPresent());
        io.segmenta.api.pipeline.KSelection selection = result.selection().get();
        assertEquals(List.of(2, 3, 4), selection.candidates().stream().map(c -> c.k()).toList());
        assertEquals(selection.recommendedK(), result.model().k());
        assertEquals(selection.recommendedK(), result.spec().cluster().k());
        assertEquals(1, reporter.calls.get(), "the reporters run once, for the chosen k");
        assertTrue(Files.exists(out.resolve("fake-report.txt")));
        assertEquals("k-max must be at least k-min (3), was 2", assertThrows(SegmentaException.class,
                () -> runner.runChoosingK(spec(2), 3, 2, null)).getMessage());
    }
}
