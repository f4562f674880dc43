package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.Options;
import io.segmenta.testing.FakeEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictionSummaryTest {

    @Test
    void modelDataQualitySegmentsTimingsAndOutputs() {
        PredictionResult result = new FakeEngine().predict(new PredictSpec(Path.of("m.json"), Path.of("new.csv"),
                Optional.empty(), Path.of("out"), Options.empty()), ProgressListener.NONE);
        String text = PredictionSummary.render(result);
        assertTrue(text.startsWith("""
                Model m.json
                  algorithm   kmeans, k=2
                  trained on  300 customers from uk-retail with rfm features
                  saved       2026-12-01T10:00:00Z

                Data quality (source uk-retail)
                """), text);
        assertTrue(text.contains("""
                Predicted segments (2 customers)
                  segment  customers  share  name
                        0          1  50.0%  High-Spending Regulars
                        1          1  50.0%  Low-Spending Sporadic Buyers
                """), text);
        assertTrue(text.endsWith("Outputs\n  " + Path.of("out", "predictions.csv") + "\n"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("Timings")).count());
    }

    @Test
    void driftWarningsAreOneLineEachAfterTheSegments() {
        PredictionResult r = new FakeEngine().predict(new PredictSpec(Path.of("m.json"), Path.of("new.csv"),
                Optional.empty(), Path.of("out"), Options.empty()), ProgressListener.NONE);
        PredictionResult warned = new PredictionResult(r.spec(), r.model(), r.source(), r.features(), r.segments(),
                r.sizes(), r.timings(), r.stageVersions(), r.outputs(), List.of("the new data covers 35 days; "
                        + "predict on at least 169 days", "not checked: the feature ranges"));
        String text = PredictionSummary.render(warned);
        assertTrue(text.contains("""
                        1          1  50.0%  Low-Spending Sporadic Buyers

                Warning: the new data covers 35 days; predict on at least 169 days
                Note, not checked: the feature ranges

                Timings"""), text);
        assertTrue(!PredictionSummary.render(r).contains("Warning"), "none without warnings");
    }
}
