package io.segmenta.api.pipeline;

import io.segmenta.api.stage.StageKind;

/**
 * Receives the progress of a run. Calls come from the thread running the pipeline; implementations decide
 * how often to show them (a terminal may redraw a line, a log should print a few lines only).
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** A step starts; {@code kind} is null for the engine's own steps (scaling, metrics). */
    default void stepStarted(StageKind kind, String name) {
    }

    default void progress(StageKind kind, String name, long done, long total, String unit) {
    }

    default void info(StageKind kind, String name, String message) {
    }

    default void stepFinished(StageKind kind, String name, long nanos) {
    }
}
