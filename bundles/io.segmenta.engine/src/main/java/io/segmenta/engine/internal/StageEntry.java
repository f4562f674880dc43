package io.segmenta.engine.internal;

import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.Stage;
import io.segmenta.api.stage.StageKind;
import java.util.Objects;

/**
 * One registered stage: what it is called, the object that does the work and where it comes from.
 * Entries are compared by identity on purpose: two registrations of the same stage object (for example the
 * same service registered twice) are two entries, and a run must notice when the one it uses goes away.
 */
public final class StageEntry {
    private final StageKind kind;
    private final String name;
    private final Stage stage;
    private final String origin;
    private final int ranking;
    private final long order;

    /**
     * @param kind the kind it was registered as (in OSGi the service interface it was found under, which
     *        wins over {@link Stage#kind()})
     * @param name the name users choose it by
     * @param stage the implementation
     * @param origin bundle or module and version, for listings and {@code stageVersions}
     * @param ranking when two entries share kind and name, the higher ranking is used (OSGi service ranking)
     * @param order tie breaker for equal rankings: the lower order is used (OSGi service id, load order)
     */
    public StageEntry(StageKind kind, String name, Stage stage, String origin, int ranking, long order) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.stage = Objects.requireNonNull(stage, "stage");
        if (!kind.contract().isInstance(stage)) {
            throw new IllegalArgumentException(stage.getClass().getName() + " is not a " + kind.contract().getName());
        }
        this.origin = Objects.requireNonNull(origin, "origin");
        this.ranking = ranking;
        this.order = order;
    }

    public StageKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Stage stage() {
        return stage;
    }

    public String origin() {
        return origin;
    }

    public int ranking() {
        return ranking;
    }

    public long order() {
        return order;
    }

    /** True when this entry should be used rather than {@code other} of the same kind and name. */
    boolean preferredTo(StageEntry other) {
        if (ranking != other.ranking) {
            return ranking > other.ranking;
        }
        return order < other.order;
    }

    /** The entry as listed to users. */
    public StageDescriptor descriptor() {
        return new StageDescriptor(kind, name, stage.description(), origin, stage.options());
    }

    /** "algorithm 'kmeans'", as used in messages. */
    public String label() {
        return kind.label() + " '" + name + "'";
    }

    @Override
    public String toString() {
        return label() + " from " + origin;
    }
}
