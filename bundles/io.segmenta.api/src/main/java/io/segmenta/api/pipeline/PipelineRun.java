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
 */
public record PipelineRun(String pipeline, String trigger, Instant started, long nanos, boolean succeeded,
        String outcome, List<Path> outputs) {

    public PipelineRun {
        outputs = List.copyOf(outputs);
    }
}
