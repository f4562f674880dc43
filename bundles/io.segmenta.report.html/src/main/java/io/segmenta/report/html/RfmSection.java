package io.segmenta.report.html;

import static io.segmenta.report.html.Html.shade;
import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.grouped;
import static io.segmenta.report.html.Html.percent;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.table.rfm.RfmGrid;
import io.segmenta.table.rfm.RfmSegment;
import java.util.Arrays;
import java.util.Optional;

/** Section "RFM view", when the features have recency and frequency. */
final class RfmSection {
    private RfmSection() {
    }

    /** The RFM view, when the features have recency and frequency (see {@link RfmGrid}). */
    static Optional<RfmGrid> grid(PipelineResult r) {
        return RfmGrid.of(r.features(), r.model().labels(), r.model().k());
    }

    /**
     * The R x F grid as a heat map (each cell named by the RFM segment map, with its count), the named RFM
     * segments' sizes and value, and how the run's segments spread over them.
     */
    static void write(StringBuilder h, PipelineResult r, RfmGrid g, String entity, int number) {
        h.append("<section id=\"rfm\"><h2>").append(number).append(". RFM view</h2><p class=\"note\">Every ")
                .append(entity).append(" scored 1 to 5 on recency (R, 5 = bought most recently) and frequency (F, "
                        + "5 = most orders) by quintiles of their ranks among the ").append(grouped(g.entities()))
                .append(' ').append(entity).append("s of this run, and named by the standard RFM segment map "
                        + "(Champions, Loyal, At Risk, Lost ...). The scores are relative to this run's ").append(entity)
                .append("s, not fixed thresholds; where many ").append(entity).append("s share a value (one "
                        + "order) they are split between two scores in a fixed order, not by their other figures.</p><div class=\"chart tall\" id=\"rfm-grid\"></div>")
                .append("<table class=\"dq\" id=\"rfm-segments\"><tr><th>RFM segment</th><th>").append(entity)
                .append("s</th><th>share</th>").append(g.hasValue() ? "<th>share of the value</th>" : "")
                .append("</tr>");
        for (RfmSegment s : RfmSegment.values()) {
            int count = g.segmentCounts()[s.ordinal()];
            h.append("<tr><td>").append(esc(s.label())).append("</td><td>").append(grouped(count)).append("</td><td>")
                    .append(percent((double) count / g.entities())).append("</td>");
            if (g.hasValue()) {
                h.append("<td>").append(g.totalValue() == 0 ? "" : percent(g.segmentValues()[s.ordinal()]
                        / g.totalValue())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table><h3>Segments of this run by RFM segment (share of each segment's ").append(entity)
                .append("s)</h3><table class=\"profile\" id=\"rfm-by-segment\"><tr><th>segment</th>");
        for (RfmSegment s : RfmSegment.values()) {
            h.append("<th>").append(esc(s.label())).append("</th>");
        }
        h.append("</tr>");
        for (SegmentProfile p : r.segments()) {
            int[] row = g.bySegment()[p.segment()];
            int size = Arrays.stream(row).sum();
            h.append("<tr><th>").append(SegmentsSection.swatch(p.segment())).append(p.segment()).append(". ")
                    .append(esc(p.name())).append("</th>");
            for (int count : row) {
                double share = size == 0 ? 0 : (double) count / size;
                // a share is neither good nor bad: blue by concentration, share 0 white
                h.append("<td style=\"background:").append(shade(share)).append("\">")
                        .append(count == 0 ? "" : percent(share)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table></section>\n");
    }
}
