package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of spark-submit and bin/segmenta-spark. */
class SegmentaSparkTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SegmentaSpark.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), LocalSpark::session);
    }

    @Test
    void aRunPrintsTheSingleMachineSummaryAndWritesTheReports() throws Exception {
        Path input = Files.writeString(dir.resolve("small.csv"), SmallExport.text());
        Path out = dir.resolve("out");
        assertEquals(0, run("run", "--source", "uk-retail", "--input", input.toString(), "--k", "2",
                "--report", "csv,json", "--out", out.toString()), err.toString());
        String summary = this.out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("customers"), summary);
        assertTrue(Files.exists(out.resolve("summary.json")), "json report");
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"rowsRead\": " + SmallExport.ROWS)
                || Files.readString(out.resolve("summary.json")).contains("" + SmallExport.ROWS));
    }

    @Test
    void aNamedPipelineFileRunsToo() throws Exception {
        Path input = Files.writeString(dir.resolve("small.csv"), SmallExport.text());
        Path cfg = Files.writeString(dir.resolve("weekly.cfg"), "source=uk-retail\ninput=" + input + "\nk=2\nout="
                + dir.resolve("weekly") + "\nreport=csv\n");
        assertEquals(0, run("pipeline", cfg.toString()), err.toString());
        assertTrue(Files.isDirectory(dir.resolve("weekly")));
    }

    @Test
    void usageErrorsAreOneLineWithoutStartingSpark() {
        assertEquals(2, SegmentaSpark.run(List.of("frobnicate"), new PrintStream(out), new PrintStream(err),
                () -> {
                    throw new AssertionError("no session for a usage error");
                }));
        assertEquals("segmenta-spark: unknown command 'frobnicate'; expected run, pipeline or predict\n",
                err.toString());
        err.reset();
        assertEquals(2, run("run", "--source", "customer-table", "--input", "x.csv", "--k", "2..5"));
        assertEquals("segmenta-spark: the Spark back-end has no source 'customer-table' (it reads: "
                + String.join(", ", SparkPipeline.sources()) + "); run that pipeline with bin/segmenta\n",
                err.toString());
        err.reset();
        assertEquals(2, run("predict", "--input", "x.csv"));
        assertEquals("segmenta-spark: missing --model: name the model file a run saved with --save-model\n",
                err.toString());
    }

    @Test
    void aRangeOfKIsChosenAndTheSavedModelPredictsFromTheCommandLine() throws Exception {
        Path input = Files.writeString(dir.resolve("small.csv"), SmallExport.text());
        Path model = dir.resolve("small.json");
        assertEquals(0, run("run", "--source", "uk-retail", "--input", input.toString(), "--k", "2..4",
                "--save-model", model.toString(), "--out", dir.resolve("auto").toString()), err.toString());
        String summary = this.out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("Choosing k: kmeans on 6 rows of rfm features"), summary);
        assertTrue(summary.contains("Recommended k = "), summary);
        this.out.reset();
        assertEquals(0, run("predict", "--model", model.toString(), "--input", input.toString(), "--out",
                dir.resolve("predicted").toString()), err.toString());
        assertTrue(this.out.toString(StandardCharsets.UTF_8).contains("Predicted segments (6 customers)"),
                this.out.toString());
        assertEquals(7, Files.readAllLines(dir.resolve("predicted").resolve("predictions.csv")).size());
    }

    @Test
    void aMissingFileIsOneLine() {
        assertEquals(1, run("run", "--source", "uk-retail", "--input", dir.resolve("nope.csv").toString()));
        assertEquals("segmenta-spark: " + dir.resolve("nope.csv") + ": no such file or folder\n", err.toString());
    }

    @Test
    void aFolderSparkCannotReadIsOneLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("csv-folder"));
        Files.writeString(folder.resolve("part.csv"), SmallExport.text());
        assertEquals(1, run("run", "--source", "uk-retail", "--input", folder.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("segmenta-spark: " + folder + ": Spark cannot read it: "), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void aFailingSparkTaskIsOneLineSayingWhereTheLogIs() throws Exception {
        // a gzip file cut short: the task that reads it fails on the executor
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(SmallExport.text().repeat(50).getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = zipped.toByteArray();
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(bytes, bytes.length - 30));
        assertEquals(1, run("run", "--source", "uk-retail", "--input", cut.toString(), "--k", "2"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("segmenta-spark: " + cut + ": Spark cannot read it: "), message);
        assertTrue(message.strip().endsWith("(details in Spark's log)"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void localModeUsesAShufflePartitionPerCoreUnlessGiven() {
        SparkConf none = new SparkConf(false);
        assertEquals(Map.of("spark.sql.shuffle.partitions", "2"), SegmentaSpark.localDefaults(true, none, 2));
        assertEquals(Map.of(), SegmentaSpark.localDefaults(false, none, 2), "a cluster keeps Spark's default");
        SparkConf given = new SparkConf(false).set("spark.sql.shuffle.partitions", "64");
        assertEquals(Map.of(), SegmentaSpark.localDefaults(true, given, 2), "the user's value stays");
    }

    @Test
    void aUriKeepsItsDoubleSlash() {
        assertEquals("s3a://bucket/retail/2024.parquet", SparkPaths.uri(Path.of("s3a://bucket/retail/2024.parquet")
                .toString()));
        assertEquals("/data/x.csv", SparkPaths.uri("/data/x.csv"));
        assertEquals(List.of("s3a://b/k"), SegmentaSpark.rawInput(List.of("--source", "uk-retail", "--input",
                "s3a://b/k")).stream().toList());
    }
}
