package io.segmenta.engine.internal;

import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.StageKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A mutable, thread-safe {@link StageCatalog}. Several entries may share a kind and name (two bundles that
 * both register "kmeans"); the preferred one ({@link StageEntry#preferredTo}) is used and listed, and the
 * others take over when it goes away, as OSGi does for services of different ranking.
 */
public final class StageRegistry implements StageCatalog {
    private final Map<StageKind, TreeMap<String, List<StageEntry>>> byKind = new EnumMap<>(StageKind.class);
    private final List<Consumer<StageEntry>> removalListeners = new CopyOnWriteArrayList<>();

    public StageRegistry() {
        for (StageKind kind : StageKind.values()) {
            byKind.put(kind, new TreeMap<>());
        }
    }

    /** Adds an entry. */
    public void add(StageEntry entry) {
        synchronized (byKind) {
            byKind.get(entry.kind()).computeIfAbsent(entry.name(), n -> new ArrayList<>(1)).add(entry);
        }
    }

    /**
     * Removes the entry of this kind with this order (the OSGi service id) and tells the removal listeners.
     *
     * @return the removed entry, or empty when there was none
     */
    public Optional<StageEntry> remove(StageKind kind, long order) {
        StageEntry removed = null;
        synchronized (byKind) {
            TreeMap<String, List<StageEntry>> names = byKind.get(kind);
            for (var it = names.entrySet().iterator(); it.hasNext() && removed == null;) {
                List<StageEntry> entries = it.next().getValue();
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i).order() == order) {
                        removed = entries.remove(i);
                        break;
                    }
                }
                if (entries.isEmpty()) {
                    it.remove();
                }
            }
        }
        // outside the lock: listeners only flag runs, but must never be able to deadlock with add/remove
        if (removed != null) {
            for (Consumer<StageEntry> listener : removalListeners) {
                listener.accept(removed);
            }
        }
        return Optional.ofNullable(removed);
    }

    @Override
    public Optional<StageEntry> find(StageKind kind, String name) {
        synchronized (byKind) {
            List<StageEntry> entries = byKind.get(kind).get(name);
            return entries == null ? Optional.empty() : Optional.of(preferred(entries));
        }
    }

    @Override
    public List<String> names(StageKind kind) {
        synchronized (byKind) {
            return List.copyOf(byKind.get(kind).keySet());
        }
    }

    @Override
    public List<StageDescriptor> descriptors() {
        List<StageEntry> used = new ArrayList<>();
        synchronized (byKind) {
            for (TreeMap<String, List<StageEntry>> names : byKind.values()) {
                for (List<StageEntry> entries : names.values()) {
                    used.add(preferred(entries));
                }
            }
        }
        // descriptor() calls into the stages: do it outside the lock
        List<StageDescriptor> result = new ArrayList<>(used.size());
        for (StageEntry e : used) {
            result.add(e.descriptor());
        }
        return result;
    }

    @Override
    public boolean contains(StageEntry entry) {
        synchronized (byKind) {
            List<StageEntry> entries = byKind.get(entry.kind()).get(entry.name());
            if (entries == null) {
                return false;
            }
            for (StageEntry e : entries) {
                if (e == entry) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public void addRemovalListener(Consumer<StageEntry> listener) {
        removalListeners.add(listener);
    }

    private static StageEntry preferred(List<StageEntry> entries) {
        StageEntry best = entries.get(0);
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).preferredTo(best)) {
                best = entries.get(i);
            }
        }
        return best;
    }
}
