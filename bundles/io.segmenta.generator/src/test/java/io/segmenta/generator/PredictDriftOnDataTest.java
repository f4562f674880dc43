package io.segmenta.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trap, on generated uk-retail data: a model trained on the first eleven months (2010-12-01 to
 * 2011-11-03), asked about the last five weeks (2011-11-04 to 2011-12-09). predict must say that the period is
 * too short, and what to do.
 */
class PredictDriftOnDataTest {
    @TempDir
    Path dir;

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
            ",(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}),");

    /**
     * The lines of {@code data} whose InvoiceDate is before (or from) {@code from}; found by its form, as a quoted
     * Description may hold commas.
     */
    private static Path split(Path data, Path to, String from, boolean before) throws IOException {
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            java.util.regex.Matcher m = DATE.matcher(line);
            if (!m.find()) {
                throw new AssertionError("no InvoiceDate in " + line);
            }
            String date = m.group(1);
            if (date.compareTo(from) < 0 == before) {
                kept.add(line);
            }
        }
        return Files.write(to, kept, StandardCharsets.UTF_8);
    }

    @Test
    void elevenMonthsAskedAboutTheLastFiveWeeks() throws IOException {
        Path data = RetailStages.generate(dir.resolve("gen"), 1000, 11);
        Path months = split(data, dir.resolve("eleven-months.csv"), "2011-11-04", true);
        Path weeks = split(data, dir.resolve("five-weeks.csv"), "2011-11-04", false);
        Path model = dir.resolve("model.json");
        PipelineEngine engine = RetailStages.engine();
        engine.run(new PipelineSpec("uk-retail", months, "rfm", "kmeans", new ClusterRequest(5, 42, 10, 300),
                List.of(), dir.resolve("train"), new Options(Map.of("save-model", model.toString()))), null);

        PredictionResult recent = engine.predict(new PredictSpec(model, weeks, Optional.empty(), dir.resolve("pred"),
                Options.empty()), null);
        String all = String.join("\n", recent.warnings());
        assertTrue(recent.warnings().stream().anyMatch(w -> w.startsWith("the new data covers 35 days (2011-11-04 to "
                + "2011-12-09), under 50 % of the 337 days the model was trained on") && w.endsWith(
                        "retrain on a comparable period or predict on at least 169 days")), all);
        assertTrue(recent.warnings().stream().anyMatch(w -> w.startsWith("the segment mix differs from training by")),
                all);

        // the training data itself: nothing to warn about
        PredictionResult same = engine.predict(new PredictSpec(model, months, Optional.empty(), dir.resolve("again"),
                Options.empty()), null);
        assertEquals(List.of(), same.warnings());
    }
}
