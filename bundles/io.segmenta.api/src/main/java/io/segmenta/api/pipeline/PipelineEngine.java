package io.segmenta.api.pipeline;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs pipelines with the stages registered now. In OSGi it is a service that tracks stage services as
 * they come and go; on the module path it is found with {@link java.util.ServiceLoader} and finds its stages
 * the same way. Only the engine implements it (a provider type): adding a method is a minor change.
 */
@ProviderType
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

    /**
     * Reads and extracts once, then fits the spec's algorithm for every k from {@code kMin} to {@code kMax} and
     * measures each; finds the elbow of the cost curve and recommends a k. Nothing is written.
     *
     * @throws io.segmenta.api.SegmentaException for user errors, as {@link #run}, and for an impossible range
     */
    KSelection selectK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener);
}
