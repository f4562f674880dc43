package io.segmenta.reliability.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.reliability.properties.GeneratedExport.Fate;
import io.segmenta.source.ukretail.UkRetailSource;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests: the invariants of a run (docs/reliability.md) over exports generated from seeds
 * ({@link GeneratedExport}), each case named by its seed so that a failure is reproduced by it; through the real
 * uk-retail source, rfm extractor, kmeans algorithm, csv and json reporters and the model file, on the class path
 * as the CLI finds them.
 */
class RunInvariantsProperties {
    private static final PipelineEngine ENGINE = ServiceLoader.load(PipelineEngine.class).findFirst().orElseThrow();
    private static final Map<String, String> ALL_MALFORMED_COUNTED = Map.of("max-malformed", "100%");

    private Path dir;
    private int runs;

    @BeforeEach
    void makeFolder() throws IOException {
        dir = Files.createTempDirectory("segmenta-properties");
    }

    @AfterEach
    void removeFolder() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Seeds of the source property: many, since a read takes milliseconds. */
    static LongStream manySeeds() {
        return LongStream.rangeClosed(1, 200);
    }

    /** Seeds of the pipeline properties: each case trains a model. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    private static GeneratedExport export(long seed) {
        return GeneratedExport.of(seed, 120);
    }

    /** Every row read is kept or counted under one reason, and under the reason it deserves. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("manySeeds")
    void everyRowReadIsKeptOrCountedOnce(long seed) {
        GeneratedExport export = export(seed);
        Path file = export.write(dir.resolve("export-" + runs++ + ".csv"));
        DataQuality q = new UkRetailSource().read(file, new RecordingContext(ALL_MALFORMED_COUNTED, Integer.MAX_VALUE))
                .quality();
        assertEquals(export.rows().size(), q.rowsRead());
        assertEquals(q.rowsRead(), q.rowsKept() + q.rowsRejected());
        assertEquals(export.count(Fate.KEPT), q.rowsKept());
        assertEquals(export.count(Fate.MALFORMED), counted(q, "malformed: "));
        assertEquals(export.count(Fate.MISSING_CUSTOMER), counted(q, "missing CustomerID"));
        assertEquals(export.count(Fate.CANCELLED), counted(q, "cancelled invoice"));
        assertEquals(export.count(Fate.NON_POSITIVE_QUANTITY), counted(q, "quantity <= 0"));
        assertEquals(export.count(Fate.NON_POSITIVE_PRICE), counted(q, "unit price <= 0"));
        assertEquals(export.count(Fate.OVERFLOW), counted(q, "amount is not a finite number"));
        assertEquals((long) export.customersKept().size(), q.entityCounts().get("customers"));
    }

    /**
     * The customers add up: the data-quality account, the feature rows, the segments, assignments.csv and
     * summary.json all count the same customers.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void customersAddUpAcrossDataQualityFeaturesSegmentsAndReports(long seed) throws IOException {
        GeneratedExport export = export(seed);
        PipelineResult run = train(export, null);
        long customers = export.customersKept().size();
        assertEquals(customers, run.source().quality().entityCounts().get("customers"));
        assertEquals(customers, run.features().rowCount());
        assertEquals(customers, run.segments().stream().mapToLong(s -> s.size()).sum());
        assertEquals(customers, Files.readAllLines(run.spec().outputDir().resolve("assignments.csv")).size() - 1);
        JsonObject summary = JsonParser.parseString(Files.readString(run.spec().outputDir().resolve("summary.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(customers, summary.getAsJsonObject("business").get("entities").getAsLong());
        long inSegments = 0;
        for (JsonElement s : summary.getAsJsonArray("segments")) {
            inSegments += s.getAsJsonObject().get("size").getAsLong();
        }
        assertEquals(customers, inSegments);
        assertEquals(customers, summary.getAsJsonObject("dataQuality").getAsJsonObject("entityCounts")
                .get("customers").getAsLong());
    }

    /** Predict on the training input, with the saved model, gives every customer the segment of the run. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void predictOnTheTrainingInputGivesTheRunsAssignments(long seed) {
        GeneratedExport export = export(seed);
        Path model = dir.resolve("model-" + runs + ".json");
        PipelineResult run = train(export, model);
        PredictionResult predicted = predict(model, run.spec().input());
        assertEquals(byId(run.features().ids(), run.model().labels()),
                byId(predicted.features().ids(), predicted.segments()));
    }

    /**
     * A saved and restored model predicts as the fitted one: on the run's own scaled features, and on other data
     * (a second export) the file gives the same segments every time it is read.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSavedAndRestoredModelPredictsAsTheFittedOne(long seed) {
        GeneratedExport export = export(seed);
        GeneratedExport other = export(seed + 1_000_000);
        Path model = dir.resolve("model-" + runs + ".json");
        PipelineResult run = train(export, model);
        int[] fitted = run.model().predict(run.scaled());
        assertArrayEquals(run.model().labels(), fitted);
        PredictionResult restored = predict(model, run.spec().input());
        assertEquals(byId(run.features().ids(), fitted), byId(restored.features().ids(), restored.segments()));

        Path otherInput = other.write(dir.resolve("other-" + runs++ + ".csv"));
        PredictionResult once = predict(model, otherInput);
        PredictionResult again = predict(model, otherInput);
        assertEquals(once.features().ids(), again.features().ids());
        assertArrayEquals(once.segments(), again.segments());
        assertEquals(Arrays.stream(once.sizes()).sum(), other.customersKept().size());
    }

    private PipelineResult train(GeneratedExport export, Path model) {
        int run = runs++;
        Path input = export.write(dir.resolve("export-" + run + ".csv"));
        Map<String, String> options = new HashMap<>(ALL_MALFORMED_COUNTED);
        if (model != null) {
            options.put("save-model", model.toString());
        }
        return ENGINE.run(new PipelineSpec("uk-retail", input, "rfm", "kmeans", new ClusterRequest(3, 7, 2, 300),
                List.of("csv", "json"), dir.resolve("out-" + run), new Options(options)), null);
    }

    private PredictionResult predict(Path model, Path input) {
        return ENGINE.predict(new PredictSpec(model, input, Optional.empty(), dir.resolve("pred-" + runs++),
                new Options(ALL_MALFORMED_COUNTED)), null);
    }

    private static Map<String, Integer> byId(List<String> ids, int[] segments) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), segments[i]);
        }
        return map;
    }

    private static long counted(DataQuality q, String reasonStart) {
        return q.rejections().stream().filter(r -> r.reason().startsWith(reasonStart)).mapToLong(Rejection::count)
                .sum();
    }
}
