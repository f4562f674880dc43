package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.Options;
import io.segmenta.generator.UkRetailGenerator;
import io.segmenta.source.mapped.MappedCsvSource;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapped-csv source on Spark against the single-machine source (local[2]): a generated UK export with one
 * planted line per rule and kind of malformed row, read through the UCI mapping of docs/sources/mapped-csv.md; and
 * the mapped source's own European sample (semicolons, decimal comma, ISO-8859-1, day-first dates).
 */
class MappedCsvOnSparkTest {
    static final String UK_MAPPING = String.join("\n", "field.customer=CustomerID", "field.order=InvoiceNo",
            "field.timestamp=InvoiceDate", "field.quantity=Quantity", "field.unit_price=UnitPrice",
            "field.product=StockCode", "field.region=Country", "format.timestamp=yyyy-MM-dd HH:mm:ss",
            "clean.customer-strip-decimal-zero=true", "clean.drop-order-prefix=C",
            "clean.drop-nonpositive-quantity=true", "clean.drop-nonpositive-amount=true") + "\n";
    /** The mapped source's own sample, in the repository. */
    static final Path EUROPEAN = Path.of("../../bundles/io.segmenta.source.mapped/src/test/resources/mapped");

    @TempDir
    Path dir;

    private PipelineSpec spec(Path input, Map<String, String> options) {
        return UkRetailOnSparkTest.spec("mapped-csv", input, "kmeans", 2, dir.resolve("out"), options);
    }

    private void sameAsSingleMachine(Path input, Map<String, String> options) {
        PipelineResult single = SparkPipeline.engine().run(spec(input, options), null);
        ExtractedFeatures spark = SparkPipeline.extract(LocalSpark.session(), spec(input, options), input.toString());
        SameAnswers.sameExtraction(single, spark, true);
    }

    @Test
    void aGeneratedUkExportThroughTheUciMappingGivesTheSingleMachineAccountLinesAndRfm() throws IOException {
        GeneratedSample sample = new UkRetailGenerator().generate(dir.resolve("generated"),
                new GeneratorRequest(200, 0, 5, true), new RecordingContext());
        Path csv = dir.resolve("export.csv");
        Files.copy(sample.files().get(0), csv);
        Files.writeString(csv, UkRetailOnSparkTest.PLANTED, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path mapping = Files.writeString(dir.resolve("uk.properties"), UK_MAPPING);
        sameAsSingleMachine(csv, Map.of("mapping", mapping.toString()));

        // a malformed row with max-malformed=0: the file and the line, as the single-machine message gives them
        long line = Files.readAllLines(csv).size() - UkRetailOnSparkTest.PLANTED.lines().count() + 2;
        assertEquals(csv + ", line " + line + ": a malformed row (malformed: Quantity is not a number) and"
                + " max-malformed is 0", assertThrows(SegmentaException.class, () -> SparkPipeline.extract(
                        LocalSpark.session(), spec(csv, Map.of("mapping", mapping.toString(), "max-malformed", "0")),
                        csv.toString())).getMessage());
    }

    @Test
    void theEuropeanSampleReadsAsOnOneMachine() {
        Path input = EUROPEAN.resolve("european.csv");
        Map<String, String> options = Map.of("mapping", EUROPEAN.resolve("european.properties").toString());
        DataQuality single = new MappedCsvSource().read(input, new RecordingContext(options, Integer.MAX_VALUE))
                .quality();
        try (SparkTransactions spark = new MappedCsvOnSpark().read(LocalSpark.session(), input.toString(),
                new Options(options))) {
            SameAnswers.sameAccount(single, spark.quality());
            SameAnswers.sameFirstLines(single, spark.quality());
            // Menge 1.200 (thousands dot) x Einzelpreis 1.234,50 (decimal comma)
            assertEquals(List.of(6 * 2.55, 1200 * 1234.5, 2 * 0.99), spark.kept().orderBy(SparkTransactions.ROW)
                    .select("amount").as(Encoders.DOUBLE()).collectAsList());
            assertEquals(List.of("Île-de-France", "Île-de-France", "Bretagne"), spark.kept()
                    .orderBy(SparkTransactions.ROW).select("region").as(Encoders.STRING()).collectAsList());
        }
    }
}
