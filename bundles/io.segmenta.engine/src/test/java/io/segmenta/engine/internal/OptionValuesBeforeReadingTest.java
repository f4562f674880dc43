package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.engine.internal.scaling.Log1pStandardScaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage's check of its option values ({@code Stage.validate}) runs while the engine plans, so that a bad value
 * stops a run, a select-k or a choice of k with its one line before the source reads anything; a rename rule on a
 * feature the run lacks stops it as soon as the features are known, before clustering.
 */
class OptionValuesBeforeReadingTest {
    @TempDir
    Path dir;

    private final FakeStages.Pipeline fakes = new FakeStages.Pipeline();
    private PipelineRunner runner;
    private PipelineSpec spec;

    @BeforeEach
    void setUp() throws IOException {
        runner = new PipelineRunner(fakes.registry, new Log1pStandardScaler(), 1);
        Path input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        spec = new PipelineSpec("fake-source", input, "fake-rfm", "fake-split", new ClusterRequest(2, 42, 1, 10),
                List.of("fake-report"), dir.resolve("out"), new Options(Map.of("snapshot", "2011-12-10")));
    }

    @Test
    void aBadValueOfTheExtractorStopsTheRunBeforeTheSourceReads() {
        fakes.extractor.validator = o -> {
            throw new SegmentaException("option snapshot: '" + o.get("snapshot", "") + "' is after the data");
        };
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec, null));
        assertEquals("option snapshot: '2011-12-10' is after the data", e.getMessage());
        assertThrows(SegmentaException.class, () -> runner.selectK(spec, 2, 3, null));
        assertThrows(SegmentaException.class, () -> runner.runChoosingK(spec, 2, 3, null));
        assertEquals(0, fakes.source.calls.get(), "the source read nothing");
        assertEquals(3, fakes.extractor.validated.get());
    }

    @Test
    void aBadValueOfTheSourceStopsTheRunBeforeItReads() {
        fakes.source.validator = o -> {
            throw new SegmentaException("option encoding: 'bogus' is not a character set this Java knows");
        };
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec, null));
        assertEquals("option encoding: 'bogus' is not a character set this Java knows", e.getMessage());
        assertEquals(0, fakes.source.calls.get());
    }

    @Test
    void aRenameOnAFeatureTheRunLacksIsRefusedBeforeClustering() {
        PipelineSpec misspelt = spec.withOptions(new Options(Map.of("segment-names", "highest monetry=VIP")));
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(misspelt, null));
        assertEquals("option segment-names: 'highest monetry': this run has no feature monetry; its features are"
                + " frequency, monetary (value = monetary)", e.getMessage());
        assertEquals(1, fakes.source.calls.get(), "the features are known only once the source read");
        assertEquals(0, fakes.splitter.calls.get(), "nothing was clustered");
    }

    @Test
    void goodValuesAreCheckedOnceAndTheRunGoesOn() {
        runner.run(spec, null);
        assertEquals(1, fakes.source.validated.get());
        assertEquals(1, fakes.extractor.validated.get());
        assertEquals(1, fakes.source.calls.get());
    }

    @Test
    void aStageWhoseCheckFailsWithABugIsNamed() {
        fakes.source.validator = o -> {
            throw new IllegalStateException("boom");
        };
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec, null));
        assertEquals("source 'fake-source' failed: IllegalStateException: boom", e.getMessage());
        assertEquals(0, fakes.source.calls.get());
    }
}
