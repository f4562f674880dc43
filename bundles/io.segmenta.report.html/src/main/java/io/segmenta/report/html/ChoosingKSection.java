package io.segmenta.report.html;

import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.fmt;
import static io.segmenta.report.html.Html.grouped;

import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;

/** Section "Choosing k", when the run chose k from a range: the reason, the elbow, every k's figures. */
final class ChoosingKSection {
    private ChoosingKSection() {
    }

    /** The k range that was run: cost with the elbow marked, silhouette, the two indices, and the reason. */
    static void write(StringBuilder h, KSelection sel, int number) {
        boolean stability = sel.candidates().stream().anyMatch(c -> !Double.isNaN(c.stability()));
        h.append("<section id=\"choosing-k\"><h2>").append(number).append(". Choosing k</h2><p>")
                .append(esc(sel.reason())).append("</p>")
                .append(sel.elbowK() > 0 ? "<p>The elbow of the cost curve (Kneedle) is at k = " + sel.elbowK() + ".</p>"
                        : "<p>The cost curve has no elbow (Kneedle).</p>")
                .append(sel.silhouetteSample() < sel.rows() ? "<p class=\"note\">The silhouette was computed on a "
                        + "uniform random sample of " + grouped(sel.silhouetteSample()) + " of " + grouped(sel.rows())
                        + " rows.</p>" : "")
                .append("<p class=\"note\" id=\"k-note\">Cost: what the algorithm makes as small as it can (the sum"
                        + " of squared distances to the segment centres, on the scaled features); it falls as k grows, "
                        + "and the elbow is where it stops falling fast. Silhouette, Davies-Bouldin and "
                        + "Calinski-Harabasz: how well the segments are apart, as defined under Quality.</p>")
                .append("<div class=\"chart\" id=\"k-cost\"></div><div class=\"chart\" id=\"k-indices\"></div>")
                .append("<table class=\"dq\"><tr><th>k</th><th>cost</th><th>silhouette</th>")
                .append(stability ? "<th>stability</th>" : "")
                .append("<th>Davies-Bouldin</th><th>Calinski-Harabasz</th></tr>");
        for (KCandidate c : sel.candidates()) {
            h.append("<tr").append(c.k() == sel.recommendedK() ? " class=\"chosen\"" : "").append("><th>").append(c.k())
                    .append(c.k() == sel.recommendedK() ? " (chosen)" : c.k() == sel.runnerUpK() ? " (runner-up)" : "")
                    .append("</th><td>").append(Html.number(c.cost(), 2)).append("</td><td>")
                    .append(fmt(c.silhouette(), 4))
                    .append(stability ? "</td><td>" + fmt(c.stability(), 3) : "")
                    .append("</td><td>").append(fmt(c.daviesBouldin(), 4)).append("</td><td>")
                    .append(Html.number(c.calinskiHarabasz(), 1)).append("</td></tr>");
        }
        h.append("</table>");
        if (stability) {
            h.append("<p class=\"note\">Stability: how alike the segments are when k is fitted again on seeded "
                    + "subsamples of 80 % of the customers (adjusted Rand index on the customers they share; 1 = the "
                    + "same segments every time, 0 = chance). k is chosen among the stable ones (at least 0.8) of at "
                    + "least " + sel.minK() + " segments.</p>");
        }
        h.append("</section>\n");
    }
}
