/**
 * What a pipeline run is asked to do ({@link io.segmenta.api.pipeline.PipelineSpec}), what it produced
 * ({@link io.segmenta.api.pipeline.PipelineResult}) and the engine service that runs it
 * ({@link io.segmenta.api.pipeline.PipelineEngine}), with the engine's own option keys
 * ({@link io.segmenta.api.pipeline.EngineOptions}) and what another execution back-end hands over to it
 * ({@link io.segmenta.api.pipeline.ExtractedFeatures}, {@link io.segmenta.api.pipeline.BusinessFigures}), and the
 * feature sets a run may combine ({@link io.segmenta.api.pipeline.FeatureMember},
 * {@link io.segmenta.api.pipeline.FeatureInput}; 1.4), and the execution back-ends that read and extract
 * themselves ({@link io.segmenta.api.pipeline.FeatureBackEnd}; 1.5).
 */
@Export
@Version("1.5.0")
package io.segmenta.api.pipeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
