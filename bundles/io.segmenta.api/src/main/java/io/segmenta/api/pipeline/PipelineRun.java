package io.segmenta.api.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One run of a named pipeline, as {@link PipelineCatalog#history()} lists it.
 *
 * @param pipeline the pipeline's name
 * @param trigger {@code manual} or {@code schedule}
 * @param started when it started
 * @param nanos how long it took
 * @param succeeded whether it finished
 * @param outcome one line: the segments found (e.g. {@code k=4, 4,338 customers}) or the error
 * @param outputs the files written
 * @param folder the run folder its reporters wrote (the pipeline's output folder), or null when it wrote no
 *        reports (it failed, or has no reporters)
 */
public record PipelineRun(String pipeline, String trigger, Instant started, long nanos, boolean succeeded,
        String outcome, List<Path> outputs, Path folder) {

    public PipelineRun {
        outputs = List.copyOf(outputs);
    }

    /** A run without a run folder (as before the folder was recorded). */
    public PipelineRun(String pipeline, String trigger, Instant started, long nanos, boolean succeeded,
            String outcome, List<Path> outputs) {
        this(pipeline, trigger, started, nanos, succeeded, outcome, outputs, null);
    }
}
