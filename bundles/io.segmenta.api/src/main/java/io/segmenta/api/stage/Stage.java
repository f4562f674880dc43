package io.segmenta.api.stage;

import java.util.List;

/**
 * A pipeline stage. Implementations are stateless between calls and thread-safe (two pipelines may use
 * the same stage at once), have a public no-argument constructor (so that {@link java.util.ServiceLoader}
 * can create them on the module path) and are registered as OSGi services with the
 * {@value #NAME_PROPERTY} property equal to {@link #name()}.
 */
public interface Stage {

    /** The service property that carries a stage's name; the engine keys stages by it. */
    String NAME_PROPERTY = "segmenta.stage.name";

    /** The name users type to choose this stage, e.g. "uk-retail", "rfm", "kmeans", "csv". */
    String name();

    /** One line saying what the stage does. */
    String description();

    /** The kind of stage. */
    StageKind kind();

    /** The pipeline options this stage reads, for help texts and to catch misspelt options. */
    default List<StageOption> options() {
        return List.of();
    }
}
