package io.segmenta.api.pipeline;

import java.util.List;

/**
 * The options the engine reads itself, beside the options of the stages (pipeline options, {@code --option
 * KEY=VALUE}). The names are compile-time constants so that shells can use them in annotations; every program
 * that passes them to the engine (console, shell, CLI, named pipelines) uses these constants. Their values and
 * effects are described in docs/user-guide.md (and docs/model-file.md, docs/segment-names.md).
 */
public final class EngineOptions {
    /**
     * The most rows the silhouette is computed on (a uniform sample drawn with the run's seed beyond it), or
     * {@value #SILHOUETTE_EXACT}.
     */
    public static final String SILHOUETTE_SAMPLE = "silhouette-sample";
    /** The value of {@link #SILHOUETTE_SAMPLE} that computes the exact silhouette on every row. */
    public static final String SILHOUETTE_EXACT = "exact";
    /**
     * The default of {@link #SILHOUETTE_SAMPLE}: the exact silhouette is O(n²); 20,000 rows take a few seconds,
     * and a sample of that size estimates the mean to about ±0.01.
     */
    public static final int DEFAULT_SILHOUETTE_SAMPLE = 20_000;
    /** The model file a run saves its fitted model to, for {@link PipelineEngine#predict}. */
    public static final String SAVE_MODEL = "save-model";
    /** Renames segments: {@code 0=VIP,2=Lapsed}. */
    public static final String SEGMENT_NAMES = "segment-names";
    /** The transform chain of every numeric feature without its own, e.g. {@code log1p,zscore} (the default). */
    public static final String TRANSFORM = "transform";
    /** The prefix of the options naming the chain of one feature: {@code transform.monetary=robust}. */
    public static final String TRANSFORM_COLUMN_PREFIX = TRANSFORM + ".";
    /** How the per-feature transform options are listed among the engine's options. */
    public static final String TRANSFORM_COLUMN = TRANSFORM_COLUMN_PREFIX + "<column>";

    /**
     * How the members of a feature set are joined on the entity id: {@value #JOIN_INNER} (the default) or
     * {@value #JOIN_STRICT}. Read only by a run whose features are a set of two or more members, so it is not
     * in {@link #ALL}.
     */
    public static final String JOIN = "join";
    /** Keep the entities every member has; count the others, by the members they are missing from. */
    public static final String JOIN_INNER = "inner";
    /** Refuse the run when an entity is missing from a member, naming the first ones. */
    public static final String JOIN_STRICT = "strict";

    /**
     * The smallest k a run choosing k (select-k, {@code --k MIN..MAX}) recommends: smaller k are measured and
     * shown, but two segments rarely serve targeting even when the silhouette prefers them. A whole number of at
     * least 2; see docs/user-guide.md, "How k is chosen".
     */
    public static final String MIN_K = "min-k";
    /** The default of {@link #MIN_K}. */
    public static final int DEFAULT_MIN_K = 3;
    /** The range of k tried when a run chooses k and no range is given ({@code --k auto}). */
    public static final int DEFAULT_K_MIN = 2;
    /** See {@link #DEFAULT_K_MIN}. */
    public static final int DEFAULT_K_MAX = 10;

    /** Every engine option, in the order messages list them. */
    public static final List<String> ALL = List.of(SILHOUETTE_SAMPLE, SEGMENT_NAMES, TRANSFORM, TRANSFORM_COLUMN,
            SAVE_MODEL, MIN_K);

    private EngineOptions() {
    }

    /** True for a per-feature transform option ({@code transform.monetary}). */
    public static boolean isTransformColumn(String key) {
        return key.startsWith(TRANSFORM_COLUMN_PREFIX);
    }
}
