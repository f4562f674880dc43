package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.engine.internal.scaling.Log1pStandardScaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with compare-with, through the runner and the fake stages: the earlier run's assignments are read after
 * the segments are measured, the reporters receive the movement, and a folder without assignments is refused
 * before anything is read.
 */
class CompareWithRunTest {
    @TempDir
    Path dir;

    private final StageRegistry registry = new StageRegistry();
    private final FakeStages.TextReporter reporter = new FakeStages.TextReporter();
    private PipelineRunner runner;
    private Path input;

    @BeforeEach
    void setUp() throws IOException {
        FakeStages.register(registry, reporter);
        runner = new PipelineRunner(registry, new Log1pStandardScaler(), 2);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
    }

    private PipelineSpec spec(Path out, String compareWith) {
        return new PipelineSpec("fake-source", input, "fake-rfm", "fake-split", new ClusterRequest(2, 42, 1, 10),
                List.of("fake-report"), out, new Options(Map.of(EngineOptions.COMPARE_WITH, compareWith)));
    }

    /** The fake source's customers are c1 .. c7; the earlier run had c1 .. c4 in 0, c5 and 'gone' in 1. */
    @Test
    void theReportersReceiveTheMovementFromTheEarlierRun() throws IOException {
        Path earlier = Files.createDirectories(dir.resolve("earlier"));
        Files.writeString(earlier.resolve("assignments.csv"), "customer_id,segment_name,segment\n"
                + "c1,Small,0\nc2,Small,0\nc3,Small,0\nc4,Small,0\nc5,Big,1\ngone,Big,1\n");
        Files.writeString(earlier.resolve("segmenta-run.txt"), "# the files of one complete Segmenta run\n"
                + "run: r-1\nfinished: 2026-11-01T06:00:00Z\nfile: assignments.csv\n");
        PipelineResult r = runner.run(spec(dir.resolve("out"), earlier.toString()), null);

        SegmentMovement m = r.movement().orElseThrow();
        assertSame(r.movement().get(), reporter.received.movement().get(), "the reporters got it");
        assertEquals("r-1", m.previousRunId());
        assertEquals("2026-11-01T06:00:00Z", m.previousFinished());
        assertEquals(List.of("Small", "Big"), m.fromSegments());
        assertEquals(5, m.common(), "c1 .. c5");
        long[][] entities = m.entities();
        assertEquals(4, entities[0][0] + entities[0][1], "the four of Small are all still there");
        assertEquals(1, entities[1][0] + entities[1][1]);
        assertEquals(2, m.newEntities()[0] + m.newEntities()[1], "c6 and c7");
        assertEquals(List.of(0L, 1L), List.of(m.lostEntities()[0], m.lostEntities()[1]), "gone");
        assertTrue(r.timings().stream().anyMatch(t -> t.name().equals(PreviousRun.STEP)), r.timings().toString());
        assertFalse(r.trends().isEmpty(), "the fake source's transactions give trends too");
    }

    @Test
    void aFolderWithoutAssignmentsIsRefusedBeforeAnythingIsRead() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        SegmentaException e = assertThrows(SegmentaException.class,
                () -> runner.run(spec(dir.resolve("out"), empty.toString()), null));
        assertTrue(e.getMessage().startsWith("option compare-with: " + empty + " holds no assignments.csv"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        assertEquals(null, reporter.received);
    }

    @Test
    void previousWithNoRunInTheOutputFolderYetRunsWithoutMovement() {
        PipelineResult r = runner.run(spec(dir.resolve("out"), EngineOptions.COMPARE_WITH_PREVIOUS), null);
        assertTrue(r.movement().isEmpty());
    }
}
