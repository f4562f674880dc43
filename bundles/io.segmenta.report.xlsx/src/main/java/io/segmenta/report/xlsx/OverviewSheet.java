package io.segmenta.report.xlsx;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.StageTiming;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;

/** Sheet "Overview": section, item, value, share and detail of every figure of the run. */
final class OverviewSheet {
    private OverviewSheet() {
    }

    /** Rows of the overview table; each a section, an item, a typed value, an optional share and a note. */
    private static final class Items {
        final Sheet sheet;
        int row;

        Items(Sheet sheet) {
            this.sheet = sheet;
        }

        int next(String section, String item) {
            row++;
            sheet.text(row, 0, section);
            sheet.text(row, 1, item);
            return row;
        }

        void text(String section, String item, String value) {
            sheet.text(next(section, item), 2, value);
        }

        void count(String section, String item, long value) {
            sheet.count(next(section, item), 2, value);
        }

        void number(String section, String item, double value, String format) {
            sheet.number(next(section, item), 2, value, format);
        }
    }

    /** Fills the sheet: data quality, business figures, quality figures and run details, one item a row. */
    static void write(Workbook wb, PipelineResult r) throws IOException {
        String entity = r.features().entity().label();
        Items o = new Items(new Sheet(wb, WorkbookWriter.OVERVIEW,
                List.of("section", "item", "value", "share", "detail"), 0));
        DataQuality q = r.source().quality();
        String dq = "data quality";
        o.text(dq, "source", q.source());
        for (String in : q.inputs()) {
            o.text(dq, "input file", in);
        }
        o.count(dq, "rows read", q.rowsRead());
        o.count(dq, "rows kept", q.rowsKept());
        share(o, q.rowsKept(), q.rowsRead());
        o.count(dq, "rows rejected", q.rowsRejected());
        share(o, q.rowsRejected(), q.rowsRead());
        for (Rejection rej : q.rejections()) {
            o.count(dq, "rejected: " + rej.reason(), rej.count());
            share(o, rej.count(), q.rowsRead());
            o.sheet.text(o.row, 4, rejectionDetail(rej));
        }
        if (q.duplicateRows() != DataQuality.NOT_COUNTED) {
            o.count(dq, "duplicate rows (kept)", q.duplicateRows());
        }
        if (q.firstTimestamp() != TimestampColumn.MISSING) {
            o.sheet.dateTime(o.next(dq, "first transaction"), 2, dateTime(q.firstTimestamp()));
        }
        if (q.lastTimestamp() != TimestampColumn.MISSING) {
            o.sheet.dateTime(o.next(dq, "last transaction"), 2, dateTime(q.lastTimestamp()));
        }
        if (r.context().snapshot().isPresent()) {
            o.sheet.dateTime(o.next(dq, "snapshot date (recency is measured to it)"), 2, r.context().snapshot().get());
        }
        for (Map.Entry<String, Long> e : new TreeMap<>(q.entityCounts()).entrySet()) {
            o.count(dq, "distinct " + e.getKey() + " in source", e.getValue());
        }

        String biz = "business";
        BusinessFigures totals = r.business();
        String money = Sheet.money(r.context().currency());
        o.count(biz, entity + "s", r.features().rowCount());
        if (r.source().entitiesOnly()) {
            // a customer table: no orders to count; its money, if any, is the value feature
            o.text(biz, "transactions", "none: a " + entity + " table");
            r.features().value().ifPresent(v -> o.number(biz, "total " + v.name(),
                    Arrays.stream(v.values()).sum(), Sheet.DECIMAL));
        } else {
            o.count(biz, "orders", totals.orders());
            o.number(biz, "total amount", totals.totalAmount(), money);
            o.number(biz, "average order value", totals.averageOrderValue(), money);
        }
        if (r.context().currency().isPresent()) {
            o.text(biz, "currency", r.context().currency().get());
        }
        o.text(biz, "value feature (for shares of value)", r.features().value().map(NumericColumn::name)
                .orElse(null));
        for (TransactionField field : BusinessFigures.BROKEN_DOWN) {
            Optional<List<BusinessFigures.LevelAmount>> levels = totals.levels(field);
            if (levels.isPresent()) {
                List<BusinessFigures.LevelAmount> top = totals.top(field, WorkbookWriter.TOP_LEVELS);
                for (int i = 0; i < top.size(); i++) {
                    String word = field == TransactionField.REGION ? r.context().regionWord() : field.columnName();
                    o.number(biz, "amount of " + word + " " + top.get(i).level(), top.get(i).amount(), money);
                    if (totals.totalAmount() != 0) {
                        o.sheet.number(o.row, 3, top.get(i).amount() / totals.totalAmount(), Sheet.PERCENT);
                    }
                    o.sheet.text(o.row, 4, top.get(i).rows() + " rows; top " + (i + 1) + " of "
                            + levels.get().size() + " by amount");
                }
            }
        }

        String quality = "quality";
        ClusterQuality cq = r.quality();
        o.number(quality, "cost (" + r.model().algorithm() + ")", r.model().cost(), Sheet.DECIMAL);
        o.number(quality, "inertia", cq.inertia(), Sheet.DECIMAL);
        o.number(quality, "silhouette (-1 to 1, higher is better)", cq.silhouette(), Sheet.PRECISE);
        o.number(quality, "Davies-Bouldin (lower is better)", cq.daviesBouldin(), Sheet.PRECISE);
        o.number(quality, "Calinski-Harabasz (higher is better)", cq.calinskiHarabasz(), Sheet.DECIMAL);

        String run = "run";
        PipelineSpec s = r.spec();
        if (r.context().ranAt().isPresent()) {
            o.sheet.dateTime(o.next(run, "run date (UTC)"), 2, java.time.LocalDateTime.ofInstant(
                    r.context().ranAt().get(), java.time.ZoneOffset.UTC).withNano(0));
        }
        o.text(run, "source", s.source());
        o.text(run, "input", s.input().toString());
        o.text(run, "feature extractor", s.features());
        o.text(run, "algorithm", s.algorithm());
        o.count(run, "k", r.model().k());
        if (r.selection().isPresent()) {
            o.sheet.text(o.row, 4, "chosen from k = " + r.selection().get().candidates().get(0).k() + " to "
                    + r.selection().get().candidates().get(r.selection().get().candidates().size() - 1).k()
                    + " (sheet " + WorkbookWriter.CHOOSING_K + ")");
        }
        o.count(run, "seed", s.cluster().seed());
        o.count(run, "runs", s.cluster().runs());
        o.count(run, "max iterations", s.cluster().maxIterations());
        o.text(run, "reporters", String.join(", ", s.reporters()));
        for (Map.Entry<String, String> e : new TreeMap<>(s.options().asMap()).entrySet()) {
            o.text(run, "option " + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : new TreeMap<>(r.scaling()).entrySet()) {
            o.text(run, "scaling of " + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : new TreeMap<>(r.stageVersions()).entrySet()) {
            o.text(run, "stage " + e.getKey(), e.getValue());
        }
        for (StageTiming timing : r.timings()) {
            o.number(run, "time (ms): " + (timing.kind() == null ? "" : timing.kind().label() + " ") + timing.name(),
                    timing.millis(), Sheet.DECIMAL);
        }
        o.sheet.finish(o.row);
    }

    private static void share(Items o, long part, long whole) {
        if (whole > 0) {
            o.sheet.number(o.row, 3, (double) part / whole, Sheet.PERCENT);
        }
    }

    private static String rejectionDetail(Rejection rej) {
        StringBuilder s = new StringBuilder();
        if (rej.file() != null) {
            s.append(rej.file());
        }
        if (!rej.firstLines().isEmpty()) {
            s.append(s.length() == 0 ? "" : ", ").append("first lines ");
            for (int i = 0; i < rej.firstLines().size(); i++) {
                s.append(i == 0 ? "" : ", ").append(rej.firstLines().get(i));
            }
        }
        return s.length() == 0 ? null : s.toString();
    }

    private static LocalDateTime dateTime(long epochSeconds) {
        return LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
    }
}
