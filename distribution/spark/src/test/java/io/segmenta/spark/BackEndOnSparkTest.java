package io.segmenta.spark;

import java.util.LinkedHashMap;

import io.segmenta.api.data.DataQuality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.pipeline.FeatureInput;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.generator.UkRetailGenerator;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine does with the features Spark extracts (local[2]), against the same use case on one machine: a
 * run choosing k in a range, predict with a saved model, and a feature set whose customer-table member is read on
 * the driver and clustered with K-Prototypes on its categorical column. On the generator's planted UK data (1,000
 * customers in five planted segments, seed 11; the customers come in first-seen order on both back-ends, the
 * monetary sums within 1e-9 since Spark reads the file in two partitions).
 */
class BackEndOnSparkTest {
    @TempDir
    static Path dir;
    static GeneratedSample sample;
    static Path input;
    static SparkSession spark;

    @BeforeAll
    static void generate() {
        spark = LocalSpark.session();
        sample = new UkRetailGenerator().generate(dir.resolve("generated"), new GeneratorRequest(1_000, 0, 11, false),
                new RecordingContext());
        input = sample.files().get(0);
    }

    static PipelineSpec spec(String features, String algorithm, int k, String out, Map<String, String> options,
            Map<String, FeatureInput> memberInputs) {
        return new PipelineSpec("uk-retail", input, features, algorithm, new ClusterRequest(k, 42, 3, 300),
                List.of("csv"), dir.resolve(out), new Options(options), memberInputs);
    }

    @Test
    void aRangeOfKIsChosenAsOnOneMachineAndThePlantedSegmentsAreFound() throws IOException {
        PipelineSpec spec = spec("rfm", "kmeans", 2, "auto-spark", Map.of(), Map.of());
        PipelineResult onSpark = SparkPipeline.runChoosingK(spark, spec, input.toString(), 2, 8, null);
        PipelineResult single = SparkPipeline.engine().runChoosingK(spec("rfm", "kmeans", 2, "auto-single", Map.of(),
                Map.of()), 2, 8, null);

        KSelection a = single.selection().orElseThrow();
        KSelection b = onSpark.selection().orElseThrow();
        assertEquals(a.recommendedK(), b.recommendedK());
        assertEquals(a.reason(), b.reason());
        for (int i = 0; i < a.candidates().size(); i++) {
            assertEquals(a.candidates().get(i).cost(), b.candidates().get(i).cost(), 1e-9 * a.candidates().get(i).cost());
            assertEquals(a.candidates().get(i).silhouette(), b.candidates().get(i).silhouette(), 1e-9);
        }
        assertArrayEquals(single.model().labels(), onSpark.model().labels());
        double ari = SameAnswers.plantedAri(sample.plantedSegments(), onSpark);
        System.out.println("planted segments on Spark, k chosen in 2..8: k = " + b.recommendedK() + ", adjusted Rand"
                + " index " + ari);
        assertEquals(5, b.recommendedK(), b.reason());
        assertTrue(ari >= 0.95, "adjusted Rand index " + ari);
    }

    @Test
    void predictPlacesTheCustomersAsTheSingleMachinePredict() throws IOException {
        Path model = dir.resolve("model.json");
        SparkPipeline.run(spark, spec("rfm", "kmeans", 5, "trained", Map.of("save-model", model.toString()),
                Map.of()), input.toString(), null);

        PredictionResult onSpark = SparkPipeline.predict(spark, new PredictSpec(model, dir.resolve("elsewhere.csv"),
                Optional.empty(), dir.resolve("p-spark"), Options.empty()), input.toString(), null);
        PredictionResult single = SparkPipeline.engine().predict(new PredictSpec(model, input, Optional.empty(),
                dir.resolve("p-single"), Options.empty()), null);

        assertArrayEquals(single.segments(), onSpark.segments());
        assertEquals(single.features().ids(), onSpark.features().ids());
        // on one machine predict reads only the fields its extractor needs, so uk-retail does not count products
        // there (docs/spark.md, "What differs"); the Spark read counts them: everything else is the same
        DataQuality spark = onSpark.source().quality();
        Map<String, Long> counts = new LinkedHashMap<>(spark.entityCounts());
        assertEquals(400L, counts.remove("products"));
        assertEquals(single.source().quality(), new DataQuality(spark.source(), spark.inputs(), spark.rowsRead(),
                spark.rowsKept(), spark.rejections(), spark.firstTimestamp(), spark.lastTimestamp(), counts,
                spark.duplicateRows()));
        assertEquals(Files.readString(single.outputs().get(0)), Files.readString(onSpark.outputs().get(0)),
                "the same predictions.csv");
        assertEquals(1_000, onSpark.segments().length);
    }

    @Test
    void aCustomerTableIsJoinedOnTheDriverAndKPrototypesUsesItsCategoricalColumn() throws IOException {
        // a CRM table for every other planted customer: a tier (categorical) and an age (numeric)
        List<String> planted = Files.readAllLines(sample.plantedSegments(), StandardCharsets.UTF_8);
        List<String> ids = planted.subList(1, planted.size()).stream().map(row -> row.split(",")[0]).toList();
        StringBuilder crm = new StringBuilder("customer,tier,age\n");
        for (int i = 0; i < ids.size(); i += 2) {
            crm.append(ids.get(i)).append(',').append(i % 6 == 0 ? "gold" : i % 6 == 2 ? "silver" : "bronze")
                    .append(',').append(20 + i % 47).append('\n');
        }
        Path table = Files.writeString(dir.resolve("crm.csv"), crm.toString());
        Map<String, FeatureInput> members = Map.of("crm", new FeatureInput(Optional.of("customer-table"), table));

        PipelineResult onSpark = SparkPipeline.run(spark, spec("rfm+crm:attributes", "kprototypes", 4, "crm-spark",
                Map.of(), members), input.toString(), null);
        PipelineResult single = SparkPipeline.engine().run(spec("rfm+crm:attributes", "kprototypes", 4, "crm-single",
                Map.of(), members), null);

        assertEquals(500, onSpark.features().rowCount(), "the customers in both members");
        assertEquals(List.of("recency", "frequency", "monetary", "age"), onSpark.features().numericNames());
        assertEquals("tier", onSpark.features().categorical().get(0).name());
        assertEquals(single.features().ids(), onSpark.features().ids());
        for (int c = 0; c < single.features().numeric().size(); c++) {
            double[] expected = single.features().numeric().get(c).values();
            double[] actual = onSpark.features().numeric().get(c).values();
            for (int i = 0; i < expected.length; i++) {
                // the file is read in two partitions: Spark adds the monetary partial sums in another order
                assertEquals(expected[i], actual[i], SameAnswers.TOLERANCE * Math.abs(expected[i]));
            }
        }
        assertEquals(single.features().categorical().get(0).levels(), onSpark.features().categorical().get(0)
                .levels());
        assertEquals(single.source().quality().entityCounts(), onSpark.source().quality().entityCounts());
        assertEquals("kprototypes", onSpark.model().algorithm());
        assertArrayEquals(single.model().labels(), onSpark.model().labels());
        assertEquals(single.quality().inertia(), onSpark.quality().inertia(), 1e-9 * single.quality().inertia());
        assertEquals(single.quality().silhouette(), onSpark.quality().silhouette(), 1e-9);
    }

}
