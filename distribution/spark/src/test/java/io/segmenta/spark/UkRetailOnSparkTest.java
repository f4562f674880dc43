package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
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
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark back-end against the single-machine run on the same file (local[2]): a generated UK export (300
 * customers, the generator's dirt: guests, cancellations, free lines, duplicates) with one planted line for every
 * rule and every kind of malformed row; as CSV, gzip and typed Parquet.
 */
class UkRetailOnSparkTest {
    /** One line per rule of docs/sources/uk-retail.md, and lines that are kept although unusual. */
    static final String PLANTED = String.join("\n",
            "537000,85123A,\"WHITE HANGING HEART, T-LIGHT\",6,2011-06-01 10:00:00,2.55,99001.0,United Kingdom",
            "537001,85123A,X,abc,2011-06-01 10:00:00,2.55,99001.0,United Kingdom",
            ",85123A,X,6,2011-06-01 10:00:00,2.55,99001.0,United Kingdom",
            "537002,85123A,X,6,2/30/2011 10:00,2.55,99001.0,United Kingdom",
            "537003,85123A,X,6,6/2/2011 9:05,2.55,99002,France",
            "537004,85123A,X,6,2011-06-01 10:00:00,2.55,99001.0",
            "537005,85123A,X,6,2011-06-01 10:00:00,2.55,99001.0,United Kingdom,extra",
            "c537006,85123A,X,6,2011-06-01 10:00:00,2.55,99001.0,United Kingdom",
            "537007,85123A,X,0,2011-06-01 10:00:00,2.55,99001.0,United Kingdom",
            "537008,85123A,X,6,2011-06-01 10:00:00,-1,99001.0,United Kingdom",
            "537009,85123A,X,6,2011-06-01 10:00:00,1e308,99001.0,United Kingdom",
            "537010,85123A,X,6,2011-06-01 10:00:00,xyz,,United Kingdom",
            "537011,85123A,\"say \"\"hi\"\"\",2,2011-06-01 10:00:00,1.5, 99001 ,United Kingdom") + "\n";

    @TempDir
    static Path dir;
    static Path csv;
    static Path gzip;
    static Path planted;
    static SparkSession spark;

    @BeforeAll
    static void generate() throws IOException {
        spark = LocalSpark.session();
        GeneratedSample sample = new UkRetailGenerator().generate(dir.resolve("generated"),
                new GeneratorRequest(300, 0, 7, true), new RecordingContext());
        planted = sample.plantedSegments();
        csv = dir.resolve("dirty.csv");
        Files.copy(sample.files().get(0), csv);
        Files.writeString(csv, PLANTED, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        gzip = dir.resolve("dirty.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(csv, out);
        }
    }

    static PipelineSpec spec(String source, Path input, String algorithm, int k, Path out, Map<String, String> options) {
        return new PipelineSpec(source, input, "rfm", algorithm, new ClusterRequest(k, 42, 3, 300), List.of("csv"),
                out, new Options(options));
    }

    static PipelineResult singleMachine(Path input, Path out) {
        return SparkPipeline.engine().run(spec("uk-retail", input, "kmeans", 4, out, Map.of()), null);
    }

    @Test
    void csvAndGzipGiveTheSingleMachineAccountFeaturesFiguresAndSegments() throws IOException {
        PipelineResult single = singleMachine(csv, dir.resolve("single"));
        assertEquals(List.of("malformed: Quantity is not a number: 1", "malformed: InvoiceNo is empty: 1",
                "malformed: InvoiceDate is not a date-time: 1", "malformed: wrong number of fields: 2",
                "malformed: UnitPrice is not a number: 1"),
                SameAnswers.reasons(single.source().quality().rejections()).subList(0, 5),
                "the planted malformed rows, as the single-machine source counts them");
        for (Path input : List.of(csv, gzip)) {
            PipelineSpec spec = spec("uk-retail", input, "kmeans", 4, dir.resolve("spark-" + input.getFileName()),
                    Map.of());
            ExtractedFeatures extracted = SparkPipeline.extract(spark, spec, input.toString());
            SameAnswers.sameExtraction(single, extracted, true);

            // what SparkPipeline.run does after extracting
            PipelineResult onSpark = SparkPipeline.engine().runOnFeatures(spec, extracted, null);
            SameAnswers.inertiaWithinOnePercent(single, onSpark);
            // one input partition: the same features in the same order, so the very same segments
            assertArrayEquals(single.model().labels(), onSpark.model().labels());
            assertEquals(Files.readString(single.outputs().get(0)), Files.readString(onSpark.outputs().get(0)),
                    single.outputs().get(0).getFileName() + " is the same file");
        }
    }

    @Test
    void typedParquetInSeveralPartsGivesTheSameCustomersAndAnInertiaWithinOnePercent() {
        // the generated export without the planted lines (a typed file has no unreadable numbers)
        Path generated = dir.resolve("generated").resolve("online-retail.csv");
        String parquet = dir.resolve("typed.parquet").toString();
        spark.read().option("header", "true").csv(generated.toString())
                .withColumn("Quantity", functions.col("Quantity").cast(DataTypes.IntegerType))
                .withColumn("UnitPrice", functions.col("UnitPrice").cast(DataTypes.DoubleType))
                .withColumn("CustomerID", functions.col("CustomerID").cast(DataTypes.DoubleType))
                .withColumn("InvoiceDate", functions.to_timestamp(functions.col("InvoiceDate")))
                .repartition(3).write().parquet(parquet);
        PipelineResult single = singleMachine(generated, dir.resolve("single-clean"));
        PipelineSpec spec = spec("uk-retail", generated, "kmeans", 4, dir.resolve("parquet"), Map.of());
        ExtractedFeatures extracted = SparkPipeline.extract(spark, spec, parquet);
        SameAnswers.sameAccount(single.source().quality(), extracted.quality());
        SameAnswers.sameRfm(single.features(), extracted.features(), false);
        SameAnswers.sameBusiness(single.business(), extracted.business());
        SameAnswers.inertiaWithinOnePercent(single, SparkPipeline.engine().runOnFeatures(spec, extracted, null));
    }

    @Test
    void aSnapshotDateIsAppliedAsByTheRfmExtractor() {
        Map<String, String> snapshot = Map.of("snapshot", "2012-01-01");
        PipelineResult single = SparkPipeline.engine().run(spec("uk-retail", csv, "kmeans", 4, dir.resolve("s1"),
                snapshot), null);
        ExtractedFeatures extracted = SparkPipeline.extract(spark, spec("uk-retail", csv, "kmeans", 4,
                dir.resolve("s2"), snapshot), csv.toString());
        SameAnswers.sameRfm(single.features(), extracted.features(), true);
        Map<String, String> early = Map.of("snapshot", "2011-01-01");
        String expected = assertThrows(SegmentaException.class, () -> SparkPipeline.engine().run(spec("uk-retail", csv,
                "kmeans", 4, dir.resolve("s3"), early), null)).getMessage();
        assertTrue(expected.startsWith("option snapshot: 2011-01-01 is before the last transaction"), expected);
        assertEquals(expected, assertThrows(SegmentaException.class,
                        () -> SparkPipeline.extract(spark, spec("uk-retail", csv, "kmeans", 4, dir.resolve("s3"),
                                early), csv.toString())).getMessage());
    }

    @Test
    void tooManyMalformedRowsAMissingColumnAndAnotherSourceAreOneLineErrors() throws IOException {
        String strict = assertThrows(SegmentaException.class, () -> SparkPipeline.extract(spark,
                spec("uk-retail", csv, "kmeans", 4, dir.resolve("e"), Map.of("max-malformed", "0")), csv.toString()))
                .getMessage();
        // the planted rows follow the generated ones: the first malformed one is the second planted line
        long line = Files.readAllLines(csv).size() - PLANTED.lines().count() + 2;
        assertEquals(csv + ", line " + line + ": a malformed row (malformed: Quantity is not a number) and"
                + " max-malformed is 0", strict);

        Path noCountry = Files.writeString(dir.resolve("no-country.csv"),
                "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,Customer ID\n1,A,1,2011-01-01 10:00:00,1,5\n");
        assertEquals(noCountry + ": missing column Country; found the header InvoiceNo,StockCode,Quantity,InvoiceDate,"
                + "UnitPrice,Customer ID; expected " + UkRetailColumns.EXPECTED_HEADER,
                assertThrows(SegmentaException.class, () -> SparkPipeline.extract(spark, spec("uk-retail", noCountry,
                        "kmeans", 4, dir.resolve("e"), Map.of()), noCountry.toString())).getMessage());

        assertTrue(assertThrows(SegmentaException.class, () -> SparkPipeline.extract(spark, spec("no-such-source", csv,
                "kmeans", 4, dir.resolve("e"), Map.of()), csv.toString())).getMessage()
                .startsWith("the Spark back-end has no source 'no-such-source' (it reads: uk-retail"));
    }
}
