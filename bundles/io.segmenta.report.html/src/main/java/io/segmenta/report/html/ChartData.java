package io.segmenta.report.html;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.SegmentSilhouette;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.api.stage.FitTable;
import io.segmenta.table.rfm.RfmGrid;
import io.segmenta.table.rfm.RfmQuintiles;
import io.segmenta.table.rfm.RfmSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The data every chart of the page draws from (the page's DATA): aggregates, never a row per transaction. */
final class ChartData {
    /** The feature fit's table the holdout chart draws (the clv extractor's, by calibration frequency). */
    static final String HOLDOUT_TABLE = "holdout_by_frequency";
    /** The band of the levels beyond the top ones in a stacked chart, in {@link Palette#OTHER}. */
    static final String OTHER_LEVEL = "other";

    private ChartData() {
    }

    /** The charts' data, with the RFM grid the page has already computed (it sorts every id once). */
    static JsonObject of(PipelineResult r, Optional<RfmGrid> rfmGrid) {
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
        d.add("palette", palette(Math.max(k, HtmlReporter.TOP_LEVELS + 1)));
        d.addProperty("other", Palette.OTHER);
        d.addProperty("currency", r.context().currency().orElse(""));

        JsonArray features = new JsonArray();
        for (String name : raw.numericNames()) {
            features.add(withArrow(r.context().feature(name)));
        }
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
                        levels.add(OTHER_LEVEL);
                    }
                    JsonArray row = new JsonArray();
                    double[] segmentShares = p.segmentShares();
                    double rest = 100;
                    for (String level : shown) {
                        int at = p.levels().indexOf(level);
                        double share = at < 0 ? 0 : round(segmentShares[at] * 100);
                        row.add(share);
                        rest -= share;
                    }
                    // the levels beyond the ones shown (and missing values), so that every stack reaches 100%
                    row.add(round(Math.max(0, rest)));
                    perSegment.add(row);
                }
            }
            feature.add("levels", levels);
            feature.add("shares", perSegment);
            categorical.add(c.name(), feature);
        }
        d.add("categorical", categorical);

        JsonObject top = new JsonObject();
        for (TransactionField f : BusinessFigures.BROKEN_DOWN) {
            if (r.business().levels(f).isPresent()) {
                top.add(f.columnName(), top(r.business().top(f, HtmlReporter.TOP_LEVELS)));
            }
        }
        d.add("top", top);
        d.add("map", CustomerMap.of(scaled, labels, r.spec().cluster().seed()));
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
        TrendCharts.add(d, r);
        r.featureFit().flatMap(f -> f.tables().stream().filter(t -> t.name().equals(HOLDOUT_TABLE)).findFirst())
                .ifPresent(t -> d.add("clvHoldout", holdout(t)));
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

    /**
     * The holdout comparison as the papers' figure draws it: per calibration frequency (0 .. 7+) the mean actual
     * and mean predicted repeat purchases in the holdout, read from the fit's table by column name.
     */
    private static JsonObject holdout(FitTable t) {
        int actual = t.columns().indexOf("actual");
        int predicted = t.columns().indexOf("predicted");
        JsonObject o = new JsonObject();
        JsonArray labels = new JsonArray();
        JsonArray actuals = new JsonArray();
        JsonArray predictions = new JsonArray();
        for (FitTable.Row row : t.rows()) {
            labels.add(row.label());
            actuals.add(actual < 0 ? null : round(row.values().get(actual)));
            predictions.add(predicted < 0 ? null : round(row.values().get(predicted)));
        }
        o.add("labels", labels);
        o.add("actual", actuals);
        o.add("predicted", predictions);
        return o;
    }

    /** The run's palette, one colour per segment (and per level of a stacked chart). */
    private static JsonArray palette(int n) {
        JsonArray colours = new JsonArray();
        for (int i = 0; i < n; i++) {
            colours.add(Palette.colour(i));
        }
        return colours;
    }

    /** A feature's label with an arrow saying which way is better (none for a neutral feature). */
    static String withArrow(FeatureInfo f) {
        return switch (f.direction()) {
            case HIGHER_IS_BETTER -> f.label() + " \u25B2";
            case LOWER_IS_BETTER -> f.label() + " \u25BC";
            case NEUTRAL -> f.label();
        };
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
        for (int i = 0; i < Math.min(HtmlReporter.TOP_LEVELS, order.length); i++) {
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

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
