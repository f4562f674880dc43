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
     * The default of {@link #SILHOUETTE_SAMPLE}: the exact silhouette is O(n²), and up to this many rows it takes
     * less than a second on two cores (docs/performance.md); beyond it a sample of this size costs the same and
     * estimates the mean to better than ±0.01.
     */
    public static final int DEFAULT_SILHOUETTE_SAMPLE = 40_000;
    /** The model file a run saves its fitted model to, for {@link PipelineEngine#predict}. */
    public static final String SAVE_MODEL = "save-model";
    /**
     * Renames segments, by rule ({@code highest monetary=Core Customers; lowest recency=Active}) or by number
     * ({@code 0=VIP,2=Lapsed}); docs/segment-names.md.
     */
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
     * The file of rules that recommend an action per segment (docs/user-guide.md, "Recommended actions"); without
     * it the rules built into the engine (the same as the distribution's {@code conf/segment-actions.txt}).
     */
    public static final String ACTIONS = "actions";

    /**
     * The currency of the amounts, an ISO 4217 code ({@code GBP}, {@code BRL}, {@code IDR}) or {@value
     * #CURRENCY_NONE}; reports show it beside amounts. By default the source's own ({@code DataSource.currency()}).
     */
    public static final String CURRENCY = "currency";
    /** The value of {@link #CURRENCY} that shows amounts without a currency. */
    public static final String CURRENCY_NONE = "none";

    /**
     * An earlier run to compare with: its folder (holding its {@code assignments.csv}, as the csv reporter writes
     * it), a model file saved inside such a folder, or {@value #COMPARE_WITH_PREVIOUS}. The run's reports then show
     * how the entities moved between segments ({@link SegmentMovement}).
     */
    public static final String COMPARE_WITH = "compare-with";
    /**
     * The value of {@link #COMPARE_WITH} that compares with the run the output folder holds before this run replaces
     * it, if it holds one (the first run of a scheduled pipeline has nothing to compare with, and is not refused).
     */
    public static final String COMPARE_WITH_PREVIOUS = "previous";

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
            SAVE_MODEL, ACTIONS, CURRENCY, COMPARE_WITH, MIN_K);

    private EngineOptions() {
    }

    /** True for a per-feature transform option ({@code transform.monetary}). */
    public static boolean isTransformColumn(String key) {
        return key.startsWith(TRANSFORM_COLUMN_PREFIX);
    }
}
