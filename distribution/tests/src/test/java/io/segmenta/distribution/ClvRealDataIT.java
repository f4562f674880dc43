package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.Test;

/**
 * The clv extractor on the real UK retail export and the Olist sample (issue 14 item 6) through the CLI, with every
 * reporter: weeks, calibration end the day of the last order (the snapshot the day after it), no holdout. No NaN or
 * infinite value may reach any output; the CLV per segment of segments.csv must add up to the customers' CLV of
 * assignments.csv; on Olist, where almost every customer buys once, the run summary, summary.json, the HTML report
 * and the workbook must say what the model cannot tell. Skipped when shared/data lacks the data.
 */
public class ClvRealDataIT {
    private static final long TIMEOUT_SECONDS = 300;
    /** The caveat's first words (the clv extractor's ClvFeatures.fewRepeats). */
    private static final String CAVEAT = "caution: only ";

    @Test
    public void ukRetail() throws Exception {
        Path data = shared("data/uk-retail/online-retail-dataset.csv.gz");
        Path out = run("clv-uk-retail", "uk-retail", data);
        Map<String, String> summary = Distribution.checkReports(out, 4);
        assertEquals("4338", summary.get("customers"));
        String json = Files.readString(out.resolve("summary.json"));
        // UK retail has 2,790 repeat customers of 4,338 (docs/clv.md): no caveat
        assertTrue(json, json.contains("\"caveats\": []"));
    }

    @Test
    public void olistSaysWhatTheModelCannotTell() throws Exception {
        Path data = shared("data/olist");
        Path work = Distribution.workDir("clv-olist");
        Launch launch = launch(work, "olist", data);
        Path out = work.resolve("out");
        Distribution.checkReports(out, 4);
        String fitted = launch.out.substring(launch.out.indexOf("Fitted model (feature extractor clv)"));
        assertTrue(fitted, fitted.substring(0, fitted.indexOf('\n', fitted.indexOf('\n') + 1)).contains(CAVEAT));
        String json = Files.readString(out.resolve("summary.json"));
        assertTrue(json, json.contains("\"caveats\": [\n      \"" + CAVEAT));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<p class=\"caveat\"><strong>What the model can and cannot tell here:</strong> "
                + CAVEAT));
        assertTrue("the workbook's Lifetime value sheet has the caveat", sheets(out).contains(CAVEAT));
    }

    private static Path run(String name, String source, Path data) throws Exception {
        Path work = Distribution.workDir(name);
        launch(work, source, data);
        return work.resolve("out");
    }

    private static Launch launch(Path work, String source, Path data) throws Exception {
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", source, "--input",
                data.toString(), "--features", "clv", "--option", "time-unit=week", "--algorithm", "kmeans", "--k",
                "4", "--report", "csv,json,html,xlsx", "--out", "out");
        assertEquals(launch.toString(), 0, launch.exitCode);
        assertTrue(launch.out, launch.out.contains("Fitted model (feature extractor clv)"));
        Path out = work.resolve("out");
        for (String file : List.of("assignments.csv", "segments.csv", "summary.csv", "summary.json")) {
            assertFinite(file, Files.readString(out.resolve(file)));
        }
        // the page without the inlined chart library (whose code mentions NaN and Infinity)
        String html = Files.readString(out.resolve("report.html"));
        int library = html.indexOf("<script>", html.indexOf("<section id=\"details\""));
        assertFinite("report.html", html.substring(0, library) + html.substring(html.indexOf("const DATA=")));
        assertFinite("segments.xlsx", sheets(out));
        assertFinite("the run summary", launch.out);
        checkLifetimeValueAddsUp(out);
        return launch;
    }

    /** Per segment, clv_total of segments.csv is the sum of the clv of its customers in assignments.csv. */
    private static void checkLifetimeValueAddsUp(Path out) throws Exception {
        List<List<String>> assignments = Distribution.readCsv(out.resolve("assignments.csv"));
        int clv = assignments.get(0).indexOf("clv");
        List<List<String>> segments = Distribution.readCsv(out.resolve("segments.csv"));
        int total = segments.get(0).indexOf("clv_total");
        assertTrue(segments.get(0).toString(), clv > 0 && total > 0);
        double[] sums = new double[segments.size() - 1];
        for (List<String> row : assignments.subList(1, assignments.size())) {
            sums[Integer.parseInt(row.get(row.size() - 1))] += Double.parseDouble(row.get(clv));
        }
        for (List<String> row : segments.subList(1, segments.size())) {
            int s = Integer.parseInt(row.get(0));
            double given = Double.parseDouble(row.get(total));
            assertEquals("total CLV of segment " + s, sums[s], given, 1e-6 * Math.max(1, Math.abs(sums[s])));
        }
    }

    /** Every worksheet's XML of segments.xlsx, one after another. */
    private static String sheets(Path out) throws Exception {
        StringBuilder all = new StringBuilder();
        try (ZipFile zip = new ZipFile(out.resolve("segments.xlsx").toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith("xl/")) {
                    all.append(new String(zip.getInputStream(entry).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        String workbook = all.toString();
        assertTrue("a Lifetime value sheet", workbook.contains("name=\"Lifetime value\""));
        return workbook;
    }

    private static void assertFinite(String what, String text) {
        for (String bad : List.of("NaN", "Infinity", "∞")) {
            int at = text.indexOf(bad);
            assertFalse(what + " has " + bad + ": ..." + (at < 0 ? "" : text.substring(Math.max(0, at - 200),
                    Math.min(text.length(), at + 100))), at >= 0);
        }
    }

    private static Path shared(String relative) {
        String shared = System.getProperty("segmenta.shared.dir");
        Path data = shared == null ? null : Path.of(shared, relative);
        assumeTrue("skipped: " + data + " is not here (set segmenta.shared.dir to the shared folder)",
                data != null && Files.exists(data));
        return data;
    }
}
