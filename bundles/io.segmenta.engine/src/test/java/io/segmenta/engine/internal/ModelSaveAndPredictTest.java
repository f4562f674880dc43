package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.UnknownStageException;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.model.ModelFile;
import io.segmenta.engine.internal.model.SavedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a run's model (option save-model) and predicting new data with it, through the runner. */
class ModelSaveAndPredictTest {
    @TempDir
    Path dir;

    private final StageRegistry registry = new StageRegistry();
    private final FakeStages.Splitter splitter = new FakeStages.Splitter();
    private PipelineRunner runner;
    private Path input;
    private Path modelFile;

    @BeforeEach
    void setUp() throws IOException {
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", new FakeStages.Source(), "test.source 1", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", new FakeStages.Extractor(), "test.features 1", 0, 2));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", splitter, "test.algorithm 1", 0, 3));
        runner = new PipelineRunner(registry);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        modelFile = dir.resolve("models").resolve("m.json");
    }

    /** A run with a per-column chain (robust on monetary), so that every kind of fitted parameter is saved. */
    private PipelineResult train() {
        Options options = new Options(Map.of(PipelineRunner.SAVE_MODEL, modelFile.toString(), "snapshot", "2011-12-10",
                "transform.monetary", "winsorize:5:95,log1p,robust", "segment-names", "0=Small"));
        return runner.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(3, 42, 1, 10), List.of(), dir.resolve("out"), options), null);
    }

    private PredictionResult predict(Options options) {
        return runner.predict(new PredictSpec(modelFile, input, Optional.empty(), dir.resolve("pred"), options), null);
    }

    @Test
    void theSavedModelPredictsExactlyAsTheFittedOne() throws IOException {
        PipelineResult trained = train();
        assertEquals(List.of(modelFile), trained.outputs());
        int[] inMemory = trained.model().predict(trained.scaled());

        PredictionResult predicted = predict(Options.empty());

        assertArrayEquals(inMemory, predicted.segments());
        assertEquals(List.of(dir.resolve("pred").resolve(PredictSpec.PREDICTIONS_FILE)), predicted.outputs());
        List<String> lines = Files.readAllLines(predicted.outputs().get(0), StandardCharsets.UTF_8);
        assertEquals("customer_id,frequency,monetary,segment_name,segment", lines.get(0));
        assertEquals(8, lines.size()); // seven customers
        List<String> names = trained.segments().stream().map(s -> s.name()).toList();
        assertEquals("Small", names.get(0));
        assertEquals(names, predicted.model().segmentNames());
        for (int i = 0; i < 7; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(predicted.features().ids().get(i), cells[0]);
            assertEquals(names.get(inMemory[i]), cells[3]);
            assertEquals(Integer.toString(inMemory[i]), cells[4]);
        }
        int[] sizes = predicted.sizes();
        assertEquals(7, sizes[0] + sizes[1] + sizes[2]);
        assertEquals(3, predicted.model().k());
        assertEquals(7, predicted.model().trainingEntities());
    }

    @Test
    void theFileHoldsThePipelineTheScalingAndTheSegments() {
        PipelineResult trained = train();
        SavedModel saved = ModelFile.read(modelFile);
        assertEquals("fake-source", saved.source());
        assertEquals("fake-split", saved.algorithm());
        assertEquals(new ClusterRequest(3, 42, 1, 10), saved.cluster());
        assertFalse(saved.options().containsKey(PipelineRunner.SAVE_MODEL), "the file does not name itself");
        assertEquals("2011-12-10", saved.options().get("snapshot"));
        assertEquals(List.of("frequency", "monetary"), saved.numeric());
        assertEquals(List.of("log1p", "zscore"), saved.scaling().get("frequency").stream().map(s -> s.step()).toList());
        assertEquals(List.of("winsorize:5:95", "log1p", "robust"),
                saved.scaling().get("monetary").stream().map(s -> s.step()).toList());
        assertEquals(trained.segments().get(2).size(), saved.segments().get(2).size());
        assertEquals(10, saved.training().rowsRead());
        assertEquals(7, saved.training().entities());
        assertEquals(trained.quality().silhouette(), saved.training().quality().get("silhouette"));
        assertTrue(saved.created().endsWith("Z"), saved.created());
    }

    @Test
    void predictionRenamesSegmentsAndRefusesOptionsTheStagesDoNotRead() {
        train();
        PredictionResult renamed = predict(new Options(Map.of("segment-names", "1=Middle")));
        assertEquals("Middle", renamed.model().segmentNames().get(1));
        assertEquals("Small", renamed.model().segmentNames().get(0));

        SegmentaException e = assertThrows(SegmentaException.class,
                () -> predict(new Options(Map.of("transform", "minmax"))));
        assertEquals("unknown option 'transform' for predict; the source and feature extractor read: snapshot; and "
                + "segment-names renames segments", e.getMessage());
        e = assertThrows(SegmentaException.class, () -> predict(new Options(Map.of("segment-names", "7=Nobody"))));
        assertEquals("option segment-names: there is no segment 7; the model has segments 0 to 2", e.getMessage());
    }

    @Test
    void aModelFileWithOtherFeaturesIsRefusedNamingBoth() throws IOException {
        train();
        String text = Files.readString(modelFile).replace("\"monetary\"", "\"spend\"");
        Files.writeString(modelFile, text);
        SegmentaException e = assertThrows(SegmentaException.class, () -> predict(Options.empty()));
        assertEquals("the model " + modelFile + " was trained on customer features [frequency, spend] but the fake-rfm "
                + "features of this input are customer features [frequency, monetary]; predict needs the same "
                + "features, in the same order (the same extractor and options as the training run)", e.getMessage());
        assertFalse(Files.exists(dir.resolve("pred")), "nothing is written");
    }

    @Test
    void damagedModelFilesGiveOneLineNamingWhatIsWrong() throws IOException {
        SegmentaException missing = assertThrows(SegmentaException.class, () -> predict(Options.empty()));
        assertEquals("no such model file: " + modelFile, missing.getMessage());

        train();
        String good = Files.readString(modelFile);
        Files.writeString(modelFile, good.substring(0, good.length() / 2));
        SegmentaException truncated = assertThrows(SegmentaException.class, () -> predict(Options.empty()));
        assertTrue(truncated.getMessage().startsWith(modelFile + ": not a model file (not valid JSON: "),
                truncated.getMessage());
        assertTrue(truncated.getMessage().contains("line "), truncated.getMessage());

        Files.writeString(modelFile, "{\"format\": \"something-else\"}");
        assertEquals(modelFile + ": not a Segmenta model file (its \"format\" is 'something-else', expected "
                + "'segmenta-model')", assertThrows(SegmentaException.class, () -> predict(Options.empty())).getMessage());

        Files.writeString(modelFile, good.replace("\"formatVersion\": 1", "\"formatVersion\": 2"));
        assertEquals(modelFile + ": model file format version 2; this Segmenta reads version 1 (save the model again "
                + "with this version)", assertThrows(SegmentaException.class, () -> predict(Options.empty())).getMessage());

        Files.writeString(modelFile, good.replace("\"k\": 3", "\"k\": \"three\""));
        assertEquals(modelFile + ": pipeline.k should be a number, but is \"three\"",
                assertThrows(SegmentaException.class, () -> predict(Options.empty())).getMessage());

        Files.writeString(modelFile, good.replace("\"centroids\"", "\"centres\""));
        assertEquals("fake-split model: the entry 'centroids' is missing",
                assertThrows(SegmentaException.class, () -> predict(Options.empty())).getMessage());
    }

    @Test
    void aModelWhoseAlgorithmIsNotRegisteredNamesTheAvailableOnes() throws IOException {
        train();
        Files.writeString(modelFile, Files.readString(modelFile).replace("\"fake-split\"", "\"gmm\""));
        assertThrows(UnknownStageException.class, () -> predict(Options.empty()));
    }

    @Test
    void aRunThatCannotSaveItsModelWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        Options options = new Options(Map.of(PipelineRunner.SAVE_MODEL, dir.toString()));
        SegmentaException folder = assertThrows(SegmentaException.class, () -> runner.run(new PipelineSpec(
                "fake-source", input, "fake-rfm", "fake-split", new ClusterRequest(3, 42, 1, 10), List.of(), out,
                options), null));
        assertEquals("option save-model: " + dir + " is a folder; give the model file to write, e.g. "
                + dir.resolve("model.json"), folder.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(input), files.toList());
        }
    }
}
