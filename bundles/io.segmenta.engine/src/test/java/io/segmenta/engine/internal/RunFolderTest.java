package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.scaling.Log1pStandardScaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder holds the files of exactly one complete run (docs/reliability.md). */
class RunFolderTest {
    @TempDir
    Path dir;

    private final StageRegistry registry = new StageRegistry();
    private final FakeStages.TextReporter broken = new FakeStages.TextReporter("broken");
    private PipelineRunner runner;
    private Path input;
    private Path out;

    @BeforeEach
    void setUp() throws IOException {
        broken.hook = ctx -> {
            throw new UncheckedIOException(new IOException("disk full"));
        };
        FakeStages.register(registry, new FakeStages.TextReporter(), new FakeStages.TextReporter("second"), broken);
        runner = new PipelineRunner(registry, new Log1pStandardScaler(), 2);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        out = dir.resolve("out");
    }

    private PipelineResult run(List<String> reporters) {
        return run(reporters, Options.empty());
    }

    private PipelineResult run(List<String> reporters, Options options) {
        return runner.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(3, 42, 1, 10), reporters, out, options), null);
    }

    /** Every file under {@code folder} (relative path) with its content. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    /** The names in {@code dir} other than the input, the output folder and its lock file. */
    private Set<String> leftovers() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("input.csv") && !n.equals("out") && !n.equals(".out.segmenta-lock"))
                    .collect(Collectors.toSet());
        }
    }

    private static String runId(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve(RunFolder.MANIFEST)).stream().filter(l -> l.startsWith("run: "))
                .findFirst().orElseThrow();
    }

    @Test
    void aSecondRunReplacesTheFirstWhollyAndItsManifestNamesExactlyTheFilesPresent() throws IOException {
        PipelineResult first = run(List.of("fake-report", "second"));
        assertEquals(List.of(out.resolve("fake-report.txt"), out.resolve("second.txt")), first.outputs());
        assertEquals(Set.of("fake-report.txt", "second.txt"), RunFolder.manifestFiles(out));
        String firstId = runId(out);

        PipelineResult second = run(List.of("fake-report"));
        assertEquals(List.of(out.resolve("fake-report.txt")), second.outputs());
        // second.txt was the first run's: it does not stay beside the second run's files
        assertEquals(Set.of("fake-report.txt", RunFolder.MANIFEST), contents(out).keySet());
        assertEquals(Set.of("fake-report.txt"), RunFolder.manifestFiles(out));
        assertNotEquals(firstId, runId(out));
        assertEquals(Set.of(), leftovers(), "no staging or set-aside folder is left");
    }

    @Test
    void aFailingReporterLeavesThePreviousRunUntouchedAndNoStagingFolder() throws IOException {
        run(List.of("fake-report", "second"));
        Map<String, String> before = contents(out);

        SegmentaException e = assertThrows(SegmentaException.class,
                () -> run(List.of("fake-report", "broken")));
        assertEquals("reporter 'broken' failed: disk full", e.getMessage());
        assertEquals(1, broken.calls.get());
        assertEquals(before, contents(out), "the previous run, manifest included, as it was");
        assertEquals(Set.of(), leftovers());
    }

    @Test
    void aModelFileInTheOutputFolderIsPartOfTheRun() throws IOException {
        Path model = out.resolve("model.json");
        PipelineResult result = run(List.of("fake-report"), new Options(Map.of(PipelineRunner.SAVE_MODEL,
                model.toString())));
        assertEquals(List.of(out.resolve("fake-report.txt"), model), result.outputs());
        assertEquals(Set.of("fake-report.txt", "model.json"), RunFolder.manifestFiles(out));
        assertTrue(Files.size(model) > 0);
    }

    @Test
    void aCommitThatFailsLeavesNoModelFileOutsideTheFolder() throws IOException {
        run(List.of("fake-report"));
        Map<String, String> before = contents(out);
        Path model = Files.createDirectories(dir.resolve("models")).resolve("model.json");
        // a reporter that takes the staging folder away (as a failing disk might), so the commit fails
        FakeStages.TextReporter vanishing = new FakeStages.TextReporter("vanishing") {
            @Override
            public List<Path> report(PipelineResult result, Path outputDir, StageContext context) {
                try (Stream<Path> walk = Files.walk(outputDir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return List.of();
            }
        };
        registry.add(new StageEntry(StageKind.REPORTER, "vanishing", vanishing, "test 1.0.0", 0, 9));
        SegmentaException e = assertThrows(SegmentaException.class, () -> run(List.of("fake-report", "vanishing"),
                new Options(Map.of(PipelineRunner.SAVE_MODEL, model.toString()))));
        assertTrue(e.getMessage().contains(".out.staging-"), e.getMessage());
        try (Stream<Path> models = Files.list(model.getParent())) {
            assertEquals(List.of(), models.toList(), "neither the model file nor its pending copy");
        }
        assertEquals(before, contents(out), "the previous run as it was");
    }

    @Test
    void aModelFileOutsideTheFolderIsMovedIntoPlaceAfterTheSwap() throws IOException {
        Path model = Files.createDirectories(dir.resolve("models")).resolve("model.json");
        PipelineResult result = run(List.of("fake-report"), new Options(Map.of(PipelineRunner.SAVE_MODEL,
                model.toString())));
        assertEquals(List.of(out.resolve("fake-report.txt"), model), result.outputs());
        assertEquals(Set.of("fake-report.txt"), RunFolder.manifestFiles(out));
        try (Stream<Path> models = Files.list(model.getParent())) {
            assertEquals(List.of(model), models.toList(), "no pending copy left");
        }
    }

    @Test
    void aRunIsRefusedWhileAnotherHoldsTheFoldersLock() throws IOException {
        run(List.of("fake-report"));
        Map<String, String> before = contents(out);
        Path lockFile = dir.resolve(".out.segmenta-lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            SegmentaException e = assertThrows(SegmentaException.class, () -> run(List.of("second")));
            assertEquals("another Segmenta run is writing into " + out + "; wait for it to finish or give another"
                    + " output folder (lock: " + lockFile + ")", e.getMessage());
        }
        assertEquals(before, contents(out));
        assertEquals(Set.of(), leftovers());
        // released: the next run goes ahead
        run(List.of("second"));
        assertEquals(Set.of("second.txt"), RunFolder.manifestFiles(out));
    }

    @Test
    void aRunIsRefusedWhileAnotherRunOfThisProcessWritesIntoTheFolder() throws IOException {
        // as two runs started from one shell: the second must not open (and on closing release) the lock file
        try (RunFolder writing = RunFolder.open(out)) {
            SegmentaException e = assertThrows(SegmentaException.class, () -> run(List.of("second")));
            assertTrue(e.getMessage().startsWith("another Segmenta run is writing into " + out), e.getMessage());
            assertTrue(Files.isDirectory(writing.staging()));
        }
        assertEquals(Set.of(), leftovers());
        run(List.of("second"));
        assertEquals(Set.of("second.txt"), RunFolder.manifestFiles(out));
    }

    @Test
    void whatKilledRunsLeftIsCleanedByTheNextRun() throws IOException {
        run(List.of("fake-report"));
        // a killed run's staging folder, a set-aside folder whose deletion was cut, a .tmp of an older version
        Files.createDirectories(dir.resolve(".out.staging-k1"));
        Files.writeString(dir.resolve(".out.staging-k1").resolve("second.txt"), "half");
        Files.createDirectories(dir.resolve(".out.old-k2"));
        Files.writeString(dir.resolve(".out.old-k2").resolve("fake-report.txt"), "old");
        Files.writeString(out.resolve(".second.txt3k9s.tmp"), "half");
        // another folder's staging is not this run's to clean
        Files.createDirectories(dir.resolve(".other.staging-k3"));

        run(List.of("fake-report"));
        assertEquals(Set.of(".other.staging-k3"), leftovers());
        assertEquals(Set.of("fake-report.txt", RunFolder.MANIFEST), contents(out).keySet());
    }

    @Test
    void aSwapCutBetweenItsRenamesIsUndoneByTheNextRun() throws IOException {
        run(List.of("fake-report", "second"));
        Map<String, String> previous = contents(out);
        // killed after setting the previous run aside, before renaming its staging folder in
        Files.move(out, dir.resolve(".out.old-k1"));
        Files.createDirectories(dir.resolve(".out.staging-k2"));
        // and an older run set aside whose deletion failed: the newest finished run is the one restored
        Path older = Files.createDirectories(dir.resolve(".out.old-k0"));
        Files.writeString(older.resolve(RunFolder.MANIFEST), "run: older\nfinished: 2000-01-01T00:00:00Z\n"
                + "file: second.txt\n");
        Files.writeString(older.resolve("second.txt"), "older");

        assertThrows(SegmentaException.class, () -> run(List.of("broken")));
        assertEquals(previous, contents(out), "the previous run is back, whole");
        assertEquals(Set.of(), leftovers());
    }

    @Test
    void aFolderHoldingFilesNoRunWroteIsRefusedAndKept() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        SegmentaException e = assertThrows(SegmentaException.class, () -> run(List.of("fake-report")));
        assertEquals("the output folder " + out + " holds files that no Segmenta run wrote (notes.txt); a run"
                + " replaces its folder wholly, so give a new or empty folder", e.getMessage());
        assertEquals(Map.of("notes.txt", "mine"), contents(out));

        // also beside a previous run: a file its manifest does not name
        Files.delete(out.resolve("notes.txt"));
        run(List.of("fake-report"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThrows(SegmentaException.class, () -> run(List.of("fake-report")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void anEmptyExistingFolderIsUsed() throws IOException {
        Files.createDirectories(out);
        run(List.of("fake-report"));
        assertEquals(Set.of("fake-report.txt"), RunFolder.manifestFiles(out));
    }
}
