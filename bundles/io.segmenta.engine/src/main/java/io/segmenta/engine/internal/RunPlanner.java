package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.UnknownStageException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.FeatureInput;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Planning: everything a use case decides and checks before it reads anything. It chooses the stages a spec
 * names, fills in the configured defaults, and validates (numbers, option names with the one {@link OptionCheck},
 * option values, columns the extractor needs, files).
 */
final class RunPlanner {
    private final StageCatalog catalog;
    private final StageDefaults defaults;

    RunPlanner(StageCatalog catalog, StageDefaults defaults) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** A planned use case: the spec with its defaults, its stages, and its segment names and action rules parsed. */
    record Plan(PipelineSpec spec, ChosenStages chosen, SegmentNaming naming) {
    }

    /** Plans a run with the spec's k. */
    Plan run(PipelineSpec asked) {
        return run(asked, true);
    }

    /** @param inputHere false when a back-end reads the run's input: then it need not exist here */
    Plan run(PipelineSpec asked, boolean inputHere) {
        ChosenStages chosen = choose(asked, true);
        PipelineSpec spec = withDefaults(asked, chosen);
        atLeast("k", spec.cluster().k(), 2);
        return new Plan(spec, chosen, validate(spec, chosen, inputHere));
    }

    /** Plans select-k ({@code withReporters} false: nothing is written) or a run choosing k in a range. */
    Plan range(PipelineSpec asked, int kMin, int kMax, boolean withReporters) {
        return range(asked, kMin, kMax, withReporters, true);
    }

    /** @param inputHere false when a back-end reads the run's input: then it need not exist here */
    Plan range(PipelineSpec asked, int kMin, int kMax, boolean withReporters, boolean inputHere) {
        ChosenStages chosen = choose(asked, withReporters);
        PipelineSpec spec = withDefaults(asked, chosen);
        checkRange(kMin, kMax);
        return new Plan(spec, chosen, validate(spec, chosen, inputHere));
    }

    /**
     * Plans a run on handed-over features: as {@link #run}, but only the algorithm and reporters run here, the
     * input is not read here, and the options of the spec's source and extractor count when those stages are
     * registered (the back-end read them).
     */
    Plan afterFeatures(PipelineSpec asked) {
        ChosenStages chosen = new ChosenStages(null, null, find(StageKind.ALGORITHM, asked.algorithm()),
                reporters(asked));
        PipelineSpec spec = withDefaults(asked, chosen);
        atLeast("k", spec.cluster().k(), 2);
        checkCluster(spec);
        List<StageEntry> readers = new ArrayList<>(chosen.all());
        catalog.find(StageKind.SOURCE, spec.source()).ifPresent(readers::add);
        for (FeatureMember m : spec.members()) {
            catalog.find(StageKind.FEATURES, m.extractor()).ifPresent(readers::add);
        }
        for (FeatureInput own : spec.memberInputs().values()) {
            own.source().flatMap(n -> catalog.find(StageKind.SOURCE, n)).ifPresent(readers::add);
        }
        SegmentNaming naming = checkOptions(spec.options(), readers, spec.members().size() > 1);
        checkOutputFolder(spec, chosen);
        return new Plan(spec, chosen, naming);
    }

    /** The registered stage of this kind and name. @throws UnknownStageException listing the ones there are */
    StageEntry find(StageKind kind, String name) {
        return catalog.find(kind, name).orElseThrow(() -> new UnknownStageException(kind, name, catalog.names(kind)));
    }

    /** @param withReporters false when nothing will be written: the spec's reporters are then ignored */
    private ChosenStages choose(PipelineSpec spec, boolean withReporters) {
        StageEntry source = find(StageKind.SOURCE, spec.source());
        List<ChosenMember> members = members(spec.features(), spec.members(), source, spec.memberInputs(),
                "input.", "the run's " + StageKind.SOURCE.label());
        return new ChosenStages(source, members.get(0).extractor(), find(StageKind.ALGORITHM, spec.algorithm()),
                withReporters ? reporters(spec) : List.of(), members);
    }

    /**
     * The members of a feature set with their stages and inputs: a member with an entry in {@code inputs} reads
     * it (with its own source, or {@code source}), the others share the read of the run's input. The first member
     * always shares it (it is the base of the join and what the reports' transactions are), and every member must
     * describe the same entities.
     *
     * @param optionPrefix how the member inputs are written, for messages ("input.")
     */
    List<ChosenMember> members(String set, List<FeatureMember> members, StageEntry source,
            Map<String, FeatureInput> inputs, String optionPrefix, String sourceLabel) {
        Set<String> names = new TreeSet<>();
        members.forEach(m -> names.add(m.name()));
        for (String name : inputs.keySet()) {
            if (!names.contains(name)) {
                throw new SegmentaException(optionPrefix + name + ": the feature set " + set + " has no member "
                        + name + "; its members are " + String.join(", ", members.stream().map(FeatureMember::name)
                                .toList()));
            }
        }
        List<ChosenMember> chosen = new ArrayList<>();
        for (FeatureMember m : members) {
            StageEntry extractor = find(StageKind.FEATURES, m.extractor());
            FeatureInput own = inputs.get(m.name());
            if (own != null && chosen.isEmpty() && members.size() > 1) {
                throw new SegmentaException(optionPrefix + m.name() + ": the first member of the feature set " + set
                        + " reads " + sourceLabel + "'s input; give the other members inputs of their own");
            }
            chosen.add(own == null ? new ChosenMember(m.name(), source, null, true, extractor)
                    : new ChosenMember(m.name(), own.source().map(n -> find(StageKind.SOURCE, n)).orElse(source),
                            own.input(), false, extractor));
        }
        EntityKind entity = entity(chosen.get(0));
        for (ChosenMember m : chosen) {
            if (entity(m) != entity) {
                throw new SegmentaException("feature set " + set + ": " + chosen.get(0).name() + " gives "
                        + entity.label() + " features but " + m.name() + " gives " + entity(m).label()
                        + " features; the members of a set must describe the same entities");
            }
        }
        return chosen;
    }

    private static EntityKind entity(ChosenMember m) {
        return StepRunner.call(m.extractor(), () -> ((FeatureExtractor) m.extractor().stage()).entity());
    }

    private List<StageEntry> reporters(PipelineSpec spec) {
        List<StageEntry> reporters = new ArrayList<>(spec.reporters().size());
        Set<String> seen = new TreeSet<>();
        for (String name : spec.reporters()) {
            if (!seen.add(name)) {
                throw new SegmentaException("reporter '" + name + "' is listed twice");
            }
            reporters.add(find(StageKind.REPORTER, name));
        }
        return reporters;
    }

    /**
     * The spec with the configured defaults of its stages (and of the engine) filled in where it leaves an
     * option out. A default for an option its stage does not read is refused, naming the configuration: it is
     * a typo that would otherwise be ignored on every run.
     */
    private PipelineSpec withDefaults(PipelineSpec spec, ChosenStages chosen) {
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
            OptionCheck check = stage == null ? new OptionCheck(List.of(), EngineOptions.ALL)
                    : new OptionCheck(List.of(stage), List.of());
            for (StageDefaults.Entry entry : entries) {
                List<String> unknown = check.unknown(entry.options().keySet());
                if (!unknown.isEmpty()) {
                    throw new SegmentaException(entry.origin() + ": " + unknown.get(0) + " is not an option of "
                            + entry.subject() + "; it reads: " + check.allKnown());
                }
                for (Map.Entry<String, String> o : entry.options().entrySet()) {
                    added |= options.putIfAbsent(o.getKey(), o.getValue()) == null;
                }
            }
        }
        if (!added) {
            return spec;
        }
        return spec.withOptions(new Options(options));
    }

    /**
     * Checks a run's spec before anything is read: runs and iteration cap, option names and values (the engine's and
     * each stage's own check), the columns the extractor needs, the input and the output folder.
     */
    private static SegmentNaming validate(PipelineSpec spec, ChosenStages chosen, boolean inputHere) {
        checkCluster(spec);
        SegmentNaming naming = checkOptions(spec.options(), chosen.all(), chosen.combined());
        requiredColumnsDeclared(chosen);
        inputsExist(spec.input(), chosen, inputHere);
        checkOutputFolder(spec, chosen);
        PreviousRun.folder(spec);
        return naming;
    }

    /**
     * Fails when the run's input or a member's own input does not exist.
     *
     * @param inputHere false when a back-end reads the run's input (only the members' own inputs are checked)
     */
    static void inputsExist(Path input, ChosenStages chosen, boolean inputHere) {
        if (inputHere && !Files.exists(input)) {
            throw new SegmentaException(missing(input));
        }
        for (ChosenMember m : chosen.members()) {
            if (!m.shared() && !Files.exists(m.input())) {
                throw new SegmentaException(missing(m.input()) + " (the input of member " + m.name() + ")");
            }
        }
    }

    /** Why an input does not exist: a link that leads nowhere is not "no such file". */
    private static String missing(Path input) {
        return Files.isSymbolicLink(input) ? input + " is a symbolic link that leads to nothing (or to itself)"
                : "no such file: " + input;
    }

    private static void checkCluster(PipelineSpec spec) {
        ClusterRequest c = spec.cluster();
        atLeast("runs", c.runs(), 1);
        atLeast("maxIterations", c.maxIterations(), 1);
    }

    /** @param combined true for a feature set of several members: the engine then also reads the join rule */
    private static SegmentNaming checkOptions(Options options, List<StageEntry> readers, boolean combined) {
        List<String> engine = new ArrayList<>(EngineOptions.ALL);
        if (combined) {
            engine.add(EngineOptions.JOIN);
        }
        OptionCheck check = new OptionCheck(readers, engine);
        check.requireKnown(options.asMap().keySet(), "; the stages of this pipeline read: " + check.stagesRead()
                + "; the engine reads: " + String.join(", ", engine));
        SegmentNaming naming = EngineOptionValues.validate(options);
        check.validateValues(options);
        return naming;
    }

    private static void checkOutputFolder(PipelineSpec spec, ChosenStages chosen) {
        if (!chosen.reporters().isEmpty()) {
            checkOutputFolder(spec.outputDir());
            RunFolder.checkHoldsOnlyARun(spec.outputDir());
        }
    }

    /** Fails before reading when the output folder cannot be created or written in ({@link OutputLocations}). */
    static void checkOutputFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SegmentaException("the output folder " + dir + " is a file");
        }
        OutputLocations.checkFolder(dir);
    }

    /** Fails before reading when a member's source declares its columns and lacks some its extractor needs. */
    static void requiredColumnsDeclared(ChosenStages chosen) {
        for (ChosenMember m : chosen.members()) {
            Set<String> provided = StepRunner.call(m.source(),
                    () -> ((DataSource) m.source().stage()).providedColumns());
            if (provided.isEmpty()) {
                continue; // not declared: checked on the table after reading
            }
            Set<String> missing = new TreeSet<>(requiredColumns(m));
            missing.removeAll(provided);
            missing.removeIf(RunPlanner::alwaysPresent);
            if (!missing.isEmpty()) {
                throw missingColumns(m, missing, "does not provide");
            }
        }
    }

    /** Fails after reading when the table lacks columns the member's extractor needs. */
    static void requiredColumnsPresent(ChosenMember member, TransactionTable table) {
        Set<String> missing = new TreeSet<>();
        for (String column : requiredColumns(member)) {
            if (table.column(column).isEmpty()) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw missingColumns(member, missing, "did not provide from this input");
        }
    }

    private static Set<String> requiredColumns(ChosenMember m) {
        return StepRunner.call(m.extractor(),
                () -> ((FeatureExtractor) m.extractor().stage()).requiredColumns());
    }

    private static boolean alwaysPresent(String column) {
        for (TransactionField f : TransactionField.values()) {
            if (f.required() && f.columnName().equals(column)) {
                return true;
            }
        }
        return false;
    }

    private static SegmentaException missingColumns(ChosenMember m, Set<String> missing, String verb) {
        return new SegmentaException("the " + m.extractor().label() + " needs the transaction "
                + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing) + ", which the "
                + m.source().label() + " " + verb + "; choose another feature extractor or source");
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
}
