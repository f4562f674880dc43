package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages a user reads name the problem in words: no Java exception class, no misleading "no such file". */
class UserMessagesTest {
    @TempDir
    Path dir;

    @Test
    void anInputThatIsASymbolicLinkLoopIsNotCalledMissing() throws IOException {
        FakeStages.Pipeline fakes = new FakeStages.Pipeline();
        Path loop = Files.createSymbolicLink(dir.resolve("loop.csv"), dir.resolve("loop.csv"));
        PipelineSpec spec = new PipelineSpec("fake-source", loop, "fake-rfm", "fake-split",
                new ClusterRequest(3, 42, 1, 10), List.of(), dir.resolve("out"), Options.empty());
        // before: "no such file: .../loop.csv"
        assertEquals(loop + " is a symbolic link that leads to nothing (or to itself)", assertThrows(
                SegmentaException.class, () -> new PipelineRunner(fakes.registry).run(spec, null)).getMessage());
        assertEquals(0, fakes.source.calls.get());
    }

    @Test
    void aStageFailingOnAFileSaysWhyWithoutAJavaClassName() {
        StageEntry reporter = new StageEntry(StageKind.REPORTER, "fake-report", new FakeStages.TextReporter(), "t 1",
                0, 1);
        Path file = dir.resolve("out");
        // before: "fake-report reporter failed: UncheckedIOException: java.nio.file.FileAlreadyExistsException: ..."
        assertEquals(reporter.label() + " failed: " + file + " is a file, not a folder", StepRunner.failure(reporter,
                new UncheckedIOException(new FileAlreadyExistsException(file.toString())), List.of()).getMessage());
        assertEquals(reporter.label() + " failed: permission denied: " + file, StepRunner.failure(reporter,
                new UncheckedIOException(new AccessDeniedException(file.toString())), List.of()).getMessage());
    }
}
