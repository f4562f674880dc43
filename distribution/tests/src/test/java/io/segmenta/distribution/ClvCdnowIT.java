package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The clv extractor end to end through the CLI on the module path: CDNOW read by mapped-csv (whitespace-aligned,
 * no header, yyyyMMdd dates), BG/NBD and Gamma-Gamma fitted with the papers' calibration, the fit in summary.json
 * (r = 0.2426 as Fader, Hardie &amp; Lee 2005 print it; docs/clv.md) and in the model file, and predict scoring
 * with the saved fit. Skipped when shared/data/cdnow is absent.
 */
public class ClvCdnowIT {
    private static final long TIMEOUT_SECONDS = 120;
    private static final String MAPPING = String.join("\n", "format.header=false", "format.delimiter=whitespace",
            "format.timestamp=yyyyMMdd", "field.customer=2", "field.timestamp=3", "field.quantity=4",
            "field.amount=5", "");

    @Test
    public void fitsCdnowAsThePapersAndPredictsWithTheSavedFit() throws Exception {
        String shared = System.getProperty("segmenta.shared.dir");
        Path data = shared == null ? null : Path.of(shared, "data/cdnow/CDNOW_sample.txt");
        assumeTrue("skipped: " + data + " is not here", data != null && Files.isRegularFile(data));
        Path work = Distribution.workDir("clv-cdnow");
        Files.writeString(work.resolve("cdnow.properties"), MAPPING);

        Launch run = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "mapped-csv", "--input",
                data.toString(), "--option", "mapping=cdnow.properties", "--features", "clv", "--option",
                "calibration-end=1997-09-30", "--option", "horizon=39", "--algorithm", "kmeans", "--k", "4",
                "--report", "json", "--save-model", "model.json", "--out", "out");
        assertEquals(run.toString(), 0, run.exitCode);
        assertTrue(run.out, run.out.contains("Fitted model (feature extractor clv)"));
        String json = Files.readString(work.resolve("out/summary.json"));
        String fit = json.substring(json.indexOf("\"featureFit\": {"));
        java.util.regex.Matcher r = java.util.regex.Pattern.compile("\"name\": \"r\",\\s*\"value\": ([0-9.]+)")
                .matcher(fit);
        assertTrue(fit.substring(0, Math.min(800, fit.length())), r.find());
        assertEquals(0.2426, Double.parseDouble(r.group(1)), 0.00005);
        assertTrue(fit.substring(0, Math.min(1500, fit.length())), fit.contains("\"holdout_actual\": 1882.0"));
        assertTrue(Files.readString(work.resolve("model.json")).contains("\"featureExtractor\""));

        Launch predict = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "model.json", "--input",
                data.toString(), "--option", "mapping=cdnow.properties", "--out", "pred");
        assertEquals(predict.toString(), 0, predict.exitCode);
        assertTrue(predict.toString(), (predict.out + predict.err).contains("scored 2357 customers with the saved fit"));
    }

    /**
     * clv combined with rfm in one feature set (issue 14 item 4): the clashing recency and frequency are named by
     * member, the fit is printed and saved, and predict on the same input, scoring with the saved fit, gives the
     * run's assignments back. On the built-in UK sample, so it runs everywhere.
     */
    @Test
    public void rfmAndClvClusterTogetherAndPredictWithTheSavedFit() throws Exception {
        Path work = Distribution.workDir("clv-rfm");
        Launch run = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--features", "rfm+clv", "--k", "4", "--report", "csv,json",
                "--save-model", "model.json", "--out", "out");
        assertEquals(run.toString(), 0, run.exitCode);
        assertTrue(run.out, run.out.contains("Fitted model (feature extractor clv)"));
        String header = Files.readAllLines(work.resolve("out/assignments.csv")).get(0);
        assertEquals("customer_id,rfm.recency,rfm.frequency,monetary,clv.frequency,clv.recency,age,p_alive,"
                + "expected_purchases,expected_value,clv,segment_name,segment", header);
        assertTrue(Files.readString(work.resolve("model.json")).contains("\"featureExtractor\""));

        Launch predict = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "model.json",
                "--input", Distribution.sample().toString(), "--out", "predicted");
        assertEquals(predict.toString(), 0, predict.exitCode);
        assertEquals(Files.readAllLines(work.resolve("out/assignments.csv")),
                Files.readAllLines(work.resolve("predicted/predictions.csv")));
    }
}
