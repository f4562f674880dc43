package io.segmenta.api.pipeline;

import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An execution back-end that reads a run's input and extracts the features of the members that read it itself
 * (for example as Spark jobs on a cluster), so that the engine runs the rest of the pipeline as it does after its
 * own extractors ({@link PipelineEngine#runOnBackEnd}, {@link PipelineEngine#runOnBackEndChoosingK},
 * {@link PipelineEngine#predictOnBackEnd}). The engine asks it for every member of the feature set that shares
 * the run's input, in the set's order; members with an input of their own ({@link PipelineSpec#memberInputs()})
 * the engine reads and extracts itself, and it joins the members as in any run.
 *
 * @since 1.5
 */
@ConsumerType
@FunctionalInterface
public interface FeatureBackEnd {

    /**
     * The features of one member, with the account of the read they came from and its business figures (every
     * member that shares the run's input comes from the same read, so these are the same for each) and, for an
     * extractor that fits a model, its fit.
     *
     * @param source the source stage that reads the input (at predict: the model's, or the one asked for)
     * @param member the member: its name and its extractor's stage name
     * @param options the run's options with the configured defaults (at predict: the training run's options the
     *        source and extractor read, with the given ones over them)
     * @param fitted at predict, the fit the model file kept of this member's extractor: score the new data with
     *        it ({@link io.segmenta.api.stage.FeatureExtractor#extractWith}), do not fit again; empty otherwise
     * @throws io.segmenta.api.SegmentaException for user errors (a bad input, an option value), as a source or an
     *         extractor would
     */
    ExtractedFeatures extract(String source, FeatureMember member, Options options, Optional<ModelState> fitted);
}
