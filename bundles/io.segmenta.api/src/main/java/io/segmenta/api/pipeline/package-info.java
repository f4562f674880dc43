/**
 * What a pipeline run is asked to do ({@link io.segmenta.api.pipeline.PipelineSpec}), what it produced
 * ({@link io.segmenta.api.pipeline.PipelineResult}) and the engine service that runs it
 * ({@link io.segmenta.api.pipeline.PipelineEngine}).
 */
@Export
@Version("1.3.0")
package io.segmenta.api.pipeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
