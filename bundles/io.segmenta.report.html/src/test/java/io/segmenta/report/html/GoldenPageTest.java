package io.segmenta.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page recorded (SHA-256, the output folder written as DIR) before the reporter was cut into one class per
 * section (both hashes checked against the reporter of e391c16): the same result must keep giving the same page,
 * character for character. The CLV section's styles and chart script ({@link PageAssets#CLV_CSS},
 * {@link PageAssets#CLV_SCRIPT}), added to every page's assets later, are taken out before hashing, and so are the
 * trends section added later still (its HTML, its entry in the page's data, its styles and script,
 * {@link TrendCharts}): the rest of the page must not have changed. Re-recorded once since, when the page was changed on purpose for a marketing reader
 * (issue 15: direction-aware colours, one palette, definitions, currency and dates, no developer references; the
 * new page was looked at in Chromium on the three samples before its hash was taken).
 */
class GoldenPageTest {
    @TempDir
    Path dir;

    @Test
    void thePageOfTheThreeCustomerFixtureIsAsRecorded() {
        PipelineResult r = Fixtures.threeCustomers(dir);
        assertEquals("d9aa9f627c9d0928db0a1d3a4d9545abf56113531de56db846e025298e861195",
                sha256(withoutTrends(HtmlReporter.page(r, "ECHARTS"), r)));
    }

    @Test
    void thePageWithAChosenKAndSilhouettesIsAsRecorded() {
        PipelineResult r = HtmlReporterTest.withSelection(Fixtures.threeCustomers(dir));
        assertEquals("02e66df9a854e4086afb8958d6ad3e8c4c77dbb70f1de0e88fbcc66a653f28d0",
                sha256(withoutTrends(HtmlReporter.page(r, "ECHARTS"), r)));
    }

    /**
     * The page without the trends section, renumbering the sections after it as before it was added (it is the
     * second-last, before the run details).
     */
    static String withoutTrends(String page, PipelineResult r) {
        return withoutTrendsSection(page, r).replace(TrendCharts.CSS, "").replace(TrendCharts.SCRIPT, "");
    }

    /** The page without the trends section and its data, the run details numbered as before it was added. */
    static String withoutTrendsSection(String page, PipelineResult r) {
        String data = ",\"trends\":" + TrendCharts.trends(r.trends()).toString().replace("</", "<\\/");
        assertTrue(page.contains(data), "the trends are in the page's data");
        Matcher section = Pattern.compile("<section id=\"trends\"><h2>(\\d+)\\. .*?</section>\n", Pattern.DOTALL)
                .matcher(page);
        assertTrue(section.find(), "the page has a trends section");
        int number = Integer.parseInt(section.group(1));
        return section.replaceFirst("").replace(data, "")
                .replace("<h2>" + (number + 1) + ". Run details", "<h2>" + number + ". Run details");
    }

    private String sha256(String page) {
        try {
            String without = page.replace(PageAssets.CLV_CSS, "").replace(PageAssets.CLV_SCRIPT, "");
            byte[] text = without.replace(dir.toString(), "DIR").getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
