package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.pipeline.ReportContext;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.scaling.Log1pStandardScaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report context a run carries: the source's word for region and currency, the option {@code currency} over
 * it, the snapshot recency is measured to, the run's time, and what the extractor says its features mean.
 */
class ReportContextRunTest {
    @TempDir
    Path dir;

    private final StageRegistry registry = new StageRegistry();
    private PipelineRunner runner;
    private Path input;

    /** A source of Brazilian states in reais. */
    static final class StatesSource extends FakeStages.Source {
        @Override
        public String regionWord() {
            return "State";
        }

        @Override
        public Optional<String> currency() {
            return Optional.of("BRL");
        }
    }

    /** An extractor that describes one of its two features. */
    static final class DescribingExtractor extends FakeStages.Extractor {
        @Override
        public List<FeatureInfo> featureInfo(FeatureMatrix features) {
            return List.of(FeatureInfo.higherIsBetter("monetary", "Total spend", "sum of the amounts"),
                    FeatureInfo.lowerIsBetter("not-written", "Never", "a feature this run does not have"));
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", new StatesSource(), "test 1.0.0", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", new DescribingExtractor(), "test 1.0.0", 0, 2));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", new FakeStages.Splitter(), "test 1.0.0", 0, 3));
        runner = new PipelineRunner(registry, new Log1pStandardScaler(), 2);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
    }

    private ReportContext run(Map<String, String> options) {
        return runner.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(2, 42, 1, 10), List.of(), dir.resolve("out"), new Options(options)), null).context();
    }

    @Test
    void theSourcesWordsTheExtractorsFeaturesTheSnapshotAndTheRunsTime() {
        Instant before = Instant.now();
        ReportContext c = run(Map.of());
        assertEquals("state", c.regionWord());
        assertEquals("State", c.regionLabel());
        assertEquals(Optional.of("BRL"), c.currency());
        assertEquals(List.of(FeatureInfo.higherIsBetter("monetary", "Total spend", "sum of the amounts")), c.features(),
                "what the run has, as declared; undeclared features are not listed");
        assertEquals(FeatureInfo.of("frequency"), c.feature("frequency"));
        assertEquals("Frequency", c.label("frequency"));
        assertEquals("State", c.label("region"));
        // the fake source's last line is at 1,300,000,000 s + 9 days; recency is measured to 24 hours later
        assertEquals(Optional.of(LocalDateTime.ofEpochSecond(1_300_000_000L + 10 * 86_400L, 0, ZoneOffset.UTC)),
                c.snapshot());
        assertTrue(!c.ranAt().orElseThrow().isBefore(before) && !c.ranAt().get().isAfter(Instant.now()));

        assertEquals(Optional.of(LocalDateTime.of(2011, 12, 10, 0, 0)), run(Map.of("snapshot", "2011-12-10"))
                .snapshot(), "the option's midnight, as the extractors measure");
    }

    @Test
    void theCurrencyOptionWinsOverTheSources() {
        assertEquals(Optional.of("GBP"), run(Map.of("currency", "gbp")).currency());
        assertEquals(Optional.empty(), run(Map.of("currency", "none")).currency());
        SegmentaException e = assertThrows(SegmentaException.class, () -> run(Map.of("currency", "pounds")));
        assertEquals("option currency: 'pounds' should be a three-letter currency code such as GBP, EUR, BRL or IDR, "
                + "or none", e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "refused before anything was written");
    }
}
