package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.UnknownStageException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.Reporter;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import io.segmenta.api.stage.StageOption;
import io.segmenta.engine.internal.metrics.ClusterMetrics;
import io.segmenta.engine.internal.metrics.Clustering;
import io.segmenta.engine.internal.model.ModelFile;
import io.segmenta.engine.internal.model.ModelSaving;
import io.segmenta.engine.internal.model.SavedModel;
import io.segmenta.engine.internal.scaling.FittedScaler;
import io.segmenta.engine.internal.scaling.Scaler;
import io.segmenta.engine.internal.scaling.TransformScaler;
import io.segmenta.engine.internal.selection.KRecommendation;
import io.segmenta.engine.internal.selection.Kneedle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
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
    /**
     * The engine's own option: the most rows the silhouette is computed on (a uniform sample drawn with the
     * spec's seed beyond it), or {@code exact}.
     */
    public static final String SILHOUETTE_SAMPLE = "silhouette-sample";
    /**
     * The default of {@link #SILHOUETTE_SAMPLE}: the exact silhouette is O(n²); 20,000 rows take a few
     * seconds, and a sample of that size estimates the mean to about ±0.01.
     */
    public static final int DEFAULT_SILHOUETTE_SAMPLE = 20_000;
    /**
     * The engine's own option: the model file to save the fitted model to (format in docs/model-file.md), for
     * {@link #predict}.
     */
    public static final String SAVE_MODEL = "save-model";
    /** Options the engine reads itself, accepted besides the stages' options. */
    static final List<String> ENGINE_OPTIONS = List.of(SILHOUETTE_SAMPLE, SegmentNamer.OPTION,
            TransformScaler.OPTION, TransformScaler.COLUMN_OPTION, SAVE_MODEL);
    /** Training options that a prediction does not take over: recency is measured to the new data's end. */
    static final Set<String> NOT_CARRIED_TO_PREDICTION = Set.of("snapshot");

    private final StageCatalog catalog;
    private final Scaler scaler;
    private final int threads;
    private final StageDefaults defaults;
    private final Set<RunState> active = ConcurrentHashMap.newKeySet();

    public PipelineRunner(StageCatalog catalog) {
        this(catalog, new StageDefaults());
    }

    /** @param defaults option defaults per stage, consulted when each run starts */
    public PipelineRunner(StageCatalog catalog, StageDefaults defaults) {
        this(catalog, new TransformScaler(), Runtime.getRuntime().availableProcessors(), defaults);
    }

    public PipelineRunner(StageCatalog catalog, Scaler scaler, int threads) {
        this(catalog, scaler, threads, new StageDefaults());
    }

    /**
     * @param scaler how features are scaled before clustering
     * @param threads threads for the silhouette computation
     */
    public PipelineRunner(StageCatalog catalog, Scaler scaler, int threads, StageDefaults defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
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
    public PipelineResult run(PipelineSpec asked, ProgressListener listener) {
        Objects.requireNonNull(asked, "spec");
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        Chosen chosen = choose(asked, true);
        PipelineSpec spec = withDefaults(asked, chosen);
        atLeast("k", spec.cluster().k(), 2);
        validate(spec, chosen);
        return guarded(chosen, run -> execute(spec, chosen, run, progress));
    }

    /**
     * Fits the spec's algorithm for every k of a range; see {@link io.segmenta.api.pipeline.PipelineEngine#selectK}.
     * The spec's k and reporters are not used.
     *
     * @param listener may be null
     */
    public KSelection selectK(PipelineSpec asked, int kMin, int kMax, ProgressListener listener) {
        Objects.requireNonNull(asked, "spec");
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        Chosen chosen = choose(asked, false);
        PipelineSpec spec = withDefaults(asked, chosen);
        checkRange(kMin, kMax);
        validate(spec, chosen);
        return guarded(chosen, run -> select(spec, chosen, kMin, kMax, run, progress));
    }

    /**
     * Places new data in the segments of a saved model; see {@link io.segmenta.api.pipeline.PipelineEngine#predict}.
     * Everything that can be checked without reading the input is checked first: the model file, its stages,
     * the options, the input's existence.
     *
     * @param listener may be null
     */
    public PredictionResult predict(PredictSpec spec, ProgressListener listener) {
        Objects.requireNonNull(spec, "spec");
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        SavedModel saved = ModelFile.read(spec.model());
        Chosen chosen = new Chosen(find(StageKind.SOURCE, spec.source().orElse(saved.source())),
                find(StageKind.FEATURES, saved.features()), find(StageKind.ALGORITHM, saved.algorithm()), List.of());
        Options options = predictionOptions(saved, chosen, spec.options());
        if (!saved.scaling().keySet().equals(new LinkedHashSet<>(saved.numeric()))) {
            throw new SegmentaException(spec.model() + ": the scaling is given for " + saved.scaling().keySet()
                    + " but the numeric features are " + saved.numeric());
        }
        FittedScaler scaling = TransformScaler.restore(saved.scaling());
        Clusterer clusterer = (Clusterer) chosen.algorithm().stage();
        ClusterModel model = call(chosen.algorithm(), () -> clusterer.restore(saved.state()));
        int k = call(chosen.algorithm(), model::k);
        List<String> names = renamed(segmentNames(spec.model(), saved, k, call(chosen.algorithm(),
                model::segmentNames)), SegmentNamer.renames(options));
        requiredColumnsDeclared(chosen);
        if (!Files.exists(spec.input())) {
            throw new SegmentaException("no such file: " + spec.input());
        }
        if (Files.exists(spec.outputDir()) && !Files.isDirectory(spec.outputDir())) {
            throw new SegmentaException("the output folder " + spec.outputDir() + " is a file");
        }
        PredictionResult.ModelSummary summary = new PredictionResult.ModelSummary(spec.model(),
                ModelFile.FORMAT_VERSION, saved.created(), saved.source(), saved.features(), saved.algorithm(), k,
                names, saved.training().entities());
        return guarded(chosen, run -> {
            Steps steps = new Steps(options, run, progress);
            DataSource source = (DataSource) chosen.source().stage();
            SourceData data = steps.stage(chosen.source(), ctx -> source.read(spec.input(), ctx));
            if (data.transactions() == null || data.transactions().rowCount() == 0) {
                throw nothingKept(spec.input(), data.quality());
            }
            requiredColumnsPresent(chosen, data.transactions());
            FeatureExtractor extractor = (FeatureExtractor) chosen.features().stage();
            FeatureMatrix raw = steps.stage(chosen.features(), ctx -> extractor.extract(data.transactions(), ctx));
            sameFeatures(spec.model(), saved, raw);
            FeatureMatrix scaled = steps.engine(SCALING, () -> scaling.transform(raw));
            int[] segments = steps.stage(chosen.algorithm(), ctx -> model.predict(scaled));
            int[] sizes = new int[k];
            for (int i = 0; i < segments.length; i++) {
                if (segments[i] < 0 || segments[i] >= k) {
                    throw new SegmentaException(chosen.algorithm().label() + " failed: it placed row " + i
                            + " in segment " + segments[i] + ", outside 0.." + (k - 1));
                }
                sizes[segments[i]]++;
            }
            if (segments.length != raw.rowCount()) {
                throw new SegmentaException(chosen.algorithm().label() + " failed: it placed " + segments.length
                        + " of " + raw.rowCount() + " rows");
            }
            run.checkNotCancelled(List.of());
            createOutputDir(spec.outputDir());
            Path file = spec.outputDir().resolve(PredictSpec.PREDICTIONS_FILE);
            Predictions.write(file, raw, segments, names);
            return new PredictionResult(spec, summary, data, raw, segments, sizes, steps.timings, stageVersions(chosen),
                    List.of(file));
        });
    }

    /**
     * The training run's options that the source and the extractor read (so that the new data is read and
     * aggregated the same way), then the given ones over them; the given ones must be read by those stages
     * or be {@link SegmentNamer#OPTION}.
     */
    private static Options predictionOptions(SavedModel saved, Chosen chosen, Options given) {
        Set<String> read = new TreeSet<>();
        for (StageEntry e : List.of(chosen.source(), chosen.features())) {
            for (StageOption o : call(e, () -> e.stage().options())) {
                read.add(o.name());
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String key : given.asMap().keySet()) {
            if (!read.contains(key) && !key.equals(SegmentNamer.OPTION)) {
                unknown.add("'" + key + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new SegmentaException((unknown.size() == 1 ? "unknown option " : "unknown options ")
                    + String.join(", ", unknown) + " for predict; the source and feature extractor read: "
                    + (read.isEmpty() ? "no options" : String.join(", ", read)) + "; and " + SegmentNamer.OPTION
                    + " renames segments");
        }
        Map<String, String> options = new LinkedHashMap<>();
        boolean sameSource = chosen.source().name().equals(saved.source());
        Set<String> sourceOptions = new TreeSet<>();
        for (StageOption o : call(chosen.source(), () -> chosen.source().stage().options())) {
            sourceOptions.add(o.name());
        }
        for (Map.Entry<String, String> e : saved.options().entrySet()) {
            // a source's own options (e.g. a column mapping) mean nothing to another source
            if (read.contains(e.getKey()) && !NOT_CARRIED_TO_PREDICTION.contains(e.getKey())
                    && (sameSource || !sourceOptions.contains(e.getKey()))) {
                options.put(e.getKey(), e.getValue());
            }
        }
        options.putAll(given.asMap());
        return new Options(options);
    }

    /**
     * The names of the restored model's segments: the file's (which the user may have edited), and for segments a
     * restored model adds beyond the trained ones (rfm-segments can place new customers in RFM segments that no
     * training customer was in) the model's own.
     */
    private static List<String> segmentNames(Path file, SavedModel saved, int k, List<String> modelNames) {
        List<String> names = new ArrayList<>(saved.segmentNames());
        if (k < names.size() || (k > names.size() && modelNames.size() != k)) {
            throw new SegmentaException(file + ": the " + saved.algorithm() + " model has " + k
                    + " segments but the file lists " + names.size());
        }
        for (int s = names.size(); s < k; s++) {
            names.add(modelNames.get(s));
        }
        return names;
    }

    /** The model's segment names with the user's renames applied. */
    private static List<String> renamed(List<String> names, Map<Integer, String> renames) {
        List<String> result = new ArrayList<>(names);
        for (Map.Entry<Integer, String> e : renames.entrySet()) {
            if (e.getKey() >= result.size()) {
                throw new SegmentaException("option " + SegmentNamer.OPTION + ": there is no segment " + e.getKey()
                        + "; the model has segments 0 to " + (result.size() - 1));
            }
            result.set(e.getKey(), e.getValue());
        }
        Map<String, Integer> used = new HashMap<>();
        for (int s = 0; s < result.size(); s++) {
            Integer other = used.putIfAbsent(result.get(s), s);
            if (other != null) {
                throw new SegmentaException("segments " + other + " and " + s + " would both be named '"
                        + result.get(s) + "'; rename one of them with the option " + SegmentNamer.OPTION);
            }
        }
        return List.copyOf(result);
    }

    /** Fails, naming both lists, when the new data's features are not the model's. */
    private static void sameFeatures(Path file, SavedModel saved, FeatureMatrix raw) {
        List<String> categorical = raw.categorical().stream().map(CategoricalColumn::name).toList();
        if (raw.entity() != saved.entity() || !raw.numericNames().equals(saved.numeric())
                || !categorical.equals(saved.categorical())) {
            throw new SegmentaException("the model " + file + " was trained on " + saved.entity().label()
                    + " features " + describe(saved.numeric(), saved.categorical()) + " but the "
                    + saved.features() + " features of this input are " + raw.entity().label() + " features "
                    + describe(raw.numericNames(), categorical) + "; predict needs the same features, in the same "
                    + "order (the same extractor and options as the training run)");
        }
    }

    private static String describe(List<String> numeric, List<String> categorical) {
        return numeric + (categorical.isEmpty() ? "" : " and categorical " + categorical);
    }

    /** Runs work as one run: cancelled when a stage it uses goes away or its thread is interrupted. */
    private <T> T guarded(Chosen chosen, Function<RunState, T> work) {
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
            return work.apply(run);
        } finally {
            active.remove(run);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // validation: nothing here reads the input

    /** @param withReporters false when nothing will be written: the spec's reporters are then ignored */
    private Chosen choose(PipelineSpec spec, boolean withReporters) {
        StageEntry source = find(StageKind.SOURCE, spec.source());
        StageEntry features = find(StageKind.FEATURES, spec.features());
        StageEntry algorithm = find(StageKind.ALGORITHM, spec.algorithm());
        List<StageEntry> reporters = new ArrayList<>(spec.reporters().size());
        Set<String> seen = new TreeSet<>();
        for (String name : withReporters ? spec.reporters() : List.<String>of()) {
            if (!seen.add(name)) {
                throw new SegmentaException("reporter '" + name + "' is listed twice");
            }
            reporters.add(find(StageKind.REPORTER, name));
        }
        return new Chosen(source, features, algorithm, reporters);
    }

    /**
     * The spec with the configured defaults of its stages (and of the engine) filled in where it leaves an
     * option out. A default for an option its stage does not read is refused, naming the configuration: it is
     * a typo that would otherwise be ignored on every run.
     */
    private PipelineSpec withDefaults(PipelineSpec spec, Chosen chosen) {
        if (defaults.isEmpty()) {
            return spec;
        }
        Map<String, String> options = new LinkedHashMap<>(spec.options().asMap());
        boolean added = false;
        List<StageEntry> stages = chosen.all();
        for (int i = -1; i < stages.size(); i++) {
            StageEntry stage = i < 0 ? null : stages.get(i);
            List<StageDefaults.Entry> entries = stage == null ? defaults.of(null, StageDefaults.ENGINE)
                    : defaults.of(stage.kind(), stage.name());
            if (entries.isEmpty()) {
                continue;
            }
            Set<String> read = new TreeSet<>();
            if (stage == null) {
                read.addAll(ENGINE_OPTIONS);
            } else {
                for (StageOption o : call(stage, () -> stage.stage().options())) {
                    read.add(o.name());
                }
            }
            for (StageDefaults.Entry entry : entries) {
                for (Map.Entry<String, String> o : entry.options().entrySet()) {
                    boolean known = read.contains(o.getKey())
                            || (stage == null && TransformScaler.isColumnOption(o.getKey()));
                    if (!known) {
                        throw new SegmentaException(entry.origin() + ": '" + o.getKey() + "' is not an option of "
                                + entry.subject() + "; it reads: "
                                + (read.isEmpty() ? "no options" : String.join(", ", read)));
                    }
                    if (!options.containsKey(o.getKey())) {
                        options.put(o.getKey(), o.getValue());
                        added = true;
                    }
                }
            }
        }
        if (!added) {
            return spec;
        }
        return new PipelineSpec(spec.source(), spec.input(), spec.features(), spec.algorithm(), spec.cluster(),
                spec.reporters(), spec.outputDir(), new Options(options));
    }

    private StageEntry find(StageKind kind, String name) {
        return catalog.find(kind, name).orElseThrow(() -> new UnknownStageException(kind, name, catalog.names(kind)));
    }

    private static void validate(PipelineSpec spec, Chosen chosen) {
        ClusterRequest c = spec.cluster();
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
            if (!read.contains(key) && !ENGINE_OPTIONS.contains(key) && !TransformScaler.isColumnOption(key)) {
                unknown.add("'" + key + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new SegmentaException((unknown.size() == 1 ? "unknown option " : "unknown options ")
                    + String.join(", ", unknown) + "; the stages of this pipeline read: "
                    + (read.isEmpty() ? "no options" : String.join(", ", read)) + "; the engine reads: "
                    + String.join(", ", ENGINE_OPTIONS));
        }
        silhouetteRows(spec.options()); // a bad value fails before reading
        modelFile(spec.options());
        SegmentNamer.renames(spec.options()); // likewise (whether the segments exist is known later)
        TransformScaler.validate(spec.options()); // the steps; whether the columns exist is checked by the scaler

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

    /** The file of the option {@link #SAVE_MODEL}, checked; empty without the option. */
    static Optional<Path> modelFile(Options options) {
        Optional<String> value = options.get(SAVE_MODEL);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().isBlank()) {
            throw new SegmentaException("option " + SAVE_MODEL + ": give the model file to write, e.g. "
                    + SAVE_MODEL + "=out/model.json");
        }
        Path file = Path.of(value.get().trim());
        if (Files.isDirectory(file)) {
            throw new SegmentaException("option " + SAVE_MODEL + ": " + file + " is a folder; give the model file "
                    + "to write, e.g. " + file.resolve("model.json"));
        }
        return Optional.of(file);
    }

    /** The most rows the silhouette is computed on, from the option {@link #SILHOUETTE_SAMPLE}. */
    static int silhouetteRows(Options options) {
        Optional<String> value = options.get(SILHOUETTE_SAMPLE);
        if (value.isEmpty()) {
            return DEFAULT_SILHOUETTE_SAMPLE;
        }
        if (value.get().equalsIgnoreCase("exact")) {
            return Integer.MAX_VALUE;
        }
        int rows = options.integer(SILHOUETTE_SAMPLE, DEFAULT_SILHOUETTE_SAMPLE);
        if (rows < 2) {
            throw new SegmentaException("option " + SILHOUETTE_SAMPLE + ": '" + value.get()
                    + "' is too small: give at least 2 rows, or 'exact'");
        }
        return rows;
    }

    private static void checkRange(int kMin, int kMax) {
        atLeast("k-min", kMin, 2);
        if (kMax < kMin) {
            throw new SegmentaException("k-max must be at least k-min (" + kMin + "), was " + kMax);
        }
    }

    private static void atLeast(String what, int value, int min) {
        if (value < min) {
            throw new SegmentaException(what + " must be at least " + min + ", was " + value);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // the run

    /** What run and selectK share: the input read, its features extracted and scaled. */
    private record Prepared(SourceData data, FeatureMatrix raw, FeatureMatrix scaled, FittedScaler fitted) {
        int rows() {
            return raw.rowCount();
        }
    }

    /**
     * Reads, extracts and scales.
     *
     * @param k the largest k that will be fitted, and how it is called in the message when there are fewer rows
     */
    private Prepared prepare(PipelineSpec spec, Chosen chosen, Steps steps, int k, String kName) {
        DataSource source = (DataSource) chosen.source().stage();
        SourceData data = steps.stage(chosen.source(), ctx -> source.read(spec.input(), ctx));
        if (data.transactions() == null) {
            throw new SegmentaException(chosen.source().label() + " failed: it returned no transactions table");
        }
        if (data.transactions().rowCount() == 0) {
            throw nothingKept(spec.input(), data.quality());
        }
        requiredColumnsPresent(chosen, data.transactions());

        FeatureExtractor extractor = (FeatureExtractor) chosen.features().stage();
        FeatureMatrix raw = steps.stage(chosen.features(), ctx -> extractor.extract(data.transactions(), ctx));
        int rows = raw.rowCount();
        if (k > rows) {
            throw new SegmentaException(kName + " = " + k + " but there " + (rows == 0 ? "are no " + raw.entity().label() + "s"
                    : rows == 1 ? "is only 1 " + raw.entity().label()
                    : "are only " + rows + " " + raw.entity().label() + "s"));
        }
        if (raw.numeric().isEmpty()) {
            throw new SegmentaException("the " + chosen.features().label()
                    + " produced no numeric features; clustering needs at least one");
        }

        FittedScaler[] fitted = new FittedScaler[1];
        FeatureMatrix scaled = steps.engine(SCALING, () -> {
            fitted[0] = scaler.fit(raw, spec.options());
            return fitted[0].transform(raw);
        });
        return new Prepared(data, raw, scaled, fitted[0]);
    }

    private PipelineResult execute(PipelineSpec spec, Chosen chosen, RunState run, ProgressListener progress) {
        Steps steps = new Steps(spec.options(), run, progress);
        Prepared prepared = prepare(spec, chosen, steps, spec.cluster().k(), "k");
        return finish(spec, chosen, run, progress, steps, prepared, Optional.empty());
    }

    /** Clusters the prepared data with the spec's k, measures, profiles, reports and saves the model. */
    private PipelineResult finish(PipelineSpec spec, Chosen chosen, RunState run, ProgressListener progress,
            Steps steps, Prepared prepared, Optional<KSelection> selection) {
        SourceData data = prepared.data();
        FeatureMatrix raw = prepared.raw();
        FeatureMatrix scaled = prepared.scaled();
        int rows = prepared.rows();
        int silhouetteRows = silhouetteRows(spec.options());

        Clusterer clusterer = (Clusterer) chosen.algorithm().stage();
        ClusterModel model = steps.stage(chosen.algorithm(), ctx -> clusterer.fit(scaled, spec.cluster(), ctx));
        int[] labels = checkedLabels(chosen.algorithm(), model, rows);
        int segments = model.k();

        ClusterQuality[] quality = new ClusterQuality[1];
        List<SegmentProfile> profiles = steps.engine(METRICS, () -> {
            Clustering clustering = clustering(chosen.algorithm(), model, scaled, rowMajor(scaled), labels, segments);
            if (rows > silhouetteRows) {
                progress.info(null, METRICS, sampleNote(silhouetteRows, rows, spec));
            }
            // the silhouette is the one step of the metrics that takes long (O(n²)): its rows are the progress
            quality[0] = ClusterMetrics.compute(clustering, threads, run::isCancelled, silhouetteRows,
                    spec.cluster().seed(), (done, total) -> progress.progress(null, METRICS, done, total,
                            "silhouette rows"));
            return SegmentProfiles.compute(raw, labels, segments, call(chosen.algorithm(), model::segmentNames),
                    spec.options());
        });

        PipelineResult result = new PipelineResult(spec, data, raw, scaled, prepared.fitted().describe(), model, quality[0],
                profiles, steps.timings, stageVersions(chosen), List.of(), selection);
        // built before anything is written, so that a model that cannot be saved fails the run cleanly
        Optional<Path> modelFile = modelFile(spec.options());
        SavedModel saved = modelFile.isEmpty() ? null : ModelSaving.of(result, prepared.fitted(),
                call(chosen.algorithm(), model::state).orElseThrow(() -> new SegmentaException(
                        chosen.algorithm().label() + " cannot save its models; leave out the option " + SAVE_MODEL)));

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
        if (saved != null) {
            run.checkNotCancelled(outputs);
            ModelFile.write(modelFile.get(), saved);
            outputs.add(modelFile.get());
        }
        return result.withOutputs(outputs, steps.timings);
    }

    private static String sampleNote(int sample, int rows, PipelineSpec spec) {
        return "silhouette on a uniform sample of " + sample + " of " + rows + " rows (seed " + spec.cluster().seed()
                + "; option " + SILHOUETTE_SAMPLE + ")";
    }

    /**
     * Reads, extracts and scales once, then fits and measures every k. The algorithm is one step; its progress
     * counts the k done, and the algorithm's own progress within a fit is not passed on (it would be mixed
     * with the count).
     */
    private KSelection select(PipelineSpec spec, Chosen chosen, int kMin, int kMax, RunState run,
            ProgressListener progress) {
        Steps steps = new Steps(spec.options(), run, progress);
        Prepared prepared = prepare(spec, chosen, steps, kMax, "k-max");
        return measureRange(spec, chosen, kMin, kMax, run, progress, steps, prepared);
    }

    /**
     * A run whose k is chosen from a range, reading and extracting once; see
     * {@link io.segmenta.api.pipeline.PipelineEngine#runChoosingK}.
     *
     * @param listener may be null
     */
    public PipelineResult runChoosingK(PipelineSpec asked, int kMin, int kMax, ProgressListener listener) {
        Objects.requireNonNull(asked, "spec");
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        Chosen chosen = choose(asked, true);
        PipelineSpec spec = withDefaults(asked, chosen);
        checkRange(kMin, kMax);
        validate(spec, chosen);
        return guarded(chosen, run -> {
            Steps steps = new Steps(spec.options(), run, progress);
            Prepared prepared = prepare(spec, chosen, steps, kMax, "k-max");
            KSelection selection = measureRange(spec, chosen, kMin, kMax, run, progress, steps, prepared);
            progress.info(null, "select-k", selection.reason());
            ClusterRequest c = spec.cluster();
            PipelineSpec chosenK = new PipelineSpec(spec.source(), spec.input(), spec.features(), spec.algorithm(),
                    new ClusterRequest(selection.recommendedK(), c.seed(), c.runs(), c.maxIterations()),
                    spec.reporters(), spec.outputDir(), spec.options());
            return finish(chosenK, chosen, run, progress, steps, prepared, Optional.of(selection));
        });
    }

    /** Fits and measures every k of the range on the prepared data, finds the elbow and recommends a k. */
    private KSelection measureRange(PipelineSpec spec, Chosen chosen, int kMin, int kMax, RunState run,
            ProgressListener progress, Steps steps, Prepared prepared) {
        FeatureMatrix scaled = prepared.scaled();
        int rows = prepared.rows();
        int sample = Math.min(rows, silhouetteRows(spec.options()));
        double[] x = rowMajor(scaled);
        int d = scaled.numeric().size();
        ClusterRequest base = spec.cluster();
        StageEntry algorithm = chosen.algorithm();
        Clusterer clusterer = (Clusterer) algorithm.stage();
        int total = kMax - kMin + 1;

        progress.stepStarted(algorithm.kind(), algorithm.name());
        long allStart = System.nanoTime();
        if (sample < rows) {
            progress.info(algorithm.kind(), algorithm.name(), sampleNote(sample, rows, spec));
        }
        List<KCandidate> candidates = new ArrayList<>(total);
        double[] ks = new double[total];
        double[] costs = new double[total];
        for (int k = kMin; k <= kMax; k++) {
            long start = System.nanoTime();
            ClusterRequest request = new ClusterRequest(k, base.seed(), base.runs(), base.maxIterations());
            ClusterModel model = steps.quiet(algorithm, ctx -> clusterer.fit(scaled, request, ctx));
            int[] labels = checkedLabels(algorithm, model, rows);
            double cost = call(algorithm, model::cost);
            int segments = call(algorithm, model::k);
            Clustering clustering = clustering(algorithm, model, scaled, x, labels, segments);
            ClusterQuality q = steps.uncancelled(() -> ClusterMetrics.compute(clustering, threads, run::isCancelled,
                    sample, base.seed()));
            run.checkNotCancelled(List.of());
            candidates.add(new KCandidate(k, cost, q.silhouette(), q.daviesBouldin(), q.calinskiHarabasz(),
                    System.nanoTime() - start));
            ks[k - kMin] = k;
            costs[k - kMin] = cost;
            progress.progress(algorithm.kind(), algorithm.name(), k - kMin + 1, total, "k");
        }
        progress.stepFinished(algorithm.kind(), algorithm.name(), System.nanoTime() - allStart);

        int knee = Kneedle.kneeIndex(ks, costs);
        int elbowK = knee < 0 ? 0 : kMin + knee;
        KRecommendation recommendation = KRecommendation.of(candidates, elbowK);
        return new KSelection(spec, candidates, elbowK, recommendation.k(), recommendation.reason(), rows, sample);
    }

    /** Runs the steps of one run, timing them and turning failures into one-line messages. */
    private final class Steps {
        final List<StageTiming> timings = new ArrayList<>();
        private final Options options;
        private final RunState run;
        private final ProgressListener progress;

        Steps(Options options, RunState run, ProgressListener progress) {
            this.options = options;
            this.run = run;
            this.progress = progress;
        }

        <T> T stage(StageEntry entry, Function<StageContext, T> work) {
            T result = stage(entry, work, List.of(), true);
            // a stage that went away may have returned early with half a result: do not go on with it
            run.checkNotCancelled(List.of());
            return result;
        }

        /** @param written files already written by earlier reporters, named in failure messages */
        <T> T stage(StageEntry entry, Function<StageContext, T> work, List<Path> written) {
            return stage(entry, work, written, true);
        }

        /**
         * A stage's work that is part of a larger step: no step events, no timing, and the stage's progress is
         * not passed on (its messages are).
         */
        <T> T quiet(StageEntry entry, Function<StageContext, T> work) {
            T result = stage(entry, work, List.of(), false);
            run.checkNotCancelled(List.of());
            return result;
        }

        private <T> T stage(StageEntry entry, Function<StageContext, T> work, List<Path> written, boolean step) {
            if (step) {
                progress.stepStarted(entry.kind(), entry.name());
            }
            long start = System.nanoTime();
            T result;
            try {
                ProgressListener listener = step ? progress : new ProgressListener() {
                    @Override
                    public void info(StageKind kind, String name, String message) {
                        progress.info(kind, name, message);
                    }
                };
                result = work.apply(new RunStageContext(entry, listener, options, run));
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
            if (step) {
                finished(entry.kind(), entry.name(), start);
            }
            return result;
        }

        /** One of the engine's own steps; its SegmentaExceptions pass through, anything else is our bug. */
        <T> T engine(String name, Supplier<T> work) {
            progress.stepStarted(null, name);
            long start = System.nanoTime();
            T result = uncancelled(work);
            finished(null, name, start);
            run.checkNotCancelled(List.of());
            return result;
        }

        /** Engine work that may stop with a CancellationException: turned into the run's one-line message. */
        <T> T uncancelled(Supplier<T> work) {
            try {
                return work.get();
            } catch (CancellationException e) {
                SegmentaException cancelled = run.cancellation(List.of(), e);
                throw cancelled != null ? cancelled : e;
            }
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

    /**
     * The rows the quality figures are computed on: the numeric columns, and the categorical ones too when the
     * model weighs categorical mismatches (K-Prototypes), so that its silhouette uses its own dissimilarity.
     */
    private static Clustering clustering(StageEntry algorithm, ClusterModel model, FeatureMatrix scaled, double[] x,
            int[] labels, int k) {
        int n = scaled.rowCount();
        int d = scaled.numeric().size();
        OptionalDouble weight = call(algorithm, model::categoricalWeight);
        List<CategoricalColumn> categorical = scaled.categorical();
        if (weight.isEmpty() || categorical.isEmpty()) {
            return new Clustering(x, n, d, labels, k);
        }
        if (!(weight.getAsDouble() >= 0) || Double.isInfinite(weight.getAsDouble())) {
            throw new SegmentaException(algorithm.label() + " failed: its model gives a categorical weight of "
                    + weight.getAsDouble());
        }
        int c = categorical.size();
        int[] codes = new int[n * c];
        for (int t = 0; t < c; t++) {
            int[] column = categorical.get(t).codes();
            for (int i = 0; i < n; i++) {
                codes[i * c + t] = column[i];
            }
        }
        return new Clustering(x, n, d, labels, k, codes, c, weight.getAsDouble());
    }

    private static double[] rowMajor(FeatureMatrix m) {
        List<NumericColumn> numeric = m.numeric();
        double[][] columns = new double[numeric.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = numeric.get(j).values();
        }
        return Clustering.rowMajor(columns, m.rowCount());
    }

    private static SegmentaException nothingKept(Path input, DataQuality q) {
        StringBuilder sb = new StringBuilder("no transactions were kept from ").append(input);
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
