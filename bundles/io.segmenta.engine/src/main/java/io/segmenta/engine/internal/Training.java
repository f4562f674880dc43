package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureBackEnd;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.SegmentTrends;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.FeatureFit;
import io.segmenta.engine.internal.metrics.ClusterMetrics;
import io.segmenta.engine.internal.metrics.Clustering;
import io.segmenta.engine.internal.scaling.FittedScaler;
import io.segmenta.engine.internal.scaling.Scaler;
import io.segmenta.engine.internal.selection.KRecommendation;
import io.segmenta.engine.internal.selection.Kneedle;
import io.segmenta.engine.internal.selection.Subsamples;
import io.segmenta.table.figures.TransactionFigures;
import io.segmenta.table.figures.TrendCounting;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Training, what run, select-k and run-choosing-k share: read, extract and scale ({@link #prepare}, or
 * {@link #handedOver} for features extracted elsewhere), then fit and measure one k ({@link #fitAndMeasure}) or
 * every k of a range ({@link #measureRange}). Nothing here writes; {@link RunOutputs} does.
 */
final class Training {
    /** The timing name of the engine's scaling step. */
    static final String SCALING = "scaling";
    /** The timing name of the engine's quality metrics step (which also computes the segment profiles). */
    static final String METRICS = "quality metrics";

    /**
     * What a run has before clustering.
     *
     * @param business the handed-over business figures, or null: then they are those of the data's transactions
     */
    record Prepared(SourceData data, FeatureMatrix raw, FeatureMatrix scaled, FittedScaler fitted,
            BusinessFigures business, Optional<FeatureFit> featureFit) {
        int rows() {
            return raw.rowCount();
        }
    }

    private final Scaler scaler;
    private final int threads;

    /** @param threads threads for the silhouette computation */
    Training(Scaler scaler, int threads) {
        this.scaler = scaler;
        this.threads = Math.max(1, threads);
    }

    /**
     * Reads, extracts and scales.
     *
     * @param k the largest k that will be fitted, and how it is called in the message when there are fewer rows
     * @param engine the transaction fields read after the extraction ({@link ReadFields})
     */
    Prepared prepare(PipelineSpec spec, ChosenStages chosen, StepRunner steps, int k, String kName,
            Set<TransactionField> engine) {
        return prepare(spec, chosen, steps, k, kName, engine, null);
    }

    /**
     * Reads, extracts and scales, with the members that share the run's input extracted by {@code backEnd} (null:
     * by the engine's own source and extractors).
     */
    Prepared prepare(PipelineSpec spec, ChosenStages chosen, StepRunner steps, int k, String kName,
            Set<TransactionField> engine, FeatureBackEnd backEnd) {
        FeatureSetExtraction.Extracted extracted = FeatureSetExtraction.extract(spec.features(), spec.input(), chosen,
                steps, spec.options(), null, engine, backEnd);
        return scale(spec, steps, extracted.data(), extracted.raw(), extracted.business(), extracted.fit(), k, kName,
                extracted.producer());
    }


    /**
     * Scales features another back-end extracted. The run's source then holds their data-quality account and an
     * empty transactions table: the transactions stayed with the back-end, and reporters take the business
     * figures from the result.
     */
    Prepared handedOver(PipelineSpec spec, ExtractedFeatures extracted, StepRunner steps, int k, String kName) {
        SourceData data = new SourceData(SourceData.emptyTransactions(), extracted.quality());
        return scale(spec, steps, data, extracted.features(), extracted.business(), Optional.empty(), k, kName,
                "the features handed over have");
    }

    private Prepared scale(PipelineSpec spec, StepRunner steps, SourceData data, FeatureMatrix raw,
            BusinessFigures business, Optional<FeatureFit> featureFit, int k, String kName, String producer) {
        int rows = raw.rowCount();
        if (k > rows) {
            throw new SegmentaException(kName + " = " + k + " but there " + (rows == 0 ? "are no " + raw.entity().label() + "s"
                    : rows == 1 ? "is only 1 " + raw.entity().label()
                    : "are only " + rows + " " + raw.entity().label() + "s"));
        }
        if (raw.numeric().isEmpty()) {
            throw new SegmentaException(producer + " no numeric features; clustering needs at least one");
        }
        // a rename rule on a feature the run lacks: refused now, not after clustering
        SegmentRenames.parse(spec.options()).checkFeatures(raw.numericNames(), raw.valueColumn());
        FittedScaler[] fitted = new FittedScaler[1];
        FeatureMatrix scaled = steps.engine(SCALING, () -> {
            fitted[0] = scaler.fit(raw, spec.options());
            return fitted[0].transform(raw);
        }, m -> m.numeric().size() + " numeric features");
        return new Prepared(data, raw, scaled, fitted[0], business, featureFit);
    }

    /**
     * Clusters the prepared data with the spec's k, measures and profiles: the result, before reporting.
     *
     * @param naming the segment names and action rules parsed when the run was planned
     */
    PipelineResult fitAndMeasure(PipelineSpec spec, ChosenStages chosen, StepRunner steps, Prepared prepared,
            Optional<KSelection> selection, SegmentNaming naming) {
        FeatureMatrix raw = prepared.raw();
        FeatureMatrix scaled = prepared.scaled();
        int rows = prepared.rows();
        int silhouetteRows = EngineOptionValues.silhouetteRows(spec.options());
        ProgressListener progress = steps.progress();

        Clusterer clusterer = (Clusterer) chosen.algorithm().stage();
        ClusterModel model = steps.stage(chosen.algorithm(), ctx -> clusterer.fit(scaled, spec.cluster(), ctx),
                m -> rows + " " + raw.entity().label() + "s");
        int[] labels = FittedModels.checkedLabels(chosen.algorithm(), model, rows);
        int segments = model.k();

        ClusterQuality[] quality = new ClusterQuality[1];
        List<SegmentProfile> profiles = steps.engine(METRICS, () -> {
            Clustering clustering = FittedModels.clustering(chosen.algorithm(), model, scaled,
                    FittedModels.rowMajor(scaled), labels, segments);
            if (rows > silhouetteRows) {
                progress.info(null, METRICS, EngineOptionValues.sampleNote(silhouetteRows, rows, spec.cluster().seed()));
            }
            // the silhouette is the one step of the metrics that takes long (O(n²)): its rows are the progress
            quality[0] = ClusterMetrics.compute(clustering, threads, steps::isCancelled, silhouetteRows,
                    spec.cluster().seed(), (done, total) -> progress.progress(null, METRICS, done, total,
                            "silhouette rows"));
            return SegmentProfiles.compute(raw, labels, segments,
                    StepRunner.call(chosen.algorithm(), model::segmentNames), naming);
        }, p -> p.size() + " segments; silhouette on " + Math.min(rows, silhouetteRows) + " rows");
        if (naming.renames().byNumber()) {
            progress.info(null, METRICS, SegmentRenames.NUMBER_NOTE);
        }

        // what every report shows of the kept transactions: the business figures (a seam run has the back-end's)
        // and each segment's trends (none for a seam run: its transactions table is empty)
        TransactionTable transactions = prepared.data().transactions();
        BusinessFigures business = prepared.business() != null ? prepared.business()
                : TransactionFigures.of(transactions);
        SegmentTrends trends = TrendCounting.of(transactions, raw, labels, segments);
        return PreviousRun.compare(new PipelineResult(spec, prepared.data(), raw, scaled,
                prepared.fitted().describe(), model, quality[0], profiles, steps.timings(), chosen.versions(), List.of(),
                selection, business, prepared.featureFit(), ReportContexts.of(spec.options(), chosen,
                        prepared.data().quality(), raw, Clock.systemUTC()), trends, Optional.empty()), steps);
    }

    /**
     * Fits and measures every k of the range on the prepared data, finds the elbow and recommends a k. The
     * algorithm is one step; its progress counts the k done, and the algorithm's own progress within a fit is
     * not passed on (it would be mixed with the count).
     */
    KSelection measureRange(PipelineSpec spec, ChosenStages chosen, int kMin, int kMax, StepRunner steps,
            Prepared prepared) {
        FeatureMatrix scaled = prepared.scaled();
        int rows = prepared.rows();
        int sample = Math.min(rows, EngineOptionValues.silhouetteRows(spec.options()));
        double[] x = FittedModels.rowMajor(scaled);
        ClusterRequest base = spec.cluster();
        StageEntry algorithm = chosen.algorithm();
        Clusterer clusterer = (Clusterer) algorithm.stage();
        ProgressListener progress = steps.progress();
        int total = kMax - kMin + 1;

        List<KCandidate> candidates = steps.composite(algorithm, () -> {
            if (sample < rows) {
                progress.info(algorithm.kind(), algorithm.name(), EngineOptionValues.sampleNote(sample, rows,
                        base.seed()));
            }
            List<KCandidate> measured = new ArrayList<>(total);
            Subsamples subsamples = Subsamples.draw(scaled, base.seed());
            for (int k = kMin; k <= kMax; k++) {
                long start = System.nanoTime();
                ClusterRequest request = new ClusterRequest(k, base.seed(), base.runs(), base.maxIterations());
                ClusterModel model = steps.quiet(algorithm, ctx -> clusterer.fit(scaled, request, ctx));
                int[] labels = FittedModels.checkedLabels(algorithm, model, rows);
                double cost = StepRunner.call(algorithm, model::cost);
                int segments = StepRunner.call(algorithm, model::k);
                Clustering clustering = FittedModels.clustering(algorithm, model, scaled, x, labels, segments);
                ClusterQuality q = steps.uncancelled(METRICS, () -> ClusterMetrics.compute(clustering, threads,
                        steps::isCancelled, sample, base.seed()));
                double stability = stability(subsamples, request, algorithm, clusterer, steps);
                steps.checkNotCancelled(List.of());
                measured.add(new KCandidate(k, cost, q.silhouette(), q.daviesBouldin(), q.calinskiHarabasz(),
                        System.nanoTime() - start, stability));
                progress.progress(algorithm.kind(), algorithm.name(), k - kMin + 1, total, "k");
            }
            return measured;
        }, c -> "k = " + kMin + ".." + kMax + " on " + rows + " rows");

        double[] ks = new double[total];
        double[] costs = new double[total];
        for (int i = 0; i < total; i++) {
            ks[i] = candidates.get(i).k();
            costs[i] = candidates.get(i).cost();
        }
        int knee = Kneedle.kneeIndex(ks, costs);
        int elbowK = knee < 0 ? 0 : kMin + knee;
        int minK = EngineOptionValues.minK(spec.options());
        KRecommendation recommendation = KRecommendation.of(candidates, elbowK, minK);
        return new KSelection(spec, candidates, elbowK, recommendation.k(), recommendation.reason(), rows, sample,
                recommendation.runnerUpK(), minK);
    }

    /** Refits k on each subsample and measures how alike the fits are; NaN when a subsample has fewer rows. */
    private static double stability(Subsamples subsamples, ClusterRequest request, StageEntry algorithm,
            Clusterer clusterer, StepRunner steps) {
        if (request.k() > subsamples.size()) {
            return Double.NaN;
        }
        int[][] labels = new int[Subsamples.COUNT][];
        int[] ks = new int[Subsamples.COUNT];
        for (int s = 0; s < Subsamples.COUNT; s++) {
            FeatureMatrix sub = subsamples.matrix(s);
            ClusterModel model = steps.quiet(algorithm, ctx -> clusterer.fit(sub, request, ctx));
            labels[s] = FittedModels.checkedLabels(algorithm, model, sub.rowCount());
            ks[s] = StepRunner.call(algorithm, model::k);
        }
        return subsamples.stability(labels, ks);
    }

    /** @param what what was not kept: "transactions", or the rows of an entity table ("customers") */
    static SegmentaException nothingKept(Path input, DataQuality q, String what) {
        StringBuilder sb = new StringBuilder("no ").append(what).append(" were kept from ").append(input);
        if (q != null) {
            if (q.rowsRead() == 0) {
                sb.append(": it has no data rows");
            } else {
                sb.append(": all ").append(q.rowsRead()).append(" rows read were rejected");
                if (!q.rejections().isEmpty()) {
                    sb.append(" (").append(q.rejections().stream()
                            .map(r -> r.reason() + ": " + r.count())
                            .collect(Collectors.joining(", "))).append(')');
                }
                Rejection first = q.rejections().stream().filter(r -> r.count() > 0).findFirst().orElse(null);
                if (first != null && !first.firstLines().isEmpty()) {
                    sb.append("; e.g. ").append(first.file()).append(" line ").append(first.firstLines().get(0));
                }
            }
        }
        return new SegmentaException(sb.toString());
    }

}
