package io.segmenta.testing;

import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureBackEnd;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.StageKind;
import java.util.List;
import java.util.function.Function;

/**
 * An engine that records what it was asked and answers with a tiny result ({@link Fixtures#twoCustomers}),
 * or throws whatever failure it is given for the spec. {@link #selectK} answers with a fixed selection over
 * k = 2..4 whatever range it is asked (the range asked is recorded).
 */
public final class FakeEngine implements PipelineEngine {
    /** The spec of the last run asked for; null until then. */
    public PipelineSpec lastSpec;
    /** The spec of the last prediction asked for; null until then. */
    public PredictSpec lastPredict;
    /** The features of the last run on handed-over features; null until then. */
    public ExtractedFeatures lastExtracted;
    /** The back-end of the last run or prediction on a back-end; null until then. */
    public FeatureBackEnd lastBackEnd;
    /** The range of the last selectK asked for; 0 until then. */
    public int lastKMin;
    public int lastKMax;
    private final Function<PipelineSpec, RuntimeException> failure;

    /** An engine whose runs succeed. */
    public FakeEngine() {
        this(spec -> null);
    }

    /** @param failure the exception a run throws for a spec, or null for a run that succeeds */
    public FakeEngine(Function<PipelineSpec, RuntimeException> failure) {
        this.failure = failure;
    }

    @Override
    public List<StageDescriptor> stages() {
        return List.of(new StageDescriptor(StageKind.FEATURES, "rfm", "RFM per customer", "io.segmenta.feature.rfm 1",
                List.of()), new StageDescriptor(StageKind.SOURCE, "uk-retail", "UCI Online Retail", "ukretail 1",
                List.of()));
    }

    @Override
    public PipelineResult run(PipelineSpec spec, ProgressListener listener) {
        lastSpec = spec;
        RuntimeException e = failure.apply(spec);
        if (e != null) {
            throw e;
        }
        listener.stepStarted(StageKind.SOURCE, spec.source());
        listener.info(StageKind.SOURCE, spec.source(), "2 rows kept");
        listener.stepFinished(StageKind.SOURCE, spec.source(), 2_000_000L);
        return Fixtures.twoCustomers(spec);
    }

    @Override
    public KSelection selectK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener) {
        lastSpec = spec;
        lastKMin = kMin;
        lastKMax = kMax;
        RuntimeException e = failure.apply(spec);
        if (e != null) {
            throw e;
        }
        for (int k = 2; k <= 4; k++) {
            listener.progress(StageKind.ALGORITHM, spec.algorithm(), k - 1, 3, "k");
        }
        return new KSelection(spec, List.of(
                new KCandidate(2, 900.0, 0.41, 0.95, 1200.0, 3_000_000L),
                new KCandidate(3, 500.0, 0.45, 0.80, 1500.0, 4_000_000L),
                new KCandidate(4, 420.0, 0.38, 0.90, 1400.0, 5_000_000L)),
                3, 3, "k = 3: the elbow of the cost curve (Kneedle), and it has the best silhouette (0.450)",
                1000, 1000);
    }

    /** {@link #selectK}, then {@link #run} with its recommended k (3), the selection attached. */
    @Override
    public PipelineResult runChoosingK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener) {
        KSelection selection = selectK(spec, kMin, kMax, listener);
        PipelineSpec withK = spec.withCluster(new ClusterRequest(selection.recommendedK(), spec.cluster().seed(),
                spec.cluster().runs(), spec.cluster().maxIterations()));
        PipelineResult r = run(withK, listener);
        return new PipelineResult(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(), r.model(), r.quality(),
                r.segments(), r.timings(), r.stageVersions(), r.outputs(), java.util.Optional.of(selection),
                r.business(), r.featureFit(), r.context(), r.trends(), r.movement());
    }

    /** Records the features handed over and answers as {@link #run} does. */
    @Override
    public PipelineResult runOnFeatures(PipelineSpec spec, ExtractedFeatures extracted, ProgressListener listener) {
        lastExtracted = extracted;
        return run(spec, listener);
    }

    /** Records the back-end and answers as {@link #run} does (the back-end is not called). */
    @Override
    public PipelineResult runOnBackEnd(PipelineSpec spec, FeatureBackEnd backEnd, ProgressListener listener) {
        lastBackEnd = backEnd;
        return run(spec, listener);
    }

    /** Records the back-end and answers as {@link #runChoosingK} does (the back-end is not called). */
    @Override
    public PipelineResult runOnBackEndChoosingK(PipelineSpec spec, FeatureBackEnd backEnd, int kMin, int kMax,
            ProgressListener listener) {
        lastBackEnd = backEnd;
        return runChoosingK(spec, kMin, kMax, listener);
    }

    /** Records the back-end and answers as {@link #predict} does (the back-end is not called). */
    @Override
    public PredictionResult predictOnBackEnd(PredictSpec spec, FeatureBackEnd backEnd, ProgressListener listener) {
        lastBackEnd = backEnd;
        return predict(spec, listener);
    }

    /** Places the two customers of {@link Fixtures#twoCustomers} in segments 1 and 0 of a two-segment model. */
    @Override
    public PredictionResult predict(PredictSpec spec, ProgressListener listener) {
        lastPredict = spec;
        PipelineResult result = Fixtures.twoCustomers(new PipelineSpec("uk-retail", spec.input(), "rfm", "kmeans",
                new ClusterRequest(2, 42, 10, 300), List.of(), spec.outputDir(), spec.options()));
        listener.stepStarted(StageKind.SOURCE, "uk-retail");
        listener.stepFinished(StageKind.SOURCE, "uk-retail", 1_000_000L);
        return new PredictionResult(spec, new PredictionResult.ModelSummary(spec.model(), 1, "2026-12-01T10:00:00Z",
                "uk-retail", "rfm", "kmeans", 2, List.of("High-Spending Regulars", "Low-Spending Sporadic Buyers"),
                300), result.source(), result.features(), new int[] {1, 0}, new int[] {1, 1}, result.timings(),
                result.stageVersions(), List.of(spec.outputDir().resolve(PredictSpec.PREDICTIONS_FILE)));
    }
}
