package io.segmenta.report.html;

import static io.segmenta.report.html.Html.esc;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;

/** Section "Recommended actions": per segment the action its rule gives and why that rule was chosen. */
final class ActionsSection {
    private ActionsSection() {
    }

    /** True when a segment has an action (a result from an engine without action rules has none). */
    static boolean applies(PipelineResult r) {
        return r.segments().stream().anyMatch(s -> s.action().present());
    }

    static void write(StringBuilder h, PipelineResult r, int number) {
        h.append("<section id=\"actions\"><h2>").append(number).append(". Recommended actions</h2>")
                .append("<p class=\"note\">From the run's action rules: the first rule that holds for a segment "
                        + "gives its action. A rule looks at the segment's name or at its index of a feature (its "
                        + "mean as a percentage of the mean over everyone, 100 = average).</p>")
                .append("<table class=\"dq\" id=\"action-table\"><tr><th>segment</th><th>recommended action</th>"
                        + "<th>why</th></tr>");
        for (SegmentProfile s : r.segments()) {
            // text, not figures: left-aligned (the table style right-aligns numbers); the reason in grey
            h.append("<tr><th>").append(s.segment()).append(". ").append(esc(s.name()))
                    .append("</th><td style=\"text-align:left\">").append(esc(s.action().text()))
                    .append("</td><td style=\"text-align:left;color:#666\">").append(esc(s.action().reason()))
                    .append("</td></tr>");
        }
        h.append("</table></section>\n");
    }
}
