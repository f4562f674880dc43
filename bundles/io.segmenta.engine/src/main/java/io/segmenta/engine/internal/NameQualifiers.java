package io.segmenta.engine.internal;

import io.segmenta.api.data.EntityKind;
import io.segmenta.api.pipeline.SegmentProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes equal segment names unique by what separates the segments, never by a number: each group of equal names
 * gets a qualifier from the feature on which its segments differ most ("High-Spending Regulars, recent" and
 * "High-Spending Regulars, lapsed"). The spread of a feature in a group is the range of the segments' medians
 * divided by the population median (so days, orders and money compare); the segments are ordered by their
 * median and the lowest gets the feature's low word, the highest its high word, any between its middle word.
 * Names still equal (more than three segments alike) are qualified again by the next feature; only segments
 * whose every feature is equal are told apart by number ("segment 3"), as nothing else separates them.
 * The words are listed in docs/segment-names.md.
 */
final class NameQualifiers {
    private final List<SegmentProfile> profiles;
    private final double[] populationMedians;
    private final NamedFeatures named;
    private final EntityKind entity;

    NameQualifiers(List<SegmentProfile> profiles, double[] populationMedians, NamedFeatures named, EntityKind entity) {
        this.profiles = profiles;
        this.populationMedians = populationMedians;
        this.named = named;
        this.entity = entity;
    }

    /** The names, equal ones qualified until every name is unique. */
    String[] unique(String[] names) {
        String[] result = names.clone();
        int features = populationMedians.length;
        boolean[][] used = new boolean[result.length][features];
        for (int round = 0; round <= features; round++) {
            List<List<Integer>> groups = equalNames(result);
            if (groups.isEmpty()) {
                return result;
            }
            for (List<Integer> group : groups) {
                int feature = round == features ? -1 : widestSpread(group, used);
                if (feature < 0) {
                    for (int s : group) {
                        result[s] = result[s] + ", segment " + profiles.get(s).segment();
                    }
                    continue;
                }
                group.sort((a, b) -> Double.compare(median(a, feature), median(b, feature)));
                for (int p = 0; p < group.size(); p++) {
                    int s = group.get(p);
                    used[s][feature] = true;
                    int level = p == 0 ? 0 : p == group.size() - 1 ? 2 : 1;
                    result[s] = result[s] + ", " + word(feature, level);
                }
            }
        }
        return result;
    }

    /** The groups of two or more segments sharing a name, in segment order. */
    private static List<List<Integer>> equalNames(String[] names) {
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int s = 0; s < names.length; s++) {
            byName.computeIfAbsent(names[s], n -> new ArrayList<>()).add(s);
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (List<Integer> g : byName.values()) {
            if (g.size() > 1) {
                groups.add(g);
            }
        }
        return groups;
    }

    /** The feature not yet used by the group on which its medians differ most, relative to everyone; -1 if none. */
    private int widestSpread(List<Integer> group, boolean[][] used) {
        int best = -1;
        double widest = 0;
        for (int j = 0; j < populationMedians.length; j++) {
            double population = Math.abs(populationMedians[j]);
            boolean free = true;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int s : group) {
                free &= !used[s][j];
                low = Math.min(low, median(s, j));
                high = Math.max(high, median(s, j));
            }
            double spread = (high - low) / (population == 0 ? 1 : population);
            if (free && Double.isFinite(spread) && spread > widest) {
                widest = spread;
                best = j;
            }
        }
        return best;
    }

    private double median(int s, int feature) {
        return profiles.get(s).medians()[feature];
    }

    /** The qualifier of a feature's low (0), middle (1) or high (2) end. */
    private String word(int feature, int level) {
        String[] words;
        if (feature == named.recency()) {
            words = new String[] {"recent", "cooling", "lapsed"};
        } else if (feature == named.value()) {
            String money = entity == EntityKind.SELLER ? "revenue" : "spend";
            words = new String[] {"lower " + money, "mid " + money, "top " + money};
        } else if (feature == named.frequency()) {
            words = new String[] {"less frequent", "mid frequency", "most frequent"};
        } else {
            String f = profiles.get(0).features().get(feature).replace('_', ' ');
            words = new String[] {"lower " + f, "mid " + f, "higher " + f};
        }
        return words[level];
    }
}
