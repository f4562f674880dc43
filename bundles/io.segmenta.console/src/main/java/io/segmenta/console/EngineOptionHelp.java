package io.segmenta.console;

import io.segmenta.api.pipeline.EngineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's own options (those of {@link EngineOptions}) as {@code stages --verbose} lists them: name, default
 * and a one-line description. The full rules are in docs/user-guide.md; these lines only say what each is for.
 */
final class EngineOptionHelp {
    /** One engine option: its name, its default ("none" when unset) and what it does. */
    record Line(String name, String defaultValue, String description) {
    }

    /** The descriptions by option name; an engine option missing here is listed with "-" (a test guards it). */
    static final Map<String, Line> LINES = Map.of(
            EngineOptions.SILHOUETTE_SAMPLE, new Line(EngineOptions.SILHOUETTE_SAMPLE,
                    String.valueOf(EngineOptions.DEFAULT_SILHOUETTE_SAMPLE),
                    "the most rows the silhouette is computed on (a sample drawn with the seed beyond it), or "
                            + EngineOptions.SILHOUETTE_EXACT),
            EngineOptions.SEGMENT_NAMES, new Line(EngineOptions.SEGMENT_NAMES, "none",
                    "renames segments by rule or by number, e.g. highest monetary=VIP; lowest recency=Active"),
            EngineOptions.TRANSFORM, new Line(EngineOptions.TRANSFORM, "log1p,zscore",
                    "the scaling chain of every numeric feature without its own (log1p, zscore, robust, minmax, "
                            + "winsorize:P1:P2, none)"),
            EngineOptions.TRANSFORM_COLUMN, new Line(EngineOptions.TRANSFORM_COLUMN, "the transform option",
                    "the scaling chain of one feature, e.g. transform.monetary=robust"),
            EngineOptions.SAVE_MODEL, new Line(EngineOptions.SAVE_MODEL, "none",
                    "the file the fitted model is saved to (JSON), for predict"),
            EngineOptions.ACTIONS, new Line(EngineOptions.ACTIONS, "the built-in rules",
                    "the rules file giving each segment a recommended action, e.g. conf/segment-actions.txt"),
            EngineOptions.CURRENCY, new Line(EngineOptions.CURRENCY, "the source's",
                    "the currency code reports show beside amounts (GBP, BRL, IDR ...), or none"),
            EngineOptions.COMPARE_WITH, new Line(EngineOptions.COMPARE_WITH, "none",
                    "an earlier run's folder (or " + EngineOptions.COMPARE_WITH_PREVIOUS + ") whose customers' "
                            + "movement between segments the reports show"),
            EngineOptions.MIN_K, new Line(EngineOptions.MIN_K, String.valueOf(EngineOptions.DEFAULT_MIN_K),
                    "the smallest k a run choosing k recommends (smaller k are measured and shown)"),
            EngineOptions.JOIN, new Line(EngineOptions.JOIN, EngineOptions.JOIN_INNER,
                    "feature sets only: " + EngineOptions.JOIN_INNER + " keeps the entities every member has, "
                            + EngineOptions.JOIN_STRICT + " refuses the run when one is missing"));

    private EngineOptionHelp() {
    }

    /** Every engine option in the order of {@link EngineOptions#ALL}, then {@code join} (read by feature sets). */
    static List<Line> lines() {
        List<String> names = new ArrayList<>(EngineOptions.ALL);
        names.add(EngineOptions.JOIN);
        List<Line> lines = new ArrayList<>();
        for (String name : names) {
            lines.add(LINES.getOrDefault(name, new Line(name, "-", "-")));
        }
        return lines;
    }
}
