package io.segmenta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.testing.FakeEngine;
import io.segmenta.testing.FakeGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Argument handling, streams and exit codes, with a fake engine handed in (no ServiceLoader). */
class SegmentaCliTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final FakeEngine engine = new FakeEngine();

    private int run(Supplier<PipelineEngine> engines, boolean debugByDefault, String... args) {
        return new SegmentaCli(engines, debugByDefault).execute(args, out, err);
    }

    private int run(String... args) {
        return run(() -> engine, false, args);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void runPrintsTheSummaryToStdoutAndProgressToStderr() {
        assertEquals(0, run("run", "--source", "uk-retail", "--input", "data/online-retail.csv", "--k", "5",
                "--snapshot", "2011-12-10", "--option", "a=1", "--option", "b=2", "--out", "out/uk"));
        assertEquals(new ClusterRequest(5, 42, 10, 300), engine.lastSpec.cluster());
        assertEquals(Path.of("data/online-retail.csv"), engine.lastSpec.input());
        assertEquals(Path.of("out/uk"), engine.lastSpec.outputDir());
        assertEquals(Map.of("snapshot", "2011-12-10", "a", "1", "b", "2"), engine.lastSpec.options().asMap());
        assertEquals("""
                source uk-retail ...
                  source uk-retail: 2 rows kept
                source uk-retail done in 2.0 ms
                """, err());
        assertTrue(out().startsWith("Data quality (source uk-retail)\n"), out());
        assertTrue(out().endsWith("Outputs\n  out/summary.csv\n"), out());
    }

    @Test
    void runWithARangeOfKChoosesKAndSaysHow() {
        assertEquals(0, run("run", "--source", "uk-retail", "--input", "data/online-retail.csv", "--k", "2..4"));
        assertEquals(2, engine.lastKMin);
        assertEquals(4, engine.lastKMax);
        assertTrue(out().contains("Choosing k: kmeans"), out());
        assertTrue(out().contains("Recommended k = 3"), out());
    }

    @Test
    void stagesListsToStdout() {
        assertEquals(0, run("stages"));
        assertEquals("""
                KIND               NAME       DESCRIPTION
                source             uk-retail  UCI Online Retail
                feature extractor  rfm        RFM per customer
                """, out());
        assertEquals("", err());
    }

    @Test
    void stagesVerboseShowsOrigins() {
        assertEquals(0, run("stages", "--verbose"));
        assertTrue(out().startsWith("KIND               NAME       ORIGIN"), out());
        assertTrue(out().matches("(?s).*\nengine +silhouette-sample +40000 .*"),
                "the engine's options are listed: " + out());
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        for (String help : List.of("help", "--help", "-h")) {
            outBytes.reset();
            assertEquals(0, run(help));
            String usage = out();
            assertTrue(usage.startsWith("usage: segmenta run --source NAME --input PATH [run options]\n"), usage);
            for (String option : List.of("--source NAME", "--input PATH", "--features NAME", "--algorithm NAME",
                    "--k N|MIN..MAX", "--seed N", "--runs N", "--max-iterations N", "--report NAMES", "--out DIR",
                    "--snapshot DATE", "--option KEY=VALUE", "--debug")) {
                assertTrue(usage.contains("\n  " + option + " "), option);
            }
            for (String byDefault : List.of("(default rfm)", "(default kmeans)", "(default 4)", "(default 42)",
                    "(default 10)", "(default 300)", "(default csv)", "(default out)")) {
                assertTrue(usage.contains(byDefault), byDefault);
            }
            assertTrue(usage.endsWith("exit codes: 0 success, 1 internal error, 2 usage or input error\n"), usage);
        }
        assertEquals("", err());
    }

    @Test
    void runHelpPrintsTheUsageWithoutRunning() {
        assertEquals(0, run("run", "--help"));
        assertTrue(out().startsWith("usage: segmenta run"), out());
        assertNull(engine.lastSpec);
    }

    @Test
    void helpNeedsNoEngine() {
        assertEquals(0, run(() -> null, false, "--help"));
        assertEquals(0, run(() -> null, false, "--version"));
    }

    @Test
    void versionComesFromTheBuild() {
        assertEquals(0, run("--version"));
        assertTrue(out().matches("segmenta \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), out());
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err().startsWith("usage: segmenta run"), err());
        assertEquals("", out());
    }

    @Test
    void userErrorsAreOneLineOnStderrWithExitCode2() {
        assertUserError("segmenta: unknown command 'frobnicate'; commands are run, select-k, predict, generate, stages, help and --version",
                "frobnicate");
        assertUserError("segmenta: --k: 'four' is not a whole number",
                "run", "--source", "uk-retail", "--input", "x.csv", "--k", "four");
        assertUserError("segmenta: missing --source: name the data source, e.g. --source uk-retail",
                "run", "--input", "x.csv");
        assertUserError("segmenta: missing value for --out (output folder, created when missing (default out))",
                "run", "--source", "s", "--input", "x.csv", "--out");
        assertUserError("segmenta: unknown argument '--all' for stages; it takes --verbose", "stages", "--all");
        assertNull(engine.lastSpec);
    }

    @Test
    void engineUserErrorsExitWith2() {
        FakeEngine failing = new FakeEngine(spec -> new SegmentaException("x.csv, line 7, column 'Quantity': "
                + "value 'abc' is not a number"));
        assertEquals(2, run(() -> failing, false, "run", "--source", "s", "--input", "x.csv"));
        assertEquals("segmenta: x.csv, line 7, column 'Quantity': value 'abc' is not a number\n", err());
        assertEquals("", out());
    }

    @Test
    void noEngineIsAUserError() {
        assertEquals(2, run(() -> null, false, "run", "--source", "s", "--input", "x.csv"));
        assertEquals("segmenta: " + SegmentaCli.NO_ENGINE + "\n", err());
        errBytes.reset();
        assertEquals(2, run(() -> null, false, "stages"));
        assertEquals("segmenta: no pipeline engine on the module path (is io.segmenta.engine there?)\n", err());
    }

    @Test
    void bugsExitWith1AndOneLineWithoutDebug() {
        FakeEngine failing = new FakeEngine(spec -> new IllegalStateException("boom\nsecond line"));
        assertEquals(1, run(() -> failing, false, "run", "--source", "s", "--input", "x.csv"));
        assertEquals("segmenta: internal error: java.lang.IllegalStateException: boom second line (rerun with "
                + "--debug or SEGMENTA_DEBUG=1 for the stack trace)\n", err());
    }

    @Test
    void debugFlagPrintsTheStackTrace() {
        FakeEngine failing = new FakeEngine(spec -> new IllegalStateException("boom"));
        assertEquals(1, run(() -> failing, false, "--debug", "run", "--source", "s", "--input", "x.csv"));
        assertTrue(err().startsWith("segmenta: internal error: java.lang.IllegalStateException: boom\n"
                + "java.lang.IllegalStateException: boom\n\tat "), err());
    }

    @Test
    void debugFlagWorksAfterTheCommandToo() {
        FakeEngine failing = new FakeEngine(spec -> new IllegalStateException("boom"));
        assertEquals(1, run(() -> failing, false, "run", "--source", "s", "--debug", "--input", "x.csv"));
        assertTrue(err().contains("\n\tat "), err());
    }

    @Test
    void debugVariablePrintsTheStackTrace() {
        FakeEngine failing = new FakeEngine(spec -> new IllegalStateException("boom"));
        assertEquals(1, run(() -> failing, true, "run", "--source", "s", "--input", "x.csv"));
        assertTrue(err().contains("\n\tat "), err());
    }

    @Test
    void aProviderThatFailsToLoadIsAnInternalError() {
        Supplier<PipelineEngine> broken = () -> {
            throw new ServiceConfigurationError("io.segmenta.api.pipeline.PipelineEngine: Provider x could not be "
                    + "instantiated");
        };
        assertEquals(1, run(broken, false, "stages"));
        assertTrue(err().startsWith("segmenta: internal error: java.util.ServiceConfigurationError: "), err());
        assertEquals(1, err().lines().count());
    }

    @Test
    void withoutProvidersTheServiceLoaderFindsNoEngine() {
        // the test class path holds no engine: what a module path without io.segmenta.engine looks like
        assertNull(SegmentaCli.loadEngine());
        assertEquals(2, SegmentaCli.run(new String[] {"stages"}, out, err));
        assertEquals("segmenta: " + SegmentaCli.NO_ENGINE + "\n", err());
    }

    private void assertUserError(String expected, String... args) {
        errBytes.reset();
        outBytes.reset();
        assertEquals(2, run(args), String.join(" ", args));
        assertEquals(expected + "\n", err());
        assertEquals("", out());
    }

    private final FakeGenerator ukRetail = new FakeGenerator("uk-retail");

    private int runWithGenerators(String... args) {
        List<SampleGenerator> generators = List.of(ukRetail, new FakeGenerator("olist"));
        return new SegmentaCli(() -> engine, () -> generators, false).execute(args, out, err);
    }

    @Test
    void generatePrintsWhatItWroteToStdoutAndProgressToStderr(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertEquals(0, runWithGenerators("generate", "--format", "uk-retail", "--out", dir.toString(),
                "--customers=7", "--lines", "100", "--seed", "3", "--dirt", "false"));
        assertEquals(new GeneratorRequest(7, 100, 3, false), ukRetail.lastRequest);
        assertEquals(dir, ukRetail.lastOutput);
        assertTrue(out().startsWith("Sample (uk-retail)\n  lines       21\n"), out());
        assertTrue(out().endsWith(dir.resolve("planted-segments.csv") + " (planted segments)\n"), out());
        assertTrue(err().startsWith("generate uk-retail ...\ngenerate uk-retail done in "), err());
    }

    @Test
    void generateErrorsAreOneLineWithExitCode2() {
        errBytes.reset();
        assertEquals(2, runWithGenerators("generate", "--format", "padi", "--out", "x"));
        assertEquals("segmenta: unknown format 'padi'; formats are olist, uk-retail\n", err());
        errBytes.reset();
        assertEquals(2, runWithGenerators("generate", "--out", "x"));
        assertEquals("segmenta: missing --format: name the export format, e.g. --format uk-retail\n", err());
        errBytes.reset();
        assertEquals(2, runWithGenerators("generate", "--format", "uk-retail", "--out", "x", "--k", "3"));
        assertTrue(err().startsWith("segmenta: unknown option --k; generate options are --format, "), err());
        assertNull(ukRetail.lastRequest);
        assertEquals("", out());
    }

    @Test
    void stagesListTheGeneratorsAfterTheReporters() {
        assertEquals(0, runWithGenerators("stages"));
        assertEquals("""
                KIND               NAME       DESCRIPTION
                source             uk-retail  UCI Online Retail
                feature extractor  rfm        RFM per customer
                generator          olist      fake olist sample
                generator          uk-retail  fake uk-retail sample
                """, out());
    }

    @Test
    void helpListsTheGenerateOptions() {
        assertEquals(0, run("generate", "--help"));
        String usage = out();
        assertTrue(usage.contains("\n       segmenta generate --format NAME --out DIR [generate options]\n"), usage);
        for (String option : List.of("--format NAME", "--out DIR", "--customers N", "--lines N", "--seed N",
                "--dirt true|false")) {
            assertTrue(usage.contains("\n  " + option + " "), option);
        }
        assertTrue(usage.contains("(default 4000)"), usage);
    }

    @Test
    void withoutProvidersTheServiceLoaderFindsNoGenerator(@org.junit.jupiter.api.io.TempDir Path dir) {
        // the test class path holds no generator
        assertEquals(List.of(), SegmentaCli.loadGenerators());
        assertEquals(2, SegmentaCli.run(new String[] {"generate", "--format", "uk-retail", "--out", dir.toString()},
                out, err));
        assertEquals("segmenta: unknown format 'uk-retail'; no sample generator is available\n", err());
    }

    @Test
    void selectKPrintsTheTableToStdoutAndProgressToStderr() {
        assertEquals(0, run("select-k", "--source", "uk-retail", "--input", "data/x.csv", "--k-min", "3",
                "--k-max=7", "--option", "silhouette-sample=exact"));
        assertEquals(3, engine.lastKMin);
        assertEquals(7, engine.lastKMax);
        assertEquals(Map.of("silhouette-sample", "exact"), engine.lastSpec.options().asMap());
        assertTrue(out().startsWith("Choosing k: kmeans on 1,000 rows of rfm features (seed 42, 10 runs)\n"
                + "  k    cost  silhouette  Davies-Bouldin  Calinski-Harabasz"), out());
        assertTrue(out().contains("<- elbow, recommended\n"), out());
        assertEquals("", err(), "the fake engine reports progress counts only, which are throttled");
    }

    @Test
    void predictPrintsTheSegmentCountsToStdoutAndProgressToStderr() {
        assertEquals(0, run("predict", "--model", "m.json", "--input", "new.csv", "--out", "o",
                "--option", "segment-names=0=VIP"));
        assertEquals(java.nio.file.Path.of("m.json"), engine.lastPredict.model());
        assertEquals("0=VIP", engine.lastPredict.options().get("segment-names").orElseThrow());
        assertTrue(out().contains("Predicted segments (2 customers)"), out());
        assertTrue(err().contains("source uk-retail"), err());
    }

    @Test
    void predictArgumentErrorsExitWithTwoBeforeLookingForTheEngine() {
        assertEquals(2, run(() -> {
            throw new AssertionError("the engine is not needed to reject the arguments");
        }, false, "predict", "--input", "x"));
        assertEquals("segmenta: missing --model: name the model file a run saved with --save-model\n", err());
    }

    @Test
    void selectKArgumentErrorsExitWithTwoBeforeLookingForTheEngine() {
        assertEquals(2, run(() -> {
            throw new AssertionError("the engine is not needed to reject the arguments");
        }, false, "select-k", "--source", "uk-retail", "--input", "x", "--k", "4"));
        assertEquals("segmenta: --k is not a select-k option: select-k tries every k from --k-min to --k-max and"
                + " writes nothing\n", err());
        assertNull(engine.lastSpec);
    }

    @Test
    void selectKEngineErrorsExitAsRunDoes() {
        FakeEngine failing = new FakeEngine(spec -> new SegmentaException("k-max = 9 but there are only 7 customers"));
        assertEquals(2, run(() -> failing, false, "select-k", "--source", "s", "--input", "x", "--k-max", "9"));
        assertEquals("segmenta: k-max = 9 but there are only 7 customers\n", err());
        assertEquals(9, failing.lastKMax);
    }

    @Test
    void usageDescribesSelectK() {
        assertEquals(0, run("select-k", "--help"));
        assertTrue(out().contains("segmenta select-k --source NAME --input PATH [select-k options]"), out());
        assertTrue(out().contains("\nselect-k options:\n"), out());
        assertTrue(out().contains("--k-max N"), out());
    }

    /** An engine whose runs log as the engine and the stages do (System.Logger), at each level. */
    private PipelineEngine loggingEngine() {
        return (PipelineEngine) java.lang.reflect.Proxy.newProxyInstance(PipelineEngine.class.getClassLoader(),
                new Class<?>[] {PipelineEngine.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("run")) {
                        System.Logger stage = System.getLogger("io.segmenta.stage");
                        stage.log(System.Logger.Level.DEBUG, "header bound");
                        stage.log(System.Logger.Level.INFO, "reading {0}", "x.csv");
                        stage.log(System.Logger.Level.WARNING, "2 rows rejected");
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static final String LINE = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    @Test
    void byDefaultOnlyWarningsAreLoggedOnStderr() {
        assertEquals(0, run(this::loggingEngine, false, "run", "--source", "uk-retail", "--input", "x.csv"));
        List<String> logged = err().lines().filter(l -> l.matches(LINE + ".*")).toList();
        assertEquals(1, logged.size(), err());
        assertTrue(logged.get(0).matches(LINE + "WARN  io\\.segmenta\\.stage: 2 rows rejected"), logged.get(0));
        assertTrue(err().contains("source uk-retail ...\n"), "progress as before: " + err());
        assertTrue(out().startsWith("Data quality (source uk-retail)\n"), out());
    }

    @Test
    void verboseLogsWhatTheRunDoesOnStderrAndLeavesStdoutAlone() {
        assertEquals(0, run(this::loggingEngine, false, "run", "--source", "uk-retail", "--input", "x.csv"));
        String quietOut = out();
        outBytes.reset();
        errBytes.reset();
        assertEquals(0, run(this::loggingEngine, false, "--verbose", "run", "--source", "uk-retail", "--input",
                "x.csv"));
        List<String> logged = err().lines().filter(l -> l.matches(LINE + ".*")).toList();
        assertEquals(4, logged.size(), err());
        assertTrue(logged.get(0).matches(LINE + "INFO  io\\.segmenta\\.cli: run started: --source uk-retail "
                + "--input x\\.csv"), logged.get(0));
        assertTrue(logged.get(1).matches(LINE + "INFO  io\\.segmenta\\.stage: reading x\\.csv"), logged.get(1));
        assertTrue(logged.get(2).matches(LINE + "WARN  io\\.segmenta\\.stage: 2 rows rejected"), logged.get(2));
        assertTrue(logged.get(3).matches(LINE + "INFO  io\\.segmenta\\.cli: run done in \\d+ ms"), logged.get(3));
        assertEquals(quietOut, out());

        // -v after the command works as well, and -vv adds DEBUG
        errBytes.reset();
        assertEquals(0, run(this::loggingEngine, false, "run", "--source", "uk-retail", "--input", "x.csv", "-vv"));
        assertTrue(err().lines().anyMatch(l -> l.matches(LINE + "DEBUG io\\.segmenta\\.stage: header bound")), err());
        assertEquals(Path.of("x.csv"), engine.lastSpec.input());
    }

    @Test
    void quietPrintsNeitherProgressNorWarnings() {
        assertEquals(0, run(this::loggingEngine, false, "run", "--quiet", "--source", "uk-retail", "--input", "x.csv"));
        assertEquals("", err());
        assertTrue(out().startsWith("Data quality (source uk-retail)\n"), out());
        // errors still show
        assertEquals(2, run(() -> null, false, "-q", "run", "--source", "s", "--input", "x.csv"));
        assertEquals("segmenta: " + SegmentaCli.NO_ENGINE + "\n", err());
    }

    @Test
    void verboseAndQuietTogetherIsAUserError() {
        assertUserError("segmenta: --verbose and --quiet cannot be given together", "-v", "run", "--quiet");
    }

    @Test
    void theLogHandlerIsRemovedAfterTheCommand() {
        java.util.logging.Handler[] before = java.util.logging.Logger.getLogger("").getHandlers();
        assertEquals(0, run("--verbose", "stages"));
        assertEquals(List.of(before), List.of(java.util.logging.Logger.getLogger("").getHandlers()));
    }

    @Test
    void usageDescribesTheLogOptions() {
        assertEquals(0, run("help"));
        for (String option : List.of("-v, --verbose", "-q, --quiet")) {
            assertTrue(out().contains("\n  " + option + " "), option);
        }
    }
}
