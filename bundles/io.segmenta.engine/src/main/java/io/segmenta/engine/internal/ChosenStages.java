package io.segmenta.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages one run uses, as planning found them. In a run on handed-over features the source and the feature
 * extractor ran elsewhere: they are null here, and there are no members.
 *
 * @param source the run's source
 * @param features the first member's extractor
 * @param members the members of the feature set, in order (one for a single extractor)
 */
record ChosenStages(StageEntry source, StageEntry features, StageEntry algorithm, List<StageEntry> reporters,
        List<ChosenMember> members) {
    ChosenStages {
        reporters = List.copyOf(reporters);
        members = List.copyOf(members);
    }

    /** A run of one extractor on the run's input (or, with nulls, of none). */
    ChosenStages(StageEntry source, StageEntry features, StageEntry algorithm, List<StageEntry> reporters) {
        this(source, features, algorithm, reporters, source == null || features == null ? List.of()
                : List.of(new ChosenMember(features.name(), source, null, true, features)));
    }

    /** True when the features are a set of two or more members, which the engine joins. */
    boolean combined() {
        return members.size() > 1;
    }

    /** Every stage the run calls, in pipeline order, each once. */
    List<StageEntry> all() {
        List<StageEntry> all = new ArrayList<>(3 + reporters.size());
        if (source != null) {
            all.add(source);
        }
        if (features != null) {
            all.add(features);
        }
        for (ChosenMember m : members) {
            addOnce(all, m.source());
            addOnce(all, m.extractor());
        }
        all.add(algorithm);
        all.addAll(reporters);
        return all;
    }

    /** The stages that read and extract: the run's source and every member's source and extractor, each once. */
    List<StageEntry> readers() {
        List<StageEntry> readers = new ArrayList<>();
        if (source != null) {
            readers.add(source);
        }
        for (ChosenMember m : members) {
            addOnce(readers, m.source());
            addOnce(readers, m.extractor());
        }
        return readers;
    }

    private static void addOnce(List<StageEntry> all, StageEntry e) {
        for (StageEntry known : all) {
            if (known == e) {
                return;
            }
        }
        all.add(e);
    }

    /** Stage name to origin; a name used by two kinds from different origins gets the kind added to it. */
    Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (StageEntry e : all()) {
            String previous = versions.putIfAbsent(e.name(), e.origin());
            if (previous != null && !previous.equals(e.origin())) {
                versions.put(e.name() + " (" + e.kind().label() + ")", e.origin());
            }
        }
        return versions;
    }

    /** "uk-retail -> rfm -> kmeans -> csv, html", for the log. */
    String describe() {
        List<String> names = new ArrayList<>();
        for (StageEntry e : all()) {
            names.add(e.name());
        }
        return String.join(" -> ", names);
    }
}
