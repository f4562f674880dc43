package io.segmenta.engine.internal;

import io.segmenta.api.stage.Options;
import java.util.List;
import java.util.Objects;

/**
 * The options that name segments and recommend their actions, parsed once when a run is planned and passed on to
 * the profiling (and to the note on renames by number): the renames of {@value SegmentRenames#OPTION}
 * ({@link SegmentRenames}) and the rules of the actions file ({@link ActionRules}: the option's file, read once, or
 * the built-in rules).
 *
 * @param renames the parsed renames (none without the option)
 * @param actions the action rules, the default rule last
 */
record SegmentNaming(SegmentRenames renames, List<ActionRule> actions) {
    SegmentNaming {
        Objects.requireNonNull(renames, "renames");
        actions = List.copyOf(actions);
    }

    /** Parses both options, the renames first; a malformed value fails with a one-line message. */
    static SegmentNaming parse(Options options) {
        SegmentRenames renames = SegmentRenames.parse(options);
        return new SegmentNaming(renames, ActionRules.load(options));
    }
}
