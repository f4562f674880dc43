package io.segmenta.report.html;

import static io.segmenta.report.html.Html.card;
import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.grouped;
import static io.segmenta.report.html.Html.money;
import static io.segmenta.report.html.Html.percent;

import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentMovement;

/**
 * Section "Movement since the earlier run", when the run was compared with one (option compare-with): how many
 * entities stayed, moved, are new or gone, the flow between the segments as a Sankey chart ({@link TrendCharts}),
 * and the from x to table of entities and this run's revenue. Asked to compare with the previous run when there
 * was none yet, it says so.
 */
final class MovementSection {
    private MovementSection() {
    }

    /** True when the section has something to say: a movement, or that there was no earlier run to compare. */
    static boolean shown(PipelineResult r) {
        return r.movement().isPresent() || r.spec().options().get(EngineOptions.COMPARE_WITH).isPresent();
    }

    static void write(StringBuilder h, PipelineResult r, String entity, int number) {
        h.append("<section id=\"movement\"><h2>").append(number).append(". Movement since the earlier run</h2>");
        if (r.movement().isEmpty()) {
            h.append("<p>There was no earlier run in the output folder to compare with: this is the first run "
                    + "there. The next run will show how ").append(entity).append("s moved since this one.</p>")
                    .append("</section>\n");
            return;
        }
        SegmentMovement m = r.movement().get();
        long common = m.common();
        long stayed = m.stayed();
        long fresh = sum(m.newEntities());
        long lost = sum(m.lostEntities());
        double movedRevenue = 0;
        double[][] revenue = m.revenue();
        for (int f = 0; f < revenue.length; f++) {
            for (int t = 0; t < revenue[f].length; t++) {
                movedRevenue += m.stays(f, t) ? 0 : revenue[f][t];
            }
        }
        h.append("<p>Compared with the run in <code>").append(esc(m.previousFolder())).append("</code>")
                .append(m.previousFinished().isEmpty() ? "" : ", finished " + esc(m.previousFinished()))
                .append(". Segments are matched by name; a segment whose name is new is matched to the earlier "
                        + "segment of the same number, as noted below. Revenue is this run's revenue of the ")
                .append(entity).append("s concerned.</p><div class=\"cards\">");
        card(h, grouped(common), entity + "s in both runs");
        card(h, grouped(stayed) + " (" + percent(common == 0 ? Double.NaN : (double) stayed / common) + ")",
                "stayed in their segment");
        card(h, grouped(common - stayed), "moved to another segment");
        card(h, money(movedRevenue), "revenue of those who moved");
        card(h, grouped(fresh), "new " + entity + "s");
        card(h, grouped(lost), entity + "s no longer there");
        h.append("</div>");
        if (!m.notes().isEmpty()) {
            h.append("<ul class=\"note\" id=\"movement-notes\">");
            m.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ul>");
        }
        h.append("<div class=\"chart tall\" id=\"movement-flow\"></div>");
        table(h, m, entity);
        h.append("</section>\n");
    }

    /** Earlier segments as rows (and the new ones), this run's as columns (and the lost ones). */
    private static void table(StringBuilder h, SegmentMovement m, String entity) {
        long[][] entities = m.entities();
        double[][] revenue = m.revenue();
        h.append("<h3>From each earlier segment to each segment now</h3><p class=\"note\">Counts of ").append(entity)
                .append("s, and below each count their revenue in this run; shaded cells stayed in their segment."
                        + "</p><table class=\"dq\" id=\"movement-table\"><tr><th>earlier \\ now</th>");
        for (int t = 0; t < m.toSegments().size(); t++) {
            h.append("<th>").append(t).append(". ").append(esc(m.toSegments().get(t))).append("</th>");
        }
        h.append("<th>no longer there</th></tr>");
        for (int f = 0; f < entities.length; f++) {
            h.append("<tr><th>").append(f).append(". ").append(esc(m.fromSegments().get(f))).append("</th>");
            for (int t = 0; t < entities[f].length; t++) {
                cell(h, entities[f][t], revenue[f][t], m.stays(f, t));
            }
            h.append("<td>").append(grouped(m.lostEntities()[f])).append("</td></tr>");
        }
        h.append("<tr><th>new ").append(entity).append("s</th>");
        for (int t = 0; t < m.toSegments().size(); t++) {
            cell(h, m.newEntities()[t], m.newRevenue()[t], false);
        }
        h.append("<td></td></tr></table>");
    }

    private static void cell(StringBuilder h, long count, double revenue, boolean stayed) {
        h.append(stayed ? "<td class=\"stayed\">" : "<td>").append(grouped(count));
        if (count > 0) {
            h.append("<br><small>").append(money(revenue)).append("</small>");
        }
        h.append("</td>");
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
