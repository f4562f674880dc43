package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.scaling.Log1pStandardScaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine option segment-names, through a whole run with the fake stages. */
class SegmentNamesOptionTest {
    @TempDir
    Path dir;

    private final FakeStages.Source source = new FakeStages.Source();
    private PipelineRunner runner;
    private Path input;

    @BeforeEach
    void setUp() throws IOException {
        StageRegistry registry = new StageRegistry();
        registry.add(new StageEntry(StageKind.SOURCE, "fake-source", source, "test.source 1.0.0", 0, 1));
        registry.add(new StageEntry(StageKind.FEATURES, "fake-rfm", new FakeStages.Extractor(), "test 1.0.0", 0, 2));
        registry.add(new StageEntry(StageKind.ALGORITHM, "fake-split", new FakeStages.Splitter(), "test 1.0.0", 0, 3));
        runner = new PipelineRunner(registry, new Log1pStandardScaler(), 1);
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
    }

    private PipelineResult run(String names) {
        Options options = names == null ? Options.empty() : new Options(Map.of("segment-names", names));
        return runner.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(3, 42, 1, 10), List.of(), dir.resolve("out"), options), null);
    }

    @Test
    void theUsersNamesReplaceTheDerivedOnes() {
        List<String> derived = run(null).segments().stream().map(SegmentProfile::name).toList();
        assertFalse(derived.contains("VIP"), derived.toString());
        List<String> renamed = run("2=VIP,0=Lapsed").segments().stream().map(SegmentProfile::name).toList();
        assertEquals(List.of("Lapsed", derived.get(1), "VIP"), renamed);
    }

    /** A rule follows the profile: the largest segment and the one with the lowest mean of the first feature. */
    @Test
    void rulesNameTheSegmentsTheyDescribe() {
        List<SegmentProfile> derived = run(null).segments();
        int largest = 0;
        for (SegmentProfile p : derived) {
            largest = p.size() > derived.get(largest).size() ? p.segment() : largest;
        }
        String feature = derived.get(0).features().get(0);
        int lowest = -1;
        for (SegmentProfile p : derived) {
            if (p.segment() != largest && p.size() > 0
                    && (lowest < 0 || p.means()[0] < derived.get(lowest).means()[0])) {
                lowest = p.segment();
            }
        }
        List<SegmentProfile> renamed = run("largest=Most; lowest " + feature + "=Least").segments();
        assertEquals("Most", renamed.get(largest).name());
        assertEquals("Least", renamed.get(lowest).name());
        assertTrue(renamed.stream().allMatch(p -> p.size() == 0 || p.action().present()), renamed.toString());
    }

    @Test
    void aSegmentThatDoesNotExistFailsTheRun() {
        assertEquals("option segment-names: there is no segment 3; this run has segments 0 to 2",
                assertThrows(SegmentaException.class, () -> run("3=VIP")).getMessage());
    }

    /**
     * The actions file is read once, when the run is planned: a change to it while the run reads its input does not
     * reach this run's segments (the profiling uses the rules parsed at planning).
     */
    @Test
    void theActionsFileIsReadOnceWhenTheRunIsPlanned() throws IOException {
        Path rules = Files.writeString(dir.resolve("actions.txt"), "default => Planned.\n");
        ProgressListener editsTheFile = new ProgressListener() {
            @Override
            public void stepStarted(StageKind kind, String name) {
                if (kind == StageKind.SOURCE) {
                    try {
                        Files.writeString(rules, "default => Changed while reading.\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
        PipelineResult r = runner.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split",
                new ClusterRequest(3, 42, 1, 10), List.of(), dir.resolve("out"),
                new Options(Map.of("actions", rules.toString(), "segment-names", "largest=Most"))), editsTheFile);
        assertEquals("default => Changed while reading.\n", Files.readString(rules), "the listener ran");
        List<String> actions = r.segments().stream().filter(p -> p.size() > 0).map(p -> p.action().text()).toList();
        assertFalse(actions.isEmpty());
        assertTrue(actions.stream().allMatch("Planned."::equals), actions.toString());
        assertTrue(r.segments().stream().anyMatch(p -> p.name().equals("Most")), "the renames planned apply too");
    }

    @Test
    void aMalformedValueFailsBeforeReading() {
        assertEquals("option segment-names: 'VIP' is not RULE=NAME; " + SegmentRenames.EXPECTED,
                assertThrows(SegmentaException.class, () -> run("VIP")).getMessage());
        assertEquals(0, source.calls.get());
    }
}
