package io.segmenta.console;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageTiming;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders the result of a run for people: the data-quality account, the segments, the quality figures,
 * the timings and the files written.
 */
public final class RunSummary {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    /** Line numbers shown per rejection reason; the source keeps a handful, a handful is what fits a line. */
    private static final int MAX_LINES_SHOWN = 5;

    private RunSummary() {
    }

    /** The whole summary, each line ending with '\n'. */
    public static String render(PipelineResult result) {
        StringBuilder out = new StringBuilder();
        dataQuality(result, out);
        out.append('\n');
        segments(result, out);
        out.append('\n');
        quality(result.quality(), out);
        out.append('\n');
        timings(result.timings(), out);
        out.append('\n');
        outputs(result.outputs(), out);
        return out.toString();
    }

    /**
     * Rows read, kept and dropped by reason (with the first line numbers), the kept rows that repeat an
     * earlier row (when the source counts them), the period and entity counts.
     */
    public static void dataQuality(PipelineResult result, StringBuilder out) {
        DataQuality q = result.source().quality();
        out.append("Data quality (source ").append(q.source()).append(")\n");
        TextTable table = new TextTable(false, true, false);
        table.add("input", "", result.spec().input().toString());
        table.add("rows read", Numbers.grouped(q.rowsRead()), "");
        table.add("rows kept", Numbers.grouped(q.rowsKept()),
                q.rowsRead() > 0 ? Numbers.percent((double) q.rowsKept() / q.rowsRead()) : "");
        table.add("rows dropped", Numbers.grouped(q.rowsRejected()), "");
        boolean severalFiles = q.inputs().size() > 1;
        for (Rejection r : q.rejections()) {
            table.add("  " + r.reason(), Numbers.grouped(r.count()), lines(r, severalFiles));
        }
        if (q.duplicateRows() != DataQuality.NOT_COUNTED) {
            // Kept rows equal to an earlier one: kept, as exports repeat lines legitimately, but worth knowing.
            table.add("duplicate rows", Numbers.grouped(q.duplicateRows()), "(kept)");
        }
        if (q.firstTimestamp() != TimestampColumn.MISSING && q.lastTimestamp() != TimestampColumn.MISSING) {
            table.add("period", "", minutes(q.firstTimestamp()) + " to " + minutes(q.lastTimestamp()));
        }
        for (Map.Entry<String, Long> e : new TreeMap<>(q.entityCounts()).entrySet()) {
            table.add(e.getKey(), Numbers.grouped(e.getValue()), "");
        }
        table.render(out, "  ");
    }

    private static String lines(Rejection r, boolean withFile) {
        if (r.firstLines().isEmpty()) {
            return "";
        }
        List<Long> shown = r.firstLines().subList(0, Math.min(MAX_LINES_SHOWN, r.firstLines().size()));
        String text = (shown.size() == 1 ? "line " : "lines ")
                + shown.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (r.count() > shown.size() ? ", ..." : "");
        if (withFile && r.file() != null) {
            Path name = Path.of(r.file()).getFileName();
            text += " of " + (name == null ? r.file() : name.toString());
        }
        return text;
    }

    /** One row per segment: size, share, share of revenue and the mean of each raw feature. */
    public static void segments(PipelineResult result, StringBuilder out) {
        FeatureMatrix features = result.features();
        String entities = features.entity().label() + "s";
        out.append("Segments (").append(result.model().algorithm()).append(", k=").append(result.model().k())
                .append(", ").append(Numbers.grouped(features.rowCount())).append(' ').append(entities)
                .append("; feature columns are segment means)\n");
        List<SegmentProfile> segments = result.segments();
        List<String> names = segments.isEmpty() ? features.numericNames() : segments.get(0).features();
        int columns = 4 + names.size();
        boolean[] right = new boolean[columns];
        Arrays.fill(right, true);
        TextTable table = new TextTable(right);
        String[] header = new String[columns];
        header[0] = "segment";
        header[1] = entities;
        header[2] = "share";
        header[3] = "revenue";
        for (int j = 0; j < names.size(); j++) {
            header[4 + j] = names.get(j);
        }
        table.add(header);
        for (SegmentProfile s : segments) {
            String[] row = new String[columns];
            row[0] = Integer.toString(s.segment());
            row[1] = Numbers.grouped(s.size());
            row[2] = Numbers.percent(s.share());
            row[3] = Numbers.percent(s.valueShare());
            double[] means = s.means();
            for (int j = 0; j < names.size(); j++) {
                row[4 + j] = Numbers.fixed(means[j], 2);
            }
            table.add(row);
        }
        table.render(out, "  ");
    }

    /** Inertia, silhouette, Davies-Bouldin and Calinski-Harabasz, with which direction is better. */
    public static void quality(ClusterQuality q, StringBuilder out) {
        out.append("Quality\n");
        new TextTable(false, true, false)
                .add("inertia", Numbers.fixed(q.inertia(), 2), "lower is tighter")
                .add("silhouette", Numbers.fixed(q.silhouette(), 4), "-1 to 1, higher is better")
                .add("Davies-Bouldin", Numbers.fixed(q.daviesBouldin(), 4), "lower is better")
                .add("Calinski-Harabasz", Numbers.fixed(q.calinskiHarabasz(), 2), "higher is better")
                .render(out, "  ");
    }

    /** How long each step took, and in all. */
    public static void timings(List<StageTiming> timings, StringBuilder out) {
        out.append("Timings\n");
        TextTable table = new TextTable(false, true);
        long total = 0;
        for (StageTiming t : timings) {
            table.add(ConsoleProgress.step(t.kind(), t.name()), Numbers.millis(t.nanos()));
            total += t.nanos();
        }
        table.add("total", Numbers.millis(total));
        table.render(out, "  ");
    }

    /** The files the reporters wrote. */
    public static void outputs(List<Path> outputs, StringBuilder out) {
        out.append("Outputs\n");
        if (outputs.isEmpty()) {
            out.append("  none (no reporter ran)\n");
        }
        for (Path p : outputs) {
            out.append("  ").append(p).append('\n');
        }
    }

    private static String minutes(long epochSeconds) {
        return MINUTES.format(LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC));
    }
}
