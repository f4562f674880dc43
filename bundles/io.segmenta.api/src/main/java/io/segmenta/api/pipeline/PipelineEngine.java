package io.segmenta.api.pipeline;

import java.util.List;

/**
 * Runs pipelines with the stages registered now. In OSGi it is a service that tracks stage services as
 * they come and go; on the module path it is found with {@link java.util.ServiceLoader} and finds its stages
 * the same way.
 */
public interface PipelineEngine {

    /** The stages registered now, by kind and then name. */
    List<StageDescriptor> stages();

    /**
     * Runs a pipeline to the end: reads, extracts, scales, clusters, measures and reports.
     *
     * @throws io.segmenta.api.SegmentaException for user errors (unknown stage, missing file, bad input,
     *         impossible k, a stage that went away during the run); nothing is written then
     */
    PipelineResult run(PipelineSpec spec, ProgressListener listener);
}
