package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.UnknownStageException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.Reporter;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import io.segmenta.api.stage.StageOption;
import io.segmenta.engine.internal.metrics.ClusterMetrics;
import io.segmenta.engine.internal.metrics.Clustering;
import io.segmenta.engine.internal.scaling.FittedScaler;
import io.segmenta.engine.internal.scaling.Log1pStandardScaler;
import io.segmenta.engine.internal.scaling.Scaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs pipelines with the stages of a {@link StageCatalog}. Plain Java: the OSGi and module-path engines
 * only fill the catalog.
 * <p>
 * A run validates everything it can before reading anything (stage names, k, runs, iteration cap, option
 * names, the input's existence), then reads, extracts, scales, clusters and measures, and only when all of
 * that succeeded runs the reporters: a failed run writes nothing. Stage failures that are not
 * {@link SegmentaException}s are bugs of the stage; they are wrapped into a one-line
 * {@code SegmentaException} that keeps the original as its cause, for logs.
 * <p>
 * A run stops after the current step when a stage it uses is unregistered or its thread is interrupted;
 * stages see both through {@link StageContext#isCancelled()} and may return early.
 */
public final class PipelineRunner {
    /** The timing name of the engine's scaling step. */
    public static final String SCALING = "scaling";
    /** The timing name of the engine's quality metrics step (which also computes the segment profiles). */
    public static final String METRICS = "quality metrics";

    private final StageCatalog catalog;
    private final Scaler scaler;
    private final int threads;
    private final Set<RunState> active = ConcurrentHashMap.newKeySet();

    public PipelineRunner(StageCatalog catalog) {
        this(catalog, new Log1pStandardScaler(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param scaler how features are scaled before clustering
     * @param threads threads for the silhouette computation
     */
    public PipelineRunner(StageCatalog catalog, Scaler scaler, int threads) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.scaler = Objects.requireNonNull(scaler, "scaler");
        this.threads = Math.max(1, threads);
        catalog.addRemovalListener(this::stageRemoved);
    }

    /** The stages registered now, by kind and then name. */
    public List<StageDescriptor> stages() {
        return catalog.descriptors();
    }

    private void stageRemoved(StageEntry entry) {
        for (RunState run : active) {
            run.stageRemoved(entry);
        }
    }

    /** The stages a spec names. */
    private record Chosen(StageEntry source, StageEntry features, StageEntry algorithm, List<StageEntry> reporters) {
        List<StageEntry> all() {
            List<StageEntry> all = new ArrayList<>(3 + reporters.size());
            all.add(source);
            all.add(features);
            all.add(algorithm);
            all.addAll(reporters);
            return all;
        }
    }

    /**
     * Runs a pipeline; see {@link io.segmenta.api.pipeline.PipelineEngine#run}.
     *
     * @param listener may be null
     */
    public PipelineResult run(PipelineSpec spec, ProgressListener listener) {
        Objects.requireNonNull(spec, "spec");
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        Chosen chosen = choose(spec);
        validate(spec, chosen);
        RunState run = new RunState(Thread.currentThread(), chosen.all());
        active.add(run);
        try {
            // a stage removed between choose() and active.add() was not reported to this run: look again
            for (StageEntry e : chosen.all()) {
                if (!catalog.contains(e)) {
                    run.stageRemoved(e);
                }
            }
            run.checkNotCancelled(List.of());
            return execute(spec, chosen, run, progress);
        } finally {
            active.remove(run);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // validation: nothing here reads the input

    private Chosen choose(PipelineSpec spec) {
        StageEntry source = find(StageKind.SOURCE, spec.source());
        StageEntry features = find(StageKind.FEATURES, spec.features());
        StageEntry algorithm = find(StageKind.ALGORITHM, spec.algorithm());
        List<StageEntry> reporters = new ArrayList<>(spec.reporters().size());
        Set<String> seen = new TreeSet<>();
        for (String name : spec.reporters()) {
            if (!seen.add(name)) {
                throw new SegmentaException("reporter '" + name + "' is listed twice");
            }
            reporters.add(find(StageKind.REPORTER, name));
        }
        return new Chosen(source, features, algorithm, reporters);
    }

    private StageEntry find(StageKind kind, String name) {
        return catalog.find(kind, name).orElseThrow(() -> new UnknownStageException(kind, name, catalog.names(kind)));
    }

    private static void validate(PipelineSpec spec, Chosen chosen) {
        ClusterRequest c = spec.cluster();
        atLeast("k", c.k(), 2);
        atLeast("runs", c.runs(), 1);
        atLeast("maxIterations", c.maxIterations(), 1);

        Set<String> read = new TreeSet<>();
        for (StageEntry e : chosen.all()) {
            for (StageOption o : call(e, () -> e.stage().options())) {
                read.add(o.name());
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String key : spec.options().asMap().keySet()) {
            if (!read.contains(key)) {
                unknown.add("'" + key + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new SegmentaException((unknown.size() == 1 ? "unknown option " : "unknown options ")
                    + String.join(", ", unknown) + "; the stages of this pipeline read: "
                    + (read.isEmpty() ? "no options" : String.join(", ", read)));
        }

        requiredColumnsDeclared(chosen);

        if (!Files.exists(spec.input())) {
            throw new SegmentaException("no such file: " + spec.input());
        }
        if (!chosen.reporters().isEmpty() && Files.exists(spec.outputDir()) && !Files.isDirectory(spec.outputDir())) {
            throw new SegmentaException("the output folder " + spec.outputDir() + " is a file");
        }
    }

    /** Fails before reading when the source declares its columns and lacks some the extractor needs. */
    private static void requiredColumnsDeclared(Chosen chosen) {
        Set<String> provided = call(chosen.source(), () -> ((DataSource) chosen.source().stage()).providedColumns());
        if (provided.isEmpty()) {
            return; // not declared: checked on the table after reading
        }
        Set<String> missing = new TreeSet<>(requiredColumns(chosen));
        missing.removeAll(provided);
        missing.removeIf(PipelineRunner::alwaysPresent);
        if (!missing.isEmpty()) {
            throw missingColumns(chosen, missing, "does not provide");
        }
    }

    /** Fails after reading when the table lacks columns the extractor needs. */
    private static void requiredColumnsPresent(Chosen chosen, TransactionTable table) {
        Set<String> missing = new TreeSet<>();
        for (String column : requiredColumns(chosen)) {
            if (table.column(column).isEmpty()) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw missingColumns(chosen, missing, "did not provide from this input");
        }
    }

    private static Set<String> requiredColumns(Chosen chosen) {
        return call(chosen.features(), () -> ((FeatureExtractor) chosen.features().stage()).requiredColumns());
    }

    private static boolean alwaysPresent(String column) {
        for (TransactionField f : TransactionField.values()) {
            if (f.required() && f.columnName().equals(column)) {
                return true;
            }
        }
        return false;
    }

    private static SegmentaException missingColumns(Chosen chosen, Set<String> missing, String verb) {
        return new SegmentaException("the " + chosen.features().label() + " needs the transaction "
                + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing) + ", which the "
                + chosen.source().label() + " " + verb + "; choose another feature extractor or source");
    }

    private static void atLeast(String what, int value, int min) {
        if (value < min) {
            throw new SegmentaException(what + " must be at least " + min + ", was " + value);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // the run

    private PipelineResult execute(PipelineSpec spec, Chosen chosen, RunState run, ProgressListener progress) {
        Steps steps = new Steps(spec, run, progress);

        DataSource source = (DataSource) chosen.source().stage();
        SourceData data = steps.stage(chosen.source(), ctx -> source.read(spec.input(), ctx));
        if (data.transactions() == null) {
            throw new SegmentaException(chosen.source().label() + " failed: it returned no transactions table");
        }
        if (data.transactions().rowCount() == 0) {
            throw nothingKept(spec, data.quality());
        }
        requiredColumnsPresent(chosen, data.transactions());

        FeatureExtractor extractor = (FeatureExtractor) chosen.features().stage();
        FeatureMatrix raw = steps.stage(chosen.features(), ctx -> extractor.extract(data.transactions(), ctx));
        int rows = raw.rowCount();
        int k = spec.cluster().k();
        if (k > rows) {
            throw new SegmentaException("k = " + k + " but there " + (rows == 0 ? "are no " + raw.entity().label() + "s"
                    : rows == 1 ? "is only 1 " + raw.entity().label()
                    : "are only " + rows + " " + raw.entity().label() + "s"));
        }
        if (raw.numeric().isEmpty()) {
            throw new SegmentaException("the " + chosen.features().label()
                    + " produced no numeric features; clustering needs at least one");
        }

        FittedScaler[] fitted = new FittedScaler[1];
        FeatureMatrix scaled = steps.engine(SCALING, () -> {
            fitted[0] = scaler.fit(raw);
            return fitted[0].transform(raw);
        });

        Clusterer clusterer = (Clusterer) chosen.algorithm().stage();
        ClusterModel model = steps.stage(chosen.algorithm(), ctx -> clusterer.fit(scaled, spec.cluster(), ctx));
        int[] labels = checkedLabels(chosen.algorithm(), model, rows);
        int segments = model.k();

        ClusterQuality[] quality = new ClusterQuality[1];
        List<SegmentProfile> profiles = steps.engine(METRICS, () -> {
            Clustering clustering = new Clustering(rowMajor(scaled), rows, scaled.numeric().size(), labels, segments);
            quality[0] = ClusterMetrics.compute(clustering, threads, run::isCancelled);
            return SegmentProfiles.compute(raw, labels, segments);
        });

        PipelineResult result = new PipelineResult(spec, data, raw, scaled, fitted[0].describe(), model, quality[0],
                profiles, steps.timings, stageVersions(chosen), List.of());

        List<Path> outputs = new ArrayList<>();
        if (!chosen.reporters().isEmpty()) {
            run.checkNotCancelled(outputs);
            createOutputDir(spec.outputDir());
            for (StageEntry entry : chosen.reporters()) {
                run.checkNotCancelled(outputs);
                Reporter reporter = (Reporter) entry.stage();
                List<Path> files = steps.stage(entry, ctx -> reporter.report(result, spec.outputDir(), ctx), outputs);
                outputs.addAll(files);
            }
        }
        return result.withOutputs(outputs, steps.timings);
    }

    /** Runs the steps of one run, timing them and turning failures into one-line messages. */
    private final class Steps {
        final List<StageTiming> timings = new ArrayList<>();
        private final PipelineSpec spec;
        private final RunState run;
        private final ProgressListener progress;

        Steps(PipelineSpec spec, RunState run, ProgressListener progress) {
            this.spec = spec;
            this.run = run;
            this.progress = progress;
        }

        <T> T stage(StageEntry entry, Function<StageContext, T> work) {
            T result = stage(entry, work, List.of());
            // a stage that went away may have returned early with half a result: do not go on with it
            run.checkNotCancelled(List.of());
            return result;
        }

        /** @param written files already written by earlier reporters, named in failure messages */
        <T> T stage(StageEntry entry, Function<StageContext, T> work, List<Path> written) {
            progress.stepStarted(entry.kind(), entry.name());
            long start = System.nanoTime();
            T result;
            try {
                result = work.apply(new RunStageContext(entry, progress, spec.options(), run));
            } catch (RuntimeException | LinkageError e) {
                // a stage whose bundle was stopped fails in odd ways (even NoClassDefFoundError): say why
                SegmentaException cancelled = run.cancellation(written, e);
                if (cancelled != null) {
                    throw cancelled;
                }
                if (e instanceof LinkageError le) {
                    throw le;
                }
                throw failure(entry, (RuntimeException) e, written);
            }
            if (result == null) {
                throw new SegmentaException(entry.label() + " failed: it returned nothing"
                        + (written.isEmpty() ? "" : "; " + RunState.written(written)));
            }
            finished(entry.kind(), entry.name(), start);
            return result;
        }

        /** One of the engine's own steps; its SegmentaExceptions pass through, anything else is our bug. */
        <T> T engine(String name, Supplier<T> work) {
            progress.stepStarted(null, name);
            long start = System.nanoTime();
            T result;
            try {
                result = work.get();
            } catch (CancellationException e) {
                SegmentaException cancelled = run.cancellation(List.of(), e);
                throw cancelled != null ? cancelled : e;
            }
            finished(null, name, start);
            run.checkNotCancelled(List.of());
            return result;
        }

        private void finished(StageKind kind, String name, long start) {
            long nanos = System.nanoTime() - start;
            timings.add(new StageTiming(kind, name, nanos));
            progress.stepFinished(kind, name, nanos);
        }
    }

    private static SegmentaException failure(StageEntry entry, RuntimeException e, List<Path> written) {
        String tail = written.isEmpty() ? "" : "; " + RunState.written(written);
        if (e instanceof SegmentaException se) {
            return written.isEmpty() ? se : new SegmentaException(se.getMessage() + tail, se);
        }
        String message = e.getMessage();
        return new SegmentaException(entry.label() + " failed: " + e.getClass().getSimpleName()
                + (message == null ? "" : ": " + firstLine(message)) + tail, e);
    }

    /** Calls into a stage outside a step (e.g. for its options), wrapping its bugs like a step does. */
    private static <T> T call(StageEntry entry, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw failure(entry, e, List.of());
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static int[] checkedLabels(StageEntry algorithm, ClusterModel model, int rows) {
        int[] labels = call(algorithm, model::labels);
        int k = call(algorithm, model::k);
        String problem = null;
        if (labels == null) {
            problem = "its model has no labels";
        } else if (labels.length != rows) {
            problem = "its model has " + labels.length + " labels for " + rows + " rows";
        } else if (k < 1) {
            problem = "its model has k = " + k;
        } else {
            for (int i = 0; i < rows; i++) {
                if (labels[i] < 0 || labels[i] >= k) {
                    problem = "its model gives row " + i + " the label " + labels[i] + ", outside 0.." + (k - 1);
                    break;
                }
            }
        }
        if (problem != null) {
            throw new SegmentaException(algorithm.label() + " failed: " + problem);
        }
        return labels;
    }

    private static double[] rowMajor(FeatureMatrix m) {
        List<NumericColumn> numeric = m.numeric();
        double[][] columns = new double[numeric.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = numeric.get(j).values();
        }
        return Clustering.rowMajor(columns, m.rowCount());
    }

    private static SegmentaException nothingKept(PipelineSpec spec, DataQuality q) {
        StringBuilder sb = new StringBuilder("no transactions were kept from ").append(spec.input());
        if (q != null) {
            if (q.rowsRead() == 0) {
                sb.append(": it has no data rows");
            } else {
                sb.append(": all ").append(q.rowsRead()).append(" rows read were rejected");
                if (!q.rejections().isEmpty()) {
                    sb.append(" (").append(q.rejections().stream()
                            .map(r -> r.reason() + ": " + r.count())
                            .collect(Collectors.joining(", "))).append(')');
                }
                Rejection first = q.rejections().stream().filter(r -> r.count() > 0).findFirst().orElse(null);
                if (first != null && !first.firstLines().isEmpty()) {
                    sb.append("; e.g. ").append(first.file()).append(" line ").append(first.firstLines().get(0));
                }
            }
        }
        return new SegmentaException(sb.toString());
    }

    /** Stage name to origin; a name used by two kinds from different origins gets the kind added to it. */
    private static Map<String, String> stageVersions(Chosen chosen) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (StageEntry e : chosen.all()) {
            String previous = versions.putIfAbsent(e.name(), e.origin());
            if (previous != null && !previous.equals(e.origin())) {
                versions.put(e.name() + " (" + e.kind().label() + ")", e.origin());
            }
        }
        return versions;
    }

    private static void createOutputDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SegmentaException("cannot create the output folder " + dir + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }
}
