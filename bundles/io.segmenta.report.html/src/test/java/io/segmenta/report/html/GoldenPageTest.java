package io.segmenta.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page recorded (SHA-256, the output folder written as DIR) before the reporter was cut into one class per
 * section (both hashes checked against the reporter of e391c16): the same result must keep giving the same page,
 * character for character. The CLV section's styles and chart script ({@link PageAssets#CLV_CSS},
 * {@link PageAssets#CLV_SCRIPT}), added to every page's assets later, are taken out before hashing: the rest of the
 * page must not have changed. Re-recorded once since, when the page was changed on purpose for a marketing reader
 * (issue 15: direction-aware colours, one palette, definitions, currency and dates, no developer references; the
 * new page was looked at in Chromium on the three samples before its hash was taken).
 */
class GoldenPageTest {
    @TempDir
    Path dir;

    @Test
    void thePageOfTheThreeCustomerFixtureIsAsRecorded() {
        assertEquals("d9aa9f627c9d0928db0a1d3a4d9545abf56113531de56db846e025298e861195",
                sha256(HtmlReporter.page(Fixtures.threeCustomers(dir), "ECHARTS")));
    }

    @Test
    void thePageWithAChosenKAndSilhouettesIsAsRecorded() {
        assertEquals("02e66df9a854e4086afb8958d6ad3e8c4c77dbb70f1de0e88fbcc66a653f28d0",
                sha256(HtmlReporter.page(HtmlReporterTest.withSelection(Fixtures.threeCustomers(dir)), "ECHARTS")));
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
