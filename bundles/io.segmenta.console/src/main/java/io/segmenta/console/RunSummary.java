package io.segmenta.console;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.StageKind;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders the result of a run for people: the data-quality account, the segments, the movement since an earlier
 * run (when compared with one), the quality figures, the timings and the files written.
 */
public final class RunSummary {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    /** Line numbers shown per rejection reason; the source keeps a handful, a handful is what fits a line. */
    private static final int MAX_LINES_SHOWN = 5;
    /** Categorical levels shown per feature and segment. */
    private static final int TOP_LEVELS = 3;
    /** The width the comparison lines wrap at. */
    private static final int WIDTH = 100;

    private RunSummary() {
    }

    /** The whole summary, each line ending with '\n'. */
    public static String render(PipelineResult result) {
        StringBuilder out = new StringBuilder();
        dataQuality(result, out);
        out.append('\n');
        // a run that chose k from a range: how it chose, before the segments of the chosen k
        if (result.selection().isPresent()) {
            out.append(KSelectionSummary.render(result.selection().get()));
            out.append('\n');
        }
        segments(result, out);
        out.append('\n');
        if (MovementSummary.shown(result)) {
            MovementSummary.render(result, out);
            out.append('\n');
        }
        if (result.featureFit().isPresent()) {
            FeatureFitSummary.render(result.featureFit().get(), out);
            out.append('\n');
        }
        quality(result.quality(), out);
        out.append('\n');
        timings(result.timings(), result.selection(), out);
        out.append('\n');
        outputs(result.outputs(), out);
        return out.toString();
    }

    /**
     * Rows read, kept and dropped by reason (with the first line numbers), the kept rows that repeat an
     * earlier row (when the source counts them), the period and entity counts.
     */
    public static void dataQuality(PipelineResult result, StringBuilder out) {
        dataQuality(result.spec().input(), result.source().quality(), out);
    }

    /** {@link #dataQuality(PipelineResult, StringBuilder)} of any read, e.g. a prediction's. */
    public static void dataQuality(Path input, DataQuality q, StringBuilder out) {
        out.append("Data quality (source ").append(q.source()).append(")\n");
        TextTable table = new TextTable(false, true, false);
        table.add("input", "", input.toString());
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

    /**
     * The segments in three parts: one row per segment with its size, shares and name; the mean of each raw
     * feature per segment and over all entities; and how each segment compares with all entities (the index
     * of each feature and the most common levels of each categorical feature).
     */
    public static void segments(PipelineResult result, StringBuilder out) {
        FeatureMatrix features = result.features();
        String entities = features.entity().label() + "s";
        out.append("Segments (").append(result.model().algorithm()).append(", k=").append(result.model().k())
                .append(", ").append(Numbers.grouped(features.rowCount())).append(' ').append(entities).append(")\n");
        List<SegmentProfile> segments = result.segments();
        TextTable table = new TextTable(true, true, true, true, false);
        table.add("segment", entities, "share", "revenue", "name");
        for (SegmentProfile s : segments) {
            table.add(Integer.toString(s.segment()), Numbers.grouped(s.size()), Numbers.percent(s.share()),
                    Numbers.percent(s.valueShare()), s.name());
        }
        table.render(out, "  ");
        out.append('\n');
        means(result, out);
        out.append('\n');
        comparison(result, out);
    }

    /** The mean of each raw feature per segment, and over all entities when known. */
    static void means(PipelineResult result, StringBuilder out) {
        List<SegmentProfile> segments = result.segments();
        List<String> names = segments.isEmpty() ? result.features().numericNames() : segments.get(0).features();
        out.append("Segment means\n");
        int columns = 1 + names.size();
        boolean[] right = new boolean[columns];
        Arrays.fill(right, true);
        TextTable table = new TextTable(right);
        String[] header = new String[columns];
        header[0] = "segment";
        for (int j = 0; j < names.size(); j++) {
            header[1 + j] = names.get(j);
        }
        table.add(header);
        for (SegmentProfile s : segments) {
            table.add(meansRow(Integer.toString(s.segment()), s.means()));
        }
        if (!segments.isEmpty() && !Double.isNaN(segments.get(0).populationMeans()[0])) {
            table.add(meansRow("all", segments.get(0).populationMeans()));
        }
        table.render(out, "  ");
    }

    private static String[] meansRow(String first, double[] means) {
        String[] row = new String[1 + means.length];
        row[0] = first;
        for (int j = 0; j < means.length; j++) {
            row[1 + j] = Numbers.fixed(means[j], 2);
        }
        return row;
    }

    /**
     * Per segment, its name, the index of each feature (segment mean / mean of all x 100), and per categorical
     * feature the {@value #TOP_LEVELS} levels most common in the segment with their share overall; wrapped to
     * {@value #WIDTH} columns.
     */
    static void comparison(PipelineResult result, StringBuilder out) {
        String all = "all " + result.features().entity().label() + "s";
        out.append("Compared with ").append(all).append(" (index = segment mean / mean of ").append(all)
                .append(" x 100)\n");
        for (SegmentProfile s : result.segments()) {
            List<String> items = new ArrayList<>();
            double[] index = s.index();
            for (int j = 0; j < index.length; j++) {
                items.add(s.features().get(j) + " " + Numbers.fixed(index[j], 0));
            }
            wrap(out, "  " + s.segment() + " " + s.name() + ": ", items, "      ");
            for (CategoricalProfile c : s.categorical()) {
                wrap(out, "    " + c.feature() + ": ", topLevels(c), "      ");
            }
        }
    }

    /** The most common levels in the segment, as "level 12.0% (all 8.0%)"; ties in the profile's order. */
    private static List<String> topLevels(CategoricalProfile c) {
        double[] segment = c.segmentShares();
        double[] population = c.populationShares();
        List<Integer> order = new ArrayList<>();
        for (int l = 0; l < segment.length; l++) {
            if (segment[l] > 0) {
                order.add(l);
            }
        }
        order.sort((a, b) -> Double.compare(segment[b], segment[a])); // stable: ties keep the profile's order
        List<String> items = new ArrayList<>(TOP_LEVELS);
        for (int l : order.subList(0, Math.min(TOP_LEVELS, order.size()))) {
            items.add(c.levels().get(l) + " " + Numbers.percent(segment[l]) + " (all "
                    + Numbers.percent(population[l]) + ")");
        }
        return items;
    }

    /** Appends {@code first} and the items joined by ", ", continuing on new lines after {@value #WIDTH}. */
    private static void wrap(StringBuilder out, String first, List<String> items, String continuation) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i < items.size() - 1 ? "," : "");
            if (!empty && line.length() + 1 + item.length() > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(continuation);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(item);
            empty = false;
        }
        out.append(line.toString().stripTrailing()).append('\n');
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
        timings(timings, Optional.empty(), out);
    }

    /**
     * How long each step took, and in all; with a k chosen from a range, the time spent fitting and measuring
     * every k (the sum of its candidates' times, which the run's steps do not hold) before the final fit.
     */
    public static void timings(List<StageTiming> timings, Optional<KSelection> selection, StringBuilder out) {
        out.append("Timings\n");
        TextTable table = new TextTable(false, true);
        long total = 0;
        boolean choosingShown = selection.isEmpty();
        for (StageTiming t : timings) {
            if (!choosingShown && t.kind() == StageKind.ALGORITHM) {
                total += choosingK(selection.get(), table);
                choosingShown = true;
            }
            table.add(ConsoleProgress.step(t.kind(), t.name()), Numbers.millis(t.nanos()));
            total += t.nanos();
        }
        if (!choosingShown) {
            total += choosingK(selection.get(), table);
        }
        table.add("total", Numbers.millis(total));
        table.render(out, "  ");
    }

    /** Adds the row of the time spent choosing k; returns that time. */
    private static long choosingK(KSelection selection, TextTable table) {
        long nanos = 0;
        for (KCandidate c : selection.candidates()) {
            nanos += c.nanos();
        }
        List<KCandidate> tried = selection.candidates();
        String range = tried.isEmpty() ? "" : " (k = " + tried.get(0).k() + ".." + tried.get(tried.size() - 1).k()
                + ")";
        table.add("choosing k" + range, Numbers.millis(nanos));
        return nanos;
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
