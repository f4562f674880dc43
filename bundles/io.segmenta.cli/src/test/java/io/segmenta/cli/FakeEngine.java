package io.segmenta.cli;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.StageKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An engine that records what it was asked and answers with a tiny result (or whatever failure it is given). */
final class FakeEngine implements PipelineEngine {
    PipelineSpec lastSpec;
    private final Function<PipelineSpec, RuntimeException> failure;

    FakeEngine() {
        this(spec -> null);
    }

    FakeEngine(Function<PipelineSpec, RuntimeException> failure) {
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
        return result(spec);
    }

    record Model(int[] labels) implements ClusterModel {
        @Override
        public String algorithm() {
            return "kmeans";
        }

        @Override
        public int k() {
            return 1;
        }

        @Override
        public double cost() {
            return 0;
        }

        @Override
        public double[][] centroids() {
            return new double[1][1];
        }

        @Override
        public int[] predict(FeatureMatrix features) {
            return new int[features.rowCount()];
        }
    }

    static PipelineResult result(PipelineSpec spec) {
        long t = TimestampColumn.toEpochSeconds(java.time.LocalDateTime.of(2011, 1, 2, 3, 4));
        TransactionTable table = new TransactionTable(List.of(
                new CategoricalColumn("customer", new int[] {0, 1}, List.of("a", "b")),
                new CategoricalColumn("order", new int[] {0, 1}, List.of("o1", "o2")),
                new TimestampColumn("timestamp", new long[] {t, t}),
                new NumericColumn("quantity", new double[] {1, 1}),
                new NumericColumn("amount", new double[] {10, 30})));
        DataQuality quality = new DataQuality(spec.source(), List.of(spec.input().toString()), 2, 2, List.of(), t, t,
                Map.of());
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, List.of("a", "b"),
                List.of(new NumericColumn("monetary", new double[] {10, 30})), List.of(), "monetary");
        return new PipelineResult(spec, new SourceData(table, quality), raw, raw, Map.of(), new Model(new int[2]),
                new ClusterQuality(200, Double.NaN, 0, Double.NaN),
                List.of(new SegmentProfile(0, 2, 1, 1, List.of("monetary"), new double[] {20}, new double[] {20})),
                List.of(new StageTiming(StageKind.SOURCE, spec.source(), 2_000_000L)), Map.of(),
                List.of(Path.of("out/summary.csv")));
    }
}
