package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.segmenta.testing.HeadlessChrome;
import io.segmenta.testing.ReportChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The HTML report of each business unit's sample pipeline (UK retail, Olist marketing, PaDi UMKM) as a reader
 * sees it, in headless Chromium: the checks of {@link ReportChecks} on the rendered page (no script error, every
 * chart with data, no colour twice in a chart, no text cut by a chart's edge, no stray or developer text), the
 * source's word for region, the currency and the dates in the header; and a screenshot of every section in
 * target/screenshots/ for a person to look at.
 */
public class ReportInBrowserIT {
    private static final long TIMEOUT_SECONDS = 300;

    private static Path home(String unit) {
        return Path.of(System.getProperty("segmenta.dist.root", "..")).resolve(unit).resolve("target")
                .resolve("segmenta-" + unit + "-" + System.getProperty("segmenta.version", "0.2.0-SNAPSHOT"))
                .toAbsolutePath();
    }

    /** Runs the unit's sample pipeline (its input made absolute, its output in a scratch folder); the report. */
    private static Path sampleReport(String unit) throws Exception {
        Path home = home(unit);
        assertTrue("the " + unit + " distribution was not built: " + home, Files.isDirectory(home));
        Path work = Distribution.workDir("browser-" + unit);
        Path pipeline;
        try (Stream<Path> files = Files.list(home.resolve("pipelines"))) {
            pipeline = files.filter(p -> p.toString().endsWith(".cfg")).findFirst().orElseThrow();
        }
        String text = Files.readString(pipeline, StandardCharsets.UTF_8).replaceAll("(?m)^input = (.*)$",
                "input = " + home.toString().replace("\\", "/") + "/$1").replaceAll("(?m)^save-model = .*$", "");
        Path copy = Files.writeString(work.resolve(pipeline.getFileName()), text, StandardCharsets.UTF_8);
        Launch batch = Launch.run(home, work, TIMEOUT_SECONDS, "segmenta", "run", "--pipeline", copy.toString());
        assertEquals(batch.toString(), 0, batch.exitCode);
        try (Stream<Path> files = Files.walk(work.resolve("out"))) {
            return files.filter(p -> p.getFileName().toString().equals("report.html")).findFirst().orElseThrow();
        }
    }

    private static void check(String unit, String regionTitle, String currency) throws Exception {
        assumeTrue("no " + HeadlessChrome.CHROMIUM + " and " + HeadlessChrome.CHROMEDRIVER, HeadlessChrome.available());
        Path report = sampleReport(unit);
        Path work = Distribution.workDir("chrome-" + unit);
        try (HeadlessChrome chrome = new HeadlessChrome(work.resolve("profile"))) {
            chrome.open(report);
            assertEquals(unit, List.of(), ReportChecks.problems(chrome));
            String header = chrome.eval("return document.querySelector('header').innerText;").getAsString();
            assertTrue(header, header.contains("Run on ") && header.contains("snapshot date")
                    && header.contains("amounts in " + currency));
            String page = chrome.eval("return document.body.innerText;").getAsString();
            assertTrue(unit + ": " + regionTitle, regionTitle == null || page.contains(regionTitle));
            List<Path> shots = ReportChecks.screenshots(chrome, Path.of("target", "screenshots"), unit);
            assertTrue(shots.size() >= 5);
        }
    }

    @Test
    public void ukRetail() throws Exception {
        check("uk-retail", "Top countries by amount (GBP)", "GBP");
    }

    @Test
    public void olistMarketing() throws Exception {
        check("olist-marketing", "State by segment", "BRL");
    }

    @Test
    public void padiUmkm() throws Exception {
        check("padi-umkm", null, "IDR");
    }
}
