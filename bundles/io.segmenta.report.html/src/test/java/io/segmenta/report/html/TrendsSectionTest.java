package io.segmenta.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.api.stage.Options;
import io.segmenta.testing.Fixtures;
import io.segmenta.testing.HeadlessChrome;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trends and movement sections on the three-customer fixture (12346 in segment 1 bought 77,183.60 in
 * December 2010; 12347 in segment 0 4,310 and 12348 in segment 1 1,797.24 in December 2011), compared with an
 * earlier run whose segment "Lapsed" has no namesake now.
 */
class TrendsSectionTest {
    @TempDir
    Path dir;

    static PipelineResult compared(PipelineResult r) {
        return r.withMovement(new SegmentMovement("runs/earlier", "id-1", "2026-11-01T06:00:00Z",
                List.of("Lapsed", "High-Spending Regulars"), List.of("High-Spending Regulars", "Dormant, High-Value"),
                new long[][] {{0, 1}, {1, 0}}, new double[][] {{0, 77183.6}, {4310, 0}}, new long[] {0, 1},
                new double[] {0, 1797.24}, new long[] {2, 0}, new int[] {-1, 0},
                List.of("earlier segment 0 'Lapsed' has no segment of the same name in this run")));
    }

    private static String section(String html, String id) {
        int from = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(from >= 0, "no section " + id);
        return html.substring(from, html.indexOf("</section>", from));
    }

    @Test
    void trendsAndMovementSectionsWithTheirFigures() {
        PipelineResult r = compared(Fixtures.threeCustomers(dir));
        String html = HtmlReporter.page(r, "ECHARTS");
        String trends = section(html, "trends");
        assertTrue(trends.contains("from 2010-12 to 2011-12"), trends);
        assertTrue(trends.contains("id=\"trend-revenue\"") && trends.contains("id=\"trend-orders\"")
                && trends.contains("id=\"trend-active\""), trends);
        assertFalse(trends.contains("trend-top"), "the fixture has no category, product or region: no top table");

        String movement = section(html, "movement");
        assertTrue(movement.contains("<code>runs/earlier</code>, finished 2026-11-01T06:00:00Z"), movement);
        assertTrue(movement.contains("<b>2</b><span>customers in both runs</span>"), movement);
        assertTrue(movement.contains("<b>1 (50%)</b><span>stayed in their segment</span>"), movement);
        assertTrue(movement.contains("<b>77,183.60</b><span>revenue of those who moved</span>"), movement);
        assertTrue(movement.contains("<b>2</b><span>customers no longer there</span>"), movement);
        assertTrue(movement.contains("<li>earlier segment 0 'Lapsed' has no segment of the same name in this run</li>"),
                movement);
        assertTrue(movement.contains("<b>1</b><span>new customers</span>"), movement);
        assertTrue(movement.contains("<tr><th>1. High-Spending Regulars</th><td class=\"stayed\">1<br><small>4,310.00"
                + "</small></td><td>0</td><td>0</td></tr>"), movement);
        assertTrue(movement.contains("<tr><th>new customers</th><td>0</td><td>1<br><small>1,797.24</small></td>"),
                movement);

        var data = HtmlReporter.data(r);
        String zeros = ",0.0".repeat(11);
        assertEquals("[[0.0" + zeros + ",4310.0],[77183.6" + zeros + ",1797.24]]",
                data.getAsJsonObject("trends").get("revenue").toString(), "eleven empty months between");
        assertEquals("[{\"source\":\"earlier 0. Lapsed\",\"target\":\"now 1. Dormant, High-Value\",\"value\":1},"
                + "{\"source\":\"earlier 0. Lapsed\",\"target\":\"no longer there\",\"value\":2},"
                + "{\"source\":\"earlier 1. High-Spending Regulars\",\"target\":\"now 0. High-Spending Regulars\","
                + "\"value\":1},{\"source\":\"new\",\"target\":\"now 1. Dormant, High-Value\",\"value\":1}]",
                data.getAsJsonObject("movement").get("links").toString());
        assertEquals("[{\"name\":\"earlier 0. Lapsed\",\"segment\":-1,\"now\":false},"
                + "{\"name\":\"earlier 1. High-Spending Regulars\",\"segment\":0,\"now\":false},"
                + "{\"name\":\"new\",\"segment\":-1,\"now\":false},"
                + "{\"name\":\"now 0. High-Spending Regulars\",\"segment\":0,\"now\":true},"
                + "{\"name\":\"now 1. Dormant, High-Value\",\"segment\":1,\"now\":true},"
                + "{\"name\":\"no longer there\",\"segment\":-1,\"now\":true}]",
                data.getAsJsonObject("movement").get("nodes").toString(),
                "an earlier segment in the colour of its match now, grey without one");
    }

    @Test
    void theFlowLeavesOutNodesWithoutAnyCustomer() {
        SegmentMovement same = new SegmentMovement("e", "", "", List.of("A"), List.of("A", "B"), new long[][] {{3, 0}},
                new double[][] {{1, 0}}, new long[] {0, 0}, new double[] {0, 0}, new long[] {0}, new int[] {0},
                List.of());
        assertEquals("[{\"name\":\"earlier 0. A\",\"segment\":0,\"now\":false},"
                + "{\"name\":\"now 0. A\",\"segment\":0,\"now\":true}]",
                TrendCharts.flow(same).get("nodes").toString(), "no new, no lost, nobody in B");
    }

    @Test
    void askedToCompareWithThePreviousRunWhenThereWasNoneTheSectionSaysSo() {
        PipelineResult r = Fixtures.threeCustomers(dir);
        PipelineSpec s = r.spec();
        PipelineSpec asked = new PipelineSpec(s.source(), s.input(), s.features(), s.algorithm(), s.cluster(),
                s.reporters(), s.outputDir(), new Options(Map.of(EngineOptions.COMPARE_WITH,
                        EngineOptions.COMPARE_WITH_PREVIOUS)));
        PipelineResult first = Fixtures.result(asked, r.source(), r.features(), r.scaled(), r.scaling(), r.model(),
                r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs());
        assertTrue(section(HtmlReporter.page(first, "ECHARTS"), "movement").contains("this is the first run there"));
        assertFalse(HtmlReporter.page(r, "ECHARTS").contains("<section id=\"movement\">"), "not asked: no section");
    }

    /** In a real browser: no script error, the three monthly charts and the flow chart drawn with data. */
    @Test
    void theChartsRenderInAHeadlessBrowser() throws Exception {
        Assumptions.assumeTrue(HeadlessChrome.available(), "skipped: no " + HeadlessChrome.CHROMIUM + " and "
                + HeadlessChrome.CHROMEDRIVER + " (Debian's chromium and chromium-driver; .ci/run installs them)");
        Path report = new HtmlReporter().report(compared(Fixtures.threeCustomers(dir)), dir, new RecordingContext())
                .get(0);
        try (HeadlessChrome chrome = new HeadlessChrome(dir.resolve("profile"))) {
            chrome.open(report);
            assertEquals("[]", chrome.eval("return window.__segmentaErrors;").toString(), "script errors");
            for (String id : List.of("trend-revenue", "trend-orders", "trend-active", "movement-flow")) {
                assertEquals(1, chrome.eval("return document.querySelectorAll('#" + id + "[data-rendered]').length;")
                        .getAsInt(), id + " rendered");
            }
            assertEquals("[13,13]", chrome.eval("var s=echarts.getInstanceByDom(document.getElementById("
                    + "'trend-revenue')).getOption().series;return s.map(function(x){return x.data.length;});")
                    .toString(), "a line of 13 months per segment");
            assertEquals(4, chrome.eval("return echarts.getInstanceByDom(document.getElementById('movement-flow'))"
                    + ".getOption().series[0].links.length;").getAsInt());
            assertEquals("[\"left\",\"left\",\"left\"]", chrome.eval("return echarts.getInstanceByDom(document"
                    + ".getElementById('movement-flow')).getOption().series[0].data.filter(function(n){"
                    + "return n.name.indexOf('now')===0||n.name==='no longer there';}).map(function(n){"
                    + "return n.label.position;});").toString(), "right-hand labels drawn inside the chart");
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            chrome.eval("document.getElementById('trends').scrollIntoView();return 0;");
            chrome.screenshot(shots.resolve("trends.png"));
            chrome.eval("document.getElementById('movement').scrollIntoView();return 0;");
            chrome.screenshot(shots.resolve("movement.png"));
        }
        assertTrue(Files.readString(report, StandardCharsets.UTF_8).contains("<section id=\"trends\">"));
    }

    @Test
    void noTransactionsNoTrendsSection() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir);
        assertFalse(HtmlReporter.page(Fixtures.handedOver(r, r.business()), "ECHARTS").contains("id=\"trends\""));
    }
}
