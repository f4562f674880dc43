package io.segmenta.report.html;

import static io.segmenta.report.html.Html.colour;
import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.grouped;
import static io.segmenta.report.html.Html.percent;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.table.output.DecimalText;
import java.util.List;

/** Section "Segments": each segment in words, the profile table coloured by index, snake plot, categories. */
final class SegmentsSection {
    private SegmentsSection() {
    }

    static void write(StringBuilder h, PipelineResult r, String entity, int number) {
        h.append("<section id=\"segments\"><h2>").append(number).append(". Segments</h2>")
                .append("<div class=\"chart\" id=\"sizes\"></div>");
        for (SegmentProfile s : r.segments()) {
            h.append("<div class=\"segment\"><h3><span class=\"swatch s").append(s.segment() % 10).append("\"></span>")
                    .append(s.segment()).append(". ").append(esc(s.name())).append("</h3><p>")
                    .append(grouped(s.size())).append(' ').append(entity).append(s.size() == 1 ? "" : "s").append(" (")
                    .append(percent(s.share()))
                    .append(Double.isNaN(s.valueShare()) ? "" : ", " + percent(s.valueShare()) + " of the value")
                    .append("). ").append(esc(SegmentDescription.describe(s, entity))).append("</p></div>");
        }
        h.append("<h3>Profile: mean of each feature (colour: index, 100 = all ").append(entity).append("s)</h3>")
                .append("<table class=\"profile\"><tr><th>segment</th>");
        List<String> features = r.features().numericNames();
        for (String f : features) {
            h.append("<th>").append(esc(f)).append("</th>");
        }
        h.append("</tr>");
        for (SegmentProfile s : r.segments()) {
            h.append("<tr><th>").append(s.segment()).append(". ").append(esc(s.name())).append("</th>");
            double[] means = s.means();
            double[] index = s.index();
            for (int j = 0; j < features.size(); j++) {
                h.append("<td style=\"background:").append(colour(index[j])).append("\" title=\"index ")
                        .append(Double.isNaN(index[j]) ? "n/a" : DecimalText.format(index[j], 0)).append("\">")
                        .append(Double.isNaN(means[j]) ? "" : DecimalText.format(means[j], 2)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("<tr class=\"all\"><th>all ").append(entity).append("s</th>");
        double[] population = r.segments().isEmpty() ? new double[0] : r.segments().get(0).populationMeans();
        for (int j = 0; j < features.size(); j++) {
            h.append("<td>").append(j < population.length && !Double.isNaN(population[j])
                    ? DecimalText.format(population[j], 2) : "").append("</td>");
        }
        h.append("</tr></table>")
                .append("<h3>Snake plot: mean of each scaled feature per segment</h3><div class=\"chart\" id=\"snake\"></div>");
        for (CategoricalColumn c : r.features().categorical()) {
            h.append("<h3>").append(esc(c.name())).append(" by segment</h3><div class=\"chart cat\" data-feature=\"")
                    .append(esc(c.name())).append("\"></div>");
        }
        h.append("</section>\n");
    }
}
