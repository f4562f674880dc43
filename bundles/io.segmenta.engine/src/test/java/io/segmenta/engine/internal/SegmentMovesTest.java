package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.table.input.RunAssignments;
import io.segmenta.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The movement matrix on a planted case worked out by hand: two segments swap numbers (matched by name), one is
 * renamed (matched by number, with a note), two customers are gone and one is new; revenue is this run's.
 */
class SegmentMovesTest {
    @TempDir
    Path dir;

    /**
     * Earlier: c1, c2, gone1 in 0 'Champions'; c3, c4 in 1 'At Risk'; c5, gone2 in 2 'Lost Cause'. Now: 0 'At Risk'
     * (c2, c3), 1 'Champions' (c1, n1), 2 'New Name' (c4, c5). Revenue now: c1 100, c2 20 + 30, c3 10, c4 5, c5 1,
     * n1 7, and x (in no segment) 999.
     */
    private static final String EARLIER = """
            customer_id,monetary,segment_name,segment
            c1,1,Champions,0
            c2,1,Champions,0
            "gone,1",1,Champions,0
            c3,1,At Risk,1
            c4,1,At Risk,1
            c5,1,Lost Cause,2
            gone2,1,Lost Cause,2
            """;

    private static PipelineResult current() {
        List<String> ids = List.of("c1", "c2", "c3", "c4", "c5", "n1");
        List<String> customers = List.of("c1", "c2", "c3", "c4", "c5", "n1", "x");
        int[] rowCustomer = {0, 1, 1, 2, 3, 4, 5, 6};
        double[] amount = {100, 20, 30, 10, 5, 1, 7, 999};
        int n = amount.length;
        int[] orders = new int[n];
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            orders[i] = i;
            orderIds.add("o" + i);
        }
        TransactionTable table = new TransactionTable(List.of(new CategoricalColumn("customer", rowCustomer, customers),
                new CategoricalColumn("order", orders, orderIds), new TimestampColumn("timestamp", new long[n]),
                new NumericColumn("quantity", new double[n]), new NumericColumn("amount", amount)));
        FeatureMatrix f = new FeatureMatrix(EntityKind.CUSTOMER, ids,
                List.of(new NumericColumn("monetary", new double[6])), List.of(), "monetary");
        PipelineSpec spec = new PipelineSpec("s", Path.of("in.csv"), "rfm", "kmeans", new ClusterRequest(3, 1, 1, 1),
                List.of("csv"), Path.of("out"), Options.empty());
        List<SegmentProfile> profiles = new ArrayList<>();
        String[] names = {"At Risk", "Champions", "New Name"};
        for (int s = 0; s < 3; s++) {
            profiles.add(new SegmentProfile(s, names[s], 2, 1 / 3.0, 1 / 3.0, List.of("monetary"), new double[1],
                    new double[1], new double[1], List.of()));
        }
        DataQuality q = new DataQuality("s", List.of(), n, n, List.of(), 0, 0, Map.of());
        return Fixtures.result(spec, new SourceData(table, q), f, f, Map.of(),
                new FakeStages.Model("kmeans", new int[] {1, 0, 0, 2, 2, 1}, new double[3][1], 0),
                new ClusterQuality(0, 0, 0, 0), profiles, List.of(), Map.of(), List.of());
    }

    private RunAssignments earlier(String text) throws IOException {
        Path file = Files.createDirectories(dir.resolve("earlier")).resolve(RunAssignments.FILE);
        Files.writeString(file, text);
        return RunAssignments.read(file);
    }

    @Test
    void entitiesAndRevenueFromEachEarlierSegmentToEachCurrentOneNewAndLost() throws IOException {
        SegmentMovement m = SegmentMoves.of(earlier(EARLIER), current(), "earlier", "run-1", "2026-12-01T00:00:00Z");

        assertEquals(List.of("Champions", "At Risk", "Lost Cause"), m.fromSegments());
        assertArrayEquals(new long[][] {{1, 1, 0}, {1, 0, 1}, {0, 0, 1}}, m.entities());
        assertArrayEquals(new double[] {50, 100, 0}, m.revenue()[0], "c2's two rows, c1's one");
        assertArrayEquals(new double[] {10, 0, 5}, m.revenue()[1]);
        assertArrayEquals(new double[] {0, 0, 1}, m.revenue()[2]);
        assertArrayEquals(new long[] {0, 1, 0}, m.newEntities());
        assertArrayEquals(new double[] {0, 7, 0}, m.newRevenue());
        assertArrayEquals(new long[] {1, 0, 1}, m.lostEntities(), "the quoted id 'gone,1' and gone2");
        assertArrayEquals(new int[] {1, 0, 2}, m.matchedTo(), "by name where the names match, else by number");
        assertEquals(5, m.common());
        assertEquals(3, m.stayed(), "c1 (Champions), c3 (At Risk), c5 (Lost Cause, now New Name)");
        assertEquals(List.of("earlier segment 2 'Lost Cause' has no segment of the same name in this run; it is "
                + "matched by number to segment 2 'New Name'"), m.notes());
        assertEquals("run-1", m.previousRunId());
    }

    @Test
    void anEarlierSegmentWhoseNumberIsTakenByANameMatchIsLeftUnmatched() {
        List<String> notes = new ArrayList<>();
        assertArrayEquals(new int[] {-1, 0}, SegmentMoves.match(List.of("A", "B"), List.of("B", "C"), "customer", notes));
        assertEquals(1, notes.size());
        assertEquals("earlier segment 0 'A' has no segment of the same name in this run, and segment 0 is matched by "
                + "name to another: all its customers count as moved", notes.get(0));
    }

    @Test
    void theSegmentColumnsAreTheLastOfTheirNameAFeatureMayShareIt() throws IOException {
        RunAssignments a = earlier("customer_id,segment,segment_name,segment\nc1,7,A,1\nc2,9,B,0\n");
        assertArrayEquals(new int[] {1, 0}, a.segments());
        assertEquals(List.of("B", "A"), a.names());
    }

    @Test
    void anEarlierRunOfSellersIsRefused() throws IOException {
        RunAssignments sellers = earlier("seller_id,segment_name,segment\ns1,A,0\n");
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> SegmentMoves.of(sellers, current(), "earlier", "", ""));
        assertEquals("option compare-with: the earlier run in earlier segmented sellers; this run segments customers",
                e.getMessage());
    }

    @Test
    void aBadSegmentNumberNamesFileLineAndColumn() {
        InputDataException e = assertThrows(InputDataException.class,
                () -> earlier("customer_id,segment_name,segment\nc1,A,0\nc2,A,two\n"));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("segment"), e.getMessage());
    }

    private static PipelineSpec spec(Path out, String compareWith) {
        return new PipelineSpec("s", Path.of("in.csv"), "rfm", "kmeans", new ClusterRequest(3, 1, 1, 1),
                List.of("csv"), out, new Options(Map.of(EngineOptions.COMPARE_WITH, compareWith)));
    }

    @Test
    void theFolderIsCheckedBeforeAnyWorkInOneLine() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("option compare-with: no such folder: " + dir.resolve("nowhere"), assertThrows(
                SegmentaException.class, () -> PreviousRun.folder(spec(dir, dir.resolve("nowhere").toString())))
                .getMessage());
        assertEquals("option compare-with: " + empty + " holds no assignments.csv (the csv reporter writes it: run "
                + "with --report csv)", assertThrows(SegmentaException.class,
                        () -> PreviousRun.folder(spec(dir, empty.toString()))).getMessage());
        assertEquals(Optional.empty(), PreviousRun.folder(spec(empty, EngineOptions.COMPARE_WITH_PREVIOUS)),
                "'previous' with no run in the output folder yet: nothing to compare, no error");

        earlier(EARLIER);
        Path run = dir.resolve("earlier");
        assertEquals(Optional.of(run), PreviousRun.folder(spec(run, EngineOptions.COMPARE_WITH_PREVIOUS)));
        Path model = Files.writeString(run.resolve("model.json"), "{}");
        assertEquals(Optional.of(run), PreviousRun.folder(spec(dir, model.toString())),
                "a model file saved in its run's folder stands for that run");
    }
}
