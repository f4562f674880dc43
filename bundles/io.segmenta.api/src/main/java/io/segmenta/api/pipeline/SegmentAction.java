package io.segmenta.api.pipeline;

import java.util.Objects;

/**
 * The action recommended for a segment, from the run's action rules (engine option {@value EngineOptions#ACTIONS};
 * docs/user-guide.md, "Recommended actions").
 *
 * @param text what to do, e.g. "Loyalty programme: reward frequent buyers ..."; empty when no rule was applied
 * @param reason why this rule was chosen, e.g. "recency index 312 >= 200 (segment-actions.txt line 14)"; empty
 *        when no rule was applied
 */
public record SegmentAction(String text, String reason) {
    /** No action: the profile of a run that applied no rules (a result built by an older engine). */
    public static final SegmentAction NONE = new SegmentAction("", "");

    public SegmentAction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when a rule gave an action. */
    public boolean present() {
        return !text.isEmpty();
    }
}
