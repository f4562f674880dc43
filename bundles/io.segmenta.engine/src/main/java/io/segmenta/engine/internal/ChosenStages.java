package io.segmenta.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages one run uses, as planning found them. In a run on handed-over features the source and the feature
 * extractor ran elsewhere: they are null here.
 */
record ChosenStages(StageEntry source, StageEntry features, StageEntry algorithm, List<StageEntry> reporters) {
    ChosenStages {
        reporters = List.copyOf(reporters);
    }

    /** Every stage the run calls, in pipeline order. */
    List<StageEntry> all() {
        List<StageEntry> all = new ArrayList<>(3 + reporters.size());
        if (source != null) {
            all.add(source);
        }
        if (features != null) {
            all.add(features);
        }
        all.add(algorithm);
        all.addAll(reporters);
        return all;
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
