package io.segmenta.api.stage;

import io.segmenta.api.SegmentaException;
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

    /**
     * Checks the values of this stage's options before the run reads anything (the engine calls it while planning,
     * after the option names were checked), so that a bad value stops the run at once rather than after the
     * input was read or the clusters fitted. Checks only what needs no input: values, ranges, names of encodings.
     * By default nothing: the stage then finds a bad value when it runs, as before.
     *
     * @param options the run's options (all of them; a stage looks at its own)
     * @throws SegmentaException with one line naming the option and what was expected
     * @since 1.4
     */
    default void validate(Options options) {
        // nothing to check before reading
    }
}
