package io.segmenta.engine.modulepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.Stage;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.FakeStages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests run on the class path, so ServiceLoader reads META-INF/services: the engine's own (written by
 * bnd from {@code @ServiceProvider}) and the test resources that list the fake stages.
 */
class ModulePathPipelineEngineTest {
    @TempDir
    Path dir;

    @Test
    void serviceLoaderFindsTheEngineAndTheEngineFindsItsStages() throws IOException {
        PipelineEngine engine = ServiceLoader.load(PipelineEngine.class).findFirst().orElseThrow();
        assertEquals(ModulePathPipelineEngine.class, engine.getClass());

        List<StageDescriptor> stages = engine.stages();
        assertEquals(List.of("SOURCE fake-source", "FEATURES fake-rfm", "ALGORITHM fake-split", "REPORTER fake-report"),
                stages.stream().map(s -> s.kind() + " " + s.name()).toList());
        // test classes come from a folder on the class path
        assertEquals("class path (test-classes)", stages.get(0).origin());

        Path input = Files.writeString(dir.resolve("in.csv"), "x\n");
        PipelineResult result = engine.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(2, 1, 1, 5), List.of("fake-report"), dir.resolve("out"), Options.empty()), null);
        assertEquals(List.of(dir.resolve("out").resolve("fake-report.txt")), result.outputs());
        assertEquals("class path (test-classes)", result.stageVersions().get("fake-split"));
    }

    @Test
    void duplicateNamesOfOneKindAreAnErrorNamingBothOrigins() {
        ModulePathPipelineEngine engine = new ModulePathPipelineEngine(kind -> kind == StageKind.ALGORITHM
                ? List.<Stage>of(new FakeStages.Splitter(), new FakeStages.Splitter())
                : List.of());
        SegmentaException e = assertThrows(SegmentaException.class, engine::stages);
        String cls = FakeStages.Splitter.class.getName();
        assertEquals("two algorithms are named 'fake-split': " + cls + " from class path (test-classes) and " + cls
                + " from class path (test-classes); remove one of them from the module path", e.getMessage());
    }

    @Test
    void sameNameInDifferentKindsIsFine() {
        ModulePathPipelineEngine engine = new ModulePathPipelineEngine(kind -> switch (kind) {
            case SOURCE -> List.of(new FakeStages.Source());
            case REPORTER -> List.of(new FakeStages.TextReporter());
            default -> List.of();
        });
        assertEquals(2, engine.stages().size());
    }

    @Test
    void originOfANamedModuleIsItsNameAndVersion() {
        String origin = ModulePathPipelineEngine.origin(String.class);
        assertTrue(origin.startsWith("java.base " + Runtime.version().feature()), origin);
    }
}
