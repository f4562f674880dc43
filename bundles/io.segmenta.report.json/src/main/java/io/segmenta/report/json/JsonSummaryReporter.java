package io.segmenta.report.json;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import com.google.gson.stream.JsonWriter;
import io.segmenta.annotation.StageName;
import io.segmenta.api.data.DataQuality;
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
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.Reporter;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.clv.SegmentLifetimeValue;
import io.segmenta.table.output.OutputFiles;
import io.segmenta.table.rfm.RfmGrid;
import io.segmenta.table.rfm.RfmQuintiles;
import io.segmenta.table.rfm.RfmSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;

/**
 * Writes {@code summary.json}: everything a dashboard (or the HTML report) shows of a run, in a versioned,
 * documented format ({@value #FORMAT} version {@value #FORMAT_VERSION}, docs/summary-json.md). Its size does
 * not grow with the number of customers: per-entity rows are in the CSV reporter's assignments.csv, not here.
 * NaN (a figure that is undefined, e.g. a share of revenue without a money column) is written as null.
 */
@Component(service = Reporter.class)
@StageName(JsonSummaryReporter.NAME)
@ServiceProvider(value = Reporter.class, resolution = Resolution.OPTIONAL)
public class JsonSummaryReporter implements Reporter {
    static final String NAME = "json";
    static final String FILE = "summary.json";
    static final String FORMAT = "segmenta-summary";
    static final int FORMAT_VERSION = 1;
    /** How many levels of a transaction dimension (region, category) the business overview lists. */
    static final int TOP_LEVELS = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "JSON summary (summary.json): data quality, business figures, segments with profiles, quality "
                + "figures and run details, for dashboards";
    }

    /** None of the transactions: it writes the figures the engine computed (business figures, trends). */
    @Override
    public Set<TransactionField> fieldsRead() {
        return Set.of();
    }

    @Override
    public List<Path> report(PipelineResult result, Path outputDir, StageContext context) {
        Path file = outputDir.resolve(FILE);
        OutputFiles.write(file, "JSON summary", out -> {
            JsonWriter json = new JsonWriter(out);
            json.setIndent("  ");
            json.setSerializeNulls(true);
            write(json, result);
            json.flush();
            out.write('\n');
        });
        return List.of(file);
    }

    static void write(JsonWriter json, PipelineResult r) throws IOException {
        json.beginObject();
        json.name("format").value(FORMAT);
        json.name("formatVersion").value(FORMAT_VERSION);
        json.name("created").value(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ReportContextJson.write(json, r.context());
        pipeline(json, r);
        dataQuality(json, r.source().quality());
        business(json, r);
        json.name("scaling").beginObject();
        for (Map.Entry<String, String> e : new TreeMap<>(r.scaling()).entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
        quality(json, r);
        kSelection(json, r);
        segments(json, r);
        rfm(json, r);
        FeatureFitJson.write(json, r);
        TrendsJson.write(json, r);
        json.name("timings").beginArray();
        for (StageTiming t : r.timings()) {
            json.beginObject();
            json.name("kind").value(t.kind() == null ? "engine" : t.kind().label());
            json.name("name").value(t.name());
            number(json.name("millis"), t.millis());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /**
     * The RFM view ({@link RfmGrid}): null unless the features have recency and frequency. The grid as a list
     * of its 25 cells, R = 5 first; the named RFM segments in their canonical order; and per segment of the run
     * its entities per named RFM segment.
     */
    private static void rfm(JsonWriter json, PipelineResult r) throws IOException {
        Optional<RfmGrid> found = RfmGrid.of(r.features(), r.model().labels(), r.model().k());
        json.name("rfm");
        if (found.isEmpty()) {
            json.nullValue();
            return;
        }
        RfmGrid g = found.get();
        json.beginObject();
        json.name("entities").value(g.entities());
        json.name("grid").beginArray();
        for (int rs = RfmQuintiles.BINS; rs >= 1; rs--) {
            for (int fs = 1; fs <= RfmQuintiles.BINS; fs++) {
                int cell = RfmGrid.cell(rs, fs);
                json.beginObject();
                json.name("r").value(rs);
                json.name("f").value(fs);
                json.name("segment").value(RfmSegment.of(rs, fs).label());
                json.name("size").value(g.cellCounts()[cell]);
                number(json.name("value"), g.cellValues()[cell]);
                json.endObject();
            }
        }
        json.endArray();
        json.name("segments").beginArray();
        for (RfmSegment s : RfmSegment.values()) {
            int o = s.ordinal();
            json.beginObject();
            json.name("name").value(s.label());
            json.name("size").value(g.segmentCounts()[o]);
            number(json.name("share"), (double) g.segmentCounts()[o] / g.entities());
            number(json.name("valueShare"), g.hasValue() && g.totalValue() != 0
                    ? g.segmentValues()[o] / g.totalValue() : Double.NaN);
            json.endObject();
        }
        json.endArray();
        json.name("bySegment").beginArray();
        for (int c = 0; c < g.bySegment().length; c++) {
            json.beginObject();
            json.name("segment").value(c);
            json.name("sizes").beginObject();
            for (RfmSegment s : RfmSegment.values()) {
                json.name(s.label()).value(g.bySegment()[c][s.ordinal()]);
            }
            json.endObject();
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void pipeline(JsonWriter json, PipelineResult r) throws IOException {
        PipelineSpec s = r.spec();
        json.name("pipeline").beginObject();
        json.name("source").value(s.source());
        json.name("input").value(s.input().toString());
        json.name("features").value(s.features());
        json.name("algorithm").value(s.algorithm());
        json.name("k").value(r.model().k());
        json.name("seed").value(s.cluster().seed());
        json.name("runs").value(s.cluster().runs());
        json.name("maxIterations").value(s.cluster().maxIterations());
        json.name("reporters").beginArray();
        for (String rep : s.reporters()) {
            json.value(rep);
        }
        json.endArray();
        json.name("options").beginObject();
        for (Map.Entry<String, String> e : new TreeMap<>(s.options().asMap()).entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
        json.name("stageVersions").beginObject();
        for (Map.Entry<String, String> e : new TreeMap<>(r.stageVersions()).entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
        json.endObject();
    }

    private static void dataQuality(JsonWriter json, DataQuality q) throws IOException {
        json.name("dataQuality").beginObject();
        json.name("source").value(q.source());
        json.name("inputs").beginArray();
        for (String in : q.inputs()) {
            json.value(in);
        }
        json.endArray();
        json.name("rowsRead").value(q.rowsRead());
        json.name("rowsKept").value(q.rowsKept());
        json.name("rowsRejected").value(q.rowsRejected());
        json.name("rejections").beginArray();
        for (Rejection rej : q.rejections()) {
            json.beginObject();
            json.name("reason").value(rej.reason());
            json.name("count").value(rej.count());
            json.name("file").value(rej.file());
            json.name("firstLines").beginArray();
            for (long line : rej.firstLines()) {
                json.value(line);
            }
            json.endArray();
            json.endObject();
        }
        json.endArray();
        json.name("duplicateRows");
        if (q.duplicateRows() == DataQuality.NOT_COUNTED) {
            json.nullValue();
        } else {
            json.value(q.duplicateRows());
        }
        json.name("firstTransaction").value(dateTime(q.firstTimestamp()));
        json.name("lastTransaction").value(dateTime(q.lastTimestamp()));
        json.name("entityCounts").beginObject();
        for (Map.Entry<String, Long> e : new TreeMap<>(q.entityCounts()).entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
        json.endObject();
    }

    /** Customers, orders, value and average order value; the top regions and categories where the source has them. */
    private static void business(JsonWriter json, PipelineResult r) throws IOException {
        BusinessFigures totals = r.business();
        double total = totals.totalAmount();
        json.name("business").beginObject();
        json.name("entity").value(r.features().entity().label());
        json.name("entities").value(r.features().rowCount());
        Optional<NumericColumn> value = r.features().value();
        // a customer table has no orders: its figures are null, and its total is the value feature's, if any
        boolean transactions = !r.source().entitiesOnly();
        json.name("transactions").value(transactions);
        if (transactions) {
            json.name("orders").value(totals.orders());
        } else {
            json.name("orders").nullValue();
        }
        number(json.name("totalAmount"), transactions ? total
                : value.map(c -> Arrays.stream(c.values()).sum()).orElse(Double.NaN));
        number(json.name("averageOrderValue"), transactions ? totals.averageOrderValue() : Double.NaN);
        json.name("valueFeature").value(value.map(NumericColumn::name).orElse(null));
        for (TransactionField field : BusinessFigures.BROKEN_DOWN) {
            if (totals.levels(field).isPresent()) {
                top(json, "top_" + field.columnName(), totals.top(field, TOP_LEVELS), total);
            }
        }
        json.endObject();
    }

    /** The levels with the most amount ({@link BusinessFigures#top}). */
    static void top(JsonWriter json, String name, List<BusinessFigures.LevelAmount> top, double total)
            throws IOException {
        json.name(name).beginArray();
        for (BusinessFigures.LevelAmount level : top) {
            json.beginObject();
            json.name("level").value(level.level());
            number(json.name("amount"), level.amount());
            number(json.name("share"), total == 0 ? Double.NaN : level.amount() / total);
            json.name("rows").value(level.rows());
            json.endObject();
        }
        json.endArray();
    }

    private static void quality(JsonWriter json, PipelineResult r) throws IOException {
        ClusterQuality q = r.quality();
        json.name("quality").beginObject();
        number(json.name("cost"), r.model().cost());
        number(json.name("inertia"), q.inertia());
        number(json.name("silhouette"), q.silhouette());
        number(json.name("daviesBouldin"), q.daviesBouldin());
        number(json.name("calinskiHarabasz"), q.calinskiHarabasz());
        json.name("silhouetteMeasured").value(q.silhouetteMeasured());
        json.name("segmentSilhouettes").beginArray();
        for (SegmentSilhouette s : q.segmentSilhouettes()) {
            json.beginObject();
            json.name("segment").value(s.segment());
            json.name("measured").value(s.measured());
            number(json.name("mean"), s.mean());
            number(json.name("negativeShare"), s.negativeShare());
            json.name("profile").beginArray();
            for (double v : s.profile()) {
                number(json, v);
            }
            json.endArray();
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** How k was chosen when the run chose it from a range; null when k was given. */
    private static void kSelection(JsonWriter json, PipelineResult r) throws IOException {
        json.name("kSelection");
        if (r.selection().isEmpty()) {
            json.nullValue();
            return;
        }
        KSelection s = r.selection().get();
        json.beginObject();
        json.name("recommendedK").value(s.recommendedK());
        json.name("elbowK");
        if (s.elbowK() > 0) {
            json.value(s.elbowK());
        } else {
            json.nullValue();
        }
        json.name("reason").value(s.reason());
        json.name("rows").value(s.rows());
        json.name("silhouetteSample").value(s.silhouetteSample());
        json.name("runnerUpK");
        if (s.runnerUpK() > 0) {
            json.value(s.runnerUpK());
        } else {
            json.nullValue();
        }
        json.name("minK").value(s.minK());
        json.name("candidates").beginArray();
        for (KCandidate c : s.candidates()) {
            json.beginObject();
            json.name("k").value(c.k());
            number(json.name("cost"), c.cost());
            number(json.name("silhouette"), c.silhouette());
            number(json.name("daviesBouldin"), c.daviesBouldin());
            number(json.name("calinskiHarabasz"), c.calinskiHarabasz());
            number(json.name("stability"), c.stability());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void segments(JsonWriter json, PipelineResult r) throws IOException {
        List<SegmentLifetimeValue> clv = SegmentLifetimeValue.of(r).orElse(List.of());
        json.name("segments").beginArray();
        for (int i = 0; i < r.segments().size(); i++) {
            SegmentProfile s = r.segments().get(i);
            json.beginObject();
            json.name("segment").value(s.segment());
            json.name("name").value(s.name());
            json.name("size").value(s.size());
            number(json.name("share"), s.share());
            number(json.name("valueShare"), s.valueShare());
            json.name("features").beginArray();
            double[] means = s.means();
            double[] medians = s.medians();
            double[] population = s.populationMeans();
            double[] index = s.index();
            for (int j = 0; j < s.features().size(); j++) {
                json.beginObject();
                json.name("feature").value(s.features().get(j));
                number(json.name("mean"), means[j]);
                number(json.name("median"), medians[j]);
                number(json.name("populationMean"), population[j]);
                number(json.name("index"), index[j]);
                json.endObject();
            }
            json.endArray();
            json.name("categorical").beginArray();
            for (CategoricalProfile c : s.categorical()) {
                json.beginObject();
                json.name("feature").value(c.feature());
                json.name("levels").beginArray();
                double[] shares = c.segmentShares();
                double[] overall = c.populationShares();
                for (int l = 0; l < c.levels().size(); l++) {
                    json.beginObject();
                    json.name("level").value(c.levels().get(l));
                    number(json.name("share"), shares[l]);
                    number(json.name("populationShare"), overall[l]);
                    json.endObject();
                }
                json.endArray();
                json.endObject();
            }
            json.endArray();
            FeatureFitJson.lifetimeValue(json, clv.isEmpty() ? null : clv.get(i));
            json.name("action").value(s.action().present() ? s.action().text() : null);
            json.name("actionReason").value(s.action().present() ? s.action().reason() : null);
            json.endObject();
        }
        json.endArray();
    }

    static void number(JsonWriter json, double v) throws IOException {
        if (Double.isFinite(v)) {
            json.value(v);
        } else {
            json.nullValue();
        }
    }

    private static String dateTime(long seconds) {
        return seconds == TimestampColumn.MISSING ? null
                : LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).toString();
    }
}
