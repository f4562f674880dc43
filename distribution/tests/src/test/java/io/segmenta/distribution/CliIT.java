package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** bin/segmenta: the same stages on the plain JPMS module path (lib/), as a user runs it. */
public class CliIT {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    public void runsThePipelineOnTheSample() throws Exception {
        Path work = Distribution.workDir("cli-run");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "4", "--report", "csv,xlsx", "--out", "out");
        assertEquals(launch.toString(), 0, launch.exitCode);
        Distribution.assertShowsClusterTable(launch.out, 4);

        // --out is relative to the current folder, not to the distribution
        Map<String, String> summary = Distribution.checkReports(work.resolve("out"), 4);
        assertEquals("kmeans", summary.get("algorithm"));
        assertEquals("rfm", summary.get("feature extractor"));
        // the xlsx reporter's embedded fastexcel works as a named module on the module path
        Distribution.checkWorkbook(work.resolve("out"), Integer.parseInt(summary.get("customers")));
        Distribution.assertNoEmbeddedLibraryJars(Distribution.home());
        assertTrue(launch.out, launch.out.contains("segments.xlsx"));
    }

    @Test
    public void aMissingInputIsOneLineOnStandardErrorAndExitStatus2() throws Exception {
        Path work = Distribution.workDir("cli-missing");
        Path missing = work.resolve("no-such-file.csv");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                missing.toString(), "--k", "4", "--out", "out");
        assertEquals(launch.toString(), 2, launch.exitCode);
        List<String> lines = launch.err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("one line on stderr:\n" + launch, 1, lines.size());
        String line = lines.get(0);
        assertTrue("the message should name the missing file: " + line, line.contains("no-such-file.csv"));
        assertFalse("no exception class in the message: " + line, line.contains("Exception"));
        assertFalse("no stack frame in the message: " + line, line.matches("\\s*at .*"));
        assertFalse("nothing may be written", Files.exists(work.resolve("out/summary.csv")));
    }

    @Test
    public void listsTheFourKindsOfStage() throws Exception {
        Launch launch = Launch.run(Distribution.workDir("cli-stages"), TIMEOUT_SECONDS, "segmenta", "stages");
        assertEquals(launch.toString(), 0, launch.exitCode);
        Distribution.assertListsUkRetailStages(launch.out);
    }

    /**
     * A run saves its model; predict on the same data places every customer in the segment the run gave it,
     * through the JSON file, the restored scaler and the restored K-Means model, on the module path.
     */
    @Test
    public void aSavedModelPredictsTheSegmentsOfTheRun() throws Exception {
        Path work = Distribution.workDir("cli-predict");
        Launch train = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "4", "--out", "out", "--save-model", "model.json");
        assertEquals(train.toString(), 0, train.exitCode);
        assertTrue(Files.readString(work.resolve("model.json")).contains("\"format\": \"segmenta-model\""));

        Launch predict = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "model.json", "--input",
                Distribution.sample().toString(), "--out", "predicted");
        assertEquals(predict.toString(), 0, predict.exitCode);
        assertTrue(predict.out, predict.out.contains("Predicted segments (300 customers)"));
        List<String> assigned = Files.readAllLines(work.resolve("out/assignments.csv"));
        List<String> predicted = Files.readAllLines(work.resolve("predicted/predictions.csv"));
        assertEquals(assigned.get(0), predicted.get(0));
        assertEquals(assigned, predicted);

        Launch mismatch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "out/summary.csv",
                "--input", Distribution.sample().toString());
        assertEquals(mismatch.toString(), 2, mismatch.exitCode);
        assertTrue(mismatch.err, mismatch.err.contains("not a model file (not valid JSON"));
    }

    /**
     * A feature set on two transaction files of one shop (src/test/resources/featuresets): rfm on store.csv joined
     * on the customer with rfm on web.csv. Customers A and B are only in the store file, G and H only in the web
     * file: the inner join keeps C, D, E and F, the account counts the four others by the member they are missing
     * from, and k = 2 separates the big spenders C and D from E and F. The saved model predicts the same segments
     * when given both files again, and refuses to run without the web file.
     */
    @Test
    public void aFeatureSetJoinsTwoFilesOnTheCustomer() throws Exception {
        Path data = Path.of(System.getProperty("segmenta.dist.root")).resolve("tests/src/test/resources/featuresets");
        Path work = Distribution.workDir("cli-featureset");
        Launch run = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "mapped-csv", "--input",
                data.resolve("store.csv").toString(), "--features", "rfm+web:rfm", "--input.web",
                data.resolve("web.csv").toString(), "--option", "mapping=" + data.resolve("orders.properties"),
                "--snapshot", "2024-02-01", "--k", "2", "--report", "csv,json", "--out", "out", "--save-model",
                "model.json");
        assertEquals(run.toString(), 0, run.exitCode);

        Map<String, String> summary = Distribution.checkReports(work.resolve("out"), 2);
        assertEquals("rfm+web:rfm", summary.get("feature extractor"));
        assertEquals("4", summary.get("customers"));
        assertEquals("16", summary.get("rows read")); // 8 + 8
        assertEquals("16", summary.get("rows kept"));
        assertEquals("6", summary.get("distinct customers of member rfm in source"));
        assertEquals("6", summary.get("distinct customers of member web in source"));
        assertEquals("2", summary.get("distinct customers dropped by the join, not in web in source"));
        assertEquals("2", summary.get("distinct customers dropped by the join, not in rfm in source"));
        assertEquals("rfm.recency; rfm.frequency; rfm.monetary; web.recency; web.frequency; web.monetary",
                summary.get("features"));

        List<String> assignments = Files.readAllLines(work.resolve("out/assignments.csv"));
        assertEquals(5, assignments.size());
        Map<String, String> segment = new java.util.HashMap<>();
        for (String line : assignments.subList(1, assignments.size())) {
            String[] fields = line.split(",");
            segment.put(fields[0], fields[fields.length - 1]);
        }
        assertEquals(Set.of("C", "D", "E", "F"), segment.keySet());
        assertEquals(segment.get("C"), segment.get("D"));
        assertEquals(segment.get("E"), segment.get("F"));
        assertFalse(segment.get("C").equals(segment.get("E")));

        String json = Files.readString(work.resolve("out/summary.json")).replaceAll("\\s+", " ");
        assertTrue(json, json.contains("\"customers dropped by the join, not in rfm\": 2"));
        assertTrue(json, json.contains("\"customers dropped by the join, not in web\": 2"));
        assertTrue(json, json.contains("\"customers of member web\": 6"));

        Launch predict = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "model.json", "--input",
                data.resolve("store.csv").toString(), "--input.web", data.resolve("web.csv").toString(),
                "--snapshot", "2024-02-01", "--out", "predicted");
        assertEquals(predict.toString(), 0, predict.exitCode);
        assertEquals(assignments, Files.readAllLines(work.resolve("predicted/predictions.csv")));

        Launch without = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "model.json", "--input",
                data.resolve("store.csv").toString(), "--out", "predicted2");
        assertEquals(without.toString(), 2, without.exitCode);
        assertTrue(without.err, without.err.contains("whose member web read an input of its own"));
        assertTrue(without.err, without.err.contains("give the new one with --input.web PATH"));
        assertFalse(Files.exists(work.resolve("predicted2")));
    }

    /** The same pipeline file Felix watches, run as a batch job: k chosen from a range, as configured. */
    @Test
    public void runsAPipelineFile() throws Exception {
        Path work = Distribution.workDir("cli-pipeline");
        Path file = work.resolve("io.segmenta.pipeline-demo.cfg");
        Files.writeString(file, "source = uk-retail\ninput = " + Distribution.sample().toString().replace("\\", "/")
                + "\nk.min = 2\nk.max = 5\nout = out\noption.segment-names = 0=Biggest\n");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--pipeline", file.toString());
        assertEquals(launch.toString(), 0, launch.exitCode);
        assertTrue(launch.err, launch.err.contains("Recommended k") || launch.err.contains("k = "));
        assertTrue(Files.isRegularFile(work.resolve("out/summary.csv")));
        assertTrue(launch.out, launch.out.contains("Biggest"));

        Files.writeString(file, "source = uk-retail\ninput = x.csv\nk = 4\nk.min = 2\nk.max = 3\n");
        Launch bad = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--pipeline", file.toString());
        assertEquals(bad.toString(), 2, bad.exitCode);
        assertTrue(bad.err, bad.err.contains("field 'k': cannot be given with k.min and k.max"));
    }

    /**
     * Log lines on the module path: java.util.logging (the module java.logging is in the launcher's module graph)
     * on standard error, one line each; none at INFO by default, the run's with --verbose, nothing with --quiet.
     * Standard output holds the results in all three, and no log line.
     */
    @Test
    public void verboseLogsTheRunOnStandardErrorAndQuietSilencesProgress() throws Exception {
        Path work = Distribution.workDir("cli-logging");
        String[] run = {"run", "--source", "uk-retail", "--input", Distribution.sample().toString(), "--k", "4",
            "--out", "out"};
        Launch normal = Launch.run(work, TIMEOUT_SECONDS, "segmenta", run);
        assertEquals(normal.toString(), 0, normal.exitCode);
        assertFalse(normal.err, normal.err.contains(" INFO "));
        assertTrue("progress lines by default:\n" + normal.err, normal.err.contains("source uk-retail ..."));

        String[] verboseRun = new String[run.length + 1];
        verboseRun[0] = "--verbose";
        System.arraycopy(run, 0, verboseRun, 1, run.length);
        Launch verbose = Launch.run(work, TIMEOUT_SECONDS, "segmenta", verboseRun);
        assertEquals(verbose.toString(), 0, verbose.exitCode);
        assertTrue(verbose.err, verbose.err.lines().anyMatch(l -> l.matches(
                "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  io\\.segmenta\\.cli: run started: --source uk-retail .*")));
        assertTrue(verbose.err, verbose.err.lines().anyMatch(l -> l.matches(".* INFO  io\\.segmenta\\.cli: run done in [\\d,]+ ms")));
        Distribution.assertShowsClusterTable(verbose.out, 4);
        assertFalse("log lines go to stderr only:\n" + verbose.out, verbose.out.contains(" INFO "));

        String[] quietRun = verboseRun.clone();
        quietRun[0] = "--quiet";
        Launch quiet = Launch.run(work, TIMEOUT_SECONDS, "segmenta", quietRun);
        assertEquals(quiet.toString(), 0, quiet.exitCode);
        assertEquals("", quiet.err);
        Distribution.assertShowsClusterTable(quiet.out, 4);
    }

    /**
     * A run that fails after it started (here the clv extractor refuses its option once the source was read)
     * shows its error once: the engine's record of the failed run stays in the log, not beside the error line.
     */
    @Test
    public void aRunFailingAfterItStartedPrintsItsErrorOnce() throws Exception {
        Path work = Distribution.workDir("cli-failed-once");
        Launch run = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--features", "rfm+clv", "--option", "horizon=-3", "--k", "3",
                "--out", "out");
        assertEquals(run.toString(), 2, run.exitCode);
        assertEquals(run.err, 1, run.err.lines().filter(l -> l.contains("horizon must be a positive")).count());
        assertTrue(run.err, run.err.contains("segmenta: option horizon must be a positive number of weeks, not -3"));
        assertFalse(run.err, run.err.contains("WARN"));
    }
}
