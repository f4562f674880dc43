package io.segmenta.api;

/**
 * A run stopped because it was cancelled (the user interrupted it, or a stage it uses went away). The one way
 * stages and engine steps stop on cancellation: {@link io.segmenta.api.stage.StageContext#checkCancelled}
 * throws it, and the engine turns it into the run's one-line message naming the step.
 */
public class RunCancelledException extends SegmentaException {
    private static final long serialVersionUID = 1L;

    /** @param where what was under way, e.g. "kmeans after 3 of 10 runs" */
    public RunCancelledException(String where) {
        super("cancelled: " + where);
    }
}
