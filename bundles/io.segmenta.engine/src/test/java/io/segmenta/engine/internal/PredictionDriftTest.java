package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.model.ModelFile;
import io.segmenta.engine.internal.model.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict's drift warnings: period, feature ranges and segment mix, and what an older model file lacks. */
class PredictionDriftTest {
    @TempDir
    Path dir;

    private PipelineRunner runner;
    private Path input;
    private Path modelFile;

    @BeforeEach
    void setUp() throws IOException {
        StageRegistry registry = new StageRegistry();
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", new FakeStages.Source(), "test.source 1", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", new FakeStages.Extractor(), "test.features 1", 0, 2));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", new FakeStages.Splitter(), "test.algorithm 1", 0,
                3));
        runner = new PipelineRunner(registry);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        modelFile = dir.resolve("m.json");
        runner.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split", new ClusterRequest(3, 42, 1, 10),
                List.of(), dir.resolve("out"), new Options(Map.of(PipelineRunner.SAVE_MODEL, modelFile.toString()))),
                null);
    }

    private PredictionResult predict() {
        return runner.predict(new PredictSpec(modelFile, input, Optional.empty(), dir.resolve("pred"),
                Options.empty()), null);
    }

    /** The model with other training figures. */
    private static SavedModel withTraining(SavedModel m, String first, String last,
            List<SavedModel.FeatureRange> ranges, List<SavedModel.Segment> segments) {
        SavedModel.Training t = m.training();
        return new SavedModel(m.created(), m.source(), m.features(), m.algorithm(), m.cluster(), m.options(),
                m.stageVersions(), m.entity(), m.numeric(), m.categorical(), m.valueColumn(), m.scaling(), segments,
                m.state(), new SavedModel.Training(t.inputs(), t.rowsRead(), t.rowsKept(), t.entities(), first, last,
                        t.quality(), ranges), m.members(), m.featureState());
    }

    private static long seconds(String dateTime) {
        return LocalDateTime.parse(dateTime).toEpochSecond(ZoneOffset.UTC);
    }

    private static DataQuality period(String first, String last) {
        return new DataQuality("s", List.of("x"), 10, 10, List.of(), seconds(first), seconds(last), Map.of());
    }

    private static FeatureMatrix features(double... monetary) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < monetary.length; i++) {
            ids.add("c" + i);
        }
        return new FeatureMatrix(EntityKind.CUSTOMER, ids, List.of(new NumericColumn("monetary", monetary)),
                List.of(), null);
    }

    @Test
    void theSameDataGivesNoWarningAndTheFileKeepsTheRanges() {
        SavedModel saved = ModelFile.read(modelFile);
        List<SavedModel.FeatureRange> ranges = saved.training().featureRanges();
        assertEquals(List.of("frequency", "monetary"), ranges.stream().map(SavedModel.FeatureRange::feature).toList());
        for (SavedModel.FeatureRange r : ranges) {
            assertTrue(r.p1() <= r.p99(), r.toString());
        }
        assertEquals(List.of(), predict().warnings().stream().filter(w -> !w.startsWith("not checked: ")).toList());
    }

    @Test
    void anOlderFileWithoutRangesIsReadAndSaysOnceThatRangesAreNotChecked() throws IOException {
        String text = Files.readString(modelFile);
        int start = text.indexOf(",\n    \"featureRanges\"");
        int end = text.indexOf(']', start) + 1;
        Files.writeString(modelFile, text.substring(0, start) + text.substring(end));
        assertNull(ModelFile.read(modelFile).training().featureRanges());
        List<String> notes = predict().warnings().stream().filter(w -> w.contains("feature ranges")).toList();
        assertEquals(List.of("not checked: the feature ranges, as the model file does not record them (saved before "
                + "Segmenta 0.2); save the model again to have them compared"), notes);
    }

    /** The trap: trained on about a year, asked about the last five weeks. */
    @Test
    void aPeriodUnderHalfTheTrainingPeriodIsAWarningThatSaysWhatToDo() {
        SavedModel model = withTraining(ModelFile.read(modelFile), "2010-12-01T08:26", "2011-12-09T12:50",
                List.of(), List.of());
        List<String> w = PredictionDrift.warnings(model, period("2011-11-04T08:00", "2011-12-09T12:50"),
                features(), new int[0], List.of());
        assertEquals(List.of("the new data covers 35 days (2011-11-04 to 2011-12-09), under 50 % of the 373 days the "
                + "model was trained on: features counted over the period (recency, frequency, spend) mean something "
                + "else over a shorter one; retrain on a comparable period or predict on at least 187 days"), w);
        assertEquals(List.of(), PredictionDrift.warnings(model, period("2011-06-01T08:00", "2011-12-09T12:50"),
                features(), new int[0], List.of()), "189 days: over half");
        assertEquals(List.of("not checked: the period, as the model file records no training period (a customer "
                + "table, or a file without firstTransaction and lastTransaction)"),
                PredictionDrift.warnings(withTraining(model, null, null, List.of(), List.of()),
                        period("2011-11-04T08:00", "2011-12-09T12:50"), features(), new int[0], List.of()));
    }

    @Test
    void manyEntitiesOutsideTheTrainingRangeIsAWarning() {
        SavedModel model = withTraining(ModelFile.read(modelFile), null, null,
                List.of(new SavedModel.FeatureRange("monetary", 10, 5000, 0.02)), List.of());
        DataQuality q = period("2011-01-01T00:00", "2011-12-01T00:00");
        // 1 of 10 outside: 10 %, not 10 points over the training's 2 %
        assertEquals(List.of(), PredictionDrift.warnings(model, q, features(5, 20, 30, 40, 50, 60, 70, 80, 90, 100),
                new int[0], List.of()).stream().filter(w -> !w.startsWith("not checked")).toList());
        List<String> w = PredictionDrift.warnings(model, q, features(5, 6, 7, 8, 9, 100, 200, 300, 400, 9000),
                new int[0], List.of()).stream().filter(x -> !x.startsWith("not checked")).toList();
        assertEquals(List.of("monetary: 60 % of the 10 customers are outside the training range (1st to 99th "
                + "percentile 10.00 to 5,000), against 2 % in training (threshold: 10 points more): the model places "
                + "them by extrapolation; retrain on data that includes such customers, or predict on data like the "
                + "training data"), w);
    }

    @Test
    void aSegmentMixFarFromTrainingIsAWarningNamingTheSegment() {
        List<SavedModel.Segment> trained = List.of(new SavedModel.Segment(0, "Regulars", 30, 0.3, Double.NaN),
                new SavedModel.Segment(1, "New One-Time Buyers", 30, 0.3, Double.NaN),
                new SavedModel.Segment(2, "Lapsed", 40, 0.4, Double.NaN));
        SavedModel model = withTraining(ModelFile.read(modelFile), null, null, List.of(), trained);
        DataQuality q = period("2011-01-01T00:00", "2011-12-01T00:00");
        List<String> names = List.of("Regulars", "New One-Time Buyers", "Lapsed");
        assertEquals(List.of(), PredictionDrift.warnings(model, q, features(), new int[] {35, 25, 40}, names)
                .stream().filter(w -> !w.startsWith("not checked")).toList());
        assertEquals(List.of("the segment mix differs from training by 0.60 (total variation distance; threshold "
                + "0.25): 'New One-Time Buyers' holds 90 % of the customers against 30 % in training; check that the "
                + "new data covers a comparable period and customers, or retrain on it"),
                PredictionDrift.warnings(model, q, features(), new int[] {5, 90, 5}, names).stream()
                        .filter(w -> !w.startsWith("not checked")).toList());
    }
}
