package io.segmenta.api.pipeline;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.FeatureFit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run produced: what reporters receive and what the engine returns.
 *
 * @param spec what was asked
 * @param source the transactions and the data-quality account
 * @param features the raw features, one row per entity
 * @param scaled the features the algorithm saw (scaled)
 * @param scaling how each numeric feature was scaled, e.g. {@code "recency" -> "log1p, z-score (mean 3.71, sd 1.31)"}
 * @param model the fitted model; its labels are each entity's segment
 * @param quality internal quality figures
 * @param segments a profile per segment, in segment order
 * @param timings how long each step took, in order
 * @param stageVersions the origin (bundle or module and version) of each stage used, by stage name
 * @param outputs files written by reporters (empty until the reporters have run)
 * @param selection how k was chosen, when the run chose it from a range ({@link PipelineEngine#runChoosingK});
 *        empty when k was given
 * @param business the business figures of the kept transactions; what reporters show of orders and amounts. The
 *        engine computes them from {@code source}'s transactions ({@code io.segmenta.table.figures.TransactionFigures});
 *        a run on features handed over by another back-end ({@link PipelineEngine#runOnFeatures}) has them from that
 *        back-end, and its {@code source} holds an empty transactions table: the transactions stayed there. Given as
 *        null, {@link BusinessFigures#none()}: this record computes nothing.
 * @param featureFit the model the feature extractor fitted on the transactions (the clv extractor's), with its
 *        parameters and figures; empty for extractors that fit nothing (since 1.4)
 * @param context what a reader needs beside the figures: run and snapshot dates, currency, the source's word
 *        for region, what each feature means; {@link ReportContext#NONE} when given as null (since 1.4)
 * @param trends each segment's revenue, orders and active entities per month and its top levels, which the engine
 *        computes from {@code source}'s transactions ({@code io.segmenta.table.figures.TrendCounting}); empty
 *        without transactions, and {@link SegmentTrends#none()} when given as null (since 1.4)
 * @param movement how the entities of an earlier run moved between segments, when the run was asked to compare
 *        ({@link EngineOptions#COMPARE_WITH}) and the earlier run was there (since 1.4)
 */
public record PipelineResult(PipelineSpec spec, SourceData source, FeatureMatrix features, FeatureMatrix scaled,
        Map<String, String> scaling, ClusterModel model, ClusterQuality quality, List<SegmentProfile> segments,
        List<StageTiming> timings, Map<String, String> stageVersions, List<Path> outputs,
        Optional<KSelection> selection, BusinessFigures business, Optional<FeatureFit> featureFit,
        ReportContext context, SegmentTrends trends, Optional<SegmentMovement> movement) {

    /** A result with its report context, no trends and no movement. */
    public PipelineResult(PipelineSpec spec, SourceData source, FeatureMatrix features, FeatureMatrix scaled,
            Map<String, String> scaling, ClusterModel model, ClusterQuality quality, List<SegmentProfile> segments,
            List<StageTiming> timings, Map<String, String> stageVersions, List<Path> outputs,
            Optional<KSelection> selection, BusinessFigures business, Optional<FeatureFit> featureFit,
            ReportContext context) {
        this(spec, source, features, scaled, scaling, model, quality, segments, timings, stageVersions, outputs,
                selection, business, featureFit, context, null, Optional.empty());
    }

    /** A result without a report context (API 1.4 signature before the context, trends and movement). */
    public PipelineResult(PipelineSpec spec, SourceData source, FeatureMatrix features, FeatureMatrix scaled,
            Map<String, String> scaling, ClusterModel model, ClusterQuality quality, List<SegmentProfile> segments,
            List<StageTiming> timings, Map<String, String> stageVersions, List<Path> outputs,
            Optional<KSelection> selection, BusinessFigures business, Optional<FeatureFit> featureFit) {
        this(spec, source, features, scaled, scaling, model, quality, segments, timings, stageVersions, outputs,
                selection, business, featureFit, null, null, Optional.empty());
    }

    /** A result without a feature fit (API 1.3 signature). */
    public PipelineResult(PipelineSpec spec, SourceData source, FeatureMatrix features, FeatureMatrix scaled,
            Map<String, String> scaling, ClusterModel model, ClusterQuality quality, List<SegmentProfile> segments,
            List<StageTiming> timings, Map<String, String> stageVersions, List<Path> outputs,
            Optional<KSelection> selection, BusinessFigures business) {
        this(spec, source, features, scaled, scaling, model, quality, segments, timings, stageVersions, outputs,
                selection, business, Optional.empty());
    }

    /** A result of a run with a given k (API 1.1 signature). */
    public PipelineResult(PipelineSpec spec, SourceData source, FeatureMatrix features, FeatureMatrix scaled,
            Map<String, String> scaling, ClusterModel model, ClusterQuality quality, List<SegmentProfile> segments,
            List<StageTiming> timings, Map<String, String> stageVersions, List<Path> outputs) {
        this(spec, source, features, scaled, scaling, model, quality, segments, timings, stageVersions, outputs,
                Optional.empty(), null, Optional.empty());
    }

    /** A result of a run that chose k, without business figures (API 1.2 signature). */
    public PipelineResult(PipelineSpec spec, SourceData source, FeatureMatrix features, FeatureMatrix scaled,
            Map<String, String> scaling, ClusterModel model, ClusterQuality quality, List<SegmentProfile> segments,
            List<StageTiming> timings, Map<String, String> stageVersions, List<Path> outputs,
            Optional<KSelection> selection) {
        this(spec, source, features, scaled, scaling, model, quality, segments, timings, stageVersions, outputs,
                selection, null, Optional.empty());
    }

    public PipelineResult {
        selection = selection == null ? Optional.empty() : selection;
        featureFit = featureFit == null ? Optional.empty() : featureFit;
        scaling = Map.copyOf(scaling);
        segments = List.copyOf(segments);
        timings = List.copyOf(timings);
        stageVersions = Map.copyOf(stageVersions);
        outputs = List.copyOf(outputs);
        business = business != null ? business : BusinessFigures.none();
        context = context != null ? context : ReportContext.NONE;
        movement = movement == null ? Optional.empty() : movement;
        trends = trends != null ? trends : SegmentTrends.none();
    }

    /** The same result with the given outputs and timings (the engine adds them after the reporters ran). */
    public PipelineResult withOutputs(List<Path> files, List<StageTiming> allTimings) {
        return new PipelineResult(spec, source, features, scaled, scaling, model, quality, segments, allTimings,
                stageVersions, files, selection, business, featureFit, context, trends, movement);
    }

    /** The same result with how the entities of an earlier run moved. */
    public PipelineResult withMovement(SegmentMovement moved) {
        return new PipelineResult(spec, source, features, scaled, scaling, model, quality, segments, timings,
                stageVersions, outputs, selection, business, featureFit, context, trends, Optional.of(moved));
    }
}
