package io.segmenta.testing;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.EntityTable;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ReportContext;
import io.segmenta.api.pipeline.SegmentAction;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.pipeline.SegmentTrends;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.api.stage.FitParameter;
import io.segmenta.api.stage.FitTable;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import io.segmenta.table.figures.TransactionFigures;
import io.segmenta.table.figures.TrendCounting;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Small, hand-made pipeline results. Tests assert exact texts and files computed from them, so each variant
 * keeps its values: a change here changes the expectations of the tests named on it.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * A fitted model that carries labels, k and a cost; the renderers and reporters fed with these fixtures
     * read nothing else (the centroids are zeros, and predict is not supported).
     */
    public record FakeModel(int[] labels, int k, double cost) implements ClusterModel {
        @Override
        public String algorithm() {
            return "kmeans";
        }

        @Override
        public double[][] centroids() {
            return new double[k][3];
        }

        @Override
        public int[] predict(FeatureMatrix features) {
            throw new UnsupportedOperationException("not needed by the tests that use these fixtures");
        }
    }

    /**
     * Two customers in one segment, for the given spec: what {@link FakeEngine} answers (the shell and CLI
     * tests look at the spec and the rendered summary, not at these values).
     */
    public static PipelineResult twoCustomers(PipelineSpec spec) {
        long t = TimestampColumn.toEpochSeconds(LocalDateTime.of(2011, 1, 2, 3, 4));
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
        return result(spec, new SourceData(table, quality), raw, raw, Map.of(),
                new FakeModel(new int[2], 1, 0), new ClusterQuality(200, Double.NaN, 0, Double.NaN),
                List.of(new SegmentProfile(0, "Segment 0", 2, 1, 1, List.of("monetary"), new double[] {20},
                        new double[] {20}, new double[] {20}, List.of())),
                List.of(new StageTiming(StageKind.SOURCE, spec.source(), 2_000_000L)), Map.of(),
                List.of(Path.of("out/summary.csv")), Optional.empty(), null, Optional.empty(), null);
    }

    /**
     * Four customers in two segments, with the data-quality account of the full UCI Online Retail file and a
     * timing for every step: the console's run summary is asserted line by line from it (RunSummaryTest).
     *
     * @param outputs the files the reporters "wrote"
     */
    public static PipelineResult fourCustomers(List<Path> outputs) {
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
                new SegmentProfile(0, "Low-Spending Regulars", 3, 0.75, 0.0926,
                        List.of("recency", "frequency", "monetary"), new double[] {32, 4, 2621.596667},
                        new double[] {19, 4, 1797.24}, POPULATION_MEANS_4, List.of()),
                new SegmentProfile(1, "Dormant High-Value", 1, 0.25, 0.9074,
                        List.of("recency", "frequency", "monetary"), new double[] {326, 1, 77183.6},
                        new double[] {326, 1, 77183.6}, POPULATION_MEANS_4, List.of()));
        List<StageTiming> timings = List.of(new StageTiming(StageKind.SOURCE, "uk-retail", 1_234_567_891L),
                new StageTiming(StageKind.FEATURES, "rfm", 25_400_000L),
                new StageTiming(null, "scaling", 400_000L),
                new StageTiming(StageKind.ALGORITHM, "kmeans", 95_000_000L),
                new StageTiming(null, "metrics", 312_345_678L),
                new StageTiming(StageKind.REPORTER, "csv", 8_250_000L));
        PipelineSpec spec = new PipelineSpec("uk-retail", Path.of("data/online-retail.csv"), "rfm", "kmeans",
                new ClusterRequest(2, 42, 10, 300), List.of("csv"), Path.of("out/uk"), Options.empty());
        return result(spec, new SourceData(table, quality), raw, raw, Map.of(),
                new FakeModel(new int[] {1, 0, 0, 0}, 2, 2.5),
                new ClusterQuality(1234.5678, 0.61234, 0.48772, 9876.54321), segments, timings, Map.of(), outputs,
                Optional.empty(), null, Optional.empty(), null);
    }

    /**
     * {@code r} as a run on features handed over by another back-end ({@code PipelineEngine.runOnFeatures})
     * reports it: an empty transactions table beside the same data-quality account, and {@code business}.
     */
    public static PipelineResult handedOver(PipelineResult r, BusinessFigures business) {
        TransactionTable empty = new TransactionTable(List.of(
                new CategoricalColumn("customer", new int[0], List.of()),
                new CategoricalColumn("order", new int[0], List.of()), new TimestampColumn("timestamp", new long[0]),
                new NumericColumn("quantity", new double[0]), new NumericColumn("amount", new double[0])));
        return result(r.spec(), new SourceData(empty, r.source().quality()), r.features(), r.scaled(),
                r.scaling(), r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs(),
                r.selection(), business, Optional.empty(), null);
    }

    /**
     * {@code r} as a run on a customer table reports it (source {@code customer-table}, extractor
     * {@code attributes}): the features are the table's columns, the source holds the table and no transactions,
     * and the business figures are those of the empty transactions table (no orders, no amount).
     */
    public static PipelineResult customerTable(PipelineResult r) {
        FeatureMatrix f = r.features();
        EntityTable table = new EntityTable(f.entity(), "Customer_ID", f.ids(), f.numeric(), f.categorical());
        DataQuality q = new DataQuality("customer-table", List.of("customers.csv"), f.rowCount(), f.rowCount(),
                List.of(new Rejection("id repeats an earlier row", 0, "customers.csv", List.of())),
                TimestampColumn.MISSING, TimestampColumn.MISSING, Map.of("customers", (long) f.rowCount()));
        return result(r.spec(), SourceData.ofEntities(table, q), f, r.scaled(), r.scaling(), r.model(),
                r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs(), r.selection(), null,
                Optional.empty(), null);
    }

    /** The caveat of {@link #lifetimeValue}, as the clv extractor words one. */
    public static final String CAVEAT = "caution: only 1 of 3 customers (33.3%) bought again";

    /**
     * {@code r} (of {@link #threeCustomers}) as a run whose features came from a lifetime-value fit combined in a
     * feature set (so frequency and recency carry the member's prefix {@code clv.}): per customer 12346, 12347,
     * 12348 P(alive) 1, 0.9, 0.4, expected purchases 0.5, 6, 1 and CLV 100, 900, 20. Segment 0 (12347) has mean
     * CLV 900, total 900; segment 1 (12346, 12348) mean expected purchases 0.75, mean P(alive) 0.7, mean CLV 60,
     * total 120. The fit declares its columns, one caveat ({@link #CAVEAT}) and a holdout table by frequency.
     */
    public static PipelineResult lifetimeValue(PipelineResult r) {
        FeatureMatrix clv = new FeatureMatrix(EntityKind.CUSTOMER, r.features().ids(), List.of(
                new NumericColumn("clv.frequency", new double[] {0, 9, 2}),
                new NumericColumn("clv.recency", new double[] {0, 30, 10}),
                new NumericColumn("p_alive", new double[] {1, 0.9, 0.4}),
                new NumericColumn("expected_purchases", new double[] {0.5, 6, 1}),
                new NumericColumn("clv", new double[] {100, 900, 20})), List.of(), "clv");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(FeatureFit.PROBABILITY_ALIVE, "p_alive");
        outputs.put(FeatureFit.EXPECTED_PURCHASES, "expected_purchases");
        outputs.put(FeatureFit.LIFETIME_VALUE, "clv");
        outputs.put(FeatureFit.FREQUENCY, "clv.frequency");
        outputs.put(FeatureFit.RECENCY, "clv.recency");
        List<FitTable.Row> rows = new java.util.ArrayList<>();
        for (int x = 0; x <= 7; x++) {
            rows.add(new FitTable.Row(x == 7 ? "7+" : String.valueOf(x), List.of(x == 0 ? 1411.0 : 10.0, 0.24 + x,
                    0.23 + 0.9 * x)));
        }
        FeatureFit fit = new FeatureFit("clv", ModelState.of("clv", Map.of()),
                List.of(new FitParameter("BG/NBD", "r", 0.2426, OptionalDouble.of(0.0126)),
                        new FitParameter("Gamma-Gamma", "q", 3.744, OptionalDouble.empty())),
                Map.of("holdout_actual", 1882.0), List.of(new FitTable("holdout_by_frequency",
                        "holdout repeat purchases by calibration frequency (mean per customer)",
                        List.of("customers", "actual", "predicted"), rows)), outputs, List.of(CAVEAT));
        List<String> names = clv.numericNames();
        double[] population = {11.0 / 3, 40.0 / 3, 2.3 / 3, 7.5 / 3, 1020.0 / 3};
        List<SegmentProfile> profiles = List.of(
                new SegmentProfile(0, "Best", 1, 1.0 / 3, 0.9, names, new double[] {9, 30, 0.9, 6, 900},
                        new double[] {9, 30, 0.9, 6, 900}, population, List.of()),
                new SegmentProfile(1, "Rest", 2, 2.0 / 3, 0.1, names, new double[] {1, 5, 0.7, 0.75, 60},
                        new double[] {1, 5, 0.7, 0.75, 60}, population, List.of()));
        return result(r.spec(), r.source(), clv, clv, Map.of(), r.model(), r.quality(), profiles,
                r.timings(), r.stageVersions(), r.outputs(), r.selection(), r.business(), Optional.of(fit), null);
    }

    /** The action {@link #withActions} gives segment 0, with a character HTML escapes. */
    public static final String ACTION = "Loyalty programme: reward <frequent> buyers";

    /**
     * {@code r} with a recommended action per segment, as the engine's action rules give them: segment 0
     * {@link #ACTION} (reason "frequency index 250 >= 150 (rules.txt line 3)"), every other segment "Newsletter"
     * (reason "no other rule matched (rules.txt line 9)").
     */
    public static PipelineResult withActions(PipelineResult r) {
        List<SegmentProfile> profiles = new java.util.ArrayList<>();
        for (SegmentProfile s : r.segments()) {
            profiles.add(s.withAction(s.segment() == 0
                    ? new SegmentAction(ACTION, "frequency index 250 >= 150 (rules.txt line 3)")
                    : new SegmentAction("Newsletter", "no other rule matched (rules.txt line 9)")));
        }
        return result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(), r.model(),
                r.quality(), profiles, r.timings(), r.stageVersions(), r.outputs(), r.selection(), r.business(),
                r.featureFit(), null);
    }

    /** 40 orders worth 1,000 in two regions: United Kingdom 700 (5 rows) and Korea 300 (2 rows). */
    public static BusinessFigures twoRegions() {
        return new BusinessFigures(40, 1000, Map.of(TransactionField.REGION, List.of(
                new BusinessFigures.LevelAmount("United Kingdom", 700, 5),
                new BusinessFigures.LevelAmount("Korea", 300, 2))));
    }

    /** The customers' mean recency (326 + 2 + 75 + 19) / 4, frequency 13 / 4 and monetary 85,048.39 / 4. */
    private static final double[] POPULATION_MEANS_4 = {105.5, 3.25, 21262.0975};
    /** The customers' mean recency 402.5 / 3, frequency 12 / 3 and monetary 83,290.84 / 3. */
    private static final double[] POPULATION_MEANS_3 = {402.5 / 3, 4, 83290.84 / 3};

    /** The country of threeCustomers: one each of United Kingdom, Korea and missing. */
    private static CategoricalProfile country(double[] segmentShares) {
        return new CategoricalProfile("country", List.of("United Kingdom", "Korea, Republic of",
                CategoricalProfile.MISSING), segmentShares, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3});
    }

    /**
     * Three customers in two segments, with a categorical feature (a missing value and a value with a comma),
     * scaled features, scaling descriptions, stage versions, a segment whose revenue share is unknown and a
     * segment name with a comma:
     * the CSV reporter's files are asserted byte by byte from it (CsvReporterTest).
     *
     * @param outputDir the output folder the spec names
     */
    public static PipelineResult threeCustomers(Path outputDir) {
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
                new SegmentProfile(0, "High-Spending Regulars", 1, 1.0 / 3, 4310.0 / 83290.84,
                        List.of("recency", "frequency", "monetary"), new double[] {2, 7, 4310},
                        new double[] {2, 7, 4310}, POPULATION_MEANS_3,
                        List.of(country(new double[] {0, 1, 0}))),
                new SegmentProfile(1, "Dormant, High-Value", 2, 2.0 / 3, Double.NaN,
                        List.of("recency", "frequency", "monetary"), new double[] {200.25, 2.5, 39490.42},
                        new double[] {200.25, 2.5, 39490.42}, POPULATION_MEANS_3,
                        List.of(country(new double[] {0.5, 0, 0.5}))));
        List<StageTiming> timings = List.of(new StageTiming(StageKind.SOURCE, "uk-retail", 1_234_567_891L),
                new StageTiming(StageKind.FEATURES, "rfm", 2_500_000L),
                new StageTiming(null, "scaling", 40_000L),
                new StageTiming(StageKind.ALGORITHM, "kmeans", 95_000_000L),
                new StageTiming(null, "metrics", 12_345_678L));
        PipelineSpec spec = new PipelineSpec("uk-retail", Path.of("data/online-retail.csv"), "rfm", "kmeans",
                new ClusterRequest(2, 42, 10, 300), List.of("csv"), outputDir,
                new Options(Map.of("snapshot", "2011-12-10")));
        return result(spec, new SourceData(table, quality), raw, scaled, scaling,
                new FakeModel(new int[] {1, 0, 1}, 2, 1.5), new ClusterQuality(3.14159265, 0.4567891, 0.75, 12.5),
                segments, timings,
                Map.of("uk-retail", "io.segmenta.source.ukretail 0.2.0.SNAPSHOT",
                        "rfm", "io.segmenta.feature.rfm 0.2.0.SNAPSHOT",
                        "kmeans", "io.segmenta.cluster.kmeans 0.2.0.SNAPSHOT",
                        "csv", "io.segmenta.report.csv 0.2.0.SNAPSHOT"),
                List.of(), Optional.empty(), null, Optional.empty(), null);
    }

    /**
     * The context of a UK retail run: made on 2026-12-07 21:50 UTC, recency measured to 2011-12-10 00:00 (the
     * snapshot option of {@link #threeCustomers}), amounts in GBP, "country" for region, and the rfm extractor's three features described (recency lower is better).
     */
    public static ReportContext ukContext() {
        return new ReportContext(Optional.of(java.time.Instant.parse("2026-12-07T21:50:00Z")),
                Optional.of(LocalDateTime.of(2011, 12, 10, 0, 0)), Optional.of("GBP"), "country", List.of(
                        FeatureInfo.lowerIsBetter("recency", "Days since last order",
                                "days from the customer's last order to the snapshot date"),
                        FeatureInfo.higherIsBetter("frequency", "Orders", "number of distinct orders"),
                        FeatureInfo.higherIsBetter("monetary", "Total spend", "sum of the amounts of the customer's "
                                + "order lines")));
    }

    /** The same result with the given report context. */
    public static PipelineResult withContext(PipelineResult r, ReportContext context) {
        return result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(), r.model(), r.quality(),
                r.segments(), r.timings(), r.stageVersions(), r.outputs(), r.selection(), r.business(),
                r.featureFit(), context);
    }

    /**
     * A result as the engine fills it in: the business figures (when given as null) and the segments' trends
     * computed from the source's transactions by the definitions the engine uses ({@link TransactionFigures},
     * {@link TrendCounting}; no trends when the labels do not fit the features), no movement. What
     * {@code PipelineResult}'s shorter constructors did before the API stopped computing (since 1.4).
     */
    public static PipelineResult result(PipelineSpec spec, SourceData source, FeatureMatrix features,
            FeatureMatrix scaled, Map<String, String> scaling, ClusterModel model, ClusterQuality quality,
            List<SegmentProfile> segments, List<StageTiming> timings, Map<String, String> stageVersions,
            List<Path> outputs, Optional<KSelection> selection, BusinessFigures business,
            Optional<FeatureFit> featureFit, ReportContext context) {
        BusinessFigures figures = business != null ? business : TransactionFigures.of(source.transactions());
        int[] labels = model.labels();
        SegmentTrends trends = labels.length == features.rowCount()
                ? TrendCounting.of(source.transactions(), features, labels, model.k()) : SegmentTrends.none();
        return new PipelineResult(spec, source, features, scaled, scaling, model, quality, segments, timings,
                stageVersions, outputs, selection, figures, featureFit, context, trends, Optional.empty());
    }

    /** The same without a report context. */
    public static PipelineResult result(PipelineSpec spec, SourceData source, FeatureMatrix features,
            FeatureMatrix scaled, Map<String, String> scaling, ClusterModel model, ClusterQuality quality,
            List<SegmentProfile> segments, List<StageTiming> timings, Map<String, String> stageVersions,
            List<Path> outputs, Optional<KSelection> selection, BusinessFigures business,
            Optional<FeatureFit> featureFit) {
        return result(spec, source, features, scaled, scaling, model, quality, segments, timings, stageVersions,
                outputs, selection, business, featureFit, null);
    }

    /** The same without a feature fit. */
    public static PipelineResult result(PipelineSpec spec, SourceData source, FeatureMatrix features,
            FeatureMatrix scaled, Map<String, String> scaling, ClusterModel model, ClusterQuality quality,
            List<SegmentProfile> segments, List<StageTiming> timings, Map<String, String> stageVersions,
            List<Path> outputs, Optional<KSelection> selection, BusinessFigures business) {
        return result(spec, source, features, scaled, scaling, model, quality, segments, timings, stageVersions,
                outputs, selection, business, Optional.empty(), null);
    }

    /** The same with the business figures of the source's transactions. */
    public static PipelineResult result(PipelineSpec spec, SourceData source, FeatureMatrix features,
            FeatureMatrix scaled, Map<String, String> scaling, ClusterModel model, ClusterQuality quality,
            List<SegmentProfile> segments, List<StageTiming> timings, Map<String, String> stageVersions,
            List<Path> outputs, Optional<KSelection> selection) {
        return result(spec, source, features, scaled, scaling, model, quality, segments, timings, stageVersions,
                outputs, selection, null, Optional.empty(), null);
    }

    /** The same of a run with a given k. */
    public static PipelineResult result(PipelineSpec spec, SourceData source, FeatureMatrix features,
            FeatureMatrix scaled, Map<String, String> scaling, ClusterModel model, ClusterQuality quality,
            List<SegmentProfile> segments, List<StageTiming> timings, Map<String, String> stageVersions,
            List<Path> outputs) {
        return result(spec, source, features, scaled, scaling, model, quality, segments, timings, stageVersions,
                outputs, Optional.empty(), null, Optional.empty(), null);
    }
}
