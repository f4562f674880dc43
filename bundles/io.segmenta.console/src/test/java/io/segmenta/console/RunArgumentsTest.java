package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.testing.FakeEngine;
import io.segmenta.api.stage.ClusterRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunArgumentsTest {

    private static PipelineSpec parse(String... args) {
        return RunArguments.parse(List.of(args)).spec();
    }

    private static String error(String... args) {
        SegmentaException e = assertThrows(SegmentaException.class, () -> parse(args));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void appliesTheDefaults() {
        PipelineSpec spec = parse("--source", "uk-retail", "--input", "data/online-retail.csv");
        assertEquals("uk-retail", spec.source());
        assertEquals(Path.of("data/online-retail.csv"), spec.input());
        assertEquals("rfm", spec.features());
        assertEquals("kmeans", spec.algorithm());
        assertEquals(new ClusterRequest(4, 42, 10, 300), spec.cluster());
        assertEquals(List.of("csv"), spec.reporters());
        assertEquals(Path.of("out"), spec.outputDir());
        assertEquals(Map.of(), spec.options().asMap());
    }

    @Test
    void defaultsMatchTheApi() {
        assertEquals(ClusterRequest.DEFAULT_SEED, Long.parseLong(RunArguments.DEFAULT_SEED));
        assertEquals(ClusterRequest.DEFAULT_RUNS, Integer.parseInt(RunArguments.DEFAULT_RUNS));
        assertEquals(ClusterRequest.DEFAULT_MAX_ITERATIONS, Integer.parseInt(RunArguments.DEFAULT_MAX_ITERATIONS));
    }

    @Test
    void readsEveryOption() {
        PipelineSpec spec = parse("--source", "uk-retail", "--input=data/x.csv", "--features", "rfm", "--algorithm",
                "kmeans", "--k", "6", "--seed", "-7", "--runs", "3", "--max-iterations", "50", "--report",
                "csv, json", "--out", "out/uk", "--snapshot", "2011-12-10", "--option", "min-orders=2",
                "--options", "a=1,b = 2");
        assertEquals(new ClusterRequest(6, -7, 3, 50), spec.cluster());
        assertEquals(Path.of("data/x.csv"), spec.input());
        assertEquals(List.of("csv", "json"), spec.reporters());
        assertEquals(Path.of("out/uk"), spec.outputDir());
        assertEquals(Map.of("snapshot", "2011-12-10", "min-orders", "2", "a", "1", "b", "2"),
                spec.options().asMap());
    }

    @Test
    void reportNoneMeansNoReporter() {
        assertEquals(List.of(), parse("--source", "s", "--input", "i", "--report", "none").reporters());
    }

    @Test
    void setBuildsTheSameSpecAsParse() {
        PipelineSpec viaSet = new RunArguments().set("--source", "uk-retail").set("--input", "data/x.csv")
                .set("--k", "5").set("--options", "snapshot=2011-12-10").spec();
        // Options has no equals(); its toString() lists the sorted entries, the records' the rest
        assertEquals(parse("--source", "uk-retail", "--input", "data/x.csv", "--k", "5", "--snapshot",
                "2011-12-10").toString(), viaSet.toString());
    }

    @Test
    void addParsesMoreWordsIntoTheSameOptions() {
        RunArguments arguments = new RunArguments().set("--source", "s").set("--input", "i").set("--option", "a=1");
        arguments.add(List.of("--option", "b=2", "--k=7"));
        PipelineSpec spec = arguments.spec();
        assertEquals(7, spec.cluster().k());
        assertEquals(Map.of("a", "1", "b", "2"), spec.options().asMap());
        SegmentaException e = assertThrows(SegmentaException.class, () -> arguments.add(List.of("--k", "8")));
        assertEquals("--k given twice", e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        assertEquals("--k: 'four' is not a whole number", error("--source", "s", "--input", "i", "--k", "four"));
        assertEquals("--k: must be at least 1, got 0", error("--source", "s", "--input", "i", "--k", "0"));
        assertEquals("--seed: '4.5' is not a whole number", error("--source", "s", "--input", "i", "--seed", "4.5"));
        assertEquals("--runs: 'x' is not a whole number",
                error("--source", "s", "--input", "i", "--runs", "x"));
        assertTrue(error("--source", "s", "--input", "i", "--seeds", "3")
                .startsWith("unknown option --seeds; run options are --source, --input, "));
        assertEquals("missing value for --k (number of segments, or a range MIN..MAX to choose it at each run as select-k recommends, or auto for the range 2..10 (default 4))",
                error("--source", "s", "--input", "i", "--k"));
        assertEquals("missing value for --input (file or folder the source reads (required))",
                error("--source", "s", "--input", "--k", "3"));
        assertEquals("unexpected argument 'extra': run options start with --",
                error("--source", "s", "--input", "i", "extra"));
        assertEquals("--k given twice", error("--source", "s", "--input", "i", "--k", "3", "--k", "4"));
        assertEquals("--option: 'snapshot' is not KEY=VALUE", error("--source", "s", "--input", "i", "--option",
                "snapshot"));
        assertEquals("--option: option snapshot given twice", error("--source", "s", "--input", "i", "--snapshot",
                "2011-12-10", "--option", "snapshot=2011-12-11"));
        assertEquals("--report: reporter csv named twice", error("--source", "s", "--input", "i", "--report",
                "csv,csv"));
        assertEquals("--report: no reporter named (use none for none)", error("--source", "s", "--input", "i",
                "--report", ","));
    }

    @Test
    void requiresSourceAndInput() {
        assertEquals("missing --source: name the data source, e.g. --source uk-retail", error("--input", "x"));
        assertEquals("missing --input: name the file or folder uk-retail reads", error("--source", "uk-retail"));
    }

    @Test
    void usageListsEveryOptionWithItsDefault() {
        String usage = RunArguments.usage();
        for (String option : List.of("--source NAME", "--input PATH", "--features NAME", "--input.NAME PATH",
                "--source.NAME NAME", "--algorithm NAME",
                "--k N|MIN..MAX", "--seed N", "--runs N", "--max-iterations N", "--report NAMES", "--out DIR",
                "--snapshot DATE", "--save-model FILE", "--compare-with DIR", "--option KEY=VALUE",
                "--options K=V,K=V")) {
            assertTrue(usage.contains("  " + option + " "), option + " in\n" + usage);
        }
        assertTrue(usage.contains("number of segments, or a range MIN..MAX to choose it at each run as select-k "
                + "recommends, or auto for the range 2..10 (default 4)"), usage);
        assertTrue(usage.contains("(default kmeans)"), usage);
        assertEquals(17, usage.lines().count()); // 15, and the two options of feature-set members
    }

    @Test
    void compareWithIsShortForTheEngineOption() {
        PipelineSpec spec = RunArguments.parse(List.of("--source", "uk-retail", "--input", "x.csv", "--compare-with",
                "previous")).spec();
        assertEquals("previous", spec.options().get("compare-with").orElseThrow());
    }

    @Test
    void saveModelIsShortForTheEngineOption() {
        PipelineSpec spec = RunArguments.parse(List.of("--source", "uk-retail", "--input", "x.csv", "--save-model",
                "out/m.json")).spec();
        assertEquals("out/m.json", spec.options().get("save-model").orElseThrow());
        assertEquals("--option: option save-model given twice", assertThrows(SegmentaException.class,
                () -> RunArguments.parse(List.of("--save-model", "a.json", "--option", "save-model=b.json")))
                .getMessage());
    }

    @Test
    void aRangeOfKChoosesKAtTheRun() {
        RunArguments arguments = RunArguments.parse(List.of("--source", "uk-retail", "--input", "x.csv", "--k",
                "2..6"));
        assertTrue(arguments.choosesK());
        assertEquals(2, arguments.kMin());
        assertEquals(6, arguments.kMax());
        FakeEngine engine = new FakeEngine();
        PipelineResult result = arguments.run(engine, ProgressListener.NONE);
        assertEquals(2, engine.lastKMin);
        assertEquals(6, engine.lastKMax);
        assertEquals(3, result.selection().orElseThrow().recommendedK());
        assertEquals(3, result.spec().cluster().k());

        RunArguments fixed = RunArguments.parse(List.of("--source", "uk-retail", "--input", "x.csv", "--k", "5"));
        assertEquals(false, fixed.choosesK());
        FakeEngine other = new FakeEngine();
        assertTrue(fixed.run(other, ProgressListener.NONE).selection().isEmpty());
        assertEquals(5, other.lastSpec.cluster().k());
        assertEquals(0, other.lastKMax, "a fixed k does not choose");
    }

    @Test
    void kAutoChoosesInTheDefaultRange() {
        RunArguments arguments = RunArguments.parse(List.of("--source", "uk-retail", "--input", "x.csv", "--k",
                "auto"));
        assertTrue(arguments.choosesK());
        assertEquals(EngineOptions.DEFAULT_K_MIN, arguments.kMin());
        assertEquals(EngineOptions.DEFAULT_K_MAX, arguments.kMax());
        assertEquals(2, EngineOptions.DEFAULT_K_MIN);
        assertEquals(10, EngineOptions.DEFAULT_K_MAX);
        assertEquals(SelectKArguments.DEFAULT_K_MIN, String.valueOf(EngineOptions.DEFAULT_K_MIN));
        assertEquals(SelectKArguments.DEFAULT_K_MAX, String.valueOf(EngineOptions.DEFAULT_K_MAX));
    }

    @Test
    void aBadRangeOfKSaysWhy() {
        assertEquals("--k: a range starts at 2 or more, got 1..5", error("--source", "s", "--input", "i", "--k", "1..5"));
        assertEquals("--k: the range 6..3 must end above its start", error("--source", "s", "--input", "i", "--k",
                "6..3"));
        assertEquals("--k: 'x' is not a whole number", error("--source", "s", "--input", "i", "--k", "2..x"));
    }
}
