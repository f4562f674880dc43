package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UCI Online Retail file (541,909 rows, shared/data/uk-retail) on Spark local[2] against the single-machine
 * run: the same rows kept and rejected by reason, the same RFM per customer, and at k = 4 an inertia within 1%
 * (here equal: the gzip file is one partition, so the features come in the same order). Skipped with a message
 * when the file is not there.
 */
class UkRetailRealDataTest {
    @TempDir
    Path dir;

    @Test
    void theUciFileGivesTheSameAccountRfmAndSegmentsOnSpark() {
        Path file = Path.of(System.getProperty("segmenta.shared.dir", "../shared"), "data", "uk-retail",
                "online-retail-dataset.csv.gz");
        Assumptions.assumeTrue(Files.isRegularFile(file), "skipped: the UCI Online Retail file is not at " + file
                + " (the shared data folder)");
        PipelineSpec spec = new PipelineSpec("uk-retail", file, "rfm", "kmeans", new ClusterRequest(4, 42, 3, 300),
                List.of(), dir.resolve("out"), Options.empty());
        PipelineResult single = SparkPipeline.engine().run(spec, null);
        ExtractedFeatures extracted = SparkPipeline.extract(LocalSpark.session(), spec, file.toString());

        SameAnswers.sameExtraction(single, extracted, true);
        // the figures docs/sources/uk-retail.md gives for the full file
        assertEquals(541_909, extracted.quality().rowsRead());
        assertEquals(397_884, extracted.quality().rowsKept());
        assertEquals(List.of("missing CustomerID: 135080", "cancelled invoice (InvoiceNo starts with C): 8905",
                "quantity <= 0: 0", "unit price <= 0: 40"), SameAnswers.reasons(extracted.quality().rejections()));
        assertEquals(4_338, extracted.features().rowCount());

        PipelineResult onSpark = SparkPipeline.engine().runOnFeatures(spec, extracted, null);
        SameAnswers.inertiaWithinOnePercent(single, onSpark);
        assertArrayEquals(single.model().labels(), onSpark.model().labels());
    }
}
