package io.segmenta.report.html;

import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.fmt;
import static io.segmenta.report.html.Html.grouped;
import static io.segmenta.report.html.Html.money;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FitParameter;
import io.segmenta.api.stage.FitTable;
import io.segmenta.table.clv.SegmentLifetimeValue;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Section "Customer lifetime value", when the feature extractor fitted a model (the clv extractor): the fitted
 * parameters and figures, the holdout comparison, CLV, expected purchases and P(alive) per segment, the
 * distribution of CLV, P(alive) by frequency and recency as the papers' heat map, and the top customers.
 * Tables (the heat map's cells shaded by P(alive)), and the holdout comparison also as the papers' chart
 * ({@link ChartData}); what the fit cannot tell on these data (its caveats) comes first.
 */
final class ClvSection {
    static final int TOP = 20;
    static final int RECENCY_BINS = 8;
    static final int POOLED_FREQUENCY = 7;

    private ClvSection() {
    }

    static void write(StringBuilder h, PipelineResult r, FeatureFit fit, int number) {
        h.append("<section id=\"clv\"><h2>").append(number).append(". Customer lifetime value</h2>")
                .append("<p>Estimated from each customer's purchase history: how often they will buy (the BG/NBD "
                        + "model) and how much per order (the Gamma-Gamma model). CLV is the discounted value of the "
                        + "purchases expected over the horizon").append(r.context().currency().map(c -> ", in " + c)
                        .orElse("")).append(".</p>");
        caveats(h, fit);
        h.append("<table class=\"dq\"><tr><th>model</th><th>parameter</th><th>estimate</th><th>std. error</th></tr>");
        for (FitParameter p : fit.parameters()) {
            h.append("<tr><td>").append(esc(p.model())).append("</td><td>").append(esc(p.name())).append("</td><td>")
                    .append(significant(p.value())).append("</td><td>").append(p.standardError().isPresent()
                            ? significant(p.standardError().getAsDouble()) : "n/a").append("</td></tr>");
        }
        h.append("</table><table class=\"dq\">");
        for (Map.Entry<String, Double> f : fit.figures().entrySet()) {
            h.append("<tr><th>").append(esc(f.getKey().replace('_', ' '))).append("</th><td>")
                    .append(significant(f.getValue())).append("</td></tr>");
        }
        h.append("</table>");
        for (FitTable t : fit.tables()) {
            table(h, t);
        }
        FeatureMatrix m = r.features();
        Optional<double[]> clv = column(m, fit, FeatureFit.LIFETIME_VALUE);
        Optional<double[]> alive = column(m, fit, FeatureFit.PROBABILITY_ALIVE);
        Optional<double[]> expected = column(m, fit, FeatureFit.EXPECTED_PURCHASES);
        Optional<double[]> frequency = column(m, fit, FeatureFit.FREQUENCY);
        Optional<double[]> recency = column(m, fit, FeatureFit.RECENCY);
        SegmentLifetimeValue.of(r).ifPresent(segments -> perSegment(h, r, segments));
        if (clv.isPresent() && alive.isPresent() && expected.isPresent()) {
            distribution(h, clv.get());
            if (frequency.isPresent() && recency.isPresent()) {
                heatMap(h, frequency.get(), recency.get(), alive.get());
            }
            top(h, r, clv.get(), alive.get(), expected.get());
        }
        h.append("</section>\n");
    }

    /** What the fit cannot tell on these data, before its figures. */
    private static void caveats(StringBuilder h, FeatureFit fit) {
        for (String caveat : fit.caveats()) {
            h.append("<p class=\"caveat\"><strong>What the model can and cannot tell here:</strong> ")
                    .append(esc(caveat)).append("</p>");
        }
    }

    /** The holdout table by calibration frequency, and beside it the papers' chart of the same figures. */
    private static void table(StringBuilder h, FitTable t) {
        boolean chart = t.name().equals(ChartData.HOLDOUT_TABLE);
        h.append("<h3>").append(esc(t.title())).append("</h3>");
        if (chart) {
            h.append("<div class=\"beside\">");
        }
        h.append("<table class=\"dq\"><tr><th></th>");
        t.columns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        for (FitTable.Row row : t.rows()) {
            h.append("<tr><th>").append(esc(row.label())).append("</th>");
            row.values().forEach(v -> h.append("<td>").append(significant(v)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</table>");
        if (chart) {
            h.append("<div class=\"chart\" id=\"clv-holdout\"></div></div>");
        }
    }

    private static void perSegment(StringBuilder h, PipelineResult r, List<SegmentLifetimeValue> segments) {
        String in = r.context().currency().map(c -> " (" + c + ")").orElse("");
        h.append("<h3>Per segment</h3><table class=\"dq\"><tr><th>segment</th><th>customers</th><th>total CLV")
                .append(in).append("</th><th>mean CLV").append(in).append("</th><th>mean expected purchases</th>"
                        + "<th>mean P(alive)</th></tr>");
        for (int i = 0; i < segments.size(); i++) {
            SegmentLifetimeValue v = segments.get(i);
            boolean empty = v.size() == 0;
            h.append("<tr><th>").append(v.segment()).append(' ').append(esc(r.segments().get(i).name()))
                    .append("</th><td>").append(grouped(v.size())).append("</td><td>")
                    .append(money(v.totalLifetimeValue())).append("</td><td>")
                    .append(empty ? "" : money(v.meanLifetimeValue())).append("</td><td>")
                    .append(empty ? "" : fmt(v.meanExpectedPurchases(), 2)).append("</td><td>")
                    .append(empty ? "" : fmt(v.meanProbabilityAlive(), 2)).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void distribution(StringBuilder h, double[] clv) {
        double[] sorted = clv.clone();
        Arrays.sort(sorted);
        h.append("<h3>Distribution of CLV</h3><table class=\"dq\"><tr>");
        for (int q = 0; q <= 10; q++) {
            h.append("<th>").append(q == 0 ? "min" : q == 10 ? "max" : "P" + q * 10).append("</th>");
        }
        h.append("</tr><tr>");
        for (int q = 0; q <= 10; q++) {
            int i = (int) Math.round(q / 10.0 * (sorted.length - 1));
            h.append("<td>").append(money(sorted[i])).append("</td>");
        }
        h.append("</tr></table>");
    }

    /** Mean P(alive) by calibration frequency (rows, 7+ pooled) and recency (equal-width bins); shaded cells. */
    private static void heatMap(StringBuilder h, double[] frequency, double[] recency, double[] alive) {
        double max = Arrays.stream(recency).max().orElse(0);
        double width = max > 0 ? max / RECENCY_BINS : 1;
        double[][] sum = new double[POOLED_FREQUENCY + 1][RECENCY_BINS];
        int[][] count = new int[POOLED_FREQUENCY + 1][RECENCY_BINS];
        for (int i = 0; i < alive.length; i++) {
            int f = (int) Math.min(frequency[i], POOLED_FREQUENCY);
            int b = (int) Math.min(recency[i] / width, RECENCY_BINS - 1);
            sum[f][b] += alive[i];
            count[f][b]++;
        }
        h.append("<h3>P(alive) by frequency and recency</h3><p class=\"note\">Mean probability of being alive at the"
                + " calibration end, by repeat purchases (rows) and the time of the last one (columns, in the fit's time"
                + " unit); darker is more likely alive, an empty cell has no customer.</p><table class=\"dq\"><tr>"
                + "<th>frequency \\ recency</th>");
        for (int b = 0; b < RECENCY_BINS; b++) {
            h.append("<th>").append(fmt(b * width, 1)).append("&ndash;").append(fmt((b + 1) * width, 1)).append("</th>");
        }
        h.append("</tr>");
        for (int f = 0; f <= POOLED_FREQUENCY; f++) {
            h.append("<tr><th>").append(f == POOLED_FREQUENCY ? f + "+" : String.valueOf(f)).append("</th>");
            for (int b = 0; b < RECENCY_BINS; b++) {
                if (count[f][b] == 0) {
                    h.append("<td></td>");
                } else {
                    double p = sum[f][b] / count[f][b];
                    h.append(String.format(Locale.ROOT, "<td style=\"background:rgba(31,119,180,%.2f);color:%s\""
                            + " title=\"%d customer%s\">%.2f</td>", p, p > 0.55 ? "#fff" : "#000", count[f][b],
                            count[f][b] == 1 ? "" : "s", p));
                }
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void top(StringBuilder h, PipelineResult r, double[] clv, double[] alive, double[] expected) {
        int[] labels = r.model().labels();
        int[] order = IntStream.range(0, clv.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -clv[i]).thenComparing(i -> i))
                .limit(TOP).mapToInt(Integer::intValue).toArray();
        h.append("<h3>Top ").append(order.length).append(" customers by CLV</h3><table class=\"dq\"><tr><th>customer"
                + "</th><th>segment</th><th>CLV</th><th>expected purchases</th><th>P(alive)</th></tr>");
        for (int i : order) {
            h.append("<tr><th>").append(esc(r.features().ids().get(i))).append("</th><td>").append(labels[i])
                    .append("</td><td>").append(money(clv[i])).append("</td><td>").append(fmt(expected[i], 2))
                    .append("</td><td>").append(fmt(alive[i], 2)).append("</td></tr>");
        }
        h.append("</table>");
    }

    /** The column the fit declares for a role ({@link FeatureFit#outputs()}), if the features have it. */
    private static Optional<double[]> column(FeatureMatrix m, FeatureFit fit, String role) {
        return Optional.ofNullable(fit.outputs().get(role)).flatMap(m::numericColumn).map(NumericColumn::values);
    }

    /** Whole numbers grouped, 1,000 and more with one decimal, others with 4 significant digits. */
    private static String significant(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return grouped((long) v);
        }
        return Math.abs(v) >= 1000 ? Html.number(v, 1) : String.format(Locale.ROOT, "%.4g", v);
    }
}
