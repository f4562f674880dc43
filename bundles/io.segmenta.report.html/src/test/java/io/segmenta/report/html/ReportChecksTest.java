package io.segmenta.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.testing.HeadlessChrome;
import io.segmenta.testing.ReportChecks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser checks find what they are for: on a page drawn as the old report drew it (axis labels of
 * 8,000,000 in a 20-pixel margin, two series in one colour, "NaN" and a documentation path in the text) each
 * fault is reported; the same chart drawn with room for its labels and a colour per series passes.
 */
class ReportChecksTest {
    @TempDir
    Path dir;

    private static String echarts() throws IOException {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(
                "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path page(String name, String option, String text) throws IOException {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>window.__segmentaErrors=[];</script>"
                + "</head><body><p>" + text + "</p><div class=\"chart\" id=\"c\" style=\"width:600px;height:300px\">"
                + "</div><script>" + echarts() + "</script><script>const DATA={segments:['a','b']};"
                + "var c=echarts.init(document.getElementById('c'),null,{renderer:'svg'});c.setOption(" + option
                + ");</script></body></html>";
        return Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
    }

    @Test
    void reportsCutLabelsRepeatedColoursAndStrayText() throws Exception {
        Assumptions.assumeTrue(HeadlessChrome.available(), "skipped: no chromium and chromedriver");
        String data = "xAxis:{type:'category',data:['a','b']},series:[{name:'one',type:'bar',color:'#4e79a7',"
                + "data:[8000000,5000000]},{name:'two',type:'bar',color:'#4e79a7',data:[1,2]}]";
        Path bad = page("bad.html", "{animation:false,grid:{left:20,right:0},yAxis:{type:'value'}," + data + "}",
                "see docs/user-guide.md; value NaN");
        Path good = page("good.html", "{animation:false,grid:{left:10,right:20,containLabel:true},yAxis:{type:'value'},"
                + data.replace("name:'two',type:'bar',color:'#4e79a7'", "name:'two',type:'bar',color:'#f28e2b'") + "}",
                "all fine");
        try (HeadlessChrome chrome = new HeadlessChrome(dir.resolve("profile"))) {
            chrome.open(bad);
            List<String> problems = ReportChecks.problems(chrome);
            assertTrue(problems.stream().anyMatch(p -> p.matches("c: text \"[0-9,]+\" is cut by the chart's edge")),
                    problems.toString());
            assertTrue(problems.contains("c: series \"two\" has the colour of \"one\" (#4e79a7)"), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("page text: ") && p.contains("docs/")),
                    problems.toString());
            chrome.open(good);
            assertEquals(List.of(), ReportChecks.problems(chrome));
        }
    }
}
