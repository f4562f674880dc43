package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.api.stage.Options;
import io.segmenta.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The movement block of the run summary, which the CLI and the shell print after a run with compare-with. */
class MovementSummaryTest {
    private static final Path OUT = Path.of("out/uk");

    /**
     * Earlier segments 0 "Champions" (matched by name to 0 now), 1 "Lapsed" (no name now: matched by number to 1)
     * and 2 "Gone" (matched to nothing: its customers all moved). 11 customers in both runs, 5 stayed.
     */
    private static SegmentMovement movement() {
        return new SegmentMovement("runs/2026-11", "id-1", "2026-11-01T06:00:00Z",
                List.of("Champions", "Lapsed", "Gone"), List.of("Champions", "Dormant, High-Value"),
                new long[][] {{3, 1}, {4, 2}, {0, 1}}, new double[][] {{900, 50.5}, {1234.5, 20}, {0, 5}},
                new long[] {1, 0}, new double[] {70, 0}, new long[] {0, 2, 0}, new int[] {0, 1, -1},
                List.of("earlier segment 1 Lapsed has no segment of its name now; matched to segment 1 by number"));
    }

    @Test
    void staysMovesNewLostAndTheLargestMoves() {
        PipelineResult r = Fixtures.threeCustomers(OUT).withMovement(movement());
        StringBuilder out = new StringBuilder();
        MovementSummary.render(r, out);
        assertEquals("""
                Movement since the earlier run (runs/2026-11, finished 2026-11-01T06:00:00Z)
                  customers in both runs     11
                  stayed in their segment     5  45.5%
                  moved to another segment    6  54.5%  revenue 1,290.00
                  new customers               1
                  customers no longer there   2
                  largest moves
                    customers  earlier segment -> segment now         revenue
                            4  1 Lapsed -> 0 Champions               1,234.50
                            1  0 Champions -> 1 Dormant, High-Value     50.50
                            1  2 Gone -> 1 Dormant, High-Value           5.00
                  note: earlier segment 1 Lapsed has no segment of its name now; matched to segment 1 by number
                """, out.toString());
    }

    @Test
    void theRunSummaryShowsItAfterTheSegmentsWhenTheRunWasCompared() {
        PipelineResult compared = Fixtures.threeCustomers(OUT).withMovement(movement());
        String text = RunSummary.render(compared);
        int segments = text.indexOf("Compared with all customers");
        int movement = text.indexOf("Movement since the earlier run (runs/2026-11");
        int quality = text.indexOf("Quality\n");
        assertTrue(segments >= 0 && segments < movement && movement < quality, text);

        assertFalse(RunSummary.render(Fixtures.threeCustomers(OUT)).contains("Movement"), "not compared: no block");
    }

    @Test
    void askedToCompareWithTheRunBeforeOnTheFirstRunItSaysThereWasNone() {
        PipelineResult r = Fixtures.threeCustomers(OUT);
        PipelineResult first = Fixtures.result(r.spec().withOptions(new Options(Map.of("compare-with", "previous"))),
                r.source(), r.features(), r.scaled(), r.scaling(), r.model(), r.quality(), r.segments(), r.timings(),
                r.stageVersions(), r.outputs());
        assertTrue(RunSummary.render(first).contains("""
                Movement since the earlier run
                  none: the output folder held no earlier run; the next run will show how customers moved since this one
                """), RunSummary.render(first));
    }

    @Test
    void nobodyMovedShowsNoMovesAndNoRevenue() {
        SegmentMovement same = new SegmentMovement("runs/a", "", "", List.of("A", "B"), List.of("A", "B"),
                new long[][] {{2, 0}, {0, 1}}, new double[][] {{10, 0}, {0, 5}}, new long[2], new double[2],
                new long[2], new int[] {0, 1}, List.of());
        StringBuilder out = new StringBuilder();
        MovementSummary.render(Fixtures.threeCustomers(OUT).withMovement(same), out);
        assertEquals("""
                Movement since the earlier run (runs/a)
                  customers in both runs     3
                  stayed in their segment    3  100.0%
                  moved to another segment   0    0.0%
                  new customers              0
                  customers no longer there  0
                """, out.toString());
    }
}
