package io.segmenta.spark;

import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Olist sample (shared/data/olist: 8,135 orders, every table gzip) on Spark local[2] against the
 * single-machine olist source and rfm extractor: the same rows kept and rejected by reason with the same first
 * lines, the same entity counts, dates and duplicates, the same RFM per customer and business figures. Skipped with
 * a message when the folder is not there.
 */
class OlistOnSparkTest {
    @TempDir
    Path dir;

    @Test
    void theOlistSampleGivesTheSingleMachineAccountAndRfm() {
        Path folder = Path.of(System.getProperty("segmenta.shared.dir", "../shared"), "data", "olist");
        Assumptions.assumeTrue(Files.isRegularFile(folder.resolve("olist_orders_dataset.csv.gz")),
                "skipped: the Olist sample is not at " + folder + " (the shared data folder)");
        PipelineSpec spec = UkRetailOnSparkTest.spec("olist", folder, "kmeans", 4, dir.resolve("out"), Map.of());
        PipelineResult single = SparkPipeline.engine().run(spec, null);
        ExtractedFeatures spark = SparkPipeline.extract(LocalSpark.session(), spec, folder.toString());
        SameAnswers.sameExtraction(single, spark, true);
    }
}
