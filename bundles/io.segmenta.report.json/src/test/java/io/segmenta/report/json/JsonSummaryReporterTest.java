package io.segmenta.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.segmenta.api.stage.StageKind;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentSilhouette;
import io.segmenta.testing.Fixtures;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSummaryReporterTest {
    @TempDir
    Path dir;

    private final JsonSummaryReporter reporter = new JsonSummaryReporter();

    private JsonObject written() throws IOException {
        List<Path> files = reporter.report(Fixtures.threeCustomers(dir), dir, new RecordingContext());
        assertEquals(List.of(dir.resolve("summary.json")), files);
        return JsonParser.parseString(Files.readString(files.get(0), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void aRunOnHandedOverFeaturesShowsTheBusinessFiguresItWasGivenWithoutTransactions() throws IOException {
        PipelineResult normal = Fixtures.threeCustomers(dir);
        JsonObject same = JsonParser.parseString(Files.readString(reporter.report(Fixtures.handedOver(normal,
                normal.business()), dir, new RecordingContext()).get(0))).getAsJsonObject();
        assertEquals(written().get("business"), same.get("business"));

        JsonObject given = JsonParser.parseString(Files.readString(reporter.report(Fixtures.handedOver(normal,
                Fixtures.twoRegions()), dir, new RecordingContext()).get(0))).getAsJsonObject();
        JsonObject business = given.getAsJsonObject("business");
        assertEquals(40, business.get("orders").getAsInt());
        assertEquals(1000, business.get("totalAmount").getAsDouble(), 0);
        assertEquals(25, business.get("averageOrderValue").getAsDouble(), 0);
        JsonObject first = business.getAsJsonArray("top_region").get(0).getAsJsonObject();
        assertEquals("United Kingdom", first.get("level").getAsString());
        assertEquals(0.7, first.get("share").getAsDouble(), 1e-12);
        assertEquals(5, first.get("rows").getAsInt());
        assertEquals(2, business.getAsJsonArray("top_region").size());
        assertEquals(7, given.getAsJsonObject("dataQuality").get("rowsRead").getAsInt(), "the account handed over");
    }

    @Test
    void aCustomerTableHasNoOrdersAndItsTotalIsTheValueFeatures() throws IOException {
        assertTrue(written().getAsJsonObject("business").get("transactions").getAsBoolean());
        PipelineResult table = Fixtures.customerTable(Fixtures.threeCustomers(dir));
        JsonObject business = JsonParser.parseString(Files.readString(reporter.report(table, dir,
                new RecordingContext()).get(0))).getAsJsonObject().getAsJsonObject("business");
        assertFalse(business.get("transactions").getAsBoolean());
        assertTrue(business.get("orders").isJsonNull(), business.toString());
        assertTrue(business.get("averageOrderValue").isJsonNull(), business.toString());
        double total = java.util.Arrays.stream(table.features().value().orElseThrow().values()).sum();
        assertEquals(total, business.get("totalAmount").getAsDouble(), 1e-9);
        assertEquals(table.features().valueColumn(), business.get("valueFeature").getAsString());
    }

    /** The members that date the figures, their currency, the word for region and what each feature means. */
    @Test
    void theSummaryDatesTheFiguresAndDescribesTheFeatures() throws IOException {
        JsonObject j = JsonParser.parseString(Files.readString(reporter.report(Fixtures.withContext(
                Fixtures.threeCustomers(dir), Fixtures.ukContext()), dir, new RecordingContext()).get(0),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("2026-12-07T21:50:00Z", j.get("runDate").getAsString());
        assertEquals("2011-12-10T00:00", j.get("snapshot").getAsString());
        assertEquals("GBP", j.get("currency").getAsString());
        assertEquals("country", j.get("regionWord").getAsString());
        assertEquals("{\"name\":\"recency\",\"label\":\"Days since last order\",\"definition\":\"days from the "
                + "customer's last order to the snapshot date\",\"direction\":\"lower-is-better\"}",
                j.getAsJsonArray("featureInfo").get(0).toString());
        JsonObject none = written();
        assertTrue(none.get("runDate").isJsonNull() && none.get("snapshot").isJsonNull()
                && none.get("currency").isJsonNull(), "unknown: null");
        assertEquals("region", none.get("regionWord").getAsString());
    }

    @Test
    void describesItself() {
        assertEquals("json", reporter.name());
        assertEquals(StageKind.REPORTER, reporter.kind());
    }

    @Test
    void theSummaryHoldsEverySectionWithTheRunsFigures() throws IOException {
        JsonObject s = written();
        assertEquals("segmenta-summary", s.get("format").getAsString());
        assertEquals(1, s.get("formatVersion").getAsInt());

        JsonObject pipeline = s.getAsJsonObject("pipeline");
        assertEquals("uk-retail", pipeline.get("source").getAsString());
        assertEquals(2, pipeline.get("k").getAsInt());
        assertEquals("2011-12-10", pipeline.getAsJsonObject("options").get("snapshot").getAsString());
        assertEquals("io.segmenta.feature.rfm 0.2.0.SNAPSHOT",
                pipeline.getAsJsonObject("stageVersions").get("rfm").getAsString());

        JsonObject quality = s.getAsJsonObject("dataQuality");
        assertEquals(7, quality.get("rowsRead").getAsLong());
        assertEquals(5, quality.get("rowsKept").getAsLong());
        JsonObject rejection = quality.getAsJsonArray("rejections").get(0).getAsJsonObject();
        assertEquals("missing CustomerID", rejection.get("reason").getAsString());
        assertEquals(2, rejection.get("count").getAsLong());
        assertEquals("[3,6]", rejection.get("firstLines").toString());
        assertEquals("2010-12-01T08:26", quality.get("firstTransaction").getAsString());
        assertTrue(quality.get("duplicateRows").isJsonNull(), "not counted by this source");

        JsonObject business = s.getAsJsonObject("business");
        assertEquals(3, business.get("entities").getAsInt());
        assertEquals(3, business.get("orders").getAsInt());
        assertEquals(77183.6 + 4310 + 1797.24, business.get("totalAmount").getAsDouble(), 1e-9);
        assertEquals((77183.6 + 4310 + 1797.24) / 3, business.get("averageOrderValue").getAsDouble(), 1e-9);
        assertEquals("monetary", business.get("valueFeature").getAsString());

        assertEquals(0.4567891, s.getAsJsonObject("quality").get("silhouette").getAsDouble());
        assertTrue(s.get("kSelection").isJsonNull(), "k was given, not chosen");
        assertEquals("z-score (mean 4, sd 3)", s.getAsJsonObject("scaling").get("frequency").getAsString());

        JsonArray segments = s.getAsJsonArray("segments");
        assertEquals(2, segments.size());
        JsonObject second = segments.get(1).getAsJsonObject();
        assertEquals("Dormant, High-Value", second.get("name").getAsString());
        assertTrue(second.get("valueShare").isJsonNull(), "NaN is written as null");
        JsonObject monetary = second.getAsJsonArray("features").get(2).getAsJsonObject();
        assertEquals("monetary", monetary.get("feature").getAsString());
        assertEquals(39490.42, monetary.get("mean").getAsDouble());
        JsonObject country = second.getAsJsonArray("categorical").get(0).getAsJsonObject();
        assertEquals("country", country.get("feature").getAsString());
        assertEquals(3, country.getAsJsonArray("levels").size());

        JsonArray timings = s.getAsJsonArray("timings");
        assertEquals("engine", timings.get(2).getAsJsonObject().get("kind").getAsString());
        assertEquals(1234.567891, timings.get(0).getAsJsonObject().get("millis").getAsDouble(), 1e-9);
    }

    /*
     * The fixture's customers score R = 1, 5, 3 and F = 1, 5, 3 (quintiles of ranks as pandas' qcut,
     * docs/rfm-segments.md): Lost, Champions, Need Attention; monetary 77183.6, 4310, 1797.24; labels 1, 0, 1.
     */
    @Test
    void theRfmViewHasTheGridTheNamedSegmentsAndTheRunsSegmentsAcrossThem() throws IOException {
        JsonObject rfm = written().getAsJsonObject("rfm");
        assertEquals(3, rfm.get("entities").getAsInt());
        JsonArray grid = rfm.getAsJsonArray("grid");
        assertEquals(25, grid.size());
        JsonObject first = grid.get(0).getAsJsonObject();
        assertEquals("{\"r\":5,\"f\":1,\"segment\":\"New Customers\",\"size\":0,\"value\":0.0}", first.toString());
        JsonObject champions = grid.get(4).getAsJsonObject();
        assertEquals("Champions", champions.get("segment").getAsString());
        assertEquals(1, champions.get("size").getAsInt());
        assertEquals(4310.000000000001, champions.get("value").getAsDouble());
        JsonObject lost = grid.get(20).getAsJsonObject();
        assertEquals("Lost", lost.get("segment").getAsString());
        assertEquals(1, lost.get("r").getAsInt());
        assertEquals(1, lost.get("size").getAsInt());

        JsonArray segments = rfm.getAsJsonArray("segments");
        assertEquals(11, segments.size());
        JsonObject needAttention = segments.get(5).getAsJsonObject();
        assertEquals("Need Attention", needAttention.get("name").getAsString());
        assertEquals(1, needAttention.get("size").getAsInt());
        assertEquals(1797.24 / (77183.6 + 4310.000000000001 + 1797.24), needAttention.get("valueShare").getAsDouble(),
                1e-12);
        JsonObject bySegment1 = rfm.getAsJsonArray("bySegment").get(1).getAsJsonObject();
        assertEquals(1, bySegment1.get("segment").getAsInt());
        assertEquals(1, bySegment1.getAsJsonObject("sizes").get("Lost").getAsInt());
        assertEquals(0, bySegment1.getAsJsonObject("sizes").get("Champions").getAsInt());
    }

    @Test
    void theSilhouettePerSegmentIsInTheQuality() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir);
        ClusterQuality q = r.quality();
        PipelineResult withSilhouettes = Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(),
                r.scaling(), r.model(), new ClusterQuality(q.inertia(), q.silhouette(), q.daviesBouldin(),
                        q.calinskiHarabasz(), 3, List.of(new SegmentSilhouette(0, 2, 0.35, 0.5, new double[] {0.8, -0.1}),
                                new SegmentSilhouette(1, 0, Double.NaN, 0, new double[0]))),
                r.segments(), r.timings(), r.stageVersions(), r.outputs(), r.selection());
        reporter.report(withSilhouettes, dir, new RecordingContext());
        JsonObject quality = JsonParser.parseString(Files.readString(dir.resolve("summary.json"),
                StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonObject("quality");
        assertEquals(3, quality.get("silhouetteMeasured").getAsInt());
        JsonArray segments = quality.getAsJsonArray("segmentSilhouettes");
        assertEquals(2, segments.size());
        JsonObject first = segments.get(0).getAsJsonObject();
        assertEquals(0, first.get("segment").getAsInt());
        assertEquals(2, first.get("measured").getAsInt());
        assertEquals(0.35, first.get("mean").getAsDouble());
        assertEquals(0.5, first.get("negativeShare").getAsDouble());
        assertEquals("[0.8,-0.1]", first.getAsJsonArray("profile").toString());
        assertTrue(segments.get(1).getAsJsonObject().get("mean").isJsonNull(), "nothing measured: null");
    }

    @Test
    void theFeatureFitIsWrittenWhenThereIsOne() throws IOException {
        assertTrue(written().get("featureFit").isJsonNull(), "rfm fits nothing: null");
        PipelineResult r = Fixtures.threeCustomers(dir);
        io.segmenta.api.stage.FeatureFit fit = new io.segmenta.api.stage.FeatureFit("clv",
                io.segmenta.api.stage.ModelState.of("clv", java.util.Map.of()), List.of(
                        new io.segmenta.api.stage.FitParameter("BG/NBD", "r", 0.2426,
                                java.util.OptionalDouble.of(0.0126)),
                        new io.segmenta.api.stage.FitParameter("BG/NBD", "alpha", 4.414,
                                java.util.OptionalDouble.empty())),
                java.util.Map.of("bgnbd_log_likelihood", -9582.4), List.of(new io.segmenta.api.stage.FitTable(
                        "holdout_by_frequency", "by frequency", List.of("customers", "actual"),
                        List.of(new io.segmenta.api.stage.FitTable.Row("7+", List.of(64.0, 6.36))))));
        PipelineResult withFit = Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(),
                r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs(), r.selection(),
                r.business(), java.util.Optional.of(fit));
        reporter.report(withFit, dir, new RecordingContext());
        JsonObject written = JsonParser.parseString(Files.readString(dir.resolve("summary.json"),
                StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonObject("featureFit");
        assertEquals("{\"extractor\":\"clv\",\"parameters\":[{\"model\":\"BG/NBD\",\"name\":\"r\",\"value\":0.2426,"
                + "\"standardError\":0.0126},{\"model\":\"BG/NBD\",\"name\":\"alpha\",\"value\":4.414,"
                + "\"standardError\":null}],\"figures\":{\"bgnbd_log_likelihood\":-9582.4},\"tables\":[{\"name\":"
                + "\"holdout_by_frequency\",\"title\":\"by frequency\",\"columns\":[\"customers\",\"actual\"],"
                + "\"rows\":[{\"label\":\"7+\",\"values\":[64.0,6.36]}]}],\"outputs\":{},\"caveats\":[]}",
                written.toString());
    }

    /**
     * With a lifetime-value fit that declares its columns, each segment has its CLV figures (Fixtures.lifetimeValue:
     * segment 1 holds customers with CLV 100 and 20), and the fit its columns and caveat; without one, null.
     */
    @Test
    void eachSegmentHasItsLifetimeValueAndTheFitItsColumnsAndCaveats() throws IOException {
        assertTrue(written().getAsJsonArray("segments").get(0).getAsJsonObject().get("lifetimeValue").isJsonNull());
        JsonObject s = JsonParser.parseString(Files.readString(reporter.report(Fixtures.lifetimeValue(
                Fixtures.threeCustomers(dir)), dir, new RecordingContext()).get(0), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals("{\"meanExpectedPurchases\":0.75,\"meanProbabilityAlive\":0.7,\"totalClv\":120.0,"
                + "\"meanClv\":60.0}", s.getAsJsonArray("segments").get(1).getAsJsonObject().get("lifetimeValue")
                        .toString());
        assertEquals(900.0, s.getAsJsonArray("segments").get(0).getAsJsonObject().getAsJsonObject("lifetimeValue")
                .get("totalClv").getAsDouble());
        JsonObject fit = s.getAsJsonObject("featureFit");
        assertEquals("clv.frequency", fit.getAsJsonObject("outputs").get("frequency").getAsString());
        assertEquals("[\"" + Fixtures.CAVEAT + "\"]", fit.getAsJsonArray("caveats").toString());
    }

    @Test
    void nothingButTheFinalFileIsLeft() throws IOException {
        written();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("summary.json")), files.toList());
        }
    }

    @Test
    void aChoiceOfKShowsItsReasonRunnerUpAndTheStabilityOfEachK() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir);
        KSelection selection = new KSelection(r.spec(), List.of(
                new KCandidate(2, 900.0, 0.41, 0.95, 1200.0, 3_000_000L, 0.99),
                new KCandidate(3, 500.0, 0.45, 0.80, 1500.0, 4_000_000L, Double.NaN)),
                0, 3, "k = 3: stable. Runner-up: k = 2.", 3, 3, 2, 3);
        PipelineResult chosen = Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(),
                r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs(),
                Optional.of(selection));
        JsonObject k = JsonParser.parseString(Files.readString(reporter.report(chosen, dir, new RecordingContext())
                .get(0), StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonObject("kSelection");
        assertEquals("k = 3: stable. Runner-up: k = 2.", k.get("reason").getAsString());
        assertEquals(2, k.get("runnerUpK").getAsInt());
        assertEquals(3, k.get("minK").getAsInt());
        assertEquals(0.99, k.getAsJsonArray("candidates").get(0).getAsJsonObject().get("stability").getAsDouble());
        assertTrue(k.getAsJsonArray("candidates").get(1).getAsJsonObject().get("stability").isJsonNull(),
                "not measured");
    }
}
