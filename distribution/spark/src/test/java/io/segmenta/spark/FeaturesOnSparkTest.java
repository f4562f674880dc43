package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.FitParameter;
import io.segmenta.api.stage.Options;
import io.segmenta.generator.UkRetailGenerator;
import io.segmenta.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buyer and clv extractors on Spark (local[2]) against the single-machine extractors on the same generated UK
 * export (400 customers with the generator's dirt): the same feature names, entities in the same order, the same
 * values to 1e-9 relative, the same categorical levels; for clv the same fit (parameters to 1e-6 relative); and
 * rfm+clv as a feature set, saved and predicted on Spark with the fit.
 */
class FeaturesOnSparkTest {
    @TempDir
    static Path dir;
    static Path input;
    static SparkSession spark;

    @BeforeAll
    static void generate() {
        spark = LocalSpark.session();
        GeneratedSample sample = new UkRetailGenerator().generate(dir.resolve("generated"),
                new GeneratorRequest(400, 0, 5, true), new RecordingContext());
        input = sample.files().get(0);
    }

    static PipelineSpec spec(String features, String out, Map<String, String> options) {
        return new PipelineSpec("uk-retail", input, features, "kmeans", new ClusterRequest(4, 42, 3, 300), List.of(),
                dir.resolve(out), new Options(options));
    }

    static void sameFeatures(FeatureMatrix expected, FeatureMatrix actual) {
        assertEquals(expected.ids(), actual.ids(), "the same entities in the same order");
        assertEquals(expected.numericNames(), actual.numericNames());
        assertEquals(expected.valueColumn(), actual.valueColumn());
        for (int c = 0; c < expected.numeric().size(); c++) {
            double[] e = expected.numeric().get(c).values();
            double[] a = actual.numeric().get(c).values();
            for (int i = 0; i < e.length; i++) {
                assertEquals(e[i], a[i], SameAnswers.TOLERANCE * Math.max(1, Math.abs(e[i])),
                        expected.numericNames().get(c) + " of " + expected.ids().get(i));
            }
        }
        assertEquals(expected.categorical().size(), actual.categorical().size());
        for (int c = 0; c < expected.categorical().size(); c++) {
            CategoricalColumn e = expected.categorical().get(c);
            CategoricalColumn a = actual.categorical().get(c);
            assertEquals(e.name(), a.name());
            assertEquals(e.levels(), a.levels());
            assertArrayEquals(e.codes(), a.codes(), e.name());
        }
    }

    @Test
    void buyerFeaturesAreTheSingleMachineOnes() {
        PipelineResult single = SparkPipeline.engine().run(spec("buyer", "b1", Map.of()), null);
        ExtractedFeatures onSpark = SparkPipeline.extract(spark, spec("buyer", "b2", Map.of()), input.toString());
        sameFeatures(single.features(), onSpark.features());
        assertTrue(onSpark.features().numericNames().contains("avg_order_value"));
        assertEquals("region", onSpark.features().categorical().get(0).name());
        SameAnswers.sameAccount(single.source().quality(), onSpark.quality());
        SameAnswers.sameBusiness(single.business(), onSpark.business());
    }

    @Test
    void clvFeaturesAndFitAreTheSingleMachineOnesAndPredictScoresWithTheSavedFit() {
        Map<String, String> options = Map.of("calibration-end", "2011-09-30", "save-model",
                dir.resolve("clv-spark.json").toString());
        PipelineResult single = SparkPipeline.engine().run(spec("rfm+clv", "c1", Map.of("calibration-end",
                "2011-09-30", "save-model", dir.resolve("clv-single.json").toString())), null);
        PipelineResult onSpark = SparkPipeline.run(spark, spec("rfm+clv", "c2", options), input.toString(), null);

        sameFeatures(single.features(), onSpark.features());
        SameAnswers.sameAccount(single.source().quality(), onSpark.source().quality());
        List<FitParameter> expected = single.featureFit().orElseThrow().parameters();
        List<FitParameter> actual = onSpark.featureFit().orElseThrow().parameters();
        assertEquals(expected.size(), actual.size());
        for (int p = 0; p < expected.size(); p++) {
            assertEquals(expected.get(p).name(), actual.get(p).name());
            assertEquals(expected.get(p).value(), actual.get(p).value(), 1e-6 * Math.abs(expected.get(p).value()),
                    expected.get(p).name());
        }
        assertEquals(single.featureFit().get().outputs(), onSpark.featureFit().get().outputs());
        assertArrayEquals(single.model().labels(), onSpark.model().labels());

        PredictionResult predicted = SparkPipeline.predict(spark, new PredictSpec(dir.resolve("clv-spark.json"),
                input, Optional.empty(), dir.resolve("p-spark"), Options.empty()), input.toString(), null);
        PredictionResult singlePredicted = SparkPipeline.engine().predict(new PredictSpec(dir.resolve("clv-spark.json"),
                input, Optional.empty(), dir.resolve("p-single"), Options.empty()), null);
        sameFeatures(singlePredicted.features(), predicted.features());
        assertArrayEquals(singlePredicted.segments(), predicted.segments());
    }
}
