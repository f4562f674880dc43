package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cancellation state of one run, shared with its stage contexts (which stages may poll from their own
 * threads). A run is cancelled when the thread running it is interrupted, or when one of the stage entries
 * it uses is unregistered.
 */
final class RunState {
    private final Thread thread;
    private final List<StageEntry> stages;
    private volatile StageEntry wentAway;

    RunState(Thread thread, List<StageEntry> stages) {
        this.thread = thread;
        this.stages = List.copyOf(stages);
    }

    /** Called by the catalog for every entry that is unregistered. */
    void stageRemoved(StageEntry removed) {
        for (StageEntry e : stages) {
            if (e == removed) {
                if (wentAway == null) {
                    wentAway = removed;
                }
                return;
            }
        }
    }

    boolean isCancelled() {
        return wentAway != null || thread.isInterrupted();
    }

    /**
     * Throws when the run must stop.
     *
     * @param written files reporters already wrote, to say so in the message
     */
    void checkNotCancelled(List<Path> written) {
        SegmentaException e = cancellation(written, null);
        if (e != null) {
            throw e;
        }
    }

    /** The exception that says why the run stopped, or null when it was not cancelled. */
    SegmentaException cancellation(List<Path> written, Throwable cause) {
        StageEntry gone = wentAway;
        String what;
        if (gone != null) {
            what = "the " + gone.label() + " went away during the run";
        } else if (thread.isInterrupted()) {
            what = "the run was cancelled";
        } else {
            return null;
        }
        return new SegmentaException(what + "; " + written(written), cause);
    }

    static String written(List<Path> written) {
        return written.isEmpty() ? "nothing was written"
                : "only these files were written: " + written.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
