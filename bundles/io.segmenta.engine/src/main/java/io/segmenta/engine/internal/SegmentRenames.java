package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.Options;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The option {@value EngineOptions#SEGMENT_NAMES}: renames by rule, which follow the segments whatever their
 * numbers ({@code highest monetary=Core Customers; lowest recency=Active}), by the segment's own name
 * ({@code "Champions"=VIP}, the algorithm's or the engine's), or by number ({@code 0=VIP,2=Lapsed}),
 * which depend on k and the data. Parts are separated by semicolons, or by commas when there is no semicolon.
 * Numbers take their segments first; then each rule, in the order given, picks among the non-empty segments not
 * yet renamed (so "highest monetary" and "lowest recency" name two segments even when one segment leads both).
 * Ties go to the lower segment number. The syntax is documented in docs/segment-names.md.
 */
final class SegmentRenames {
    static final String OPTION = EngineOptions.SEGMENT_NAMES;
    static final String EXPECTED = "expected RULE=NAME or NUMBER=NAME, the rule one of highest FEATURE, lowest "
            + "FEATURE, largest, smallest, \"ITS NAME\"; e.g. highest monetary=Core Customers; lowest recency=Active";
    /** Said when a run renames by number: the number of a kind of customer changes with k and the data. */
    static final String NUMBER_NOTE = "option " + OPTION + " renames segments by number; the numbers follow "
            + "segment size and change with k and the data: prefer a rule such as highest monetary=NAME";

    /** How a rule picks its segment: by the segments' means of a feature, by size, or by its own name. */
    enum Pick {
        HIGHEST, LOWEST, LARGEST, SMALLEST, NAMED
    }

    /**
     * One rule: {@code highest monetary=Core Customers}; {@code feature} is null for size, and the segment's own
     * name for {@code "Champions"=VIP}.
     */
    record Rule(String text, Pick pick, String feature, String name) {
    }

    private final Map<Integer, String> numbers;
    private final List<Rule> rules;

    private SegmentRenames(Map<Integer, String> numbers, List<Rule> rules) {
        this.numbers = numbers;
        this.rules = rules;
    }

    /** The renames the option gives (none without it); checks the syntax only. */
    static SegmentRenames parse(Options options) {
        Optional<String> value = options.get(OPTION);
        Map<Integer, String> numbers = new TreeMap<>();
        List<Rule> rules = new ArrayList<>();
        if (value.isEmpty()) {
            return new SegmentRenames(numbers, rules);
        }
        String separator = value.get().contains(";") ? ";" : ",";
        Set<String> seen = new HashSet<>();
        for (String part : value.get().split(separator, -1)) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? "" : part.substring(0, eq).trim().replaceAll("\\s+", " ");
            String name = eq < 0 ? "" : part.substring(eq + 1).trim();
            if (eq < 0 || name.isEmpty() || key.isEmpty()) {
                throw new SegmentaException("option " + OPTION + ": '" + part.trim() + "' is not RULE=NAME; "
                        + EXPECTED);
            }
            if (key.matches("\\d{1,9}")) {
                if (numbers.put(Integer.parseInt(key), name) != null) {
                    throw new SegmentaException("option " + OPTION + ": segment " + Integer.parseInt(key)
                            + " is named twice");
                }
                continue;
            }
            Rule rule = rule(key, name);
            if (!seen.add(rule.pick() + " " + rule.feature())) {
                throw new SegmentaException("option " + OPTION + ": the rule '" + key + "' is given twice");
            }
            rules.add(rule);
        }
        return new SegmentRenames(numbers, rules);
    }

    private static Rule rule(String key, String name) {
        if (key.length() > 2 && key.startsWith("\"") && key.endsWith("\"")) {
            return new Rule(key, Pick.NAMED, key.substring(1, key.length() - 1).trim(), name);
        }
        String[] words = key.split(" ");
        String first = words[0].toLowerCase(Locale.ROOT);
        if (words.length == 1 && (first.equals("largest") || first.equals("smallest"))) {
            return new Rule(key, first.equals("largest") ? Pick.LARGEST : Pick.SMALLEST, null, name);
        }
        if (words.length == 2 && (first.equals("highest") || first.equals("lowest"))) {
            return new Rule(key, first.equals("highest") ? Pick.HIGHEST : Pick.LOWEST, words[1], name);
        }
        String problem = words.length > 2 ? "'" + key + "' has " + words.length + " words"
                : "'" + key + "' is neither a segment number nor a rule";
        throw new SegmentaException("option " + OPTION + ": " + problem + "; " + EXPECTED);
    }

    /** The renames by number; fails when the option has rules, which need profiles (e.g. in predict). */
    Map<Integer, String> numbersOnly(String where) {
        if (!rules.isEmpty()) {
            throw new SegmentaException("option " + OPTION + ": the rule '" + rules.get(0).text() + "' picks a "
                    + "segment by its profile, which " + where + " does not compute; rename by number, e.g. 0=VIP");
        }
        return numbers;
    }

    boolean byNumber() {
        return !numbers.isEmpty();
    }

    /**
     * The new name of each segment the option names: the numbered ones, then each rule's pick.
     *
     * @param valueColumn the feature measuring money (the rules' {@code value}), or null
     * @throws SegmentaException when a rule names a feature the run lacks or no segment is left for it
     */
    Map<Integer, String> resolve(List<SegmentProfile> profiles, String valueColumn) {
        return resolve(profiles, profiles.stream().map(SegmentProfile::name).toList(), valueColumn);
    }

    /**
     * As {@link #resolve(List, String)}, a {@code "NAME"} rule matching the segments' own names (the algorithm's
     * or the engine's, before the user's renames; case ignored).
     */
    Map<Integer, String> resolve(List<SegmentProfile> profiles, List<String> ownNames, String valueColumn) {
        int k = profiles.size();
        Map<Integer, String> chosen = new TreeMap<>(numbers);
        for (int segment : numbers.keySet()) {
            if (segment >= k) {
                throw new SegmentaException("option " + OPTION + ": there is no segment " + segment
                        + "; this run has segments 0 to " + (k - 1));
            }
        }
        if (rules.isEmpty()) {
            return chosen;
        }
        List<String> features = profiles.get(0).features();
        NamedFeatures named = NamedFeatures.of(features, valueColumn);
        for (Rule rule : rules) {
            if (rule.pick() == Pick.NAMED) {
                chosen.put(named(rule, ownNames, chosen), rule.name());
                continue;
            }
            int feature = feature(rule, features, named, valueColumn);
            int best = -1;
            for (int s = 0; s < k; s++) {
                SegmentProfile p = profiles.get(s);
                if (p.size() > 0 && !chosen.containsKey(s)
                        && (best < 0 || better(rule.pick(), measure(p, feature), measure(profiles.get(best), feature)))) {
                    best = s;
                }
            }
            if (best < 0) {
                throw new SegmentaException("option " + OPTION + ": '" + rule.text() + "': no segment is left to "
                        + "name; the " + k + " segments are taken by the renames before it or empty");
            }
            chosen.put(best, rule.name());
        }
        return chosen;
    }

    /**
     * Checks that every rule's feature is one of the run's, as soon as the features are known (before scaling and
     * clustering), with the message {@link #resolve} would give after them.
     *
     * @throws SegmentaException when a rule names a feature the run lacks
     */
    void checkFeatures(List<String> features, String valueColumn) {
        NamedFeatures named = NamedFeatures.of(features, valueColumn);
        for (Rule rule : rules) {
            if (rule.pick() != Pick.NAMED) {
                feature(rule, features, named, valueColumn);
            }
        }
    }

    /** The index of a rule's feature among the features, -1 for a size rule; refused when there is none. */
    private static int feature(Rule rule, List<String> features, NamedFeatures named, String valueColumn) {
        int feature = rule.feature() == null ? -1 : named.find(features, rule.feature());
        if (rule.feature() != null && feature < 0) {
            throw new SegmentaException("option " + OPTION + ": '" + rule.text() + "': this run has no feature "
                    + rule.feature() + "; its features are " + String.join(", ", features)
                    + (named.value() < 0 ? "" : " (" + NamedFeatures.VALUE_ALIAS + " = " + valueColumn + ")"));
        }
        return feature;
    }

    /** The segment a {@code "NAME"} rule names. */
    private static int named(Rule rule, List<String> ownNames, Map<Integer, String> chosen) {
        for (int s = 0; s < ownNames.size(); s++) {
            if (ownNames.get(s).equalsIgnoreCase(rule.feature())) {
                if (chosen.containsKey(s)) {
                    throw new SegmentaException("option " + OPTION + ": '" + rule.text() + "': segment " + s
                            + " is renamed twice");
                }
                return s;
            }
        }
        throw new SegmentaException("option " + OPTION + ": '" + rule.text() + "': no segment of this run is called "
                + rule.feature() + "; its segments are " + String.join(", ", ownNames));
    }

    /** A segment's mean of the feature, or its size for the size rules. */
    private static double measure(SegmentProfile p, int feature) {
        return feature < 0 ? p.size() : p.means()[feature];
    }

    /** Whether a measure beats the best so far: higher for highest and largest, lower otherwise. */
    private static boolean better(Pick pick, double candidate, double best) {
        return pick == Pick.HIGHEST || pick == Pick.LARGEST ? candidate > best : candidate < best;
    }
}
