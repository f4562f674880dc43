package io.segmenta.api;

import io.segmenta.api.stage.StageKind;
import java.util.List;

/** A pipeline named a stage that is not registered. The message lists the stages of that kind that are. */
public class UnknownStageException extends SegmentaException {
    private static final long serialVersionUID = 1L;

    private final StageKind kind;
    private final String name;

    public UnknownStageException(StageKind kind, String name, List<String> available) {
        super("unknown " + kind.label() + " '" + name + "'; available: "
                + (available.isEmpty() ? "none" : String.join(", ", available)));
        this.kind = kind;
        this.name = name;
    }

    public StageKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }
}
