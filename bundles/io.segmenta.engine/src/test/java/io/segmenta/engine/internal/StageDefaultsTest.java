package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.scaling.TransformScaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage option defaults from configuration: parsing, the files of the module path, and how a run applies them. */
class StageDefaultsTest {
    @TempDir
    Path dir;

    private final StageRegistry registry = new StageRegistry();
    private final StageDefaults defaults = new StageDefaults();
    private PipelineRunner runner;
    private Path input;

    @BeforeEach
    void setUp() throws IOException {
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", new FakeStages.Source(), "t 1", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", new FakeStages.Extractor(), "t 1", 0, 2));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", new FakeStages.Splitter(), "t 1", 0, 3));
        registry.add(new StageEntry(StageKind.REPORTER, "fake-report", new FakeStages.TextReporter(), "t 1", 0, 4));
        runner = new PipelineRunner(registry, new TransformScaler(), 2, defaults);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
    }

    private PipelineSpec spec(Options options) {
        return new PipelineSpec("fake-source", input, "fake-rfm", "fake-split", new ClusterRequest(3, 42, 1, 10),
                List.of("fake-report"), dir.resolve("out"), options);
    }

    @Test
    void aDefaultFillsAnOptionThePipelineLeavesOut() {
        defaults.put("pid.1", StageDefaults.parse(Map.of("stage.kind", "features", "stage.name", "fake-rfm",
                "snapshot", "2011-12-10"), "deploy/io.segmenta.stage.defaults-rfm.cfg"));
        PipelineResult result = runner.run(spec(Options.empty()), null);
        assertEquals(Map.of("snapshot", "2011-12-10"), result.spec().options().asMap());
    }

    @Test
    void thePipelinesOwnOptionWins() {
        defaults.put("pid.1", StageDefaults.parse(Map.of("stage.kind", "features", "stage.name", "fake-rfm",
                "snapshot", "2011-12-10"), "rfm.cfg"));
        PipelineSpec asked = spec(new Options(Map.of("snapshot", "2011-12-01")));
        PipelineResult result = runner.run(asked, null);
        assertSame(asked, result.spec(), "nothing to fill in: the spec is the one asked for");
        assertEquals("2011-12-01", result.spec().options().get("snapshot").orElseThrow());
    }

    @Test
    void defaultsOfStagesThePipelineDoesNotUseAreIgnored() {
        defaults.put("pid.1", StageDefaults.parse(Map.of("stage.kind", "features", "stage.name", "buyer",
                "unheard.of", "1"), "buyer.cfg"));
        assertEquals(Map.of(), runner.run(spec(Options.empty()), null).spec().options().asMap());
    }

    @Test
    void engineDefaultsApplyToEveryRun() {
        defaults.put("pid.2", StageDefaults.parse(Map.of("stage.kind", "engine", "transform", "zscore",
                "transform.monetary", "log1p,zscore"), "engine.cfg"));
        assertEquals(Map.of("transform", "zscore", "transform.monetary", "log1p,zscore"),
                runner.run(spec(Options.empty()), null).spec().options().asMap());
    }

    @Test
    void aDefaultForAnOptionTheStageDoesNotReadIsRefusedNamingTheFile() {
        defaults.put("pid.1", StageDefaults.parse(Map.of("stage.kind", "features", "stage.name", "fake-rfm",
                "snapshto", "2011-12-10"), "deploy/io.segmenta.stage.defaults-rfm.cfg"));
        SegmentaException e = assertThrows(SegmentaException.class, () -> runner.run(spec(Options.empty()), null));
        assertEquals("deploy/io.segmenta.stage.defaults-rfm.cfg: 'snapshto' is not an option of feature extractor "
                + "fake-rfm; it reads: snapshot", e.getMessage());
    }

    @Test
    void removedDefaultsNoLongerApply() {
        defaults.put("pid.1", StageDefaults.parse(Map.of("stage.kind", "features", "stage.name", "fake-rfm",
                "snapshot", "2011-12-10"), "rfm.cfg"));
        defaults.remove("pid.1");
        assertEquals(Map.of(), runner.run(spec(Options.empty()), null).spec().options().asMap());
    }

    @Test
    void parsingNamesTheFileAndWhatIsWrong() {
        assertEquals("a.cfg: stage.kind is missing; expected source, features, algorithm, reporter or engine",
                assertThrows(SegmentaException.class, () -> StageDefaults.parse(Map.of("x", "1"), "a.cfg"))
                        .getMessage());
        assertEquals("a.cfg: stage.kind 'algo' is not a stage kind; expected source, features, algorithm, reporter "
                + "or engine", assertThrows(SegmentaException.class,
                        () -> StageDefaults.parse(Map.of("stage.kind", "algo"), "a.cfg")).getMessage());
        assertEquals("a.cfg: stage.name is missing: the name of the algorithm these defaults are for",
                assertThrows(SegmentaException.class,
                        () -> StageDefaults.parse(Map.of("stage.kind", "algorithm"), "a.cfg")).getMessage());
        // what Configuration Admin and FileInstall add is not an option
        StageDefaults.Entry e = StageDefaults.parse(Map.of("stage.kind", "algorithm", "stage.name", "kmeans",
                "service.pid", "io.segmenta.stage.defaults~kmeans", "service.factoryPid", "io.segmenta.stage.defaults",
                "felix.fileinstall.filename", "file:/x/deploy/k.cfg", "component.id", 7,
                "osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)", "kprototypes.gamma", "0.5"), "k.cfg");
        assertEquals(Map.of("kprototypes.gamma", "0.5"), e.options());
        assertEquals(StageKind.ALGORITHM, e.kind());
    }

    @Test
    void theModulePathReadsTheSameFilesFromAFolder() throws IOException {
        Files.writeString(dir.resolve("io.segmenta.stage.defaults-rfm.cfg"),
                "# the team's snapshot\nstage.kind = features\nstage.name = fake-rfm\nsnapshot = 2011-12-10\n");
        Files.writeString(dir.resolve("io.segmenta.pipeline-other.cfg"), "not a defaults file=1\n");
        Files.writeString(dir.resolve("README.md"), "ignored\n");
        List<StageDefaults.Entry> entries = StageDefaultsFiles.read(dir);
        assertEquals(1, entries.size());
        assertEquals("fake-rfm", entries.get(0).name());
        assertTrue(entries.get(0).origin().endsWith("io.segmenta.stage.defaults-rfm.cfg"), entries.get(0).origin());
        defaults.replaceAll(entries);
        assertEquals(Map.of("snapshot", "2011-12-10"), runner.run(spec(Options.empty()), null).spec().options().asMap());

        assertEquals(List.of(), StageDefaultsFiles.read(dir.resolve("no-such-folder")));
    }
}
