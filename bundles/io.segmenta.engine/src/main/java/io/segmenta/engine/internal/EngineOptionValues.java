package io.segmenta.engine.internal;

import static io.segmenta.api.pipeline.EngineOptions.DEFAULT_SILHOUETTE_SAMPLE;
import static io.segmenta.api.pipeline.EngineOptions.SAVE_MODEL;
import static io.segmenta.api.pipeline.EngineOptions.SILHOUETTE_EXACT;
import static io.segmenta.api.pipeline.EngineOptions.SILHOUETTE_SAMPLE;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.stage.Options;
import io.segmenta.engine.internal.scaling.TransformScaler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The values of the engine's own options ({@link io.segmenta.api.pipeline.EngineOptions}), checked. */
final class EngineOptionValues {
    private EngineOptionValues() {
    }

    /**
     * Checks every engine option's value that can be checked before reading: whether the segments or columns
     * they name exist is known only later.
     *
     * @return the segment names and action rules, parsed (the actions file read) once here for the whole run
     */
    static SegmentNaming validate(Options options) {
        silhouetteRows(options);
        modelFile(options);
        SegmentNaming naming = SegmentNaming.parse(options);
        TransformScaler.validate(options);
        joinRule(options);
        ReportContexts.currency(options);
        minK(options);
        return naming;
    }

    /** The smallest k a choice of k recommends, from the option {@value io.segmenta.api.pipeline.EngineOptions#MIN_K}. */
    static int minK(Options options) {
        Optional<String> value = options.get(EngineOptions.MIN_K);
        if (value.isEmpty()) {
            return EngineOptions.DEFAULT_MIN_K;
        }
        int k;
        try {
            k = Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            k = 0;
        }
        if (k < 2) {
            throw new SegmentaException("option " + EngineOptions.MIN_K + ": '" + value.get()
                    + "' should be a whole number of at least 2 (the smallest k a choice of k recommends; default "
                    + EngineOptions.DEFAULT_MIN_K + ")");
        }
        return k;
    }

    /** The join rule of a feature set, from the option {@value io.segmenta.api.pipeline.EngineOptions#JOIN}. */
    static String joinRule(Options options) {
        String rule = options.get(EngineOptions.JOIN, EngineOptions.JOIN_INNER);
        if (!rule.equals(EngineOptions.JOIN_INNER) && !rule.equals(EngineOptions.JOIN_STRICT)) {
            throw new SegmentaException("option " + EngineOptions.JOIN + ": '" + rule + "' should be "
                    + EngineOptions.JOIN_INNER + " (keep the entities in every member) or " + EngineOptions.JOIN_STRICT
                    + " (refuse a run where one is missing from a member)");
        }
        return rule;
    }

    /** The file of the option {@value io.segmenta.api.pipeline.EngineOptions#SAVE_MODEL}; empty without it. */
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
        OutputLocations.checkFileFolder(file, "model file");
        return Optional.of(file);
    }

    /** The most rows the silhouette is computed on, from the option {@value io.segmenta.api.pipeline.EngineOptions#SILHOUETTE_SAMPLE}. */
    static int silhouetteRows(Options options) {
        Optional<String> value = options.get(SILHOUETTE_SAMPLE);
        if (value.isEmpty()) {
            return DEFAULT_SILHOUETTE_SAMPLE;
        }
        if (value.get().equalsIgnoreCase(SILHOUETTE_EXACT)) {
            return Integer.MAX_VALUE;
        }
        int rows = options.integer(SILHOUETTE_SAMPLE, DEFAULT_SILHOUETTE_SAMPLE);
        if (rows < 2) {
            throw new SegmentaException("option " + SILHOUETTE_SAMPLE + ": '" + value.get()
                    + "' is too small: give at least 2 rows, or '" + SILHOUETTE_EXACT + "'");
        }
        return rows;
    }

    /** The note shown when the silhouette is sampled. */
    static String sampleNote(int sample, int rows, long seed) {
        return "silhouette on a uniform sample of " + sample + " of " + rows + " rows (seed " + seed + "; option "
                + SILHOUETTE_SAMPLE + ")";
    }
}
