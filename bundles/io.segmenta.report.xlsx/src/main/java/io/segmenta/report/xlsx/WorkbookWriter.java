package io.segmenta.report.xlsx;

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
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;

/**
 * Fills one workbook from a run, sheet by sheet (fastexcel writes each sheet to the stream when it is finished,
 * and the assignments in chunks while they are written, so memory does not grow with the number of customers
 * beyond the result itself). The sheets, in order:
 * <ol>
 * <li>{@value #OVERVIEW}: data quality, business figures, quality figures and run details, one item a row;</li>
 * <li>{@value #SEGMENTS}: one row per segment (size, shares, mean, median and index of each feature, the top
 * level of each categorical feature), and the population below the table;</li>
 * <li>{@value #CATEGORIES}, only with categorical features: each level's share per segment and overall;</li>
 * <li>{@value #CHOOSING_K}, only when the run chose k from a range: the figures of every k tried;</li>
 * <li>{@value #ASSIGNMENTS}: one row per customer (or seller), continued on "Assignments 2", "Assignments 3",
 * ... beyond the rows a sheet may hold.</li>
 * </ol>
 */
final class WorkbookWriter {
    static final String OVERVIEW = "Overview";
    static final String SEGMENTS = "Segments";
    static final String CATEGORIES = "Categories";
    static final String CHOOSING_K = "Choosing k";
    static final String ASSIGNMENTS = "Assignments";
    /** The version of this layout, in the workbook's properties (fastexcel wants the form NN.NNNN). */
    static final String LAYOUT_VERSION = "1.0";
    /** Levels of a transaction dimension (region, category) the overview lists, as the other reports do. */
    static final int TOP_LEVELS = 10;
    /** Assignment rows held in memory before they are written out; progress and cancellation are checked as often. */
    static final int CHUNK = 8192;

    private final PipelineResult r;
    private final int rowsPerSheet;
    private final StageContext context;
    private final String entity;

    /**
     * @param rowsPerSheet the most assignment rows on one sheet (below the header row)
     */
    WorkbookWriter(PipelineResult result, int rowsPerSheet, StageContext context) {
        this.r = result;
        this.rowsPerSheet = rowsPerSheet;
        this.context = context;
        this.entity = result.features().entity().label();
    }

    void write(OutputStream out) throws IOException {
        checkLabels();
        Workbook wb = new Workbook(out, "Segmenta", LAYOUT_VERSION);
        wb.properties().setTitle("Segments: " + r.spec().source() + ", " + r.spec().features() + ", "
                + r.spec().algorithm() + ", k = " + r.model().k());
        overview(wb);
        segments(wb);
        if (!r.features().categorical().isEmpty()) {
            categories(wb);
        }
        if (r.selection().isPresent()) {
            choosingK(wb, r.selection().get());
        }
        assignments(wb);
        wb.finish();
    }

    /** A model whose labels do not match the features is a bug upstream; found before anything is written. */
    private void checkLabels() {
        int[] labels = r.model().labels();
        if (labels.length != r.features().rowCount()) {
            throw new IllegalStateException("model has " + labels.length + " labels for " + r.features().rowCount()
                    + " rows");
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Overview: section, item, value, share, detail

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

    private void overview(Workbook wb) throws IOException {
        Items o = new Items(new Sheet(wb, OVERVIEW, List.of("section", "item", "value", "share", "detail"), 0));
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
        for (Map.Entry<String, Long> e : new TreeMap<>(q.entityCounts()).entrySet()) {
            o.count(dq, "distinct " + e.getKey() + " in source", e.getValue());
        }

        String biz = "business";
        BusinessFigures totals = r.business();
        o.count(biz, entity + "s", r.features().rowCount());
        o.count(biz, "orders", totals.orders());
        o.number(biz, "total amount", totals.totalAmount(), Sheet.DECIMAL);
        o.number(biz, "average order value", totals.averageOrderValue(), Sheet.DECIMAL);
        o.text(biz, "value feature (for shares of value)", r.features().value().map(NumericColumn::name)
                .orElse(null));
        for (TransactionField field : List.of(TransactionField.REGION, TransactionField.CATEGORY)) {
            Optional<List<BusinessFigures.LevelAmount>> levels = totals.levels(field);
            if (levels.isPresent()) {
                List<BusinessFigures.LevelAmount> top = totals.top(field, TOP_LEVELS);
                for (int i = 0; i < top.size(); i++) {
                    o.number(biz, "amount of " + field.columnName() + " " + top.get(i).level(), top.get(i).amount(),
                            Sheet.DECIMAL);
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
        o.text(run, "source", s.source());
        o.text(run, "input", s.input().toString());
        o.text(run, "feature extractor", s.features());
        o.text(run, "algorithm", s.algorithm());
        o.count(run, "k", r.model().k());
        if (r.selection().isPresent()) {
            o.sheet.text(o.row, 4, "chosen from k = " + r.selection().get().candidates().get(0).k() + " to "
                    + r.selection().get().candidates().get(r.selection().get().candidates().size() - 1).k()
                    + " (sheet " + CHOOSING_K + ")");
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

    // ---------------------------------------------------------------------------------------------------
    // Segments

    private void segments(Workbook wb) throws IOException {
        List<SegmentProfile> segments = r.segments();
        List<String> features = segments.isEmpty() ? r.features().numericNames() : segments.get(0).features();
        List<String> categorical = new ArrayList<>();
        for (CategoricalColumn c : r.features().categorical()) {
            categorical.add(c.name());
        }
        List<String> header = new ArrayList<>(List.of("segment", "name", "size", "share of " + entity + "s",
                "share of value"));
        for (String f : features) {
            header.add("mean " + f);
            header.add("median " + f);
            header.add("index " + f);
        }
        for (String c : categorical) {
            header.add("top " + c);
            header.add("share of top " + c);
        }
        Sheet sheet = new Sheet(wb, SEGMENTS, header, 2);
        int row = 0;
        for (SegmentProfile s : segments) {
            if (!s.features().equals(features)) {
                throw new IllegalStateException("segment " + s.segment() + " profiles " + s.features() + ", expected "
                        + features);
            }
            row++;
            sheet.count(row, 0, s.segment());
            sheet.text(row, 1, s.name());
            sheet.count(row, 2, s.size());
            sheet.number(row, 3, s.share(), Sheet.PERCENT);
            sheet.number(row, 4, s.valueShare(), Sheet.PERCENT);
            double[] means = s.means();
            double[] medians = s.medians();
            double[] index = s.index();
            int c = 5;
            for (int j = 0; j < features.size(); j++) {
                sheet.number(row, c++, means[j], Sheet.DECIMAL);
                sheet.number(row, c++, medians[j], Sheet.DECIMAL);
                sheet.number(row, c++, index[j], COUNT_INDEX);
            }
            for (String name : categorical) {
                CategoricalProfile p = profile(s, name);
                int top = p == null ? -1 : topLevel(p.segmentShares());
                if (top >= 0) {
                    sheet.text(row, c, p.levels().get(top));
                    sheet.number(row, c + 1, p.segmentShares()[top], Sheet.PERCENT);
                }
                c += 2;
            }
        }
        int lastRow = row;
        if (!segments.isEmpty()) {
            // the population the index compares with, below the table (outside its filter)
            row += 2;
            sheet.text(row, 1, "all " + entity + "s");
            sheet.count(row, 2, r.features().rowCount());
            sheet.number(row, 3, 1, Sheet.PERCENT);
            if (r.features().value().isPresent()) {
                sheet.number(row, 4, 1, Sheet.PERCENT);
            }
            double[] population = segments.get(0).populationMeans();
            for (int j = 0; j < features.size(); j++) {
                sheet.number(row, 5 + 3 * j, population[j], Sheet.DECIMAL);
                sheet.number(row, 7 + 3 * j, 100, COUNT_INDEX);
            }
            row++;
            sheet.note(row, 1, "index: the segment's mean as a percentage of the mean of all " + entity + "s");
        }
        sheet.finish(lastRow);
    }

    /** An index (100 = the average of all entities), to whole numbers. */
    private static final String COUNT_INDEX = "0";

    private static CategoricalProfile profile(SegmentProfile s, String feature) {
        for (CategoricalProfile p : s.categorical()) {
            if (p.feature().equals(feature)) {
                return p;
            }
        }
        return null;
    }

    /** The level with the largest share (the first of equals), or -1 when there are no levels. */
    private static int topLevel(double[] shares) {
        int top = -1;
        for (int l = 0; l < shares.length; l++) {
            if (top < 0 || shares[l] > shares[top]) {
                top = l;
            }
        }
        return top;
    }

    // ---------------------------------------------------------------------------------------------------
    // Categories: segment, name, feature, level, share in segment, share overall, index

    private void categories(Workbook wb) throws IOException {
        Sheet sheet = new Sheet(wb, CATEGORIES, List.of("segment", "name", "feature", "level", "share in segment",
                "share of all " + entity + "s", "index"), 2);
        int row = 0;
        for (SegmentProfile s : r.segments()) {
            for (CategoricalProfile p : s.categorical()) {
                double[] segment = p.segmentShares();
                double[] overall = p.populationShares();
                for (int l = 0; l < segment.length; l++) {
                    row++;
                    sheet.count(row, 0, s.segment());
                    sheet.text(row, 1, s.name());
                    sheet.text(row, 2, p.feature());
                    sheet.text(row, 3, p.levels().get(l));
                    sheet.number(row, 4, segment[l], Sheet.PERCENT);
                    sheet.number(row, 5, overall[l], Sheet.PERCENT);
                    sheet.number(row, 6, overall[l] > 0 ? segment[l] / overall[l] * 100 : Double.NaN, COUNT_INDEX);
                }
            }
        }
        sheet.finish(row);
    }

    // ---------------------------------------------------------------------------------------------------
    // Choosing k

    private static void choosingK(Workbook wb, KSelection sel) throws IOException {
        Sheet sheet = new Sheet(wb, CHOOSING_K, List.of("k", "cost", "silhouette", "Davies-Bouldin",
                "Calinski-Harabasz", "time (ms)", "marked"), 1);
        int row = 0;
        for (KCandidate c : sel.candidates()) {
            row++;
            sheet.count(row, 0, c.k());
            sheet.number(row, 1, c.cost(), Sheet.DECIMAL);
            sheet.number(row, 2, c.silhouette(), Sheet.PRECISE);
            sheet.number(row, 3, c.daviesBouldin(), Sheet.PRECISE);
            sheet.number(row, 4, c.calinskiHarabasz(), Sheet.DECIMAL);
            sheet.number(row, 5, c.nanos() / 1e6, Sheet.DECIMAL);
            String mark = c.k() == sel.recommendedK() ? "recommended" : "";
            if (c.k() == sel.elbowK()) {
                mark = mark.isEmpty() ? "elbow" : mark + ", elbow";
            }
            sheet.text(row, 6, mark.isEmpty() ? null : mark);
        }
        int lastRow = row;
        row += 2;
        sheet.text(row, 0, "recommended k");
        sheet.count(row, 1, sel.recommendedK());
        sheet.text(++row, 0, "elbow k");
        if (sel.elbowK() > 0) {
            sheet.count(row, 1, sel.elbowK());
        } else {
            sheet.note(row, 1, "none (the cost curve has no elbow)");
        }
        sheet.text(++row, 0, "why");
        sheet.note(row, 1, sel.reason());
        sheet.text(++row, 0, "rows clustered");
        sheet.count(row, 1, sel.rows());
        sheet.text(++row, 0, "silhouette computed on");
        sheet.count(row, 1, sel.silhouetteSample());
        sheet.note(row, 2, sel.silhouetteSample() < sel.rows() ? "rows, a uniform random sample" : "rows (all)");
        sheet.finish(lastRow);
    }

    // ---------------------------------------------------------------------------------------------------
    // Assignments: id, segment, segment name, numeric features, categorical features

    private void assignments(Workbook wb) throws IOException {
        FeatureMatrix f = r.features();
        int n = f.rowCount();
        int[] labels = r.model().labels();
        String[] names = new String[r.model().k()];
        for (SegmentProfile s : r.segments()) {
            names[s.segment()] = s.name();
        }
        List<NumericColumn> numeric = f.numeric();
        List<CategoricalColumn> categorical = f.categorical();
        double[][] values = new double[numeric.size()][];
        for (int j = 0; j < values.length; j++) {
            values[j] = numeric.get(j).values();
        }
        List<String> header = new ArrayList<>(List.of(entity + " id", "segment", "segment name"));
        numeric.forEach(c -> header.add(c.name()));
        categorical.forEach(c -> header.add(c.name()));
        // widths are fixed before the first chunk is written: from the longest id, name and level
        double[] widths = new double[header.size()];
        for (String id : f.ids()) {
            widths[0] = Math.max(widths[0], id.length());
        }
        for (String name : names) {
            widths[2] = Math.max(widths[2], name == null ? 0 : name.length());
        }
        for (int j = 0; j < categorical.size(); j++) {
            for (String level : categorical.get(j).levels()) {
                widths[3 + numeric.size() + j] = Math.max(widths[3 + numeric.size() + j], level.length());
            }
        }
        for (int j = 0; j < numeric.size(); j++) {
            widths[3 + j] = 12;
        }

        int sheets = Math.max(1, (n + rowsPerSheet - 1) / rowsPerSheet);
        List<String> ids = f.ids();
        for (int part = 0; part < sheets; part++) {
            int from = part * rowsPerSheet;
            int to = Math.min(n, from + rowsPerSheet);
            Sheet sheet = new Sheet(wb, part == 0 ? ASSIGNMENTS : ASSIGNMENTS + " " + (part + 1), header, 1);
            for (int c = 0; c < widths.length; c++) {
                sheet.widen(c, widths[c]);
            }
            int row = 0;
            for (int i = from; i < to; i++) {
                row++;
                sheet.uniqueText(row, 0, ids.get(i));
                sheet.number(row, 1, labels[i]);
                sheet.text(row, 2, names[labels[i]]);
                int c = 3;
                for (double[] column : values) {
                    sheet.number(row, c++, column[i]);
                }
                for (CategoricalColumn column : categorical) {
                    sheet.text(row, c++, column.value(i));
                }
                if ((i + 1 - from) % CHUNK == 0 || i + 1 == to) {
                    sheet.flush();
                    context.progress(i + 1, n, entity + "s");
                    if (context.isCancelled()) {
                        throw new SegmentaException("Excel workbook not written: the run was cancelled");
                    }
                }
            }
            sheet.finish(row);
        }
    }

    private static LocalDateTime dateTime(long epochSeconds) {
        return LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
    }
}
