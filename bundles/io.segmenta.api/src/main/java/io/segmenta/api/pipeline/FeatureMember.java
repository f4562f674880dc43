package io.segmenta.api.pipeline;

import io.segmenta.api.SegmentaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One member of a run's feature set: a feature extractor under a name. A pipeline's {@code features} is one
 * extractor ({@code rfm}) or several joined with {@code +} ({@code rfm+attributes}); a member is written
 * {@code EXTRACTOR} (named after it) or {@code NAME:EXTRACTOR} (so one extractor can be a member twice, e.g.
 * {@code rfm+web:rfm}). The members' features are joined on the entity id; see docs/user-guide.md.
 *
 * @param name the member's name: what {@code input.NAME} and {@code source.NAME} refer to, and the prefix of its
 *        feature names that clash with another member's
 * @param extractor the feature extractor's stage name
 */
public record FeatureMember(String name, String extractor) {
    /** Joins members in the {@code features} text. */
    public static final String SEPARATOR = "+";
    /** Separates a member's name from its extractor. */
    public static final String NAMED = ":";

    public FeatureMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extractor, "extractor");
    }

    /**
     * The members of a {@code features} text, in order.
     *
     * @throws SegmentaException for an empty member, a bad name or a name given twice
     */
    public static List<FeatureMember> parse(String features) {
        List<FeatureMember> members = new ArrayList<>();
        String[] parts = features.split("\\" + SEPARATOR, -1);
        for (String part : parts) {
            String text = part.trim();
            int colon = text.indexOf(NAMED);
            String name = (colon < 0 ? text : text.substring(0, colon)).trim();
            String extractor = (colon < 0 ? text : text.substring(colon + 1)).trim();
            if (name.isEmpty() || extractor.isEmpty()) {
                throw new SegmentaException("features '" + features + "': a member is EXTRACTOR or NAME:EXTRACTOR, "
                        + "joined with " + SEPARATOR + " (e.g. rfm+web:rfm); got '" + text + "'");
            }
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                throw new SegmentaException("features '" + features + "': the member name '" + name
                        + "' should be letters, digits, '_' or '-'");
            }
            for (FeatureMember m : members) {
                if (m.name().equals(name)) {
                    throw new SegmentaException("features '" + features + "': the member " + name + " is named "
                            + "twice; give the second one a name of its own, e.g. " + name + SEPARATOR + "other"
                            + NAMED + extractor);
                }
            }
            members.add(new FeatureMember(name, extractor));
        }
        return List.copyOf(members);
    }
}
