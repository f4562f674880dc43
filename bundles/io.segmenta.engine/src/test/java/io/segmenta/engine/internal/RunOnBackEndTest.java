package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.table.figures.TransactionFigures;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureBackEnd;
import io.segmenta.api.pipeline.FeatureInput;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs, runs choosing k and predictions whose input another back-end reads ({@link FeatureBackEnd}): the back-end
 * extracts the members that share the run's input, the engine the members with inputs of their own, and the
 * results are those of the same run on one machine.
 */
class RunOnBackEndTest {
    @TempDir
    Path dir;

    private final StageRegistry registry = new StageRegistry();
    private final FakeStages.Source source = new FakeStages.Source();
    private PipelineRunner runner;
    private Path input;
    private Path crm;

    /** What the back-end was asked: "source member:extractor options fitted". */
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", source, "test.source 1", 0, 1));
        registry.add(new StageEntry(StageKind.SOURCE, "lines", new FeatureSetRunTest.LinesSource(), "test.lines 1", 0,
                2));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", new FakeStages.Extractor(), "test.features 1", 0,
                3));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", new FakeStages.Splitter(), "test.algo 1", 0, 4));
        runner = new PipelineRunner(registry, new io.segmenta.engine.internal.scaling.Log1pStandardScaler(), 1);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        crm = Files.writeString(dir.resolve("crm.csv"), "c2,5\nc9,7\nc1,3\nc3,1\nc1,2\n");
    }

    private PipelineSpec spec(Path in, String features, Map<String, FeatureInput> inputs, Options options) {
        return new PipelineSpec("fake-source", in, features, "fake-split", new ClusterRequest(2, 42, 1, 10),
                List.of(), dir.resolve("out"), options, inputs);
    }

    /** A back-end that hands over what a single-machine run extracted from the fake source. */
    private FeatureBackEnd handingOver(ExtractedFeatures features) {
        return (src, member, options, fitted) -> {
            asked.add(src + " " + member.name() + ":" + member.extractor() + " " + options.asMap() + " "
                    + fitted.isPresent());
            return features;
        };
    }

    private static ExtractedFeatures of(PipelineResult r) {
        return new ExtractedFeatures(r.features(), r.source().quality(), TransactionFigures.of(r.source().transactions()));
    }

    @Test
    void theBackEndsFeaturesGiveTheRunsSegmentsAndItsInputNeedNotExistHere() {
        Options options = new Options(Map.of("snapshot", "2011-12-10"));
        PipelineResult single = runner.run(spec(input, "fake-rfm", Map.of(), options), null);

        PipelineResult onBackEnd = runner.runOnBackEnd(spec(dir.resolve("on-the-cluster"), "fake-rfm", Map.of(),
                options), handingOver(of(single)), null);

        assertEquals(List.of("fake-source fake-rfm:fake-rfm {snapshot=2011-12-10} false"), asked);
        assertEquals(1, source.calls.get(), "only the single-machine run read");
        assertArrayEquals(single.model().labels(), onBackEnd.model().labels());
        assertEquals(single.quality(), onBackEnd.quality());
        assertEquals(single.source().quality(), onBackEnd.source().quality());
        assertEquals(single.business(), onBackEnd.business());
        assertEquals(0, onBackEnd.source().transactions().rowCount(), "the transactions stayed with the back-end");
        assertEquals(List.of("fake-rfm", "scaling", "fake-split", "quality metrics"),
                onBackEnd.timings().stream().map(t -> t.name()).toList(), "the back-end's work is the extractor's step");
    }

    @Test
    void aMemberWithAnInputOfItsOwnIsReadHereAndJoinedAsInARun() {
        Map<String, FeatureInput> inputs = Map.of("crm", new FeatureInput(Optional.of("lines"), crm));
        PipelineResult single = runner.run(spec(input, "fake-rfm", Map.of(), Options.empty()), null);
        PipelineResult joined = runner.run(spec(input, "fake-rfm+crm:fake-rfm", inputs, Options.empty()), null);

        PipelineResult onBackEnd = runner.runOnBackEnd(spec(dir.resolve("elsewhere"), "fake-rfm+crm:fake-rfm", inputs,
                Options.empty()), handingOver(of(single)), null);

        assertEquals(List.of("fake-source fake-rfm:fake-rfm {} false"), asked, "only the shared member");
        assertEquals(joined.features().ids(), onBackEnd.features().ids());
        assertEquals(joined.features().numericNames(), onBackEnd.features().numericNames());
        for (int c = 0; c < joined.features().numeric().size(); c++) {
            assertArrayEquals(joined.features().numeric().get(c).values(),
                    onBackEnd.features().numeric().get(c).values(), 0);
        }
        assertEquals(joined.source().quality(), onBackEnd.source().quality());
        assertArrayEquals(joined.model().labels(), onBackEnd.model().labels());
        assertEquals(List.of("fake-rfm", "lines (crm)", "fake-rfm (crm)", "feature join", "scaling", "fake-split",
                "quality metrics"), onBackEnd.timings().stream().map(t -> t.name()).toList());

        Map<String, FeatureInput> missing = Map.of("crm", new FeatureInput(Optional.of("lines"),
                dir.resolve("no-crm.csv")));
        assertEquals("no such file: " + dir.resolve("no-crm.csv") + " (the input of member crm)",
                assertThrows(SegmentaException.class, () -> runner.runOnBackEnd(spec(dir.resolve("elsewhere"),
                        "fake-rfm+crm:fake-rfm", missing, Options.empty()), handingOver(of(single)), null))
                        .getMessage());
    }

    @Test
    void choosingKOnTheBackEndsFeaturesChoosesAsTheRunDoes() {
        PipelineResult single = runner.runChoosingK(spec(input, "fake-rfm", Map.of(), Options.empty()), 2, 4, null);

        PipelineResult onBackEnd = runner.runOnBackEndChoosingK(spec(dir.resolve("elsewhere"), "fake-rfm", Map.of(),
                Options.empty()), handingOver(of(single)), 2, 4, null);

        assertEquals(1, asked.size(), "extracted once for every k");
        KSelection a = single.selection().orElseThrow();
        KSelection b = onBackEnd.selection().orElseThrow();
        assertEquals(a.recommendedK(), b.recommendedK());
        assertEquals(a.reason(), b.reason());
        assertEquals(a.candidates().stream().map(c -> c.cost()).toList(),
                b.candidates().stream().map(c -> c.cost()).toList());
        assertEquals(a.recommendedK(), onBackEnd.model().k());
        assertArrayEquals(single.model().labels(), onBackEnd.model().labels());
    }

    @Test
    void aPredictionOnTheBackEndsFeaturesPlacesAsPredictDoes() {
        Path model = dir.resolve("m.json");
        Options training = new Options(Map.of(PipelineRunner.SAVE_MODEL, model.toString(), "snapshot", "2011-12-10"));
        runner.run(spec(input, "fake-rfm", Map.of(), training), null);
        PredictionResult single = runner.predict(new PredictSpec(model, input, Optional.empty(), dir.resolve("p1"),
                Options.empty()), null);

        PredictionResult onBackEnd = runner.predictOnBackEnd(new PredictSpec(model, dir.resolve("on-the-cluster"),
                Optional.empty(), dir.resolve("p2"), Options.empty()), handingOver(new ExtractedFeatures(
                        single.features(), single.source().quality(), TransactionFigures.of(single.source()
                                .transactions()))), null);

        assertEquals(List.of("fake-source fake-rfm:fake-rfm {} false"), asked, "the training snapshot is not carried");
        assertArrayEquals(single.segments(), onBackEnd.segments());
        assertArrayEquals(single.sizes(), onBackEnd.sizes());
        assertTrue(Files.exists(dir.resolve("p2").resolve(PredictSpec.PREDICTIONS_FILE)));
    }
}
