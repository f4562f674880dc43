package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FitParameter;
import io.segmenta.api.stage.FittedFeatures;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.model.ModelFile;
import io.segmenta.engine.internal.model.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extractor that fits a model on the transactions (as clv does): the fit reaches the run's result, its state
 * the model file, and predict scores with that state instead of fitting again.
 */
class FeatureFitRunTest {
    @TempDir
    Path dir;

    /** The fake extractor, fitting a "rate" it reports and saves; predict must hand the saved one back. */
    static final class Fitting extends FakeStages.Extractor {
        final AtomicReference<ModelState> scoredWith = new AtomicReference<>();

        @Override
        public FittedFeatures extractFitted(TransactionTable transactions, StageContext context) {
            FeatureMatrix m = extract(transactions, context);
            return new FittedFeatures(m, Optional.of(new FeatureFit(name(), ModelState.of(name(),
                    Map.of("rate", 0.25)), List.of(new FitParameter("fake", "rate", 0.25, OptionalDouble.of(0.01))),
                    Map.of("log_likelihood", -12.5), List.of())));
        }

        @Override
        public FeatureMatrix extractWith(TransactionTable transactions, StageContext context, ModelState fitted) {
            scoredWith.set(fitted);
            return extract(transactions, context);
        }
    }

    @Test
    void theFitIsInTheResultTheModelFileAndPredict() throws IOException {
        StageRegistry registry = new StageRegistry();
        Fitting extractor = new Fitting();
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", new FakeStages.Source(), "test.source 1", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", extractor, "test.features 1", 0, 2));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", new FakeStages.Splitter(), "test.algorithm 1",
                0, 3));
        PipelineRunner runner = new PipelineRunner(registry);
        Path input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        Path model = dir.resolve("m.json");

        PipelineResult trained = runner.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(3, 42, 1, 10), List.of(), dir.resolve("out"),
                new Options(Map.of(PipelineRunner.SAVE_MODEL, model.toString()))), null);
        FeatureFit fit = trained.featureFit().orElseThrow();
        assertEquals(0.25, fit.parameters().get(0).value());
        assertEquals(-12.5, fit.figures().get("log_likelihood"));

        SavedModel saved = ModelFile.read(model);
        assertEquals(0.25, saved.featureState().number("rate"));
        assertTrue(Files.readString(model).contains("\"featureExtractor\""));

        assertNull(extractor.scoredWith.get());
        PredictionResult predicted = runner.predict(new PredictSpec(model, input, Optional.empty(),
                dir.resolve("pred"), Options.empty()), null);
        assertEquals(0.25, extractor.scoredWith.get().number("rate"));
        assertArrayEquals(trained.model().predict(trained.scaled()), predicted.segments());
    }
}
