package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output locations are checked when the run is planned: a run that could not write its reports or its model
 * fails before its source is called and leaves the file system as it was.
 */
class OutputLocationsTest {
    @TempDir
    Path dir;

    private final FakeStages.Pipeline fakes = new FakeStages.Pipeline();
    private final PipelineRunner runner = new PipelineRunner(fakes.registry);
    private Path input;
    private Path blocker;

    @BeforeEach
    void setUp() throws IOException {
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        blocker = Files.writeString(dir.resolve("a-file"), "a file where a folder is wanted\n");
    }

    private SegmentaException runFails(Path out, Map<String, String> options) {
        return assertThrows(SegmentaException.class, () -> runner.run(new PipelineSpec("fake-source", input,
                "fake-rfm", "fake-split", new ClusterRequest(3, 42, 1, 10), List.of("fake-report"), out,
                new Options(options)), null));
    }

    /** Nothing was read and nothing was written: the folder holds what setUp put there. */
    private void assertNothingHappened() throws IOException {
        assertEquals(0, fakes.source.calls.get(), "the source must not be called");
        assertEquals(0, fakes.reporter.calls.get(), "no reporter may run");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(blocker.getFileName(), input.getFileName()).stream().sorted().toList(),
                    files.map(Path::getFileName).sorted().toList());
        }
    }

    private static void assertNoJavaNames(String message) {
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void aModelFileInAFolderThatIsAFileFailsBeforeAnythingIsWritten() throws IOException {
        Path model = blocker.resolve("model.json");
        SegmentaException e = runFails(dir.resolve("out"), Map.of(PipelineRunner.SAVE_MODEL, model.toString()));
        assertEquals("cannot write the model file " + model + ": " + blocker + " is a file, not a folder",
                e.getMessage());
        assertNothingHappened();
    }

    @Test
    void anOutputFolderBelowAFileFailsBeforeAnythingIsRead() throws IOException {
        Path out = blocker.resolve("reports").resolve("today");
        SegmentaException e = runFails(out, Map.of());
        assertEquals("cannot write in the output folder " + out + ": " + blocker + " is a file, not a folder",
                e.getMessage());
        assertNothingHappened();
    }

    @Test
    void anOutputPathGoingUpOutOfAFolderThatDoesNotExistFailsBeforeAnythingIsRead() throws IOException {
        // the system cannot follow 'missing/..' while 'missing' does not exist: creating the folder would fail
        Path out = dir.resolve("missing").resolve("..").resolve("out");
        SegmentaException e = runFails(out, Map.of());
        assertEquals("cannot write in the output folder " + out + ": the path goes up ('..') out of "
                + dir.resolve("missing") + ", which does not exist; give it without '..'", e.getMessage());
        assertNothingHappened();
    }

    @Test
    void aSymbolicLinkLoopInTheOutputPathIsNamed() throws IOException {
        Path loop = dir.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        SegmentaException e = runFails(loop.resolve("out"), Map.of());
        assertEquals("cannot write in the output folder " + loop.resolve("out") + ": " + loop
                + " is a symbolic link that leads to nothing (or to itself)", e.getMessage());
        Files.delete(loop);
        assertNothingHappened();
    }

    @Test
    void anUnwritableOutputFolderFailsBeforeAnythingIsRead() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        if (!Files.isWritable(locked)) { // not root: the real permission check, through a run
            SegmentaException e = runFails(locked.resolve("out"), Map.of());
            assertEquals("cannot write in the output folder " + locked.resolve("out") + ": no permission to write in "
                    + locked, e.getMessage());
            assertEquals(0, fakes.source.calls.get());
        }
        // root may write anywhere, so the rule itself is checked with the permission answered for it too
        assertEquals("no permission to write in " + locked,
                OutputLocations.folderProblem(locked.resolve("out").resolve("deeper"), p -> !p.equals(locked)));
        assertNull(OutputLocations.folderProblem(locked.resolve("out"), p -> true));
    }

    @Test
    void predictChecksItsOutputFolderWithTheSameCheck() {
        Path out = blocker.resolve("pred");
        SegmentaException e = assertThrows(SegmentaException.class, () -> RunPlanner.checkOutputFolder(out));
        assertEquals("cannot write in the output folder " + out + ": " + blocker + " is a file, not a folder",
                e.getMessage());
        assertNoJavaNames(e.getMessage());
    }

    @Test
    void goodLocationsPass() {
        assertNull(OutputLocations.folderProblem(dir.resolve("new").resolve("deeper")));
        assertNull(OutputLocations.folderProblem(dir));
        // '..' through folders that exist is what the system follows
        assertNull(OutputLocations.folderProblem(dir.resolve("..").resolve(dir.getFileName()).resolve("out")));
    }
}
