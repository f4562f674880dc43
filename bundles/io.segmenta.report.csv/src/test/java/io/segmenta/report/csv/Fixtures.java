package io.segmenta.report.csv;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, hand-made pipeline result: three customers in two segments. */
final class Fixtures {
    private Fixtures() {
    }

    /** A fitted model that only carries labels; the reporter needs nothing else. */
    record FakeModel(int[] labels, int k) implements ClusterModel {
        @Override
        public String algorithm() {
            return "kmeans";
        }

        @Override
        public double cost() {
            return 1.5;
        }

        @Override
        public double[][] centroids() {
            return new double[k][3];
        }

        @Override
        public int[] predict(FeatureMatrix features) {
            throw new UnsupportedOperationException("not needed by reporters");
        }
    }

    /** A context whose isCancelled() runs a hook first: the reporter asks it after writing its temp files. */
    static StageContext context(Runnable beforeMove, boolean cancelled) {
        return new StageContext() {
            @Override
            public void progress(long done, long total, String unit) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public boolean isCancelled() {
                beforeMove.run();
                return cancelled;
            }

            @Override
            public Options options() {
                return Options.empty();
            }
        };
    }

    static StageContext context() {
        return context(() -> { }, false);
    }

    static PipelineResult result(Path outputDir) {
        long t0 = TimestampColumn.toEpochSeconds(LocalDateTime.of(2010, 12, 1, 8, 26));
        long t1 = TimestampColumn.toEpochSeconds(LocalDateTime.of(2011, 12, 9, 12, 50));
        TransactionTable table = new TransactionTable(List.of(
                new CategoricalColumn("customer", new int[] {0, 1, 2}, List.of("12346", "12347", "12348")),
                new CategoricalColumn("order", new int[] {0, 1, 2}, List.of("536365", "536366", "536367")),
                new TimestampColumn("timestamp", new long[] {t0, t1, t1}),
                new NumericColumn("quantity", new double[] {1, 2, 3}),
                new NumericColumn("amount", new double[] {77183.6, 4310, 1797.24})));
        DataQuality quality = new DataQuality("uk-retail", List.of("data/online-retail.csv"), 7, 5,
                List.of(new Rejection("missing CustomerID", 2, "data/online-retail.csv", List.of(3L, 6L))), t0, t1,
                Map.of("orders", 4L, "customers", 3L));
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, List.of("12346", "12347", "12348"),
                List.of(new NumericColumn("recency", new double[] {325, 2, 75.5}),
                        new NumericColumn("frequency", new double[] {1, 7, 4}),
                        new NumericColumn("monetary", new double[] {77183.6, 4310.000000000001, 1797.24})),
                List.of(new CategoricalColumn("country", new int[] {0, 1, CategoricalColumn.MISSING},
                        List.of("United Kingdom", "Korea, Republic of"))),
                "monetary");
        FeatureMatrix scaled = raw.withNumeric(List.of(new NumericColumn("recency", new double[] {1.2, -1.3, 0.1}),
                new NumericColumn("frequency", new double[] {-1, 1, 0}),
                new NumericColumn("monetary", new double[] {1.4, -0.5, -0.9})));
        Map<String, String> scaling = new LinkedHashMap<>();
        scaling.put("recency", "log1p, z-score (mean 3.71, sd 1.31)");
        scaling.put("frequency", "z-score (mean 4, sd 3)");
        scaling.put("monetary", "log1p, z-score (mean 8.9, sd 1.5)");
        List<SegmentProfile> segments = List.of(
                new SegmentProfile(0, 1, 1.0 / 3, 4310.0 / 83290.84, List.of("recency", "frequency", "monetary"),
                        new double[] {2, 7, 4310}, new double[] {2, 7, 4310}),
                new SegmentProfile(1, 2, 2.0 / 3, Double.NaN, List.of("recency", "frequency", "monetary"),
                        new double[] {200.25, 2.5, 39490.42}, new double[] {200.25, 2.5, 39490.42}));
        List<StageTiming> timings = List.of(new StageTiming(StageKind.SOURCE, "uk-retail", 1_234_567_891L),
                new StageTiming(StageKind.FEATURES, "rfm", 2_500_000L),
                new StageTiming(null, "scaling", 40_000L),
                new StageTiming(StageKind.ALGORITHM, "kmeans", 95_000_000L),
                new StageTiming(null, "metrics", 12_345_678L));
        PipelineSpec spec = new PipelineSpec("uk-retail", Path.of("data/online-retail.csv"), "rfm", "kmeans",
                new ClusterRequest(2, 42, 10, 300), List.of("csv"), outputDir,
                new Options(Map.of("snapshot", "2011-12-10")));
        return new PipelineResult(spec, new SourceData(table, quality), raw, scaled, scaling,
                new FakeModel(new int[] {1, 0, 1}, 2), new ClusterQuality(3.14159265, 0.4567891, 0.75, 12.5),
                segments, timings,
                Map.of("uk-retail", "io.segmenta.source.ukretail 0.1.0.SNAPSHOT",
                        "rfm", "io.segmenta.feature.rfm 0.1.0.SNAPSHOT",
                        "kmeans", "io.segmenta.cluster.kmeans 0.1.0.SNAPSHOT",
                        "csv", "io.segmenta.report.csv 0.1.0.SNAPSHOT"),
                List.of());
    }
}
