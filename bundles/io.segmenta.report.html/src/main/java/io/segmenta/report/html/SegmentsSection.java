package io.segmenta.report.html;

import static io.segmenta.report.html.Html.colour;
import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.grouped;
import static io.segmenta.report.html.Html.number;
import static io.segmenta.report.html.Html.percent;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.ReportContext;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.table.output.DecimalText;
import java.util.List;
import java.util.Locale;

/**
 * Section "Segments": each segment in words, the profile table coloured good or bad by each feature's direction,
 * snake plot, categories. Every figure is defined where it appears; segments carry their palette colour.
 */
final class SegmentsSection {
    private SegmentsSection() {
    }

    static void write(StringBuilder h, PipelineResult r, String entity, int number) {
        ReportContext c = r.context();
        String value = valueWords(r);
        h.append("<section id=\"segments\"><h2>").append(number).append(". Segments</h2>")
                .append("<p class=\"note\" id=\"sizes-note\">Each segment's share of all ").append(entity).append("s");
        if (value != null) {
            h.append(" and its share of the value, where value means ").append(esc(value));
        }
        h.append(".</p><div class=\"chart\" id=\"sizes\"></div>");
        for (SegmentProfile s : r.segments()) {
            h.append("<div class=\"segment\"><h3>").append(swatch(s.segment()))
                    .append(s.segment()).append(". ").append(esc(s.name())).append("</h3><p>")
                    .append(grouped(s.size())).append(' ').append(entity).append(s.size() == 1 ? "" : "s").append(" (")
                    .append(percent(s.share()))
                    .append(Double.isNaN(s.valueShare()) ? "" : ", " + percent(s.valueShare()) + " of the value")
                    .append("). ").append(esc(SegmentDescription.describe(s, entity, c::label))).append("</p></div>");
        }
        List<String> features = r.features().numericNames();
        h.append("<h3>Profile: average of each feature per segment</h3><p class=\"note\" id=\"profile-note\">"
                + "Colours compare each segment with all ").append(entity).append("s (index 100 = their average; "
                + "hover a cell for it): <span class=\"key good\">green</span> is better than average and "
                + "<span class=\"key bad\">orange</span> worse, the right way round for each figure (fewer days "
                + "since the last order is better); <span class=\"key neutral\">blue</span> and <span class=\"key "
                + "below\">grey</span> mark above and below average for figures that are neither good nor bad."
                + "</p><table class=\"profile\"><tr><th>segment</th>");
        for (String f : features) {
            FeatureInfo info = c.feature(f);
            h.append("<th title=\"").append(esc(definition(info))).append("\">").append(esc(header(r, info)))
                    .append("<small>").append(direction(info)).append("</small></th>");
        }
        h.append("</tr>");
        for (SegmentProfile s : r.segments()) {
            h.append("<tr><th>").append(swatch(s.segment())).append(s.segment()).append(". ").append(esc(s.name()))
                    .append("</th>");
            double[] means = s.means();
            double[] index = s.index();
            for (int j = 0; j < features.size(); j++) {
                FeatureInfo info = c.feature(features.get(j));
                h.append("<td style=\"background:").append(colour(index[j], info.direction())).append("\" title=\"")
                        .append(esc(info.label())).append(": index ")
                        .append(Double.isNaN(index[j]) ? "n/a" : DecimalText.format(index[j], 0)).append("\">")
                        .append(Double.isNaN(means[j]) ? "" : number(means[j], 2)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("<tr class=\"all\"><th>all ").append(entity).append("s</th>");
        double[] population = r.segments().isEmpty() ? new double[0] : r.segments().get(0).populationMeans();
        for (int j = 0; j < features.size(); j++) {
            h.append("<td>").append(j < population.length && !Double.isNaN(population[j])
                    ? number(population[j], 2) : "").append("</td>");
        }
        h.append("</tr></table>")
                .append("<h3>Snake plot: each segment's average of each feature, on a common scale</h3>"
                        + "<p class=\"note\">Each feature as the algorithm saw it, scaled so that 0 is the average ")
                .append(entity).append(" and 1 a typical spread above it; the line of a segment shows where it stands"
                        + " on every feature at once. The arrows say which way is better.</p>"
                        + "<div class=\"chart\" id=\"snake\"></div>");
        for (CategoricalColumn col : r.features().categorical()) {
            String label = c.label(col.name());
            h.append("<h3>").append(esc(label)).append(" by segment</h3><p class=\"note\">Share of each segment's ")
                    .append(entity).append("s by their most frequent ").append(esc(label.toLowerCase(Locale.ROOT)))
                    .append("; the ten most common over all ").append(entity).append("s are shown, the rest as "
                            + "\"other\".</p><div class=\"chart cat\" data-feature=\"").append(esc(col.name()))
                    .append("\"></div>");
        }
        h.append("</section>\n");
    }

    /** A segment's colour as a small square, the colour its charts use. */
    static String swatch(int segment) {
        return "<span class=\"swatch\" style=\"background:" + Palette.colour(segment) + "\"></span>";
    }

    /** What "value" means in this run: the value feature in words, or null without one. */
    static String valueWords(PipelineResult r) {
        String column = r.features().valueColumn();
        if (column == null) {
            return null;
        }
        FeatureInfo info = r.context().feature(column);
        return info.label().toLowerCase(Locale.ROOT) + (info.definition().isEmpty() ? "" : " (" + info.definition()
                + ")") + r.context().currency().map(cur -> ", in " + cur).orElse("");
    }

    private static String header(PipelineResult r, FeatureInfo info) {
        boolean money = info.name().equals(r.features().valueColumn());
        return info.label() + (money ? r.context().currency().map(cur -> " (" + cur + ")").orElse("") : "");
    }

    private static String definition(FeatureInfo info) {
        return info.definition().isEmpty() ? info.label() : info.definition();
    }

    /** The direction under the feature's name. */
    static String direction(FeatureInfo info) {
        return switch (info.direction()) {
            case HIGHER_IS_BETTER -> "higher is better";
            case LOWER_IS_BETTER -> "lower is better";
            case NEUTRAL -> "";
        };
    }
}
