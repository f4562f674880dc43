package io.segmenta.report.html;

import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.fmt;
import static io.segmenta.report.html.Html.grouped;
import static io.segmenta.report.html.Html.percent;
import static io.segmenta.report.html.Html.row;

import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentSilhouette;
import java.util.Map;

/** Section "Quality": the figures, the map of the entities and the silhouette per segment. */
final class QualitySection {
    private QualitySection() {
    }

    static void write(StringBuilder h, PipelineResult r, String entity, int number) {
        ClusterQuality q = r.quality();
        int n = r.features().rowCount();
        h.append("<section id=\"quality\"><h2>").append(number).append(". Quality</h2><table class=\"dq\">")
                .append(row("silhouette (-1 to 1, higher is better)", q.silhouette(), 4))
                .append(row("Davies-Bouldin (lower is better)", q.daviesBouldin(), 4))
                .append(row("Calinski-Harabasz (higher is better)", q.calinskiHarabasz(), 1))
                .append(row("inertia", q.inertia(), 2)).append(row("cost (" + r.model().algorithm() + ")",
                        r.model().cost(), 2))
                .append("</table><p class=\"note\" id=\"quality-note\">How well the segments are apart, on the "
                        + "scaled features. Silhouette: how much nearer each ").append(entity).append(" is to its own "
                        + "segment than to the next one (1 well apart, 0 on the border, below 0 nearer another "
                        + "segment), averaged. Davies-Bouldin: how alike each segment is to its most alike other "
                        + "segment (lower is better). Calinski-Harabasz: spread between segments over spread within "
                        + "them (higher is better). Inertia: the sum of squared distances of the ").append(entity)
                .append("s to their segment's centre. Cost: what the algorithm made as small as it could.</p>"
                        + "<h3>Map of the ").append(entity).append("s (first two principal components of the "
                        + "scaled features)</h3><p class=\"note\" id=\"map-note\">Each dot is one ").append(entity)
                .append(", in its segment's colour; dots close together are alike on every feature at once. The "
                        + "axes are the two directions along which the ").append(entity).append("s differ most "
                        + "(their share of all the differences in brackets). ")
                .append(n > HtmlReporter.MAP_POINTS ? "A uniform random sample of " + grouped(HtmlReporter.MAP_POINTS) + " of the "
                        + grouped(n) + " " + entity + "s is shown." : "All " + grouped(n) + " " + entity
                        + "s are shown.")
                .append("</p><div class=\"chart tall\" id=\"map\"></div>");
        if (!q.segmentSilhouettes().isEmpty()) {
            silhouettes(h, r, entity);
        }
        h.append("</section>\n");
    }

    /**
     * The silhouette plot (one band per segment of its rows' silhouettes, highest first, as scikit-learn's
     * example draws it) and a table of each segment's mean and share below zero.
     */
    private static void silhouettes(StringBuilder h, PipelineResult r, String entity) {
        ClusterQuality q = r.quality();
        int n = r.features().rowCount();
        h.append("<h3>Silhouette per segment</h3><p class=\"note\" id=\"silhouette-note\">Each band is one "
                + "segment's ").append(entity).append("s, from the best placed (near 1) to the worst (below 0: "
                + "nearer another segment); the dashed line is the mean. ")
                .append(q.silhouetteMeasured() < n ? "Measured on a uniform random sample of "
                        + grouped(q.silhouetteMeasured()) + " of the " + grouped(n) + " " + entity + "s"
                        : "Measured on all " + grouped(n) + " " + entity + "s")
                .append("; a band shows at most ").append(SegmentSilhouette.PROFILE_POINTS)
                .append(" evenly spaced ranks.</p><div class=\"chart tall\" id=\"silhouette\"></div>")
                .append("<table class=\"dq\"><tr><th>segment</th><th>measured</th><th>mean silhouette</th>"
                        + "<th>below 0</th></tr>");
        for (SegmentSilhouette s : q.segmentSilhouettes()) {
            String name = s.segment() < r.segments().size() ? r.segments().get(s.segment()).name() : "";
            h.append("<tr><th>").append(SegmentsSection.swatch(s.segment())).append(s.segment()).append(". ")
                    .append(esc(name)).append("</th><td>")
                    .append(grouped(s.measured())).append("</td><td>").append(fmt(s.mean(), 4)).append("</td><td>")
                    .append(s.measured() == 0 ? "" : percent(s.negativeShare())).append("</td></tr>");
        }
        h.append("</table>");
    }
}
