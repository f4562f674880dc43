package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.testing.FakeEngine;
import io.segmenta.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void rendersTheWholeRun() {
        String text = RunSummary.render(Fixtures.fourCustomers(
                List.of(Path.of("out/uk/assignments.csv"), Path.of("out/uk/segments.csv"),
                        Path.of("out/uk/summary.csv"))));
        assertEquals("""
                Data quality (source uk-retail)
                  input                          data/online-retail.csv
                  rows read             541,909
                  rows kept             397,884  73.4%
                  rows dropped          144,025
                    missing CustomerID  135,080  lines 1444, 1445, 1446, 1447, 1448, ...
                    cancelled invoice     8,905  line 143, ...
                    bad price                40
                  period                         2010-12-01 08:26 to 2011-12-09 12:50
                  customers               4,338
                  orders                 18,532

                Segments (kmeans, k=2, 4 customers)
                  segment  customers  share  revenue  name
                        0          3  75.0%     9.3%  Low-Spending Regulars
                        1          1  25.0%    90.7%  Dormant High-Value

                Segment means
                  segment  recency  frequency   monetary
                        0    32.00       4.00   2,621.60
                        1   326.00       1.00  77,183.60
                      all   105.50       3.25  21,262.10

                Compared with all customers (index = segment mean / mean of all customers x 100)
                  0 Low-Spending Regulars: recency 30, frequency 123, monetary 12
                  1 Dormant High-Value: recency 309, frequency 31, monetary 363

                Quality
                  inertia            1,234.57  lower is tighter
                  silhouette           0.6123  -1 to 1, higher is better
                  Davies-Bouldin       0.4877  lower is better
                  Calinski-Harabasz  9,876.54  higher is better

                Timings
                  source uk-retail       1,235 ms
                  feature extractor rfm     25 ms
                  scaling                  0.4 ms
                  algorithm kmeans          95 ms
                  metrics                  312 ms
                  reporter csv             8.3 ms
                  total                  1,676 ms

                Outputs
                  out/uk/assignments.csv
                  out/uk/segments.csv
                  out/uk/summary.csv
                """, text);
    }

    /**
     * threeCustomers has a categorical country: each segment lists its most common levels (only those it
     * has) with their share of all customers. Segment 1's revenue share is unknown ("-").
     */
    @Test
    void showsTheTopCategoricalLevels() {
        StringBuilder out = new StringBuilder();
        RunSummary.segments(Fixtures.threeCustomers(Path.of("out")), out);
        assertEquals("""
                Segments (kmeans, k=2, 3 customers)
                  segment  customers  share  revenue  name
                        0          1  33.3%     5.2%  High-Spending Regulars
                        1          2  66.7%        -  Dormant, High-Value

                Segment means
                  segment  recency  frequency   monetary
                        0     2.00       7.00   4,310.00
                        1   200.25       2.50  39,490.42
                      all   134.17       4.00  27,763.61

                Compared with all customers (index = segment mean / mean of all customers x 100)
                  0 High-Spending Regulars: recency 1, frequency 175, monetary 16
                    country: Korea, Republic of 100.0% (all 33.3%)
                  1 Dormant, High-Value: recency 149, frequency 63, monetary 142
                    country: United Kingdom 50.0% (all 33.3%), (missing) 50.0% (all 33.3%)
                """, out.toString());
    }

    /** Many features wrap at 100 columns, continuing indented; a profile without population means has no index. */
    @Test
    void longComparisonsWrap() {
        List<String> features = new ArrayList<>();
        for (int j = 0; j < 12; j++) {
            features.add("feature_" + j);
        }
        double[] means = new double[12];
        double[] population = new double[12];
        Arrays.fill(means, 3);
        Arrays.fill(population, 2);
        population[11] = 0;
        PipelineResult four = Fixtures.fourCustomers(List.of());
        PipelineResult wide = Fixtures.result(four.spec(), four.source(), four.features(), four.scaled(),
                four.scaling(), four.model(), four.quality(),
                List.of(new SegmentProfile(0, "Wide", 4, 1, 1, features, means, means, population, List.of())),
                four.timings(), four.stageVersions(), four.outputs());
        StringBuilder out = new StringBuilder();
        RunSummary.comparison(wide, out);
        assertEquals("""
                Compared with all customers (index = segment mean / mean of all customers x 100)
                  0 Wide: feature_0 150, feature_1 150, feature_2 150, feature_3 150, feature_4 150, feature_5 150,
                      feature_6 150, feature_7 150, feature_8 150, feature_9 150, feature_10 150, feature_11 n/a
                """, out.toString());
        assertTrue(out.toString().lines().allMatch(l -> l.length() <= 100));
    }

    /**
     * With k chosen from a range, the time spent fitting and measuring every k (40 + 60 ms here) is its own row
     * before the final fit, and is part of the total (1,676 + 100 ms).
     */
    @Test
    void timingsShowTheTimeSpentChoosingK() {
        PipelineResult r = Fixtures.fourCustomers(List.of());
        KSelection selection = new KSelection(r.spec(), List.of(
                new KCandidate(2, 900.0, 0.41, 0.95, 1200.0, 40_000_000L),
                new KCandidate(3, 500.0, 0.38, 0.80, 1500.0, 60_000_000L)), 3, 3, "k = 3: the elbow", 4, 4);
        StringBuilder out = new StringBuilder();
        RunSummary.timings(r.timings(), Optional.of(selection), out);
        assertEquals("""
                Timings
                  source uk-retail       1,235 ms
                  feature extractor rfm     25 ms
                  scaling                  0.4 ms
                  choosing k (k = 2..3)    100 ms
                  algorithm kmeans          95 ms
                  metrics                  312 ms
                  reporter csv             8.3 ms
                  total                  1,776 ms
                """, out.toString());
        // and in the whole summary
        PipelineResult chosen = Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(),
                r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs(),
                Optional.of(selection));
        assertTrue(RunSummary.render(chosen).contains(out.toString()), RunSummary.render(chosen));
    }

    @Test
    void saysWhenNoFileWasWritten() {
        StringBuilder out = new StringBuilder();
        RunSummary.outputs(List.of(), out);
        assertEquals("Outputs\n  none (no reporter ran)\n", out.toString());
    }

    /** The same result with the source's duplicate rows counted (the fixtures leave them NOT_COUNTED). */
    static PipelineResult withDuplicates(PipelineResult r, long duplicates) {
        DataQuality q = r.source().quality();
        DataQuality counted = new DataQuality(q.source(), q.inputs(), q.rowsRead(), q.rowsKept(), q.rejections(),
                q.firstTimestamp(), q.lastTimestamp(), q.entityCounts(), duplicates);
        return Fixtures.result(r.spec(), new SourceData(r.source().transactions(), counted), r.features(),
                r.scaled(), r.scaling(), r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(),
                r.outputs());
    }

    @Test
    void showsTheDuplicateRowsWhenTheSourceCountsThem() {
        PipelineResult result = withDuplicates(Fixtures.fourCustomers(List.of()), 5_192);
        StringBuilder out = new StringBuilder();
        RunSummary.dataQuality(result, out);
        assertEquals("""
                Data quality (source uk-retail)
                  input                          data/online-retail.csv
                  rows read             541,909
                  rows kept             397,884  73.4%
                  rows dropped          144,025
                    missing CustomerID  135,080  lines 1444, 1445, 1446, 1447, 1448, ...
                    cancelled invoice     8,905  line 143, ...
                    bad price                40
                  duplicate rows          5,192  (kept)
                  period                         2010-12-01 08:26 to 2011-12-09 12:50
                  customers               4,338
                  orders                 18,532
                """, out.toString());
        // not counted (the fixture as it is): no line at all, as in rendersTheWholeRun
        StringBuilder without = new StringBuilder();
        RunSummary.dataQuality(Fixtures.fourCustomers(List.of()), without);
        assertEquals(out.toString().replace("  duplicate rows          5,192  (kept)\n", ""), without.toString());
    }

    @Test
    void aRunThatChoseKShowsHowBeforeTheSegments() {
        PipelineSpec spec = new PipelineSpec("uk-retail", Path.of("x.csv"), "rfm", "kmeans",
                new ClusterRequest(2, 42, 10, 300), List.of(), Path.of("out"), Options.empty());
        PipelineResult result = new FakeEngine().runChoosingK(spec, 2, 4, ProgressListener.NONE);
        String text = RunSummary.render(result);
        int choosing = text.indexOf("Choosing k: kmeans");
        int segments = text.indexOf("Segments (");
        assertTrue(choosing > 0 && segments > choosing, text);
        assertTrue(text.contains("Recommended k = 3: the elbow of the cost curve"), text);
        assertFalse(RunSummary.render(new FakeEngine().run(spec, ProgressListener.NONE)).contains("Choosing k"));
    }
}
