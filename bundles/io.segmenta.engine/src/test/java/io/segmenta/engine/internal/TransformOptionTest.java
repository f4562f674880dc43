package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine options transform and transform.&lt;column&gt;, through a whole run with the fake stages. */
class TransformOptionTest {
    @TempDir
    Path dir;

    private final FakeStages.Source source = new FakeStages.Source();
    private final FakeStages.Splitter splitter = new FakeStages.Splitter();
    private PipelineRunner runner;
    private Path input;

    @BeforeEach
    void setUp() throws IOException {
        StageRegistry registry = new StageRegistry();
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", source, "test.source 1.0.0", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", new FakeStages.Extractor(), "test 1.0.0", 0, 2));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", splitter, "test 1.0.0", 0, 3));
        runner = new PipelineRunner(registry); // the default scaler, as the engines build it
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
    }

    private PipelineResult run(Map<String, String> options) {
        return runner.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(2, 42, 1, 10), List.of(), dir.resolve("out"), new Options(options)), null);
    }

    @Test
    void withoutOptionsEveryFeatureIsLog1pThenZScore() {
        PipelineResult result = run(Map.of());
        assertEquals(2, result.scaling().size());
        for (String text : result.scaling().values()) {
            assertTrue(text.startsWith("log1p, z-score (mean "), text);
        }
    }

    @Test
    void theDefaultChainAndAColumnsOwnAreApplied() {
        PipelineResult result = run(Map.of("transform", "minmax", "transform.frequency", "none"));
        assertArrayEquals(result.features().numericColumn("frequency").orElseThrow().values(),
                result.scaled().numericColumn("frequency").orElseThrow().values(), 0);
        assertEquals("none (unscaled)", result.scaling().get("frequency"));
        assertTrue(result.scaling().get("monetary").startsWith("min-max ["), result.scaling().toString());
        double[] monetary = result.scaled().numericColumn("monetary").orElseThrow().values();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : monetary) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0, min, 0);
        assertEquals(1, max, 1e-12);
    }

    @Test
    void anUnknownStepFailsBeforeReading() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> run(Map.of("transform.monetary", "logp1")));
        assertTrue(e.getMessage().startsWith("option transform.monetary: unknown step 'logp1' in 'logp1'; the steps "
                + "are log1p, zscore, robust, minmax, winsorize:P1:P2"), e.getMessage());
        assertEquals(0, source.calls.get());
    }

    @Test
    void anUnknownColumnFailsAfterExtractionBeforeClustering() {
        assertEquals("option transform.recency: the feature extractor produces no feature 'recency'; its numeric "
                + "features are frequency, monetary",
                assertThrows(SegmentaException.class, () -> run(Map.of("transform.recency", "robust"))).getMessage());
        assertEquals(1, source.calls.get());
        assertEquals(0, splitter.calls.get());
    }
}
