package io.segmenta.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.SegmentSilhouette;
import io.segmenta.testing.Fixtures;
import io.segmenta.testing.HeadlessChrome;
import io.segmenta.testing.ReportChecks;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReporterTest {
    @TempDir
    Path dir;

    private final HtmlReporter reporter = new HtmlReporter();

    /** The three-customer fixture, as if k had been chosen from 2..4. */
    static PipelineResult withSelection(PipelineResult r) {
        KSelection selection = new KSelection(r.spec(), List.of(
                new KCandidate(2, 900.0, 0.41, 0.95, 1200.0, 3_000_000L),
                new KCandidate(3, 500.0, 0.45, 0.80, 1500.0, 4_000_000L),
                new KCandidate(4, 420.0, 0.38, 0.90, 1400.0, 5_000_000L)),
                3, 2, "k = 2: because it is the test", 3, 3);
        // and a silhouette per segment, as the engine measures it (segment 2 of one customer: nothing to measure)
        ClusterQuality q = r.quality();
        ClusterQuality withSilhouettes = new ClusterQuality(q.inertia(), q.silhouette(), q.daviesBouldin(),
                q.calinskiHarabasz(), 3, List.of(new SegmentSilhouette(0, 2, 0.35, 0.0, new double[] {0.5, 0.2}),
                        new SegmentSilhouette(1, 1, -0.1, 1.0, new double[] {-0.1}),
                        new SegmentSilhouette(2, 0, Double.NaN, 0.0, new double[0])));
        return Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(), r.model(),
                withSilhouettes, r.segments(), r.timings(), r.stageVersions(), r.outputs(), Optional.of(selection));
    }

    /**
     * With a feature fit and the clv columns the page gets a CLV section: the caveat first, the parameters, the
     * holdout table with its chart beside it, total and mean CLV per segment (segment 1 holds customers 12346 and
     * 12348: 100 + 20 = 120, mean 60), the distribution, the P(alive) heat map (from the columns the fit declares,
     * here prefixed clv.frequency and clv.recency) and the top customers by CLV (12347 first).
     */
    @Test
    void aFeatureFitGetsACustomerLifetimeValueSection() throws IOException {
        PipelineResult withFit = Fixtures.lifetimeValue(Fixtures.threeCustomers(dir));
        String html = Files.readString(reporter.report(withFit, dir, new RecordingContext()).get(0),
                StandardCharsets.UTF_8);
        String section = html.substring(html.indexOf("<section id=\"clv\">"), html.indexOf("</section>",
                html.indexOf("<section id=\"clv\">")));
        assertTrue(section.contains("<p class=\"caveat\"><strong>What the model can and cannot tell here:</strong> "
                + Fixtures.CAVEAT + "</p>"), section);
        assertTrue(section.indexOf("class=\"caveat\"") < section.indexOf("<th>parameter</th>"), "caveat first");
        assertTrue(section.contains("<td>BG/NBD</td><td>r</td><td>0.2426</td><td>0.01260</td>"), section);
        assertTrue(section.contains("<td>Gamma-Gamma</td><td>q</td><td>3.744</td><td>n/a</td>"), section);
        assertTrue(section.contains("<tr><th>holdout actual</th><td>1,882</td></tr>"), section);
        assertTrue(section.contains("<tr><th>7+</th><td>10</td><td>7.240</td><td>6.530</td></tr></table>"
                + "<div class=\"chart\" id=\"clv-holdout\"></div></div>"), section);
        assertTrue(section.contains("<th>1 Rest</th><td>2</td><td>120.00</td><td>60.00</td><td>0.75</td><td>0.7</td>"),
                section);
        assertTrue(section.contains("<th>0 Best</th><td>1</td><td>900.00</td><td>900.00</td><td>6</td><td>0.9</td>"),
                section);
        assertTrue(section.indexOf("<tr><th>12347</th>") < section.indexOf("<tr><th>12346</th>"), section);
        assertTrue(section.contains("P(alive) by frequency and recency"), section);
        assertTrue(section.contains("title=\"1 customer\">0.90</td>"), section);

        var holdout = HtmlReporter.data(withFit).getAsJsonObject("clvHoldout");
        assertEquals("[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7+\"]", holdout.get("labels").toString());
        assertEquals(7.24, holdout.getAsJsonArray("actual").get(7).getAsDouble(), 1e-9);
        assertEquals(0.23, holdout.getAsJsonArray("predicted").get(0).getAsDouble(), 1e-9);
    }

    /** Without declared output columns (a fit of API 1.4) the section has the fit but no per-segment CLV. */
    @Test
    void aFitThatDeclaresNoColumnsGetsNoPerSegmentTable() throws IOException {
        PipelineResult r = Fixtures.lifetimeValue(Fixtures.threeCustomers(dir));
        io.segmenta.api.stage.FeatureFit f = r.featureFit().orElseThrow();
        PipelineResult bare = Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(),
                r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs(), r.selection(),
                r.business(), Optional.of(new io.segmenta.api.stage.FeatureFit(f.extractor(), f.state(),
                        f.parameters(), f.figures(), f.tables())));
        String html = HtmlReporter.page(bare, "");
        assertTrue(html.contains("<section id=\"clv\">"), "the fit is shown");
        assertFalse(html.contains("<h3>Per segment</h3>"), "no guessing of columns by name");
        assertFalse(html.contains("class=\"caveat\""), "no caveat");
    }

    private Path write() {
        PipelineResult result = withSelection(Fixtures.threeCustomers(dir));
        List<Path> files = reporter.report(result, dir, new RecordingContext());
        assertEquals(List.of(dir.resolve("report.html")), files);
        return files.get(0);
    }

    @Test
    void oneSelfContainedFileWithEverySectionAndNoReferenceToTheNetwork() throws IOException {
        String html = Files.readString(write(), StandardCharsets.UTF_8);
        for (String section : List.of("id=\"overview\"", "id=\"choosing-k\"", "id=\"segments\"", "id=\"quality\"",
                "id=\"details\"")) {
            assertTrue(html.contains(section), section);
        }
        assertFalse(html.contains("src=\"http"), "no script or image is loaded from the network");
        assertFalse(html.contains("href=\"http"), "no stylesheet is loaded from the network");
        assertTrue(html.contains("echarts"), "the chart library is inlined");
        assertTrue(html.contains("Dormant, High-Value"), "segment names appear, escaped where needed");
        assertTrue(html.contains("Korea, Republic of"), "categorical levels appear");
        assertTrue(html.contains("k = 2: because it is the test"), "the reason k was chosen");
        assertTrue(html.contains("<h3>Silhouette per segment</h3>") && html.contains("id=\"silhouette\""),
                "the silhouette plot");
        assertTrue(html.contains("Measured on all 3 customers"), "what the silhouette was measured on");
        assertTrue(html.contains("The elbow of the cost curve (Kneedle) is at k = 3."), html.substring(0, 200));
        assertTrue(html.contains("<h2>2. Choosing k</h2>") && html.contains("<h2>3. Segments</h2>"),
                "sections are numbered in order");
        assertTrue(html.length() < 1_200_000, "about the size of the inlined library: " + html.length());
    }

    /*
     * The fixture's three customers: recency 325, 2, 75.5 days and 1, 7, 4 orders score (pandas' qcut of the
     * ranks, docs/rfm-segments.md) R = 1, 5, 3 and F = 1, 5, 3, so they are Lost, Champions and Need Attention;
     * segment 0 is the second customer, segment 1 the other two.
     */
    @Test
    void aCustomerTableShowsNoOrderCardsButItsValueFeaturesTotal() throws IOException {
        PipelineResult table = Fixtures.customerTable(Fixtures.threeCustomers(dir));
        String page = Files.readString(reporter.report(table, dir, new RecordingContext()).get(0),
                StandardCharsets.UTF_8);
        assertTrue(page.contains("<b>none</b><span>transactions (a customer table)</span>"), page);
        String total = String.format(java.util.Locale.ROOT, "%,.2f",
                java.util.Arrays.stream(table.features().value().orElseThrow().values()).sum());
        assertTrue(page.contains("<b>" + total + "</b><span>total " + table.features().valueColumn() + "</span>"),
                page);
        assertFalse(page.contains("<span>orders</span>"), "no order count for a customer table");
        assertFalse(page.contains("average order value"), "no order value for a customer table");
    }

    @Test
    void aRunOnHandedOverFeaturesShowsTheBusinessFiguresItWasGivenWithoutTransactions() throws IOException {
        PipelineResult normal = withSelection(Fixtures.threeCustomers(dir));
        String html = Files.readString(write(), StandardCharsets.UTF_8);
        Path same = reporter.report(Fixtures.handedOver(normal, normal.business()), dir, new RecordingContext()).get(0);
        // the transactions stayed with the back-end, so there are no trends to show; the rest is the same page
        assertEquals(GoldenPageTest.withoutTrendsSection(html, normal), Files.readString(same, StandardCharsets.UTF_8),
                "the same page from the same figures");

        Path given = reporter.report(Fixtures.handedOver(normal, Fixtures.twoRegions()), dir, new RecordingContext())
                .get(0);
        String page = Files.readString(given, StandardCharsets.UTF_8);
        assertTrue(page.contains("<b>40</b><span>orders</span>"), page);
        assertTrue(page.contains("<b>1,000.00</b><span>total amount</span>"), page);
        assertTrue(page.contains("<b>25.00</b><span>average order value</span>"), page);
        assertTrue(page.contains("id=\"top-region\""), "the region chart");
        assertTrue(page.contains("\"region\":{\"levels\":[\"United Kingdom\",\"Korea\"],\"amounts\":[700"), page);
    }

    @Test
    void theRfmViewShowsTheGridTheNamedSegmentsAndHowTheRunsSegmentsSpreadOverThem() throws IOException {
        String html = Files.readString(write(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2>5. RFM view</h2>") && html.contains("<h2>6. Trends over time</h2>")
                && html.contains("<h2>7. Run details</h2>"), "the RFM view comes between quality and the trends");
        assertTrue(html.contains("id=\"rfm-grid\""), "the grid chart");
        String table = html.substring(html.indexOf("id=\"rfm-segments\""), html.indexOf("id=\"rfm-by-segment\""));
        assertTrue(table.contains("<tr><td>Champions</td><td>1</td><td>33.3%</td><td>5.2%</td></tr>"), table);
        assertTrue(table.contains("<tr><td>Lost</td><td>1</td><td>33.3%</td><td>92.7%</td></tr>"), table);
        assertTrue(table.contains("<tr><td>Need Attention</td><td>1</td><td>33.3%</td><td>2.2%</td></tr>"), table);
        assertTrue(table.contains("<tr><td>At Risk</td><td>0</td><td>0%</td><td>0%</td></tr>"), table);
        String bySegment = html.substring(html.indexOf("id=\"rfm-by-segment\""), html.indexOf("id=\"details\""));
        // a share is neither good nor bad: the strongest blue where the whole segment lives
        assertTrue(bySegment.contains("\"background:hsl(210,60%,55%)\">100%</td>") && bySegment.contains(">50%</td>"), bySegment);

        // the chart's data: 25 cells, the one of R = 5, F = 5 (x = F - 1, y = R - 1) holding one customer
        var rfm = HtmlReporter.data(withSelection(Fixtures.threeCustomers(dir))).getAsJsonObject("rfm");
        assertEquals(25, rfm.getAsJsonArray("cells").size());
        assertEquals("[4,4,1]", rfm.getAsJsonArray("cells").get(24).toString());
        assertEquals("Champions", rfm.getAsJsonArray("names").get(24).getAsString());
        assertEquals("Lost", rfm.getAsJsonArray("names").get(0).getAsString());
    }

    @Test
    void withoutRecencyAndFrequencyThereIsNoRfmView() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir);
        FeatureMatrix noFrequency = new FeatureMatrix(r.features().entity(), r.features().ids(),
                List.of(r.features().numeric().get(0), r.features().numeric().get(2)), r.features().categorical(),
                "monetary");
        FeatureMatrix scaledNoFrequency = new FeatureMatrix(r.scaled().entity(), r.scaled().ids(),
                List.of(r.scaled().numeric().get(0), r.scaled().numeric().get(2)), r.scaled().categorical(),
                "monetary");
        PipelineResult without = Fixtures.result(r.spec(), r.source(), noFrequency, scaledNoFrequency, r.scaling(), r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs(),
                Optional.empty());
        String html = HtmlReporter.page(without, "");
        assertFalse(html.contains("RFM view"), "no RFM section");
        assertTrue(html.contains("<h2>4. Trends over time</h2>") && html.contains("<h2>5. Run details</h2>"),
                "the sections are numbered without it");
        assertFalse(HtmlReporter.data(without).has("rfm"));
    }

    @Test
    void describesWhatSetsASegmentApart() {
        SegmentProfile s = new SegmentProfile(0, "Big", 10, 0.1, 0.5, List.of("recency", "frequency", "monetary"),
                new double[] {60, 9, 4000}, new double[] {60, 9, 4000}, new double[] {90, 3, 1000}, List.of());
        assertEquals("Compared with all customers: monetary 4 times the average; frequency 3 times the average.",
                HtmlReporter.describe(s, "customer"));
        SegmentProfile average = new SegmentProfile(1, "Mid", 10, 0.1, 0.5, List.of("recency"),
                new double[] {95}, new double[] {95}, new double[] {90}, List.of());
        assertEquals("Close to the average customer on every feature.", HtmlReporter.describe(average, "customer"));
        assertEquals("hsl(140,70%,60%)", HtmlReporter.colour(400));
        assertEquals("hsl(30,70%,60%)", HtmlReporter.colour(25));
        assertEquals("hsl(140,70%,100%)", HtmlReporter.colour(100));
    }

    @Test
    void aSampleIsUniformDistinctSortedAndSeeded() {
        int[] a = HtmlReporter.sample(10_000, 3000, 42);
        assertEquals(3000, a.length);
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i] > a[i - 1]);
        }
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(HtmlReporter.sample(10_000, 3000, 42)));
        assertEquals(5, HtmlReporter.sample(5, 5, 1).length);
    }

    /**
     * The report in a real browser (Debian's chromium through chromedriver): no script error, and every chart
     * has rendered with data; a screenshot is kept in target/ for a person to look at.
     */
    @Test
    void rendersInAHeadlessBrowserWithoutScriptErrors() throws Exception {
        Assumptions.assumeTrue(HeadlessChrome.available(), "skipped: no " + HeadlessChrome.CHROMIUM + " and "
                + HeadlessChrome.CHROMEDRIVER + " (Debian's chromium and chromium-driver; .ci/run installs them)");
        Path report = write();
        try (HeadlessChrome chrome = new HeadlessChrome(dir.resolve("profile"))) {
            chrome.open(report);
            JsonElement errors = chrome.eval("return window.__segmentaErrors;");
            assertEquals("[]", errors.toString(), "script errors");
            int charts = chrome.eval("return document.querySelectorAll('.chart').length;").getAsInt();
            int rendered = chrome.eval("return document.querySelectorAll('.chart[data-rendered]').length;").getAsInt();
            assertTrue(charts >= 7, "charts: " + charts);
            assertEquals(1, chrome.eval("return document.querySelectorAll('#silhouette[data-rendered]').length;")
                    .getAsInt(), "the silhouette plot rendered");
            assertEquals(1, chrome.eval("return document.querySelectorAll('#rfm-grid[data-rendered]').length;")
                    .getAsInt(), "the RFM grid rendered");
            assertEquals(charts, rendered, "every chart rendered");
            int withData = chrome.eval("var n=0;document.querySelectorAll('.chart').forEach(function(el){"
                    + "var c=echarts.getInstanceByDom(el);var s=c&&c.getOption().series;"
                    + "if(s&&s.length&&s.some(function(x){return x.data&&x.data.length>0;}))n++;});return n;")
                    .getAsInt();
            assertEquals(charts, withData, "every chart has data");
            // and as a reader sees it: no colour twice in a chart, no text cut by a chart's edge, no stray text
            assertEquals(List.of(), ReportChecks.problems(chrome));
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            chrome.screenshot(shots.resolve("report.png"));
            assertTrue(Files.size(shots.resolve("report.png")) > 10_000);
        }
    }

    /** The CLV section's holdout chart in the browser: rendered, two lines of eight points, no script error. */
    @Test
    void theHoldoutChartRendersInAHeadlessBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChrome.available(), "skipped: no " + HeadlessChrome.CHROMIUM + " and "
                + HeadlessChrome.CHROMEDRIVER + " (Debian's chromium and chromium-driver; .ci/run installs them)");
        Path report = reporter.report(Fixtures.lifetimeValue(Fixtures.threeCustomers(dir)), dir,
                new RecordingContext()).get(0);
        try (HeadlessChrome chrome = new HeadlessChrome(dir.resolve("profile"))) {
            chrome.open(report);
            assertEquals("[]", chrome.eval("return window.__segmentaErrors;").toString(), "script errors");
            assertEquals(1, chrome.eval("return document.querySelectorAll('#clv-holdout[data-rendered]').length;")
                    .getAsInt(), "the holdout chart rendered");
            assertEquals("[8,8]", chrome.eval("var s=echarts.getInstanceByDom(document.getElementById('clv-holdout'))"
                    + ".getOption().series;return s.map(function(x){return x.data.length;});").toString());
            chrome.eval("document.getElementById('clv').scrollIntoView();return 0;");
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            chrome.screenshot(shots.resolve("clv.png"));
        }
    }

    @Test
    void choosingKShowsTheStabilityOfEachKAndTheRunnerUp() {
        PipelineResult r = Fixtures.threeCustomers(dir);
        KSelection selection = new KSelection(r.spec(), List.of(
                new KCandidate(2, 900.0, 0.41, 0.95, 1200.0, 3_000_000L, 0.99),
                new KCandidate(3, 500.0, 0.45, 0.80, 1500.0, 4_000_000L, 0.85)),
                0, 3, "k = 3: stable. Runner-up: k = 2.", 3, 3, 2, 3);
        StringBuilder h = new StringBuilder();
        ChoosingKSection.write(h, selection, 2);
        String section = h.toString();
        assertTrue(section.contains("<th>silhouette</th><th>stability</th>"), section);
        assertTrue(section.contains("<th>2 (runner-up)</th>") && section.contains("<td>0.99</td>"), section);
        assertTrue(section.contains("of at least 3 segments."), section);
        StringBuilder old = new StringBuilder();
        ChoosingKSection.write(old, new KSelection(r.spec(), List.of(new KCandidate(2, 900.0, 0.41, 0.95, 1200.0,
                3_000_000L)), 0, 2, "k = 2", 3, 3), 2);
        assertFalse(old.toString().contains("stability"), "not measured: no column");
    }
}
