package io.segmenta.report.html;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.SegmentSilhouette;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.Reporter;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.DecimalText;
import io.segmenta.table.OutputFiles;
import io.segmenta.table.RfmGrid;
import io.segmenta.table.RfmQuintiles;
import io.segmenta.table.RfmSegment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;

/**
 * Writes {@code report.html}: one self-contained file for marketing, which opens offline in any browser and
 * prints (Apache ECharts is inlined; no network, no other file). Sections: overview (data quality, business
 * figures, top regions and categories), choosing k (when the run chose k from a range: cost with the elbow,
 * silhouette, Davies-Bouldin and Calinski-Harabasz per k, the reason), segments (sizes and shares, a profile table coloured by index, a
 * snake plot of standardized means, each segment's name and what sets it apart, categorical distributions),
 * quality (the figures and a 2-D principal-component map of the customers, sampled beyond
 * {@value #MAP_POINTS} points, as the page says) and run details. Charts get aggregates, never one row per
 * transaction, so the file stays near the size of the inlined library (about 1 MB) however large the input.
 */
@Component(service = Reporter.class)
@StageName(HtmlReporter.NAME)
@ServiceProvider(value = Reporter.class, resolution = Resolution.OPTIONAL)
public class HtmlReporter implements Reporter {
    static final String NAME = "html";
    static final String FILE = "report.html";
    static final int MAP_POINTS = 3000;
    static final int TOP_LEVELS = 10;
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "HTML report (report.html): one self-contained page with charts for marketing: overview, segments "
                + "and their profiles, a customer map, run details";
    }

    @Override
    public List<Path> report(PipelineResult result, Path outputDir, StageContext context) {
        String page = page(result, echarts());
        Path file = outputDir.resolve(FILE);
        OutputFiles.write(file, "HTML report", out -> out.write(page));
        return List.of(file);
    }

    private static String echarts() {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + ECHARTS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SegmentaException("html: cannot read the bundled chart library: " + e.getMessage(), e);
        }
    }

    static String page(PipelineResult r, String echarts) {
        String entity = r.features().entity().label();
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Segments: ")
                .append(esc(r.spec().source())).append(" · ").append(esc(r.spec().algorithm())).append("</title>\n")
                .append("<script>window.__segmentaErrors=[];window.addEventListener('error',function(e){"
                        + "window.__segmentaErrors.push(String(e.message));});</script>\n")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>Customer segments</h1><p>").append(esc(r.spec().source())).append(" &rarr; ")
                .append(esc(r.spec().features())).append(" &rarr; ").append(esc(r.spec().algorithm()))
                .append(", k = ").append(r.model().k()).append(", ").append(grouped(r.features().rowCount()))
                .append(' ').append(entity).append("s</p></header>\n");
        int[] section = {0};
        overview(h, r, entity, ++section[0]);
        if (r.selection().isPresent()) {
            choosingK(h, r.selection().get(), ++section[0]);
        }
        segments(h, r, entity, ++section[0]);
        quality(h, r, entity, ++section[0]);
        Optional<RfmGrid> rfm = rfmGrid(r);
        if (rfm.isPresent()) {
            rfm(h, r, rfm.get(), entity, ++section[0]);
        }
        details(h, r, ++section[0]);
        h.append("<script>").append(echarts.replace("</script", "<\\/script")).append("</script>\n");
        h.append("<script>const DATA=").append(data(r, rfm).toString().replace("</", "<\\/")).append(";\n")
                .append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    // ---------------------------------------------------------------------------------------------------
    // sections

    private static void overview(StringBuilder h, PipelineResult r, String entity, int number) {
        DataQuality q = r.source().quality();
        BusinessFigures totals = r.business();
        h.append("<section id=\"overview\"><h2>").append(number).append(". Overview</h2><div class=\"cards\">");
        card(h, grouped(r.features().rowCount()), entity + "s");
        card(h, grouped(totals.orders()), "orders");
        card(h, money(totals.totalAmount()), "total amount");
        card(h, money(totals.averageOrderValue()), "average order value");
        h.append("</div><h3>Data quality</h3><table class=\"dq\"><tr><th>rows read</th><td>")
                .append(grouped(q.rowsRead())).append("</td></tr><tr><th>rows kept</th><td>")
                .append(grouped(q.rowsKept())).append("</td></tr>");
        for (Rejection rej : q.rejections()) {
            h.append("<tr><th>dropped: ").append(esc(rej.reason())).append("</th><td>").append(grouped(rej.count()))
                    .append("</td></tr>");
        }
        if (q.duplicateRows() != DataQuality.NOT_COUNTED) {
            h.append("<tr><th>duplicate rows (kept)</th><td>").append(grouped(q.duplicateRows())).append("</td></tr>");
        }
        if (q.firstTimestamp() != TimestampColumn.MISSING) {
            h.append("<tr><th>period</th><td>").append(dateTime(q.firstTimestamp())).append(" to ")
                    .append(dateTime(q.lastTimestamp())).append("</td></tr>");
        }
        h.append("</table>");
        for (TransactionField f : List.of(TransactionField.REGION, TransactionField.CATEGORY)) {
            if (totals.levels(f).isPresent()) {
                h.append("<h3>Top ").append(f.columnName()).append(" by amount</h3><div class=\"chart\" id=\"top-")
                        .append(f.columnName()).append("\"></div>");
            }
        }
        h.append("</section>\n");
    }

    private static void segments(StringBuilder h, PipelineResult r, String entity, int number) {
        h.append("<section id=\"segments\"><h2>").append(number).append(". Segments</h2>")
                .append("<div class=\"chart\" id=\"sizes\"></div>");
        for (SegmentProfile s : r.segments()) {
            h.append("<div class=\"segment\"><h3><span class=\"swatch s").append(s.segment() % 10).append("\"></span>")
                    .append(s.segment()).append(". ").append(esc(s.name())).append("</h3><p>")
                    .append(grouped(s.size())).append(' ').append(entity).append(s.size() == 1 ? "" : "s").append(" (")
                    .append(percent(s.share()))
                    .append(Double.isNaN(s.valueShare()) ? "" : ", " + percent(s.valueShare()) + " of the value")
                    .append("). ").append(esc(describe(s, entity))).append("</p></div>");
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

    private static void quality(StringBuilder h, PipelineResult r, String entity, int number) {
        ClusterQuality q = r.quality();
        int n = r.features().rowCount();
        h.append("<section id=\"quality\"><h2>").append(number).append(". Quality</h2><table class=\"dq\">")
                .append(row("silhouette (-1 to 1, higher is better)", q.silhouette(), 4))
                .append(row("Davies-Bouldin (lower is better)", q.daviesBouldin(), 4))
                .append(row("Calinski-Harabasz (higher is better)", q.calinskiHarabasz(), 1))
                .append(row("inertia", q.inertia(), 2)).append(row("cost (" + r.model().algorithm() + ")",
                        r.model().cost(), 2))
                .append("</table><h3>Map of the ").append(entity).append("s (first two principal components of the "
                        + "scaled features)</h3><p class=\"note\" id=\"map-note\">")
                .append(n > MAP_POINTS ? "A uniform random sample of " + grouped(MAP_POINTS) + " of the "
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
            h.append("<tr><td>").append(s.segment()).append(". ").append(esc(name)).append("</td><td>")
                    .append(grouped(s.measured())).append("</td><td>").append(fmt(s.mean(), 4)).append("</td><td>")
                    .append(s.measured() == 0 ? "" : percent(s.negativeShare())).append("</td></tr>");
        }
        h.append("</table>");
    }

    /** The RFM view, when the features have recency and frequency (see {@link RfmGrid}). */
    static Optional<RfmGrid> rfmGrid(PipelineResult r) {
        return RfmGrid.of(r.features(), r.model().labels(), r.model().k());
    }

    /**
     * The R x F grid as a heat map (each cell named by the RFM segment map, with its count), the named RFM
     * segments' sizes and value, and how the run's segments spread over them.
     */
    private static void rfm(StringBuilder h, PipelineResult r, RfmGrid g, String entity, int number) {
        h.append("<section id=\"rfm\"><h2>").append(number).append(". RFM view</h2><p class=\"note\">Every ")
                .append(entity).append(" scored 1 to 5 on recency (R, 5 = bought most recently) and frequency (F, "
                        + "5 = most orders) by quintiles of their ranks among the ").append(grouped(g.entities()))
                .append(' ').append(entity).append("s of this run, and named by the standard RFM segment map "
                        + "(docs/rfm-segments.md). The scores are relative to this run's ").append(entity)
                .append("s, not fixed thresholds; equal values are ranked by id (pandas' rank(method='first') "
                        + "after a groupby on the id), so where many ").append(entity).append("s share a value (one "
                        + "order) they are split between two scores by id, not by their other figures.</p><div class=\"chart tall\" id=\"rfm-grid\"></div>")
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
            h.append("<tr><th>").append(p.segment()).append(". ").append(esc(p.name())).append("</th>");
            for (int count : row) {
                double share = size == 0 ? 0 : (double) count / size;
                // the colour scale of the profile table, share 0 white: the column where a segment lives stands out
                h.append("<td style=\"background:").append(colour(100 * Math.pow(4, share))).append("\">")
                        .append(count == 0 ? "" : percent(share)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table></section>\n");
    }

    private static void details(StringBuilder h, PipelineResult r, int number) {
        h.append("<section id=\"details\"><h2>").append(number).append(". Run details</h2><table class=\"dq\">");
        h.append("<tr><th>input</th><td>").append(esc(r.spec().input().toString())).append("</td></tr>");
        h.append("<tr><th>k, seed, runs, iteration cap</th><td>").append(r.model().k()).append(", ")
                .append(r.spec().cluster().seed()).append(", ").append(r.spec().cluster().runs()).append(", ")
                .append(r.spec().cluster().maxIterations()).append("</td></tr>");
        for (Map.Entry<String, String> e : new TreeMap<>(r.spec().options().asMap()).entrySet()) {
            h.append("<tr><th>option ").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue()))
                    .append("</td></tr>");
        }
        for (Map.Entry<String, String> e : new TreeMap<>(r.scaling()).entrySet()) {
            h.append("<tr><th>scaling of ").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue()))
                    .append("</td></tr>");
        }
        for (Map.Entry<String, String> e : new TreeMap<>(r.stageVersions()).entrySet()) {
            h.append("<tr><th>stage ").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue()))
                    .append("</td></tr>");
        }
        for (StageTiming t : r.timings()) {
            h.append("<tr><th>time: ").append(t.kind() == null ? "" : esc(t.kind().label()) + " ")
                    .append(esc(t.name())).append("</th><td>").append(DecimalText.format(t.millis(), 1))
                    .append(" ms</td></tr>");
        }
        h.append("</table></section>\n");
    }

    /** The k range that was run: cost with the elbow marked, silhouette, the two indices, and the reason. */
    private static void choosingK(StringBuilder h, KSelection sel, int number) {
        h.append("<section id=\"choosing-k\"><h2>").append(number).append(". Choosing k</h2><p>")
                .append(esc(sel.reason())).append("</p>")
                .append(sel.elbowK() > 0 ? "<p>The elbow of the cost curve (Kneedle) is at k = " + sel.elbowK() + ".</p>"
                        : "<p>The cost curve has no elbow (Kneedle).</p>")
                .append(sel.silhouetteSample() < sel.rows() ? "<p class=\"note\">The silhouette was computed on a "
                        + "uniform random sample of " + grouped(sel.silhouetteSample()) + " of " + grouped(sel.rows())
                        + " rows.</p>" : "")
                .append("<div class=\"chart\" id=\"k-cost\"></div><div class=\"chart\" id=\"k-indices\"></div>")
                .append("<table class=\"dq\"><tr><th>k</th><th>cost</th><th>silhouette</th><th>Davies-Bouldin</th>"
                        + "<th>Calinski-Harabasz</th></tr>");
        for (KCandidate c : sel.candidates()) {
            h.append("<tr").append(c.k() == sel.recommendedK() ? " class=\"chosen\"" : "").append("><th>").append(c.k())
                    .append(c.k() == sel.recommendedK() ? " (chosen)" : "").append("</th><td>")
                    .append(DecimalText.format(c.cost(), 2)).append("</td><td>").append(fmt(c.silhouette(), 4))
                    .append("</td><td>").append(fmt(c.daviesBouldin(), 4)).append("</td><td>")
                    .append(fmt(c.calinskiHarabasz(), 1)).append("</td></tr>");
        }
        h.append("</table></section>\n");
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : DecimalText.format(v, decimals);
    }

    // ---------------------------------------------------------------------------------------------------
    // chart data

    static JsonObject data(PipelineResult r) {
        return data(r, rfmGrid(r));
    }

    /** The charts' data, with the RFM grid the page has already computed (it sorts every id once). */
    private static JsonObject data(PipelineResult r, Optional<RfmGrid> rfmGrid) {
        JsonObject d = new JsonObject();
        FeatureMatrix raw = r.features();
        FeatureMatrix scaled = r.scaled();
        int[] labels = r.model().labels();
        int k = r.model().k();
        JsonArray names = new JsonArray();
        JsonArray sizes = new JsonArray();
        JsonArray shares = new JsonArray();
        JsonArray valueShares = new JsonArray();
        for (SegmentProfile s : r.segments()) {
            names.add(s.segment() + ". " + s.name());
            sizes.add(s.size());
            shares.add(round(s.share() * 100));
            valueShares.add(Double.isNaN(s.valueShare()) ? null : round(s.valueShare() * 100));
        }
        d.add("segments", names);
        d.add("sizes", sizes);
        d.add("shares", shares);
        d.add("valueShares", valueShares);
        d.addProperty("entity", raw.entity().label());

        JsonArray features = new JsonArray();
        raw.numericNames().forEach(features::add);
        d.add("features", features);
        JsonArray snake = new JsonArray();
        double[][] means = new double[k][scaled.numeric().size()];
        int[] count = new int[k];
        for (int l : labels) {
            count[l]++;
        }
        for (int j = 0; j < scaled.numeric().size(); j++) {
            double[] v = scaled.numeric().get(j).values();
            for (int i = 0; i < labels.length; i++) {
                means[labels[i]][j] += v[i];
            }
        }
        for (int c = 0; c < k; c++) {
            JsonArray line = new JsonArray();
            for (int j = 0; j < means[c].length; j++) {
                line.add(count[c] == 0 ? null : round(means[c][j] / count[c]));
            }
            snake.add(line);
        }
        d.add("snake", snake);

        JsonObject categorical = new JsonObject();
        for (CategoricalColumn c : raw.categorical()) {
            JsonObject feature = new JsonObject();
            JsonArray levels = new JsonArray();
            JsonArray perSegment = new JsonArray();
            List<String> shown = null;
            for (SegmentProfile s : r.segments()) {
                for (CategoricalProfile p : s.categorical()) {
                    if (!p.feature().equals(c.name())) {
                        continue;
                    }
                    if (shown == null) {
                        shown = topLevels(p);
                        shown.forEach(levels::add);
                    }
                    JsonArray row = new JsonArray();
                    double[] segmentShares = p.segmentShares();
                    for (String level : shown) {
                        int at = p.levels().indexOf(level);
                        row.add(at < 0 ? 0 : round(segmentShares[at] * 100));
                    }
                    perSegment.add(row);
                }
            }
            feature.add("levels", levels);
            feature.add("shares", perSegment);
            categorical.add(c.name(), feature);
        }
        d.add("categorical", categorical);

        JsonObject top = new JsonObject();
        for (TransactionField f : List.of(TransactionField.REGION, TransactionField.CATEGORY)) {
            if (r.business().levels(f).isPresent()) {
                top.add(f.columnName(), top(r.business().top(f, TOP_LEVELS)));
            }
        }
        d.add("top", top);
        d.add("map", map(scaled, labels, r.spec().cluster().seed()));
        if (!r.quality().segmentSilhouettes().isEmpty()) {
            JsonObject silhouette = new JsonObject();
            silhouette.addProperty("mean", round(r.quality().silhouette()));
            JsonArray bands = new JsonArray();
            for (SegmentSilhouette s : r.quality().segmentSilhouettes()) {
                JsonArray values = new JsonArray();
                for (double v : s.profile()) {
                    values.add(round(v));
                }
                bands.add(values);
            }
            silhouette.add("bands", bands);
            d.add("silhouette", silhouette);
        }
        rfmGrid.ifPresent(g -> {
            // one heat-map cell per (F, R): [F - 1, R - 1, count], with the segment name as the cell's label
            JsonObject rfm = new JsonObject();
            JsonArray cells = new JsonArray();
            JsonArray cellNames = new JsonArray();
            int max = 0;
            for (int rs = 1; rs <= RfmQuintiles.BINS; rs++) {
                for (int fs = 1; fs <= RfmQuintiles.BINS; fs++) {
                    int inCell = g.cellCounts()[RfmGrid.cell(rs, fs)];
                    JsonArray cell = new JsonArray();
                    cell.add(fs - 1);
                    cell.add(rs - 1);
                    cell.add(inCell);
                    cells.add(cell);
                    cellNames.add(RfmSegment.of(rs, fs).label());
                    max = Math.max(max, inCell);
                }
            }
            rfm.add("cells", cells);
            rfm.add("names", cellNames);
            rfm.addProperty("max", max);
            d.add("rfm", rfm);
        });
        r.selection().ifPresent(sel -> {
            JsonObject range = new JsonObject();
            JsonArray ks = new JsonArray();
            JsonArray cost = new JsonArray();
            JsonArray silhouette = new JsonArray();
            JsonArray db = new JsonArray();
            JsonArray ch = new JsonArray();
            for (KCandidate c : sel.candidates()) {
                ks.add(String.valueOf(c.k()));
                cost.add(round(c.cost()));
                silhouette.add(Double.isNaN(c.silhouette()) ? null : round(c.silhouette()));
                db.add(Double.isNaN(c.daviesBouldin()) ? null : round(c.daviesBouldin()));
                ch.add(Double.isNaN(c.calinskiHarabasz()) ? null : round(c.calinskiHarabasz()));
            }
            range.add("ks", ks);
            range.add("cost", cost);
            range.add("silhouette", silhouette);
            range.add("daviesBouldin", db);
            range.add("calinskiHarabasz", ch);
            range.addProperty("elbow", sel.elbowK() > 0 ? String.valueOf(sel.elbowK()) : null);
            range.addProperty("chosen", String.valueOf(sel.recommendedK()));
            d.add("k", range);
        });
        return d;
    }

    /** Up to ten levels, the most common over all entities first; the rest are summed as "other" by the page. */
    private static List<String> topLevels(CategoricalProfile p) {
        double[] overall = p.populationShares();
        Integer[] order = new Integer[overall.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(overall[b], overall[a]));
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP_LEVELS, order.length); i++) {
            levels.add(p.levels().get(order[i]));
        }
        return levels;
    }

    private static JsonObject top(List<BusinessFigures.LevelAmount> top) {
        JsonObject o = new JsonObject();
        JsonArray levels = new JsonArray();
        JsonArray values = new JsonArray();
        for (BusinessFigures.LevelAmount level : top) {
            levels.add(level.level());
            values.add(round(level.amount()));
        }
        o.add("levels", levels);
        o.add("amounts", values);
        return o;
    }

    /** The projected points per segment, a seeded uniform sample beyond {@link #MAP_POINTS}. */
    private static JsonObject map(FeatureMatrix scaled, int[] labels, long seed) {
        int n = scaled.rowCount();
        int[] rows = sample(n, Math.min(n, MAP_POINTS), seed);
        double[][] columns = new double[scaled.numeric().size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = scaled.numeric().get(j).values();
        }
        Projection.Components pc = Projection.fit(columns, rows);
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        JsonArray perSegment = new JsonArray();
        for (int c = 0; c < k; c++) {
            perSegment.add(new JsonArray());
        }
        for (int r : rows) {
            JsonArray point = new JsonArray();
            point.add(round(Projection.project(columns, pc.vectors()[0], r)));
            point.add(round(Projection.project(columns, pc.vectors()[1], r)));
            perSegment.get(labels[r]).getAsJsonArray().add(point);
        }
        JsonObject o = new JsonObject();
        o.add("points", perSegment);
        o.addProperty("explained1", round(pc.explained()[0] * 100));
        o.addProperty("explained2", round(pc.explained()[1] * 100));
        o.addProperty("shown", rows.length);
        o.addProperty("of", n);
        return o;
    }

    /** {@code size} distinct rows of {@code n}, uniformly, in increasing order (a partial Fisher-Yates shuffle). */
    static int[] sample(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size && size < n; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] rows = Arrays.copyOf(all, size);
        Arrays.sort(rows);
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------
    // words and formatting

    /**
     * What sets a segment apart: the two features whose segment mean differs most from everyone's (by the
     * ratio of the means), e.g. "Compared with all customers: monetary 4.1 times the average, recency a third".
     */
    static String describe(SegmentProfile s, String entity) {
        double[] index = s.index();
        Integer[] order = new Integer[index.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(distance(index[b]), distance(index[a])));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(2, order.length); i++) {
            double x = index[order[i]];
            if (Double.isNaN(x) || distance(x) < Math.log(1.15)) {
                continue; // within 15 % of everyone: nothing to say
            }
            parts.add(s.features().get(order[i]) + " " + ratio(x / 100));
        }
        if (s.size() == 0) {
            return "No " + entity + " is in this segment.";
        }
        return parts.isEmpty() ? "Close to the average " + entity + " on every feature."
                : "Compared with all " + entity + "s: " + String.join("; ", parts) + ".";
    }

    private static double distance(double index) {
        return Double.isNaN(index) || index <= 0 ? -1 : Math.abs(Math.log(index / 100));
    }

    private static String ratio(double r) {
        if (r >= 1) {
            return DecimalText.format(r, 1) + " times the average";
        }
        return DecimalText.format(r * 100, 0) + "% of the average";
    }

    /** Index 100 white; above, towards green; below, towards orange; by the log of the ratio, capped at x4. */
    static String colour(double index) {
        if (Double.isNaN(index) || index <= 0) {
            return "#fff";
        }
        double t = Math.max(-1, Math.min(1, Math.log(index / 100) / Math.log(4)));
        int light = (int) Math.round(100 - 40 * Math.abs(t));
        return String.format(Locale.ROOT, "hsl(%d,70%%,%d%%)", t >= 0 ? 140 : 30, light);
    }

    private static String row(String name, double v, int decimals) {
        return "<tr><th>" + esc(name) + "</th><td>" + (Double.isNaN(v) ? "n/a" : DecimalText.format(v, decimals))
                + "</td></tr>";
    }

    private static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><b>").append(esc(value)).append("</b><span>").append(esc(label))
                .append("</span></div>");
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String money(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : DecimalText.format(share * 100, 1) + "%";
    }

    private static String dateTime(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).toString().replace('T', ' ');
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{margin-bottom:0}header p{color:#555;margin-top:.3em}h2{border-bottom:2px solid #4a6fa5;padding-bottom:.2em;margin-top:2em}
            .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.8em 1.2em;min-width:10em}
            .card b{display:block;font-size:1.4em}.card span{color:#666}
            table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.3em .6em;text-align:right}
            th{text-align:left;background:#f6f6f6;font-weight:600}tr.all td{font-style:italic}tr.chosen th,tr.chosen td{background:#fdeaea}
            .chart{width:100%;height:340px}.chart.tall{height:460px}.note{color:#666}
            .segment h3{margin-bottom:.2em}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border-radius:2px}
            .s0{background:#5470c6}.s1{background:#91cc75}.s2{background:#fac858}.s3{background:#ee6666}.s4{background:#73c0de}
            .s5{background:#3ba272}.s6{background:#fc8452}.s7{background:#9a60b4}.s8{background:#ea7ccc}.s9{background:#999}
            #rfm-by-segment{font-size:.8em}#rfm-by-segment th{max-width:9em}
            @media print{.chart{page-break-inside:avoid}section{page-break-before:auto}body{margin:0}}
            """;

    /** Draws every chart from DATA; marks each chart element with data-rendered once it has its data. */
    private static final String SCRIPT = """
            (function(){
              var charts=[];
              // no animation: the page is read, printed and screenshotted as it is, not watched
              function draw(el,option){option.animation=false;var c=echarts.init(el,null,{renderer:'canvas'});c.setOption(option);
                el.setAttribute('data-rendered','true');charts.push(c);}
              var byId=function(id){return document.getElementById(id);};
              draw(byId('sizes'),{title:{text:'Share of '+DATA.entity+'s and of value per segment (%)',textStyle:{fontSize:13}},
                tooltip:{},legend:{top:24},grid:{top:60,left:60,right:20,bottom:80},
                xAxis:{type:'category',data:DATA.segments,axisLabel:{interval:0,rotate:20}},yAxis:{type:'value'},
                series:[{name:DATA.entity+'s',type:'bar',data:DATA.shares},{name:'value',type:'bar',data:DATA.valueShares}]});
              draw(byId('snake'),{tooltip:{trigger:'axis'},legend:{top:0},grid:{top:50,left:50,right:20,bottom:40},
                xAxis:{type:'category',data:DATA.features},yAxis:{type:'value',name:'scaled mean'},
                series:DATA.snake.map(function(line,i){return {name:DATA.segments[i],type:'line',data:line};})});
              Object.keys(DATA.top).forEach(function(f){var el=byId('top-'+f);if(!el){return;}
                draw(el,{tooltip:{},grid:{left:140,right:20,top:10,bottom:30},xAxis:{type:'value'},
                  yAxis:{type:'category',inverse:true,data:DATA.top[f].levels},series:[{type:'bar',data:DATA.top[f].amounts}]});});
              document.querySelectorAll('.chart.cat').forEach(function(el){var f=DATA.categorical[el.getAttribute('data-feature')];
                draw(el,{tooltip:{trigger:'axis'},legend:{top:0,type:'scroll'},grid:{top:40,left:60,right:20,bottom:80},
                  xAxis:{type:'category',data:DATA.segments,axisLabel:{interval:0,rotate:20}},yAxis:{type:'value',max:100,name:'%'},
                  series:f.levels.map(function(level,j){return {name:level,type:'bar',stack:'s',
                    data:f.shares.map(function(row){return row[j];})};})});});
              draw(byId('map'),{tooltip:{},legend:{top:0},grid:{top:40,left:50,right:20,bottom:40},
                xAxis:{type:'value',name:'PC1 ('+DATA.map.explained1+'%)',scale:true},
                yAxis:{type:'value',name:'PC2 ('+DATA.map.explained2+'%)',scale:true},
                series:DATA.map.points.map(function(pts,i){return {name:DATA.segments[i],type:'scatter',symbolSize:4,
                  data:pts,large:true};})});
              if(DATA.silhouette&&byId('silhouette')){
                // one category per plotted rank, the bands one after another with a gap, each in its segment's colour
                var palette=['#5470c6','#91cc75','#fac858','#ee6666','#73c0de','#3ba272','#fc8452','#9a60b4','#ea7ccc'];
                var slots=[],bars=[],low=0;
                DATA.silhouette.bands.forEach(function(band,i){
                  var middle=slots.length+Math.floor(band.length/2);
                  band.forEach(function(v){bars.push({value:v,itemStyle:{color:palette[i%palette.length]}});
                    slots.push(slots.length===middle?DATA.segments[i]:'');low=Math.min(low,v);});
                  for(var g=0;g<Math.max(2,Math.round(band.length/20));g++){bars.push('-');slots.push('');}
                });
                draw(byId('silhouette'),{tooltip:{},grid:{top:30,left:240,right:30,bottom:50},
                  xAxis:{type:'value',name:'silhouette',nameLocation:'middle',nameGap:28,min:Math.floor(low*10)/10,max:1},
                  yAxis:{type:'category',inverse:true,data:slots,axisTick:{show:false},
                    axisLabel:{interval:0,width:225,overflow:'truncate'}},
                  series:[{type:'bar',data:bars,barCategoryGap:0,large:false,markLine:{symbol:'none',silent:true,
                    label:{formatter:'mean {c}',position:'start'},lineStyle:{type:'dashed',color:'#c23531'},
                    data:[{xAxis:DATA.silhouette.mean}]}}]});
              }
              if(DATA.rfm&&byId('rfm-grid')){
                var scores=['1','2','3','4','5'];
                draw(byId('rfm-grid'),{tooltip:{formatter:function(p){return DATA.rfm.names[p.dataIndex]+'<br>R '+
                    (p.value[1]+1)+', F '+(p.value[0]+1)+': '+p.value[2]+' '+DATA.entity+'s';}},
                  grid:{top:20,left:90,right:30,bottom:90},
                  xAxis:{type:'category',data:scores,name:'F (frequency score)',nameLocation:'middle',nameGap:28,splitArea:{show:true}},
                  yAxis:{type:'category',data:scores,name:'R (recency score)',nameLocation:'middle',nameGap:40,splitArea:{show:true}},
                  visualMap:{min:0,max:Math.max(1,DATA.rfm.max),calculable:false,orient:'horizontal',left:'center',bottom:0,
                    text:[DATA.rfm.max+' '+DATA.entity+'s','0'],
                    inRange:{color:['#f7fbff','#6baed6','#08519c']}},
                  series:[{type:'heatmap',data:DATA.rfm.cells,label:{show:true,fontSize:11,lineHeight:16,
                    formatter:function(p){return DATA.rfm.names[p.dataIndex]+'\\n'+p.value[2];}}}]});
              }
              if(DATA.k){
                var idx=function(k){return DATA.k.ks.indexOf(k);};
                var marks=[];
                if(DATA.k.elbow){marks.push({name:'elbow',coord:[DATA.k.elbow,DATA.k.cost[idx(DATA.k.elbow)]],value:'elbow'});}
                marks.push({name:'chosen',coord:[DATA.k.chosen,DATA.k.cost[idx(DATA.k.chosen)]],value:'chosen',
                  itemStyle:{color:'#ee6666'}});
                draw(byId('k-cost'),{tooltip:{trigger:'axis'},legend:{top:0},grid:{top:40,left:70,right:60,bottom:40},
                  xAxis:{type:'category',name:'k',data:DATA.k.ks},
                  yAxis:[{type:'value',name:'cost',scale:true},{type:'value',name:'silhouette',scale:true}],
                  series:[{name:'cost',type:'line',data:DATA.k.cost,markPoint:{data:marks}},
                    {name:'silhouette',type:'line',yAxisIndex:1,data:DATA.k.silhouette}]});
                draw(byId('k-indices'),{tooltip:{trigger:'axis'},legend:{top:0},grid:{top:40,left:70,right:60,bottom:40},
                  xAxis:{type:'category',name:'k',data:DATA.k.ks},
                  yAxis:[{type:'value',name:'Davies-Bouldin',scale:true},{type:'value',name:'Calinski-Harabasz',scale:true}],
                  series:[{name:'Davies-Bouldin (lower is better)',type:'line',data:DATA.k.daviesBouldin},
                    {name:'Calinski-Harabasz (higher is better)',type:'line',yAxisIndex:1,data:DATA.k.calinskiHarabasz}]});
              }
              window.addEventListener('resize',function(){charts.forEach(function(c){c.resize();});});
              window.__segmentaCharts=charts.length;
            })();
            """;
}
