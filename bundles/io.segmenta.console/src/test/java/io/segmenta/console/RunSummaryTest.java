package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
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

                Segments (kmeans, k=2, 4 customers; feature columns are segment means)
                  segment  customers  share  revenue  recency  frequency   monetary
                        0          3  75.0%     9.3%    32.00       4.00   2,621.60
                        1          1  25.0%    90.7%   326.00       1.00  77,183.60

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
        return new PipelineResult(r.spec(), new SourceData(r.source().transactions(), counted), r.features(),
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
}
