package io.segmenta.engine.internal;

import io.segmenta.api.pipeline.SegmentAction;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.table.output.DecimalText;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Gives each non-empty segment the action of the first rule ({@link ActionRules}) that holds for it, with the
 * reason: the rule's figures and where it is written. A name rule matches the name the algorithm or the engine
 * gave the segment, or the name the user gave it; a condition holds on the segment's index of the feature (mean
 * / population mean x 100) or of a ratio of two features, and not when the run lacks a feature or the index is
 * undefined.
 */
final class SegmentActions {
    private SegmentActions() {
    }

    /**
     * @param profiles the profiles with their final names
     * @param ownNames each segment's name before the user's renames
     * @param valueColumn the feature measuring money (the rules' {@code value}), or null
     */
    static List<SegmentProfile> apply(List<SegmentProfile> profiles, List<String> ownNames, List<ActionRule> rules,
            String valueColumn) {
        List<SegmentProfile> result = new ArrayList<>(profiles.size());
        for (int s = 0; s < profiles.size(); s++) {
            SegmentProfile p = profiles.get(s);
            SegmentAction action = p.size() == 0 ? SegmentAction.NONE : action(p, ownNames.get(s), rules, valueColumn);
            result.add(p.withAction(action));
        }
        return result;
    }

    private static SegmentAction action(SegmentProfile p, String ownName, List<ActionRule> rules,
            String valueColumn) {
        NamedFeatures named = NamedFeatures.of(p.features(), valueColumn);
        double[] index = p.index();
        for (ActionRule rule : rules) {
            if (rule.isDefault()) {
                return new SegmentAction(rule.action(), "no other rule matched (" + rule.source() + ")");
            }
            if (rule.name() != null) {
                if (rule.name().equalsIgnoreCase(ownName) || rule.name().equalsIgnoreCase(p.name())) {
                    return new SegmentAction(rule.action(), "named " + rule.name() + " (" + rule.source() + ")");
                }
                continue;
            }
            StringJoiner why = new StringJoiner(", ", "", " (" + rule.source() + ")");
            boolean holds = true;
            for (ActionRule.Condition c : rule.conditions()) {
                int j = named.find(p.features(), c.feature());
                int per = c.per() == null ? -1 : named.find(p.features(), c.per());
                double value = j < 0 || (c.per() != null && per < 0) ? Double.NaN
                        : c.per() == null ? index[j] : index[j] / index[per] * 100;
                holds &= Double.isFinite(value) && c.holds(value);
                if (!holds) {
                    break;
                }
                why.add(p.features().get(j) + (per < 0 ? "" : " / " + p.features().get(per)) + " index "
                        + DecimalText.format(value, 0) + " " + c.operator() + " " + DecimalText.format(c.bound(), 0));
            }
            if (holds) {
                return new SegmentAction(rule.action(), why.toString());
            }
        }
        return SegmentAction.NONE; // unreachable: the rules end with the default
    }
}
