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

    /**
     * A run whose k is chosen from a range: reads and extracts once, measures every k as {@link #selectK} does,
     * then clusters with the recommended k, measures, profiles and reports as {@link #run} does; the result's
     * {@link PipelineResult#selection()} says how k was chosen (so reporters can show it). The spec's k is not
     * used.
     *
     * @throws io.segmenta.api.SegmentaException as {@link #run} and {@link #selectK}
     */
    PipelineResult runChoosingK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener);

    /**
     * Runs a pipeline on features another execution back-end extracted (the seam for back-ends that read and
     * aggregate elsewhere): scales, clusters, measures, profiles, names and reports exactly as {@link #run}
     * does after its feature extractor, so the same features give the same segments. The spec's source, input
     * and features say where the features came from: they are recorded (in reports and a saved model), not
     * run, and the input need not exist here. Its options are checked as a run's, where the options of the
     * named source and extractor count when those stages are registered. The result's
     * {@link PipelineResult#source()} holds the handed-over data-quality account and an empty transactions table;
     * its {@link PipelineResult#business()} the handed-over business figures.
     *
     * @throws io.segmenta.api.SegmentaException for user errors, as {@link #run}; nothing is written then
     */
    PipelineResult runOnFeatures(PipelineSpec spec, ExtractedFeatures extracted, ProgressListener listener);

    /**
     * Runs a pipeline whose input another execution back-end reads: the back-end extracts every member of the
     * feature set that shares the run's input; the engine reads and extracts the members with inputs of their
     * own, joins the members, then scales, clusters, measures, profiles, names and reports as {@link #run} does.
     * The stages the spec names must be registered (their options and columns are checked as in a run); the
     * run's input is the back-end's and need not exist here.
     *
     * @throws io.segmenta.api.SegmentaException as {@link #run}
     * @since 1.5
     */
    PipelineResult runOnBackEnd(PipelineSpec spec, FeatureBackEnd backEnd, ProgressListener listener);

    /**
     * {@link #runChoosingK} with the features of {@link #runOnBackEnd}: the back-end extracts once, the engine
     * measures every k of the range, then clusters with the recommended k and reports.
     *
     * @throws io.segmenta.api.SegmentaException as {@link #runChoosingK}
     * @since 1.5
     */
    PipelineResult runOnBackEndChoosingK(PipelineSpec spec, FeatureBackEnd backEnd, int kMin, int kMax,
            ProgressListener listener);

    /**
     * Places the entities of new data in the segments of a saved model: reads the input with the model's source
     * (or the spec's), extracts the model's features, scales them with the model's fitted parameters (no
     * refitting) and lets the model's algorithm assign each one; writes {@link PredictSpec#PREDICTIONS_FILE}.
     *
     * @throws io.segmenta.api.SegmentaException for user errors: a missing or damaged model file (naming the
     *         entry), a stage of the model that is not registered, features that differ from the model's, and
     *         the errors of {@link #run}; nothing is written then
     */
    PredictionResult predict(PredictSpec spec, ProgressListener listener);

    /**
     * {@link #predict} with the new data read and aggregated by another execution back-end: the engine reads the
     * model, asks the back-end for the features of every member that shares the input (with the model's source,
     * options and, for an extractor that fitted a model, the saved fit), reads the members with inputs of their
     * own itself, then scales with the saved scaling and assigns as {@link #predict} does. The input is the
     * back-end's and need not exist here.
     *
     * @throws io.segmenta.api.SegmentaException as {@link #predict}
     * @since 1.5
     */
    PredictionResult predictOnBackEnd(PredictSpec spec, FeatureBackEnd backEnd, ProgressListener listener);
}
