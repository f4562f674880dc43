package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.stage.StageKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Default option values for stages, from configurations (factory PID {@value #FACTORY_PID}): a site or a
 * feature sets, say, the statuses a source keeps or the transform the engine applies, once, instead of in
 * every pipeline. A pipeline's own options always win; a default only fills an option the pipeline leaves
 * out, and only for a stage the pipeline uses.
 * <p>
 * One configuration names one stage ({@value #KIND} and {@value #NAME}; the kind {@code engine} stands for the
 * engine's own options such as {@code transform}), and every other property is an option value. In Felix they
 * arrive through Configuration Admin (files {@code deploy/io.segmenta.stage.defaults-NAME.cfg}); on the module
 * path the same files are read from a folder. Configurations come and go while runs start, so the set is
 * concurrent and each run takes the values in force when it starts.
 */
public final class StageDefaults {
    public static final String FACTORY_PID = "io.segmenta.stage.defaults";
    public static final String KIND = "stage.kind";
    public static final String NAME = "stage.name";
    /** The kind word for the engine's own options. */
    public static final String ENGINE = "engine";

    /**
     * One configuration.
     *
     * @param kind the stage kind, or null for the engine's options
     * @param name the stage name ({@code engine} for the engine)
     * @param options option name to value
     * @param origin where it came from, for messages: the file, or the configuration's PID
     */
    public record Entry(StageKind kind, String name, Map<String, String> options, String origin) {
        public Entry {
            Objects.requireNonNull(name, "name");
            options = Map.copyOf(options);
            Objects.requireNonNull(origin, "origin");
        }

        /** "algorithm kmeans", or "engine". */
        String subject() {
            return kind == null ? ENGINE : kind.label() + " " + name;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Reads a configuration's properties: {@value #KIND}, {@value #NAME} and the options. Properties that
     * Configuration Admin, FileInstall or DS add (service.*, felix.fileinstall.*, component.*, osgi.ds.*) and
     * private ones (.name) are not options; no stage option starts with those prefixes.
     *
     * @throws SegmentaException naming {@code origin} when the kind or name is missing or wrong
     */
    public static Entry parse(Map<String, ?> properties, String origin) {
        Object kindValue = properties.get(KIND);
        Object nameValue = properties.get(NAME);
        String kindWord = kindValue == null ? "" : kindValue.toString().trim().toLowerCase(Locale.ROOT);
        StageKind kind = null;
        if (!kindWord.equals(ENGINE)) {
            kind = kindOf(kindWord, origin);
        }
        String name = nameValue == null ? "" : nameValue.toString().trim();
        if (kind == null) {
            name = ENGINE;
        } else if (name.isEmpty()) {
            throw new SegmentaException(origin + ": " + NAME + " is missing: the name of the " + kind.label()
                    + " these defaults are for");
        }
        Map<String, String> options = new TreeMap<>();
        for (Map.Entry<String, ?> p : properties.entrySet()) {
            String key = p.getKey();
            if (key.equals(KIND) || key.equals(NAME) || key.startsWith(".") || key.startsWith("service.")
                    || key.startsWith("felix.") || key.startsWith("component.") || key.startsWith("osgi.")) {
                continue;
            }
            options.put(key, String.valueOf(p.getValue()).trim());
        }
        return new Entry(kind, name, options, origin);
    }

    private static StageKind kindOf(String word, String origin) {
        switch (word) {
            case "source":
                return StageKind.SOURCE;
            case "features":
            case "feature extractor":
            case "extractor":
                return StageKind.FEATURES;
            case "algorithm":
                return StageKind.ALGORITHM;
            case "reporter":
                return StageKind.REPORTER;
            default:
                throw new SegmentaException(origin + ": " + KIND + " "
                        + (word.isEmpty() ? "is missing" : "'" + word + "' is not a stage kind")
                        + "; expected source, features, algorithm, reporter or engine");
        }
    }

    /** Adds or replaces the configuration with this id (a PID, or a file). */
    public void put(String id, Entry entry) {
        entries.put(id, entry);
    }

    public void remove(String id) {
        entries.remove(id);
    }

    /** Every configuration in force, by origin. */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing(Entry::origin));
        return list;
    }

    /** The configurations for one stage ({@code kind} null: the engine's), in the order of their origins. */
    List<Entry> of(StageKind kind, String name) {
        List<Entry> list = new ArrayList<>();
        for (Entry e : entries()) {
            if (e.kind() == kind && e.name().equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    /** True when no configuration is in force. */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Used by tests and by the module path: replaces everything with {@code replacement}. */
    public void replaceAll(Collection<Entry> replacement) {
        entries.clear();
        for (Entry e : replacement) {
            entries.put(e.origin(), e);
        }
    }
}
