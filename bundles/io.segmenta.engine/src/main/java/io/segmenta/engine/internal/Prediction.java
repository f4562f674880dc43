package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.FeatureBackEnd;
import io.segmenta.api.pipeline.FeatureInput;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import io.segmenta.api.stage.StageOption;
import io.segmenta.engine.internal.model.ModelFile;
import io.segmenta.engine.internal.model.SavedModel;
import io.segmenta.engine.internal.scaling.FittedScaler;
import io.segmenta.engine.internal.scaling.TransformScaler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prediction: places the entities of new data in the segments of a saved model. {@link #plan} checks everything
 * that can be checked without reading the input (the model file, its stages, the options, the input's
 * existence); {@link #execute} reads, extracts, scales with the saved scaling and predicts.
 */
final class Prediction {
    /** Training options that a prediction does not take over: recency is measured to the new data's end. */
    static final Set<String> NOT_CARRIED_TO_PREDICTION = Set.of("snapshot");

    /** What {@link #plan} found: the stages, options, restored model and its segment names. */
    record Plan(ChosenStages chosen, Options options, SavedModel saved, FittedScaler scaling, ClusterModel model,
            List<String> names, PredictionResult.ModelSummary summary) {
        int k() {
            return names.size();
        }
    }

    private final RunPlanner planner;

    Prediction(RunPlanner planner) {
        this.planner = planner;
    }

    Plan plan(PredictSpec spec) {
        return plan(spec, true);
    }

    /** @param inputHere false when a back-end reads the input: then it need not exist here */
    Plan plan(PredictSpec spec, boolean inputHere) {
        SavedModel saved = ModelFile.read(spec.model());
        StageEntry source = planner.find(StageKind.SOURCE, spec.source().orElse(saved.source()));
        List<ChosenMember> members = members(spec, saved, source);
        ChosenStages chosen = new ChosenStages(source, members.get(0).extractor(), planner.find(StageKind.ALGORITHM,
                saved.algorithm()), List.of(), members);
        Options options = options(saved, chosen, spec.options());
        if (!saved.scaling().keySet().equals(new LinkedHashSet<>(saved.numeric()))) {
            throw new SegmentaException(spec.model() + ": the scaling is given for " + saved.scaling().keySet()
                    + " but the numeric features are " + saved.numeric());
        }
        FittedScaler scaling = TransformScaler.restore(saved.scaling());
        StageEntry algorithm = chosen.algorithm();
        Clusterer clusterer = (Clusterer) algorithm.stage();
        ClusterModel model = StepRunner.call(algorithm, () -> clusterer.restore(saved.state()));
        int k = StepRunner.call(algorithm, model::k);
        List<String> names = renamed(segmentNames(spec.model(), saved, k, StepRunner.call(algorithm,
                model::segmentNames)), SegmentRenames.parse(options).numbersOnly("predict"));
        RunPlanner.requiredColumnsDeclared(chosen);
        RunPlanner.inputsExist(spec.input(), chosen, inputHere);
        RunPlanner.checkOutputFolder(spec.outputDir());
        PredictionResult.ModelSummary summary = new PredictionResult.ModelSummary(spec.model(),
                ModelFile.FORMAT_VERSION, saved.created(), saved.source(), saved.features(), saved.algorithm(), k,
                names, saved.training().entities());
        return new Plan(chosen, options, saved, scaling, model, names, summary);
    }

    /**
     * The model's feature-set members with this prediction's inputs: the members that shared the training run's
     * input read {@code --input}; each member that read an input of its own needs {@code --input.NAME} (read with
     * its training source unless {@code --source.NAME} names another).
     */
    private List<ChosenMember> members(PredictSpec spec, SavedModel saved, StageEntry source) {
        Map<String, FeatureInput> inputs = new LinkedHashMap<>();
        List<FeatureMember> members = new ArrayList<>();
        for (SavedModel.Member m : saved.members()) {
            members.add(new FeatureMember(m.name(), m.extractor()));
            FeatureInput given = spec.memberInputs().get(m.name());
            if (m.ownInput() && given == null) {
                throw new SegmentaException("the model " + spec.model() + " was trained on the feature set "
                        + saved.features() + ", whose member " + m.name() + " read an input of its own ("
                        + m.input() + "); give the new one with --input." + m.name() + " PATH");
            }
            if (!m.ownInput() && given != null) {
                throw new SegmentaException("--input." + m.name() + ": the member " + m.name() + " of the model "
                        + spec.model() + " shares the input of the feature set " + saved.features()
                        + " (--input); leave out --input." + m.name());
            }
            if (given != null) {
                inputs.put(m.name(), new FeatureInput(given.source().or(() -> Optional.of(m.source())),
                        given.input()));
            }
        }
        return planner.members(saved.features(), members, source, inputsChecked(spec, saved, inputs), "--input.",
                "the model's " + StageKind.SOURCE.label());
    }

    /** The given member inputs, refusing those that name no member of the model. */
    private static Map<String, FeatureInput> inputsChecked(PredictSpec spec, SavedModel saved,
            Map<String, FeatureInput> inputs) {
        for (String name : spec.memberInputs().keySet()) {
            if (saved.members().stream().noneMatch(m -> m.name().equals(name))) {
                throw new SegmentaException("--input." + name + ": the model " + spec.model() + " has no member "
                        + name + "; its features are " + saved.features());
            }
        }
        return inputs;
    }

    /** @param backEnd the back-end that extracts the members sharing the input, or null: the engine does */
    PredictionResult execute(PredictSpec spec, Plan plan, StepRunner steps, FeatureBackEnd backEnd) {
        ChosenStages chosen = plan.chosen();
        FeatureSetExtraction.Extracted extracted = FeatureSetExtraction.extract(plan.saved().features(),
                spec.input(), chosen, steps, plan.options(), plan.saved().featureState(), ReadFields.NONE, backEnd);
        SourceData data = extracted.data();
        FeatureMatrix raw = data.entitiesOnly()
                ? ModelColumns.select(spec.model(), spec.input(), plan.saved(), extracted.raw(), steps)
                : extracted.raw();
        sameFeatures(spec.model(), plan.saved(), raw);
        FeatureMatrix scaled = steps.engine(Training.SCALING, () -> plan.scaling().transform(raw), null);
        int[] segments = steps.stage(chosen.algorithm(), ctx -> plan.model().predict(scaled),
                s -> s.length + " placed");
        int k = plan.k();
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
        List<String> warnings = PredictionDrift.warnings(plan.saved(), data.quality(), raw, sizes, plan.names());
        steps.checkNotCancelled(List.of());
        RunOutputs.createOutputDir(spec.outputDir());
        Path file = spec.outputDir().resolve(PredictSpec.PREDICTIONS_FILE);
        Predictions.write(file, raw, segments, plan.names());
        return new PredictionResult(spec, plan.summary(), data, raw, segments, sizes, steps.timings(),
                chosen.versions(), List.of(file), warnings);
    }

    /**
     * The training run's options that the source and the extractor read (so that the new data is read and
     * aggregated the same way), then the given ones over them; the given ones must be read by those stages
     * or be {@value EngineOptions#SEGMENT_NAMES}.
     */
    private static Options options(SavedModel saved, ChosenStages chosen, Options given) {
        List<String> engine = new ArrayList<>(List.of(EngineOptions.SEGMENT_NAMES));
        if (chosen.combined()) {
            engine.add(EngineOptions.JOIN);
        }
        OptionCheck check = new OptionCheck(chosen.readers(), engine);
        check.requireKnown(given.asMap().keySet(), " for predict; the source and feature extractor read: "
                + check.stagesRead() + "; and " + EngineOptions.SEGMENT_NAMES + " renames segments"
                + (chosen.combined() ? "; " + EngineOptions.JOIN + " joins the feature set" : ""));
        Map<String, String> options = new LinkedHashMap<>();
        boolean sameSource = chosen.source().name().equals(saved.source());
        Set<String> sourceOptions = new TreeSet<>();
        for (StageOption o : StepRunner.call(chosen.source(), () -> chosen.source().stage().options())) {
            sourceOptions.add(o.name());
        }
        for (Map.Entry<String, String> e : saved.options().entrySet()) {
            // a source's own options (e.g. a column mapping) mean nothing to another source
            if (check.knows(e.getKey()) && !e.getKey().equals(EngineOptions.SEGMENT_NAMES)
                    && !NOT_CARRIED_TO_PREDICTION.contains(e.getKey())
                    && (sameSource || !sourceOptions.contains(e.getKey()))) {
                options.put(e.getKey(), e.getValue());
            }
        }
        options.putAll(given.asMap());
        Options all = new Options(options);
        check.validateValues(all);
        return all;
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
                throw new SegmentaException("option " + EngineOptions.SEGMENT_NAMES + ": there is no segment "
                        + e.getKey() + "; the model has segments 0 to " + (result.size() - 1));
            }
            result.set(e.getKey(), e.getValue());
        }
        Map<String, Integer> used = new HashMap<>();
        for (int s = 0; s < result.size(); s++) {
            Integer other = used.putIfAbsent(result.get(s), s);
            if (other != null) {
                throw new SegmentaException("segments " + other + " and " + s + " would both be named '"
                        + result.get(s) + "'; rename one of them with the option " + EngineOptions.SEGMENT_NAMES);
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
}
