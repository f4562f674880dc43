package io.segmenta.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.NamedPipeline;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineRun;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.StageKind;
import io.segmenta.testing.FakeEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineCatalogComponentTest {
    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The fake engine, with the uk-retail pipeline's four stages registered. */
    private static class Engine implements PipelineEngine {
        final FakeEngine fake = new FakeEngine();

        @Override
        public List<StageDescriptor> stages() {
            return List.of(new StageDescriptor(StageKind.SOURCE, "uk-retail", "", "x 1", List.of()),
                    new StageDescriptor(StageKind.FEATURES, "rfm", "", "x 1", List.of()),
                    new StageDescriptor(StageKind.ALGORITHM, "kmeans", "", "x 1", List.of()),
                    new StageDescriptor(StageKind.REPORTER, "csv", "", "x 1", List.of()));
        }

        @Override
        public PipelineResult run(PipelineSpec spec, ProgressListener listener) {
            return fake.run(spec, listener);
        }

        @Override
        public KSelection selectK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener) {
            return fake.selectK(spec, kMin, kMax, listener);
        }

        @Override
        public PredictionResult predict(PredictSpec spec, ProgressListener listener) {
            return fake.predict(spec, listener);
        }

        @Override
        public PipelineResult runChoosingK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener) {
            return fake.runChoosingK(spec, kMin, kMax, listener);
        }

        @Override
        public PipelineResult runOnFeatures(PipelineSpec spec, io.segmenta.api.pipeline.ExtractedFeatures extracted,
                ProgressListener listener) {
            return fake.runOnFeatures(spec, extracted, listener);
        }

        @Override
        public PipelineResult runOnBackEnd(PipelineSpec spec, io.segmenta.api.pipeline.FeatureBackEnd backEnd,
                ProgressListener listener) {
            return fake.runOnBackEnd(spec, backEnd, listener);
        }

        @Override
        public PipelineResult runOnBackEndChoosingK(PipelineSpec spec, io.segmenta.api.pipeline.FeatureBackEnd backEnd,
                int kMin, int kMax, ProgressListener listener) {
            return fake.runOnBackEndChoosingK(spec, backEnd, kMin, kMax, listener);
        }

        @Override
        public PredictionResult predictOnBackEnd(PredictSpec spec, io.segmenta.api.pipeline.FeatureBackEnd backEnd,
                ProgressListener listener) {
            return fake.predictOnBackEnd(spec, backEnd, listener);
        }
    }

    private final TestClock clock = new TestClock();
    private final Engine engine = new Engine();
    private final PipelineCatalogComponent catalog = new PipelineCatalogComponent(clock);

    private PipelineConfiguration configure(String file, String... keyValues) {
        Map<String, Object> p = new HashMap<>();
        p.put("felix.fileinstall.filename", "file:/etc/segmenta/" + file);
        p.put("service.pid", "io.segmenta.pipeline.abc");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        PipelineConfiguration c = new PipelineConfiguration();
        c.apply(p);
        return c;
    }

    @Test
    void aValidPipelineIsReadyRunsByNameAndIsRecorded() {
        catalog.setEngine(engine);
        catalog.addConfiguration(configure("io.segmenta.pipeline-uk.cfg", "source", "uk-retail", "input", "x.csv",
                "k.min", "2", "k.max", "4"));
        NamedPipeline uk = catalog.pipelines().get(0);
        assertEquals("uk", uk.name());
        assertTrue(uk.ready());
        assertEquals("ready", uk.state());
        assertEquals("/etc/segmenta/io.segmenta.pipeline-uk.cfg", uk.origin());
        assertEquals("uk-retail x.csv -> rfm -> kmeans (k 2..4, chosen) -> csv into out", uk.description());

        catalog.run("uk", ProgressListener.NONE);
        assertEquals(2, engine.fake.lastKMin);
        assertEquals(3, engine.fake.lastSpec.cluster().k(), "the recommended k of the selection");
        PipelineRun run = catalog.history().get(0);
        assertEquals("uk", run.pipeline());
        assertEquals("manual", run.trigger());
        assertTrue(run.succeeded());

        SegmentaException e = assertThrows(SegmentaException.class, () -> catalog.run("eu", ProgressListener.NONE));
        assertEquals("no pipeline named 'eu'; defined: uk", e.getMessage());
    }

    /** Every member of a feature set is a stage the pipeline needs, and so is a member's own source. */
    @Test
    void aFeatureSetNeedsEveryMembersStages() {
        catalog.setEngine(engine);
        catalog.addConfiguration(configure("io.segmenta.pipeline-crm.cfg", "source", "uk-retail", "input", "x.csv",
                "features", "rfm+attributes", "input.attributes", "crm.csv", "source.attributes", "customer-table"));
        catalog.addConfiguration(configure("io.segmenta.pipeline-twice.cfg", "source", "uk-retail", "input", "x.csv",
                "features", "rfm+web:rfm", "input.web", "web.csv"));
        List<NamedPipeline> all = catalog.pipelines();
        assertEquals("missing feature extractor 'attributes', source 'customer-table'", all.get(0).state());
        assertTrue(all.get(1).ready(), all.get(1).state());
    }

    /** A refused edit does not leave the old definition running silently: invalid, with the reason, until fixed. */
    @Test
    void anInvalidChangeMakesThePipelineInvalidAndRunsAreRefusedUntilItIsFixed() {
        PipelineConfiguration c = configure("io.segmenta.pipeline-uk.cfg", "source", "uk-retail", "input", "x.csv");
        catalog.setEngine(engine);
        catalog.addConfiguration(c);
        c.apply(Map.of("felix.fileinstall.filename", "file:/etc/segmenta/io.segmenta.pipeline-uk.cfg",
                "source", "uk-retail", "input", "x.csv", "k", "four"));
        String reason = "pipeline uk (/etc/segmenta/io.segmenta.pipeline-uk.cfg): field 'k': --k: 'four' is not a "
                + "whole number";
        NamedPipeline uk = catalog.pipelines().get(0);
        assertEquals("uk", uk.name());
        assertFalse(uk.ready());
        assertEquals("invalid: " + reason, uk.state());
        assertEquals(reason, uk.refused());
        SegmentaException e = assertThrows(SegmentaException.class, () -> catalog.run("uk", ProgressListener.NONE));
        assertEquals("pipeline uk cannot run: invalid: " + reason, e.getMessage());
        assertEquals(null, engine.fake.lastSpec, "the previous definition did not run");

        // a second bad edit keeps it invalid with the new reason; a fix makes it ready again
        c.apply(Map.of("felix.fileinstall.filename", "file:/etc/segmenta/io.segmenta.pipeline-uk.cfg",
                "source", "uk-retail", "input", "x.csv", "k", "0"));
        assertFalse(catalog.pipelines().get(0).ready());
        assertFalse(catalog.pipelines().get(0).refused().isEmpty());
        c.apply(Map.of("felix.fileinstall.filename", "file:/etc/segmenta/io.segmenta.pipeline-uk.cfg",
                "source", "uk-retail", "input", "x.csv", "k", "5"));
        uk = catalog.pipelines().get(0);
        assertTrue(uk.ready(), uk.state());
        assertEquals("", uk.refused());
        catalog.run("uk", ProgressListener.NONE);
        assertEquals(5, engine.fake.lastSpec.cluster().k());
    }

    @Test
    void neverValidMissingStagesDuplicatesAndNoEngineAreStatedAndCannotRun() {
        catalog.addConfiguration(configure("io.segmenta.pipeline-bad.cfg", "input", "x.csv"));
        catalog.addConfiguration(configure("io.segmenta.pipeline-gmm.cfg", "source", "uk-retail", "input", "x",
                "algorithm", "gmm", "report", "html,csv"));
        catalog.addConfiguration(configure("a/io.segmenta.pipeline-twice.cfg", "source", "uk-retail", "input", "x"));
        catalog.addConfiguration(configure("b/io.segmenta.pipeline-twice.cfg", "source", "uk-retail", "input", "x"));
        assertEquals("no pipeline engine is registered", catalog.pipelines().get(1).state());
        catalog.setEngine(engine);
        List<NamedPipeline> all = catalog.pipelines();
        assertEquals(List.of("bad", "gmm", "twice", "twice"), all.stream().map(NamedPipeline::name).toList());
        assertTrue(all.get(0).state().startsWith("invalid: pipeline bad (/etc/segmenta/io.segmenta.pipeline-bad.cfg):"
                + " missing field source"), all.get(0).state());
        assertEquals("missing algorithm 'gmm', reporter 'html'", all.get(1).state());
        assertTrue(all.get(2).state().startsWith("invalid: the name twice is defined 2 times: "), all.get(2).state());
        for (NamedPipeline p : all) {
            assertFalse(p.ready(), p.name());
        }
        assertEquals("pipeline gmm cannot run: missing algorithm 'gmm', reporter 'html'",
                assertThrows(SegmentaException.class, () -> catalog.run("gmm", ProgressListener.NONE)).getMessage());
        assertEquals(List.of(), catalog.history(), "a run refused before it started is not a run");
    }

    @Test
    void aScheduledPipelineRunsWhenItsIntervalHasPassedAndTheOutcomeIsInTheHistory() {
        catalog.setEngine(engine);
        catalog.addConfiguration(configure("io.segmenta.pipeline-hourly.cfg", "source", "uk-retail", "input", "x",
                "schedule", "every 1h"));
        assertEquals("every 1h, next 2026-12-01 01:00 +00:00", catalog.pipelines().get(0).schedule());
        catalog.runDue(); // first seen: due in an hour
        assertEquals(0, catalog.history().size());
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        catalog.runDue();
        assertEquals(0, catalog.history().size());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        catalog.runDue();
        assertEquals(1, catalog.history().size());
        assertEquals("schedule", catalog.history().get(0).trigger());
        catalog.runDue();
        assertEquals(1, catalog.history().size(), "the next run is an hour later");
    }

    @Test
    void aCronPipelineRunsAtItsTimesAndShowsTheNextOne() {
        catalog.setEngine(engine);
        catalog.addConfiguration(configure("io.segmenta.pipeline-monthly.cfg", "source", "uk-retail", "input", "x",
                "schedule", "0 6 1 * *", "schedule.zone", "Asia/Jakarta"));
        // now is 2026-12-01T00:00Z = 07:00 in Jakarta: the 06:00 of this first of the month has passed
        assertEquals("0 6 1 * * (Asia/Jakarta), next 2027-01-01 06:00 +07:00", catalog.pipelines().get(0).schedule());
        catalog.runDue();
        assertEquals(0, catalog.history().size(), "no catch-up of a time before it was seen");
        clock.now = Instant.parse("2026-12-31T22:59:00Z");
        catalog.runDue();
        assertEquals(0, catalog.history().size());
        clock.now = Instant.parse("2026-12-31T23:00:30Z"); // 06:00:30 in Jakarta
        catalog.runDue();
        assertEquals(1, catalog.history().size());
        assertEquals("schedule", catalog.history().get(0).trigger());
        assertEquals("0 6 1 * * (Asia/Jakarta), next 2027-02-01 06:00 +07:00", catalog.pipelines().get(0).schedule());

        // down for three months: one run at the next time, not three
        clock.now = Instant.parse("2027-04-15T00:00:00Z");
        catalog.runDue();
        assertEquals(2, catalog.history().size());
        assertEquals("0 6 1 * * (Asia/Jakarta), next 2027-05-01 06:00 +07:00", catalog.pipelines().get(0).schedule());
    }

    @Test
    void anEditedScheduleTakesEffectAtOnce() {
        PipelineConfiguration c = configure("io.segmenta.pipeline-uk.cfg", "source", "uk-retail", "input", "x",
                "schedule", "every 30d");
        catalog.setEngine(engine);
        catalog.addConfiguration(c);
        catalog.runDue();
        assertEquals("every 30d, next 2026-12-31 00:00 +00:00", catalog.pipelines().get(0).schedule());
        c.apply(Map.of("felix.fileinstall.filename", "file:/etc/segmenta/io.segmenta.pipeline-uk.cfg",
                "source", "uk-retail", "input", "x", "schedule", "@daily", "schedule.zone", "UTC"));
        catalog.runDue();
        assertEquals("@daily (UTC), next 2026-12-02 00:00 +00:00", catalog.pipelines().get(0).schedule());
        clock.now = Instant.parse("2026-12-02T00:00:00Z");
        catalog.runDue();
        assertEquals(1, catalog.history().size());
    }

    @Test
    void aPipelineNeverRunsTwiceAtOnce() {
        // an engine that, while it runs the pipeline, is asked to run it again by name and by the schedule
        List<String> during = new java.util.ArrayList<>();
        Engine reentrant = new Engine() {
            @Override
            public io.segmenta.api.pipeline.PipelineResult run(io.segmenta.api.pipeline.PipelineSpec spec,
                    ProgressListener listener) {
                during.add(assertThrows(SegmentaException.class, () -> catalog.run("hourly", ProgressListener.NONE))
                        .getMessage());
                clock.now = clock.now.plus(Duration.ofHours(1));
                catalog.runDue();
                return super.run(spec, listener);
            }
        };
        catalog.setEngine(reentrant);
        catalog.addConfiguration(configure("io.segmenta.pipeline-hourly.cfg", "source", "uk-retail", "input", "x",
                "schedule", "every 1h"));
        catalog.runDue(); // seen: due at 01:00
        catalog.run("hourly", ProgressListener.NONE);
        assertEquals(List.of("pipeline hourly is running (since 2026-12-01T00:00:00Z); it runs once at a time"),
                during);
        List<PipelineRun> history = catalog.history();
        assertEquals(2, history.size());
        assertEquals("schedule", history.get(0).trigger());
        assertFalse(history.get(0).succeeded());
        assertEquals("skipped: pipeline hourly is running (since 2026-12-01T00:00:00Z); it runs once at a time",
                history.get(0).outcome());
        assertEquals("manual", history.get(1).trigger());
        assertTrue(history.get(1).succeeded());
        // and once it has finished it can run again
        catalog.setEngine(engine);
        catalog.run("hourly", ProgressListener.NONE);
        assertEquals(3, catalog.history().size());
    }

    /** The history is on disk: a new catalog on the same file (a restart) lists the earlier runs. */
    @Test
    void theHistorySurvivesARestartAndNamesThePreviousRunFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("data").resolve("pipeline-history.tsv");
        PipelineCatalogComponent first = new PipelineCatalogComponent(clock, file);
        first.setEngine(engine);
        first.addConfiguration(configure("io.segmenta.pipeline-uk.cfg", "source", "uk-retail", "input", "x.csv",
                "out", "/runs/uk"));
        first.addConfiguration(configure("io.segmenta.pipeline-eu.cfg", "source", "uk-retail", "input", "x.csv",
                "out", "/runs/eu"));
        assertEquals(java.util.Optional.empty(), first.previousRunFolder("uk"));
        first.run("uk", ProgressListener.NONE);
        clock.now = clock.now.plusSeconds(60);
        first.run("eu", ProgressListener.NONE);

        PipelineCatalogComponent restarted = new PipelineCatalogComponent(clock, file);
        List<PipelineRun> history = restarted.history();
        assertEquals(List.of("uk", "eu"), history.stream().map(PipelineRun::pipeline).toList());
        assertEquals(first.history(), history);
        assertEquals(java.util.Optional.of(java.nio.file.Path.of("/runs/uk").toAbsolutePath()),
                restarted.previousRunFolder("uk"));
        assertEquals(java.util.Optional.of(java.nio.file.Path.of("/runs/eu").toAbsolutePath()),
                restarted.previousRunFolder("eu"));
        assertEquals(java.util.Optional.empty(), restarted.previousRunFolder("nl"));
    }
}
