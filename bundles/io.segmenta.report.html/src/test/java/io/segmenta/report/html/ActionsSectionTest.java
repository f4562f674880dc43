package io.segmenta.report.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The section "Recommended actions": present when the segments have actions, escaped, after "Segments". */
class ActionsSectionTest {
    @TempDir
    Path dir;

    @Test
    void aRowPerSegmentWithTheActionAndWhy() {
        PipelineResult r = Fixtures.withActions(Fixtures.threeCustomers(dir));
        String page = HtmlReporter.page(r, "");
        int section = page.indexOf("<section id=\"actions\"><h2>");
        assertTrue(section > page.indexOf("<section id=\"segments\">"), "after the segments");
        String table = page.substring(section, page.indexOf("</section>", section));
        assertTrue(table.contains("<h2>3. Recommended actions</h2>"), table);
        assertTrue(table.contains("<tr><th>0. " + Html.esc(r.segments().get(0).name()) + "</th><td style=\"text-align:left\">"
                + "Loyalty programme: reward &lt;frequent&gt; buyers</td><td style=\"text-align:left;color:#666\">"
                + "frequency index 250 &gt;= 150 (rules.txt line 3)</td></tr>"), table);
        assertTrue(table.contains(">Newsletter</td><td style=\"text-align:left;color:#666\">no other rule matched (rules.txt line 9)</td>"), table);
        assertFalse(HtmlReporter.page(Fixtures.threeCustomers(dir), "").contains("id=\"actions\""));
    }
}
