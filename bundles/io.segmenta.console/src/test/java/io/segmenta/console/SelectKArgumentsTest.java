package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectKArgumentsTest {

    private static String error(String... args) {
        return assertThrows(SegmentaException.class, () -> SelectKArguments.parse(List.of(args)).spec()).getMessage();
    }

    @Test
    void defaultsAndRunOptions() {
        SelectKArguments a = SelectKArguments.parse(List.of("--source", "uk-retail", "--input=data.csv", "--seed", "7",
                "--options", "silhouette-sample=500"));
        assertEquals(2, a.kMin());
        assertEquals(10, a.kMax());
        PipelineSpec spec = a.spec();
        assertEquals("uk-retail", spec.source());
        assertEquals(Path.of("data.csv"), spec.input());
        assertEquals(7, spec.cluster().seed());
        assertEquals(Map.of("silhouette-sample", "500"), spec.options().asMap());
    }

    @Test
    void rangeInBothForms() {
        SelectKArguments a = SelectKArguments.parse(List.of("--k-min", "3", "--source", "s", "--k-max=8",
                "--input", "x"));
        assertEquals(3, a.kMin());
        assertEquals(8, a.kMax());
    }

    @Test
    void errors() {
        assertEquals("--k is not a select-k option: select-k tries every k from --k-min to --k-max and writes nothing",
                error("--source", "s", "--input", "x", "--k", "4"));
        assertEquals("--report is not a select-k option: select-k tries every k from --k-min to --k-max and writes"
                + " nothing", error("--report=csv"));
        assertEquals("unknown option --kmax; select-k options are --source, --input, --features, --algorithm, --seed,"
                + " --runs, --max-iterations, --snapshot, --option, --options, --k-min, --k-max", error("--kmax", "3"));
        assertEquals("--k-min: must be at least 2, got 1", error("--k-min", "1"));
        assertEquals("--k-max: 'x' is not a whole number", error("--k-max", "x"));
        assertEquals("missing value for --k-max (largest k tried (default 10))", error("--k-max"));
        assertEquals("--k-max given twice", error("--k-max", "3", "--k-max", "4"));
        assertEquals("--k-max (3) is below --k-min (5)", error("--source", "s", "--input", "x", "--k-min", "5",
                "--k-max", "3"));
        assertEquals("missing --source: name the data source, e.g. --source uk-retail", error("--k-max", "4"));
        assertEquals("--seed: 'x' is not a whole number", error("--seed", "x"));
    }

    @Test
    void usageListsTheRangeButNotTheOptionsSelectKDoesNotTake() {
        String usage = SelectKArguments.usage();
        assertTrue(usage.contains("--k-min N"), usage);
        assertTrue(usage.contains("--k-max N"), usage);
        assertTrue(usage.contains("--source NAME"), usage);
        assertFalse(usage.contains("--k N"), usage);
        assertFalse(usage.contains("--report"), usage);
        assertFalse(usage.contains("--out"), usage);
        assertEquals(RunArguments.usage(), RunArguments.usage(List.of(), List.of()));
    }
}
