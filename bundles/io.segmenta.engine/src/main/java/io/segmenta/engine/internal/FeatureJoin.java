package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.EngineOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the feature matrices of a feature set's members on the entity id, as pandas' {@code join(how="inner")}
 * does: the rows are the entities every member has, in the first member's row order; an entity missing from a
 * member is counted under the first member (in set order) it is missing from, and with {@code join=strict} it
 * fails the run. A feature name that several members produce is prefixed with each one's member name
 * ({@code rfm.recency}, {@code web.recency}); names used once are kept as they are.
 */
final class FeatureJoin {
    /** Between a member's name and a feature name that clashes. */
    static final String PREFIX_SEPARATOR = ".";
    private static final int EXAMPLES = 3;

    /**
     * The joined features and the account of the join.
     *
     * @param counts entities per member ({@code customers of member rfm}) and those dropped, by the member they
     *        are missing from ({@code customers dropped by the join, not in web}), in that order
     * @param renamed the feature names that were prefixed, old name to the new ones
     */
    record Joined(FeatureMatrix features, Map<String, Long> counts, Map<String, List<String>> renamed) {
    }

    private FeatureJoin() {
    }

    /**
     * @param set the feature set as written, for messages
     * @param names the members' names, in set order
     * @param parts each member's features, in the same order
     * @param rule {@value EngineOptions#JOIN_INNER} or {@value EngineOptions#JOIN_STRICT}
     */
    static Joined join(String set, List<String> names, List<FeatureMatrix> parts, String rule) {
        EntityKind entity = parts.get(0).entity();
        for (int m = 1; m < parts.size(); m++) {
            if (parts.get(m).entity() != entity) {
                throw new SegmentaException("feature set " + set + ": " + names.get(0) + " gives "
                        + entity.label() + " features but " + names.get(m) + " gives " + parts.get(m).entity().label()
                        + " features; the members of a set must describe the same entities");
            }
        }
        List<Map<String, Integer>> rowOf = new ArrayList<>();
        for (int m = 0; m < parts.size(); m++) {
            rowOf.add(rows(set, names.get(m), parts.get(m)));
        }
        String label = entity.label() + "s";
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int m = 0; m < parts.size(); m++) {
            counts.put(label + " of member " + names.get(m), (long) parts.get(m).rowCount());
        }
        // kept: the first member's ids that every other member has; missing[m]: dropped because not in member m
        List<String> kept = new ArrayList<>();
        List<List<String>> missing = new ArrayList<>();
        for (int m = 0; m < parts.size(); m++) {
            missing.add(new ArrayList<>());
        }
        for (String id : parts.get(0).ids()) {
            int absent = firstWithout(rowOf, id, 1);
            if (absent < 0) {
                kept.add(id);
            } else {
                missing.get(absent).add(id);
            }
        }
        for (int m = 1; m < parts.size(); m++) {
            for (String id : parts.get(m).ids()) {
                if (!rowOf.get(0).containsKey(id) && firstBefore(rowOf, id, m)) {
                    missing.get(0).add(id);
                }
            }
        }
        if (kept.isEmpty()) {
            throw new SegmentaException("feature set " + set + ": no " + entity.label() + " is in every member ("
                    + sizes(names, parts) + "); do the inputs use the same " + entity.label() + " keys?");
        }
        long dropped = 0;
        for (int m = 0; m < parts.size(); m++) {
            if (!missing.get(m).isEmpty()) {
                counts.put(label + " dropped by the join, not in " + names.get(m), (long) missing.get(m).size());
                dropped += missing.get(m).size();
            }
        }
        if (dropped > 0 && EngineOptions.JOIN_STRICT.equals(rule)) {
            throw new SegmentaException("option " + EngineOptions.JOIN + "=" + EngineOptions.JOIN_STRICT + ": "
                    + dropped + " " + (dropped == 1 ? entity.label() + " is" : label + " are")
                    + " not in every member of the feature set " + set + " (" + examples(names, missing)
                    + "); with " + EngineOptions.JOIN + "=" + EngineOptions.JOIN_INNER + " they are left out");
        }
        return assemble(names, parts, rowOf, kept, counts);
    }

    /** The first member from {@code from} on that lacks {@code id}, or -1. */
    private static int firstWithout(List<Map<String, Integer>> rowOf, String id, int from) {
        for (int m = from; m < rowOf.size(); m++) {
            if (!rowOf.get(m).containsKey(id)) {
                return m;
            }
        }
        return -1;
    }

    /** True when no member between the first and {@code m} has {@code id}: it is counted at the first one that has it. */
    private static boolean firstBefore(List<Map<String, Integer>> rowOf, String id, int m) {
        for (int j = 1; j < m; j++) {
            if (rowOf.get(j).containsKey(id)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> rows(String set, String name, FeatureMatrix part) {
        Map<String, Integer> rows = new HashMap<>(part.rowCount() * 2);
        for (int i = 0; i < part.rowCount(); i++) {
            if (rows.putIfAbsent(part.ids().get(i), i) != null) {
                throw new SegmentaException("feature set " + set + ": member " + name + " has two rows for "
                        + part.entity().label() + " '" + part.ids().get(i) + "'");
            }
        }
        return rows;
    }

    private static Joined assemble(List<String> names, List<FeatureMatrix> parts, List<Map<String, Integer>> rowOf,
            List<String> kept, Map<String, Long> counts) {
        Map<String, Integer> uses = new HashMap<>();
        for (FeatureMatrix part : parts) {
            part.numeric().forEach(c -> uses.merge(c.name(), 1, Integer::sum));
            part.categorical().forEach(c -> uses.merge(c.name(), 1, Integer::sum));
        }
        Map<String, List<String>> renamed = new LinkedHashMap<>();
        List<NumericColumn> numeric = new ArrayList<>();
        List<CategoricalColumn> categorical = new ArrayList<>();
        String value = null;
        Map<String, String> seen = new HashMap<>();
        for (int m = 0; m < parts.size(); m++) {
            FeatureMatrix part = parts.get(m);
            int[] index = new int[kept.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = rowOf.get(m).get(kept.get(i));
            }
            for (NumericColumn c : part.numeric()) {
                String name = name(names.get(m), c.name(), uses, renamed, seen);
                double[] values = new double[index.length];
                for (int i = 0; i < index.length; i++) {
                    values[i] = c.get(index[i]);
                }
                numeric.add(new NumericColumn(name, values));
                if (value == null && c.name().equals(part.valueColumn())) {
                    value = name;
                }
            }
            for (CategoricalColumn c : part.categorical()) {
                String name = name(names.get(m), c.name(), uses, renamed, seen);
                int[] codes = new int[index.length];
                for (int i = 0; i < index.length; i++) {
                    codes[i] = c.code(index[i]);
                }
                categorical.add(new CategoricalColumn(name, codes, c.levels()));
            }
        }
        FeatureMatrix joined = new FeatureMatrix(parts.get(0).entity(), kept, numeric, categorical, value);
        return new Joined(joined, counts, renamed);
    }

    private static String name(String member, String feature, Map<String, Integer> uses,
            Map<String, List<String>> renamed, Map<String, String> seen) {
        String name = uses.get(feature) > 1 ? member + PREFIX_SEPARATOR + feature : feature;
        if (!name.equals(feature)) {
            renamed.computeIfAbsent(feature, f -> new ArrayList<>()).add(name);
        }
        String before = seen.putIfAbsent(name, member);
        if (before != null) {
            throw new SegmentaException("feature set: member " + member + "'s feature " + name + " has the name of a "
                    + "feature of member " + before + "; give one of the two members another name");
        }
        return name;
    }

    private static String sizes(List<String> names, List<FeatureMatrix> parts) {
        List<String> sizes = new ArrayList<>();
        for (int m = 0; m < parts.size(); m++) {
            sizes.add(names.get(m) + ": " + parts.get(m).rowCount());
        }
        return String.join(", ", sizes);
    }

    private static String examples(List<String> names, List<List<String>> missing) {
        List<String> parts = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            List<String> ids = missing.get(m);
            if (!ids.isEmpty()) {
                parts.add("not in " + names.get(m) + ": " + ids.size() + ", e.g. "
                        + String.join(", ", ids.subList(0, Math.min(EXAMPLES, ids.size()))));
            }
        }
        return String.join("; ", parts);
    }
}
