package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.generator.UkRetailGenerator;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Algorithm spark-kmeans (MLlib on the executors) behind the engine: on the generator's planted segments it finds
 * what the engine's kmeans finds, and at k = 4 its inertia is within 1% of kmeans'; its model goes through the
 * engine's reporters and model file like any centroid model.
 */
class SparkKMeansTest {
    @TempDir
    static Path dir;
    static GeneratedSample sample;
    static ExtractedFeatures extracted;
    static Path input;

    @BeforeAll
    static void extract() {
        sample = new UkRetailGenerator().generate(dir.resolve("generated"), new GeneratorRequest(1_000, 0, 11, false),
                new RecordingContext());
        input = sample.files().get(0);
        extracted = SparkPipeline.extract(LocalSpark.session(), spec("kmeans", 5, "a"), input.toString());
    }

    static PipelineSpec spec(String algorithm, int k, String out) {
        return new PipelineSpec("uk-retail", input, "rfm", algorithm, new ClusterRequest(k, 42, 3, 300),
                List.of("csv"), dir.resolve(out), new Options(Map.of("save-model", dir.resolve(out + ".json")
                        .toString())));
    }

    @Test
    void thePlantedSegmentsAreFoundAsByTheEnginesKMeans() throws IOException {
        PipelineResult mllib = SparkPipeline.engine().runOnFeatures(spec("spark-kmeans", 5, "mllib"), extracted, null);
        PipelineResult smile = SparkPipeline.engine().runOnFeatures(spec("kmeans", 5, "smile"), extracted, null);
        double ariMllib = SameAnswers.plantedAri(sample.plantedSegments(), mllib);
        double ariSmile = SameAnswers.plantedAri(sample.plantedSegments(), smile);
        System.out.println("planted segments, adjusted Rand index: spark-kmeans " + ariMllib + ", kmeans " + ariSmile);
        // the bar; measured: 1.0 for both (1,000 customers, seed 11)
        assertTrue(ariMllib >= 0.95, "spark-kmeans ARI " + ariMllib);
        assertTrue(ariMllib >= ariSmile - 0.02, "spark-kmeans ARI " + ariMllib + ", kmeans " + ariSmile);
        assertEquals("spark-kmeans", mllib.model().algorithm());
        assertTrue(Files.readString(dir.resolve("mllib.json")).contains("spark-kmeans"), "the model file");
        assertTrue(Files.exists(dir.resolve("mllib").resolve("assignments.csv")));
    }

    @Test
    void atFourSegmentsTheInertiaIsWithinOnePercentOfKMeans() {
        PipelineResult mllib = SparkPipeline.engine().runOnFeatures(spec("spark-kmeans", 4, "m4"), extracted, null);
        PipelineResult smile = SparkPipeline.engine().runOnFeatures(spec("kmeans", 4, "s4"), extracted, null);
        System.out.println("k = 4 inertia: spark-kmeans " + mllib.quality().inertia() + ", kmeans "
                + smile.quality().inertia());
        SameAnswers.inertiaWithinOnePercent(smile, mllib);
    }

}
