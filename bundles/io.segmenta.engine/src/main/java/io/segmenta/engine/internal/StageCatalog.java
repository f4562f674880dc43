package io.segmenta.engine.internal;

import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.StageKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The stages a runner can choose from. Implementations are thread-safe: in OSGi stages come and go while
 * pipelines run.
 */
public interface StageCatalog {

    /** The stage used for this kind and name, if one is registered. */
    Optional<StageEntry> find(StageKind kind, String name);

    /** The names registered for a kind, sorted, for "available: ..." messages. */
    List<String> names(StageKind kind);

    /** Every stage in use for its name, by kind (in pipeline order) and then name. */
    List<StageDescriptor> descriptors();

    /** True while this very entry is registered. */
    boolean contains(StageEntry entry);

    /**
     * Registers a callback told about every entry that is unregistered, after it was removed. Callbacks must
     * be quick and must not call back into the catalog's mutators.
     */
    void addRemovalListener(Consumer<StageEntry> listener);
}
