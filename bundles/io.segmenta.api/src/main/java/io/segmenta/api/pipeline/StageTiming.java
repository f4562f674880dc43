package io.segmenta.api.pipeline;

import io.segmenta.api.stage.StageKind;

/** How long one step of a run took. {@code kind} is null for steps that are the engine's own (scaling, metrics). */
public record StageTiming(StageKind kind, String name, long nanos) {

    public double millis() {
        return nanos / 1e6;
    }
}
