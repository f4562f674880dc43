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
 * page must not have changed.
 */
class GoldenPageTest {
    @TempDir
    Path dir;

    @Test
    void thePageOfTheThreeCustomerFixtureIsAsRecorded() {
        assertEquals("049bea835438d84b1c9481c8dcda4ba8aa33348031152d7069ce6f03ae3b589c",
                sha256(HtmlReporter.page(Fixtures.threeCustomers(dir), "ECHARTS")));
    }

    @Test
    void thePageWithAChosenKAndSilhouettesIsAsRecorded() {
        assertEquals("c09f40bc799758d3890e48fc1b3f48477c0c96b227b1687b40334f370c488b74",
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
