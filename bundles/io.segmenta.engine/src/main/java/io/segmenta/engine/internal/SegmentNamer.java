package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.pipeline.SegmentProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names segments from their profiles, as a marketer would: each segment's MEDIAN value, frequency and recency
 * are compared with the population's median and ranked against the other segments' (medians, because a few
 * very large customers pull means far from the typical one). The rules are listed in docs/segment-names.md;
 * keep the two in step.
 * <ul>
 * <li>value: the feature matrix's value column (e.g. monetary, gmv). High when above the population median
 * and either among the top third of the segments or at least half the top segment's median; Low when below
 * it and either among the bottom third or at most twice the bottom segment's median; Mid otherwise.</li>
 * <li>frequency: the first numeric feature named frequency, orders or orders_fulfilled. One-time when the
 * median is at most 1; Regular when High by the value rule's test; Occasional when
 * above the population median otherwise; Sporadic else.</li>
 * <li>recency (days since the last purchase; lower is better): Dormant when more than twice the population
 * median; New when at most half of it for one-time buyers.</li>
 * </ul>
 * A "third" of the non-empty segments is {@code max(1, round(segments / 3))} of them, counted from the top or
 * the bottom; ties count as the same rank.
 */
public final class SegmentNamer {
    /** The engine's option that renames segments: {@code 0=VIP,2=Lapsed}. */
    public static final String OPTION = EngineOptions.SEGMENT_NAMES;

    static final String VALUE_NONE = "";

    private enum Level {
        HIGH, MID, LOW, UNKNOWN
    }

    private enum Frequency {
        REGULAR, OCCASIONAL, SPORADIC, ONE_TIME, UNKNOWN
    }

    private SegmentNamer() {
    }

    /**
     * The profiles with names derived from them; unique: when two segments would get the same name, both get
     * the longer form naming all three traits, and any still equal a qualifier saying what separates them
     * ({@link NameQualifiers}).
     *
     * @param populationMedians the median of each of the profiles' features over all entities
     * @param valueColumn the feature that measures money, or null
     */
    static List<SegmentProfile> name(List<SegmentProfile> profiles, double[] populationMedians, String valueColumn,
            EntityKind entity) {
        if (profiles.isEmpty()) {
            return profiles;
        }
        NamedFeatures traits = NamedFeatures.of(profiles.get(0).features(), valueColumn);
        int value = traits.value();
        int frequency = traits.frequency();
        int recency = traits.recency();
        int k = profiles.size();
        String[] shortNames = new String[k];
        String[] longNames = new String[k];
        if (value < 0 && frequency < 0 && recency < 0) {
            for (int s = 0; s < k; s++) {
                shortNames[s] = SegmentProfile.defaultName(profiles.get(s).segment());
                longNames[s] = shortNames[s];
            }
        } else {
            Level[] values = levels(profiles, value, populationMedians);
            Level[] frequencies = levels(profiles, frequency, populationMedians);
            for (int s = 0; s < k; s++) {
                SegmentProfile p = profiles.get(s);
                if (p.size() == 0) {
                    shortNames[s] = "Empty " + SegmentProfile.defaultName(p.segment());
                    longNames[s] = shortNames[s];
                    continue;
                }
                Frequency f = frequency(p, frequency, frequencies[s], populationMedians);
                boolean dormant = recency >= 0 && populationMedians[recency] > 0
                        && p.medians()[recency] > 2 * populationMedians[recency];
                boolean recent = recency >= 0 && p.medians()[recency] <= populationMedians[recency] / 2;
                String noun = noun(f, entity);
                if (dormant) {
                    // what a dormant segment was worth is what matters for win-back; its frequency is the detail
                    String worth = values[s] == Level.UNKNOWN ? noun : valueWord(values[s], "Value");
                    shortNames[s] = "Dormant " + worth;
                    longNames[s] = join("Dormant", valueWord(values[s], "Value"), noun);
                } else if (recent && f == Frequency.ONE_TIME) {
                    shortNames[s] = "New " + noun;
                    longNames[s] = join("New", valueWord(values[s], spending(entity)), noun);
                } else {
                    shortNames[s] = join(valueWord(values[s], spending(entity)), noun);
                    longNames[s] = shortNames[s];
                }
            }
        }
        String[] names = new NameQualifiers(profiles, populationMedians, traits, entity)
                .unique(unique(shortNames, longNames));
        List<SegmentProfile> named = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            named.add(profiles.get(s).withName(names[s]));
        }
        return named;
    }

    /** High, Mid or Low per segment for one feature (all UNKNOWN without it), by the rank-and-median rule. */
    private static Level[] levels(List<SegmentProfile> profiles, int feature, double[] populationMedians) {
        int k = profiles.size();
        Level[] levels = new Level[k];
        if (feature < 0) {
            java.util.Arrays.fill(levels, Level.UNKNOWN);
            return levels;
        }
        double[] m = new double[k];
        int nonEmpty = 0;
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (int s = 0; s < k; s++) {
            m[s] = profiles.get(s).medians()[feature];
            if (profiles.get(s).size() > 0) {
                nonEmpty++;
                top = Math.max(top, m[s]);
                bottom = Math.min(bottom, m[s]);
            }
        }
        int third = Math.max(1, (int) Math.round(nonEmpty / 3.0));
        double population = populationMedians[feature];
        for (int s = 0; s < k; s++) {
            int above = 0;
            int below = 0;
            for (int t = 0; t < k; t++) {
                if (profiles.get(t).size() > 0) {
                    above += m[t] > m[s] ? 1 : 0;
                    below += m[t] < m[s] ? 1 : 0;
                }
            }
            // in the top (bottom) segment's league counts whatever the rank: with k = 4 two segments can both
            // be big spenders, while one far ahead of the rest leaves the others Mid
            if (m[s] > population && (above < third || m[s] >= top / 2)) {
                levels[s] = Level.HIGH;
            } else if (m[s] < population && (below < third || m[s] <= 2 * bottom)) {
                levels[s] = Level.LOW;
            } else {
                levels[s] = Level.MID;
            }
        }
        return levels;
    }

    private static Frequency frequency(SegmentProfile p, int feature, Level level, double[] populationMedians) {
        if (feature < 0) {
            return Frequency.UNKNOWN;
        }
        double median = p.medians()[feature];
        if (median <= 1) {
            return Frequency.ONE_TIME;
        }
        if (level == Level.HIGH) {
            return Frequency.REGULAR;
        }
        return median > populationMedians[feature] ? Frequency.OCCASIONAL : Frequency.SPORADIC;
    }

    private static String noun(Frequency f, EntityKind entity) {
        boolean sellers = entity == EntityKind.SELLER;
        return switch (f) {
            case REGULAR -> sellers ? "Regular Sellers" : "Regulars";
            case OCCASIONAL -> sellers ? "Occasional Sellers" : "Occasional Buyers";
            case SPORADIC -> sellers ? "Sporadic Sellers" : "Sporadic Buyers";
            case ONE_TIME -> sellers ? "One-Order Sellers" : "One-Time Buyers";
            case UNKNOWN -> sellers ? "Sellers" : "Customers";
        };
    }

    /** What a customer's value is called in a name: what they spend; a seller's is what they sell. */
    private static String spending(EntityKind entity) {
        return entity == EntityKind.SELLER ? "Revenue" : "Spending";
    }

    private static String valueWord(Level level, String suffix) {
        return switch (level) {
            case HIGH -> "High-" + suffix;
            case MID -> "Mid-" + suffix;
            case LOW -> "Low-" + suffix;
            case UNKNOWN -> VALUE_NONE;
        };
    }

    private static String join(String... words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(w);
            }
        }
        return sb.toString();
    }

    /** Short names where unique, long names where not (which may still be equal). */
    static String[] unique(String[] shortNames, String[] longNames) {
        int k = shortNames.length;
        Map<String, Integer> counts = new HashMap<>();
        for (String n : shortNames) {
            counts.merge(n, 1, Integer::sum);
        }
        String[] names = new String[k];
        for (int s = 0; s < k; s++) {
            names[s] = counts.get(shortNames[s]) > 1 ? longNames[s] : shortNames[s];
        }
        return names;
    }

    /**
     * The profiles named by the model (where it gives a non-blank name) and then by the user.
     *
     * @throws SegmentaException when the user names a segment that does not exist or gives two segments
     *         the same name
     */
    static List<SegmentProfile> rename(List<SegmentProfile> profiles, List<String> modelNames,
            Map<Integer, String> renames) {
        int k = profiles.size();
        if (!modelNames.isEmpty() && modelNames.size() != k) {
            throw new SegmentaException("the model names " + modelNames.size() + " segments but has " + k);
        }
        for (int segment : renames.keySet()) {
            if (segment >= k) {
                throw new SegmentaException("option " + OPTION + ": there is no segment " + segment
                        + "; this run has segments 0 to " + (k - 1));
            }
        }
        List<SegmentProfile> named = new ArrayList<>(k);
        Map<String, Integer> used = new HashMap<>();
        for (int s = 0; s < k; s++) {
            SegmentProfile p = profiles.get(s);
            String name = p.name();
            if (!modelNames.isEmpty() && modelNames.get(s) != null && !modelNames.get(s).isBlank()) {
                name = modelNames.get(s).trim();
            }
            name = renames.getOrDefault(s, name);
            Integer other = used.putIfAbsent(name, s);
            if (other != null) {
                throw new SegmentaException("segments " + other + " and " + s + " would both be named '" + name
                        + "'; rename one of them with the option " + OPTION);
            }
            named.add(name.equals(p.name()) ? p : p.withName(name));
        }
        return named;
    }
}
