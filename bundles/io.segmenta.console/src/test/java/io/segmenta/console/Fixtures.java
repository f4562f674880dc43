package io.segmenta.console;

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
import io.segmenta.api.stage.StageKind;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** A small, hand-made pipeline result: four customers in two segments. */
final class Fixtures {
    private Fixtures() {
    }

    record FakeModel(int[] labels, int k) implements ClusterModel {
        @Override
        public String algorithm() {
            return "kmeans";
        }

        @Override
        public double cost() {
            return 2.5;
        }

        @Override
        public double[][] centroids() {
            return new double[k][3];
        }

        @Override
        public int[] predict(FeatureMatrix features) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    static PipelineResult result(List<Path> outputs) {
        long t0 = TimestampColumn.toEpochSeconds(LocalDateTime.of(2010, 12, 1, 8, 26));
        long t1 = TimestampColumn.toEpochSeconds(LocalDateTime.of(2011, 12, 9, 12, 50));
        List<String> ids = List.of("12346", "12347", "12348", "12349");
        TransactionTable table = new TransactionTable(List.of(
                new CategoricalColumn("customer", new int[] {0, 1, 2, 3}, ids),
                new CategoricalColumn("order", new int[] {0, 1, 2, 3}, List.of("a", "b", "c", "d")),
                new TimestampColumn("timestamp", new long[] {t0, t1, t1, t1}),
                new NumericColumn("quantity", new double[] {1, 2, 3, 4}),
                new NumericColumn("amount", new double[] {77183.6, 4310, 1797.24, 1757.55})));
        DataQuality quality = new DataQuality("uk-retail", List.of("data/online-retail.csv"), 541_909, 397_884,
                List.of(new Rejection("missing CustomerID", 135_080, "data/online-retail.csv",
                        List.of(1444L, 1445L, 1446L, 1447L, 1448L, 1449L)),
                        new Rejection("cancelled invoice", 8_905, "data/online-retail.csv", List.of(143L)),
                        new Rejection("bad price", 40, "data/online-retail.csv", List.of())),
                t0, t1, Map.of("orders", 18_532L, "customers", 4_338L));
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, ids,
                List.of(new NumericColumn("recency", new double[] {326, 2, 75, 19}),
                        new NumericColumn("frequency", new double[] {1, 7, 4, 1}),
                        new NumericColumn("monetary", new double[] {77183.6, 4310, 1797.24, 1757.55})),
                List.of(), "monetary");
        List<SegmentProfile> segments = List.of(
                new SegmentProfile(0, 3, 0.75, 0.0926, List.of("recency", "frequency", "monetary"),
                        new double[] {32, 4, 2621.596667}, new double[] {19, 4, 1797.24}),
                new SegmentProfile(1, 1, 0.25, 0.9074, List.of("recency", "frequency", "monetary"),
                        new double[] {326, 1, 77183.6}, new double[] {326, 1, 77183.6}));
        List<StageTiming> timings = List.of(new StageTiming(StageKind.SOURCE, "uk-retail", 1_234_567_891L),
                new StageTiming(StageKind.FEATURES, "rfm", 25_400_000L),
                new StageTiming(null, "scaling", 400_000L),
                new StageTiming(StageKind.ALGORITHM, "kmeans", 95_000_000L),
                new StageTiming(null, "metrics", 312_345_678L),
                new StageTiming(StageKind.REPORTER, "csv", 8_250_000L));
        PipelineSpec spec = new PipelineSpec("uk-retail", Path.of("data/online-retail.csv"), "rfm", "kmeans",
                new ClusterRequest(2, 42, 10, 300), List.of("csv"), Path.of("out/uk"), Options.empty());
        return new PipelineResult(spec, new SourceData(table, quality), raw, raw, Map.of(),
                new FakeModel(new int[] {1, 0, 0, 0}, 2), new ClusterQuality(1234.5678, 0.61234, 0.48772, 9876.54321),
                segments, timings, Map.of(), outputs);
    }
}
