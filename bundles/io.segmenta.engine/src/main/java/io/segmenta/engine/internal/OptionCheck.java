package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one check of option names every use case makes (a run's options, a prediction's, configured defaults): an
 * option is known when one of the given stages reads it or it is one of the given engine options. A name nobody
 * reads is a typo that would otherwise be ignored silently. Then the stages' own check of their values
 * ({@link #validateValues}), before anything is read.
 */
final class OptionCheck {
    private final List<StageEntry> stages;
    private final Set<String> read = new TreeSet<>();
    private final List<String> engine;

    /**
     * @param stages the stages whose options count
     * @param engineOptions the engine options that count ({@link EngineOptions#TRANSFORM_COLUMN} stands for every
     *        per-feature transform option)
     */
    OptionCheck(Collection<StageEntry> stages, List<String> engineOptions) {
        this.stages = List.copyOf(stages);
        for (StageEntry e : stages) {
            for (StageOption o : StepRunner.call(e, () -> e.stage().options())) {
                read.add(o.name());
            }
        }
        this.engine = List.copyOf(engineOptions);
    }

    boolean knows(String key) {
        return read.contains(key) || engine.contains(key)
                || (engine.contains(EngineOptions.TRANSFORM_COLUMN) && EngineOptions.isTransformColumn(key));
    }

    /** The keys not known, quoted, in the order given. */
    List<String> unknown(Collection<String> keys) {
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            if (!knows(key)) {
                unknown.add("'" + key + "'");
            }
        }
        return unknown;
    }

    /**
     * Fails when some keys are not known: "unknown option 'x'" followed by {@code explanation}.
     *
     * @param explanation what the options are, e.g. "; the stages of this pipeline read: snapshot"
     */
    void requireKnown(Collection<String> keys, String explanation) {
        List<String> unknown = unknown(keys);
        if (!unknown.isEmpty()) {
            throw new SegmentaException((unknown.size() == 1 ? "unknown option " : "unknown options ")
                    + String.join(", ", unknown) + explanation);
        }
    }

    /**
     * Each stage's check of its option values ({@link io.segmenta.api.stage.Stage#validate}), in pipeline order:
     * the first bad value stops the run with its one-line message before any input is read.
     */
    void validateValues(Options options) {
        for (StageEntry e : stages) {
            StepRunner.call(e, () -> {
                e.stage().validate(options);
                return null;
            });
        }
    }

    /** What the stages read, sorted: "snapshot, statuses", or "no options". */
    String stagesRead() {
        return list(read);
    }

    /** Everything known, sorted: what the stages read and the engine options. */
    String allKnown() {
        Set<String> all = new TreeSet<>(read);
        all.addAll(engine);
        return list(all);
    }

    private static String list(Set<String> names) {
        return names.isEmpty() ? "no options" : String.join(", ", names);
    }
}
