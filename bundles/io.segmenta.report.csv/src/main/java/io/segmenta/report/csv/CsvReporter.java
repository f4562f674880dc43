package io.segmenta.report.csv;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
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
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.ReportContext;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.Reporter;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.clv.SegmentLifetimeValue;
import io.segmenta.table.output.DecimalText;
import io.segmenta.table.output.OutputFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Component;

/**
 * Writes a run as CSV files (UTF-8, RFC 4180, '.' as decimal separator, plain numbers):
 * <ul>
 * <li>{@code assignments.csv}: one row per entity: its id, its raw features, its segment's name and its
 * segment (last, so that tools reading "the last column" keep working);</li>
 * <li>{@code segments.csv}: one row per segment: size, name, shares, and the mean, median and index
 * (segment mean / mean of all x 100) of each raw feature; with a lifetime-value fit, then the segment's mean
 * expected purchases, mean P(alive), total and mean CLV;</li>
 * <li>{@code segment_categories.csv}: one row per segment, categorical feature and level: the level's share
 * in the segment and among all entities (only the header without categorical features);</li>
 * <li>{@code summary.csv}: a key,value account of the run (data quality, parameters, quality figures,
 * timings, stage origins);</li>
 * <li>{@code trends.csv} and, when the run was compared with an earlier one, {@code movement.csv}
 * ({@link TrendFiles}).</li>
 * </ul>
 * All are first written to temporary files in the output folder and only then moved into place,
 * so a failure or a cancelled run never leaves a half-written file under a final name.
 */
@Component(service = Reporter.class)
@StageName(CsvReporter.NAME)
@ServiceProvider(value = Reporter.class, resolution = Resolution.OPTIONAL)
public class CsvReporter implements Reporter {
    static final String NAME = "csv";
    static final String ASSIGNMENTS = "assignments.csv";
    static final String SEGMENTS = "segments.csv";
    static final String CATEGORIES = "segment_categories.csv";
    static final String SUMMARY = "summary.csv";

    /**
     * The lifetime-value columns of segments.csv, last, when the run's feature fit declares its columns
     * ({@link SegmentLifetimeValue}): mean expected purchases, mean P(alive), total and mean CLV.
     */
    static final List<String> LIFETIME_VALUE_COLUMNS = List.of("clv_mean_expected_purchases", "clv_mean_p_alive",
            "clv_total", "clv_mean");

    /** Decimals kept for feature values, shares and quality figures: exact for money, ample for the rest. */
    static final int DECIMALS = 6;
    /** Decimals of the step timings in milliseconds (microsecond resolution). */
    static final int TIMING_DECIMALS = 3;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    /** Always with seconds (LocalDateTime.toString drops zero seconds), readable by spreadsheets and pandas. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    /** One file's content, written to the temporary path it is given. */
    @FunctionalInterface
    private interface Content {
        void write(CSVPrinter printer) throws IOException;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CSV files: assignments.csv (segment per entity), segments.csv (profiles), segment_categories.csv"
                + " (categorical shares), summary.csv (the run), trends.csv (per segment and month), movement.csv (with "
                + "compare-with)";
    }

    /** None of the transactions: it writes the figures the engine computed (business figures, trends). */
    @Override
    public Set<TransactionField> fieldsRead() {
        return Set.of();
    }

    @Override
    public List<Path> report(PipelineResult result, Path outputDir, StageContext context) {
        List<String> fileNames = new ArrayList<>(List.of(ASSIGNMENTS, SEGMENTS, CATEGORIES, SUMMARY, TrendFiles.TRENDS));
        List<Content> fileContents = new ArrayList<>(List.of(p -> writeAssignments(result, p),
            p -> writeSegments(result, p), p -> writeCategories(result, p), p -> writeSummary(result, p),
            p -> TrendFiles.writeTrends(result, p)));
        result.movement().ifPresent(m -> {
            fileNames.add(TrendFiles.MOVEMENT);
            fileContents.add(p -> TrendFiles.writeMovement(m, p));
        });
        String[] names = fileNames.toArray(String[]::new);
        Content[] contents = fileContents.toArray(Content[]::new);
        Path[] targets = new Path[names.length];
        for (int i = 0; i < names.length; i++) {
            targets[i] = outputDir.resolve(names[i]);
            // checked up front so that a folder in the way fails the report before any file is replaced
            if (Files.isDirectory(targets[i])) {
                throw new SegmentaException("cannot write " + targets[i] + ": a folder of that name is in the way");
            }
        }
        Path[] temps = new Path[names.length];
        try {
            try {
                Files.createDirectories(outputDir);
            } catch (FileAlreadyExistsException e) {
                throw new SegmentaException("cannot write CSV report to " + outputDir + ": it is a file, not a folder",
                        e);
            }
            for (int i = 0; i < names.length; i++) {
                String stem = names[i].substring(0, names[i].length() - ".csv".length());
                temps[i] = OutputFiles.createTemp(outputDir, stem);
                try (BufferedWriter out = Files.newBufferedWriter(temps[i], StandardCharsets.UTF_8);
                        CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
                    contents[i].write(printer);
                }
            }
            context.checkCancelled("the CSV report was not written to " + outputDir);
            List<Path> written = new ArrayList<>(names.length);
            for (int i = 0; i < names.length; i++) {
                OutputFiles.moveIntoPlace(temps[i], targets[i]);
                temps[i] = null;
                written.add(targets[i]);
            }
            context.logger().log(System.Logger.Level.INFO, "{0}: wrote {1} to {2}", NAME, String.join(", ", names),
                    outputDir);
            return List.copyOf(written);
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new SegmentaException("cannot write CSV report to " + outputDir + ": " + OutputFiles.describe(io), io);
        } finally {
            deleteQuietly(temps);
        }
    }

    private static void deleteQuietly(Path[] temps) {
        for (Path t : temps) {
            if (t != null) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see; a leftover .tmp is harmless
                }
            }
        }
    }

    /** assignments.csv: entity id, each raw numeric feature, each categorical feature, segment name, segment. */
    static void writeAssignments(PipelineResult result, CSVPrinter printer) throws IOException {
        FeatureMatrix features = result.features();
        int[] labels = result.model().labels();
        int rows = features.rowCount();
        if (labels.length != rows) {
            throw new IllegalStateException("model has " + labels.length + " labels for " + rows + " rows");
        }
        List<NumericColumn> numeric = features.numeric();
        List<CategoricalColumn> categorical = features.categorical();
        printer.print(features.entity().label() + "_id");
        for (NumericColumn c : numeric) {
            printer.print(c.name());
        }
        for (CategoricalColumn c : categorical) {
            printer.print(c.name());
        }
        printer.print("segment_name");
        printer.print("segment");
        printer.println();

        String[] segmentNames = new String[result.model().k()];
        for (SegmentProfile s : result.segments()) {
            segmentNames[s.segment()] = s.name();
        }
        double[][] values = new double[numeric.size()][];
        for (int j = 0; j < values.length; j++) {
            values[j] = numeric.get(j).values();
        }
        List<String> ids = features.ids();
        StringBuilder cell = new StringBuilder(32);
        for (int i = 0; i < rows; i++) {
            printer.print(ids.get(i));
            for (double[] column : values) {
                cell.setLength(0);
                printer.print(DecimalText.append(cell, column[i], DECIMALS));
            }
            for (CategoricalColumn c : categorical) {
                printer.print(c.value(i));
            }
            printer.print(segmentNames[labels[i]]);
            cell.setLength(0);
            printer.print(cell.append(labels[i]));
            printer.println();
        }
    }

    /**
     * segments.csv: segment, size, name, shares, then mean, median and index of each raw numeric feature, the
     * lifetime-value columns with a fit, and the recommended action when the segments have one.
     */
    static void writeSegments(PipelineResult result, CSVPrinter printer) throws IOException {
        List<SegmentProfile> segments = result.segments();
        List<String> names = segments.isEmpty() ? result.features().numericNames() : segments.get(0).features();
        printer.print("segment");
        printer.print("size");
        printer.print("name");
        printer.print("share_of_" + plural(result));
        printer.print("share_of_revenue");
        for (String name : names) {
            printer.print("mean_" + name);
            printer.print("median_" + name);
            printer.print("index_" + name);
        }
        List<SegmentLifetimeValue> clv = SegmentLifetimeValue.of(result).orElse(List.of());
        if (!clv.isEmpty()) {
            for (String name : LIFETIME_VALUE_COLUMNS) {
                printer.print(name);
            }
        }
        boolean actions = segments.stream().anyMatch(s -> s.action().present());
        if (actions) {
            printer.print("action");
        }
        printer.println();
        int row = 0;
        for (SegmentProfile s : segments) {
            if (!s.features().equals(names)) {
                throw new IllegalStateException("segment " + s.segment() + " profiles " + s.features()
                        + ", expected " + names);
            }
            double[] means = s.means();
            double[] medians = s.medians();
            double[] index = s.index();
            printer.print(Integer.toString(s.segment()));
            printer.print(Integer.toString(s.size()));
            printer.print(s.name());
            printer.print(DecimalText.format(s.share(), DECIMALS));
            printer.print(DecimalText.format(s.valueShare(), DECIMALS));
            for (int j = 0; j < names.size(); j++) {
                printer.print(DecimalText.format(means[j], DECIMALS));
                printer.print(DecimalText.format(medians[j], DECIMALS));
                printer.print(DecimalText.format(index[j], DECIMALS));
            }
            if (!clv.isEmpty()) {
                SegmentLifetimeValue v = clv.get(row);
                for (double x : new double[] {v.meanExpectedPurchases(), v.meanProbabilityAlive(),
                    v.totalLifetimeValue(), v.meanLifetimeValue()}) {
                    printer.print(DecimalText.format(x, DECIMALS));
                }
            }
            if (actions) {
                printer.print(s.action().text());
            }
            row++;
            printer.println();
        }
    }

    /** segment_categories.csv: segment, name, feature, level, share in the segment, share among all. */
    static void writeCategories(PipelineResult result, CSVPrinter printer) throws IOException {
        printer.printRecord("segment", "name", "feature", "level", "share_in_segment", "share_overall");
        for (SegmentProfile s : result.segments()) {
            for (CategoricalProfile c : s.categorical()) {
                double[] segment = c.segmentShares();
                double[] overall = c.populationShares();
                for (int l = 0; l < segment.length; l++) {
                    printer.printRecord(Integer.toString(s.segment()), s.name(), c.feature(), c.levels().get(l),
                            DecimalText.format(segment[l], DECIMALS), DecimalText.format(overall[l], DECIMALS));
                }
            }
        }
    }

    /** summary.csv: key,value rows describing the run, in the order the pipeline ran. */
    static void writeSummary(PipelineResult result, CSVPrinter printer) throws IOException {
        PipelineSpec spec = result.spec();
        DataQuality quality = result.source().quality();
        FeatureMatrix features = result.features();
        ClusterModel model = result.model();
        printer.printRecord("key", "value");
        printer.printRecord("source", spec.source());
        ReportContext context = result.context();
        // when the run was made and what recency is measured to, so that a reader can date the figures
        if (context.ranAt().isPresent()) {
            printer.printRecord("run date", DATE_TIME.format(LocalDateTime.ofInstant(context.ranAt().get(),
                    ZoneOffset.UTC)) + " UTC");
        }
        if (context.snapshot().isPresent()) {
            printer.printRecord("snapshot date", DATE_TIME.format(context.snapshot().get()));
        }
        if (context.currency().isPresent()) {
            printer.printRecord("currency", context.currency().get());
        }
        printer.printRecord("input", spec.input().toString());
        if (!quality.inputs().isEmpty()) {
            printer.printRecord("input files", String.join("; ", quality.inputs()));
        }
        printer.printRecord("rows read", Long.toString(quality.rowsRead()));
        printer.printRecord("rows kept", Long.toString(quality.rowsKept()));
        for (Rejection r : quality.rejections()) {
            printer.printRecord("dropped: " + r.reason(), Long.toString(r.count()));
        }
        if (quality.duplicateRows() != DataQuality.NOT_COUNTED) {
            // kept rows equal to an earlier kept row; absent when the source does not count them
            printer.printRecord("duplicate rows", Long.toString(quality.duplicateRows()));
        }
        if (quality.firstTimestamp() != TimestampColumn.MISSING) {
            printer.printRecord("first transaction", dateTime(quality.firstTimestamp()));
        }
        if (quality.lastTimestamp() != TimestampColumn.MISSING) {
            printer.printRecord("last transaction", dateTime(quality.lastTimestamp()));
        }
        for (Map.Entry<String, Long> e : new TreeMap<>(quality.entityCounts()).entrySet()) {
            printer.printRecord("distinct " + e.getKey() + " in source", Long.toString(e.getValue()));
        }
        printer.printRecord("feature extractor", spec.features());
        printer.printRecord(plural(result), Integer.toString(features.rowCount()));
        List<String> featureNames = new ArrayList<>(features.numericNames());
        for (CategoricalColumn c : features.categorical()) {
            featureNames.add(c.name());
        }
        printer.printRecord("features", String.join("; ", featureNames));
        printer.printRecord("algorithm", spec.algorithm());
        printer.printRecord("k", Integer.toString(model.k()));
        printer.printRecord("seed", Long.toString(spec.cluster().seed()));
        printer.printRecord("runs", Integer.toString(spec.cluster().runs()));
        printer.printRecord("max iterations", Integer.toString(spec.cluster().maxIterations()));
        for (Map.Entry<String, String> e : spec.options().asMap().entrySet()) {
            printer.printRecord("option: " + e.getKey(), e.getValue());
        }
        // scaling in feature order, then any entry the engine added for other columns
        Set<String> scaled = new LinkedHashSet<>(features.numericNames());
        scaled.retainAll(result.scaling().keySet());
        scaled.addAll(new TreeMap<>(result.scaling()).keySet());
        for (String name : scaled) {
            printer.printRecord("scaling: " + name, result.scaling().get(name));
        }
        ClusterQuality q = result.quality();
        printer.printRecord("inertia", DecimalText.format(q.inertia(), DECIMALS));
        printer.printRecord("silhouette", DecimalText.format(q.silhouette(), DECIMALS));
        printer.printRecord("davies_bouldin", DecimalText.format(q.daviesBouldin(), DECIMALS));
        printer.printRecord("calinski_harabasz", DecimalText.format(q.calinskiHarabasz(), DECIMALS));
        for (StageTiming t : result.timings()) {
            String step = t.kind() == null ? t.name() : t.kind().label() + " " + t.name();
            printer.printRecord("time ms: " + step, DecimalText.format(t.millis(), TIMING_DECIMALS));
        }
        for (Map.Entry<String, String> e : new TreeMap<>(result.stageVersions()).entrySet()) {
            printer.printRecord("origin: " + e.getKey(), e.getValue());
        }
        printer.printRecord("reporters", String.join("; ", spec.reporters()));
        printer.printRecord("output folder", spec.outputDir().toString());
    }

    /** "customers" or "sellers": what the rows of the feature matrix are. */
    private static String plural(PipelineResult result) {
        return result.features().entity().label() + "s";
    }

    private static String dateTime(long epochSeconds) {
        return DATE_TIME.format(LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC));
    }
}
