package io.segmenta.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.FeatureInput;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.console.RunArguments;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.console.GenerateArguments;
import io.segmenta.testing.FakeEngine;
import io.segmenta.testing.FakeGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.jupiter.api.Test;

/** The commands called directly (the Gogo binding is tested in {@link GogoSessionTest}). */
class SegmentaCommandsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static String[][] options(String... pairs) {
        String[][] given = new String[pairs.length / 2][];
        for (int i = 0; i < given.length; i++) {
            given[i] = new String[] {pairs[2 * i], pairs[2 * i + 1]};
        }
        return given;
    }

    @Test
    void stagesPrintsTheTable() {
        new SegmentaCommands(new FakeEngine()).stages(out, false, false);
        assertEquals("""
                KIND               NAME       DESCRIPTION
                source             uk-retail  UCI Online Retail
                feature extractor  rfm        RFM per customer
                """, printed());
    }

    @Test
    void runPrintsProgressThenTheSummary() {
        FakeEngine engine = new FakeEngine();
        new SegmentaCommands(engine).run(out, options("--source", "uk-retail", "--input", "data/x.csv", "--k", "",
                "--seed", "7", "--snapshot", "2011-12-10"), new String[] {"--option", "a=1"}, false);
        assertEquals(new ClusterRequest(4, 7, 10, 300), engine.lastSpec.cluster());
        assertEquals(Path.of("data/x.csv"), engine.lastSpec.input());
        assertEquals(Map.of("snapshot", "2011-12-10", "a", "1"), engine.lastSpec.options().asMap());
        String text = printed();
        assertTrue(text.startsWith("""
                source uk-retail ...
                  source uk-retail: 2 rows kept
                source uk-retail done in 2.0 ms

                Data quality (source uk-retail)
                """), text);
        assertTrue(text.contains("\nOutputs\n  out/summary.csv\n"), text);
    }

    @Test
    void userErrorsAreOneLine() {
        FakeEngine engine = new FakeEngine();
        new SegmentaCommands(engine).run(out, options("--source", "uk-retail", "--input", "x", "--k", "four"),
                new String[0], false);
        assertEquals("error: --k: 'four' is not a whole number\n", printed());
        assertNull(engine.lastSpec);
    }

    @Test
    void leftoverWordsAreCheckedByTheSameParser() {
        new SegmentaCommands(new FakeEngine()).run(out, options("--source", "s", "--input", "x", "--k", "3"),
                new String[] {"--k", "5"}, false);
        assertEquals("error: --k given twice\n", printed());
    }

    /** Gogo binds --features; the member's input and source are words it leaves over, in either form. */
    @Test
    void aFeatureSetsMemberInputsComeAsFurtherWords() {
        FakeEngine engine = new FakeEngine();
        new SegmentaCommands(engine).run(out, options("--source", "mapped-csv", "--input", "store.csv", "--features",
                "rfm+web:rfm"), new String[] {"--input.web", "web.csv", "--source.web=mapped-csv"}, false);
        assertEquals(Map.of("web", new FeatureInput(Optional.of("mapped-csv"), Path.of("web.csv"))),
                engine.lastSpec.memberInputs());
        assertEquals("rfm+web:rfm", engine.lastSpec.features());
    }

    @Test
    void engineErrorsAreOneLine() {
        FakeEngine engine = new FakeEngine(spec -> new SegmentaException("data/x.csv: no such file\nsecond line"));
        new SegmentaCommands(engine).run(out, options("--source", "s", "--input", "data/x.csv"), new String[0], false);
        assertEquals("error: data/x.csv: no such file second line\n", printed());
    }

    @Test
    void bugsNameTheirClassAndHintAtDebug() {
        FakeEngine engine = new FakeEngine(spec -> new IllegalStateException("boom"));
        new SegmentaCommands(engine).run(out, options("--source", "s", "--input", "x"), new String[0], false);
        assertEquals("""
                error: java.lang.IllegalStateException: boom
                hint: this is a bug; rerun with --debug to print the stack trace and report it
                """, printed());
    }

    @Test
    void debugPrintsTheStackTrace() {
        FakeEngine engine = new FakeEngine(spec -> new IllegalStateException("boom"));
        new SegmentaCommands(engine).run(out, options("--source", "s", "--input", "x"), new String[0], true);
        String text = printed();
        assertTrue(text.startsWith("error: java.lang.IllegalStateException: boom\njava.lang.IllegalStateException: boom\n"
                + "\tat "), text);
    }

    @Test
    void saysSoWithoutAnEngine() {
        SegmentaCommands commands = new SegmentaCommands(null);
        commands.stages(out, false, false);
        commands.run(out, options("--source", "s", "--input", "x"), new String[0], false);
        assertEquals("error: " + SegmentaCommands.NO_ENGINE + "\nerror: " + SegmentaCommands.NO_ENGINE + "\n",
                printed());
    }

    @Test
    void everyRunOptionIsADocumentedGogoParameter() throws Exception {
        Method run = null;
        for (Method m : SegmentaCommands.class.getMethods()) {
            if (m.getName().equals("run")) {
                run = m;
            }
        }
        assertTrue(run != null && run.isAnnotationPresent(Descriptor.class));
        List<String> names = new ArrayList<>();
        for (java.lang.annotation.Annotation[] annotations : run.getParameterAnnotations()) {
            boolean described = false;
            for (java.lang.annotation.Annotation a : annotations) {
                if (a instanceof Parameter p) {
                    names.addAll(List.of(p.names()));
                }
                described |= a instanceof Descriptor;
            }
            assertTrue(described, "every parameter has a @Descriptor");
        }
        for (String option : List.of(RunArguments.SOURCE, RunArguments.INPUT, RunArguments.FEATURES,
                RunArguments.ALGORITHM, RunArguments.K, RunArguments.SEED, RunArguments.RUNS,
                RunArguments.MAX_ITERATIONS, RunArguments.REPORT, RunArguments.OUT, RunArguments.SNAPSHOT,
                RunArguments.SAVE_MODEL, RunArguments.COMPARE_WITH, RunArguments.OPTION, RunArguments.OPTIONS)) {
            assertTrue(names.contains(option), option);
            assertTrue(RunArguments.isOption(option), option);
        }
    }

    @Test
    void stagesListTheGeneratorsAfterTheReporters() {
        SegmentaCommands commands = new SegmentaCommands(new FakeEngine(), new FakeGenerator("uk-retail"));
        commands.addGenerator(new FakeGenerator("olist"));
        commands.stages(out, false, false);
        assertEquals("""
                KIND               NAME       DESCRIPTION
                source             uk-retail  UCI Online Retail
                feature extractor  rfm        RFM per customer
                generator          olist      fake olist sample
                generator          uk-retail  fake uk-retail sample
                """, printed());
    }

    @Test
    void generateRunsTheGeneratorOfTheFormat(@org.junit.jupiter.api.io.TempDir Path dir) {
        FakeGenerator uk = new FakeGenerator("uk-retail");
        new SegmentaCommands(null, uk, new FakeGenerator("olist")).generate(out, options("--format", "uk-retail",
                "--out", dir.toString(), "--customers", "5", "--lines", "", "--seed", "9", "--dirt", ""),
                new String[] {"--dirt=false"}, false);
        assertEquals(new GeneratorRequest(5, 0, 9, false), uk.lastRequest);
        String text = printed();
        assertTrue(text.startsWith("generate uk-retail ...\ngenerate uk-retail done in "), text);
        assertTrue(text.contains("\n\nSample (uk-retail)\n  lines       15\n"), text);
    }

    @Test
    void generateErrorsAreOneLine() {
        FakeGenerator uk = new FakeGenerator("uk-retail");
        SegmentaCommands commands = new SegmentaCommands(null, uk, new FakeGenerator("olist"));
        commands.generate(out, options("--format", "padi", "--out", "x"), new String[0], false);
        commands.generate(out, options("--format", "uk-retail", "--out", "x", "--customers", "none"), new String[0],
                false);
        commands.removeGenerator(uk);
        commands.generate(out, options("--format", "uk-retail", "--out", "x"), new String[0], false);
        assertEquals("""
                error: unknown format 'padi'; formats are olist, uk-retail
                error: --customers: 'none' is not a whole number
                error: unknown format 'uk-retail'; formats are olist
                """, printed());
        assertNull(uk.lastRequest);
    }

    @Test
    void everyGenerateOptionIsADocumentedGogoParameter() {
        Method generate = null;
        for (Method m : SegmentaCommands.class.getMethods()) {
            if (m.getName().equals("generate")) {
                generate = m;
            }
        }
        assertTrue(generate != null && generate.isAnnotationPresent(Descriptor.class));
        List<String> names = new ArrayList<>();
        for (java.lang.annotation.Annotation[] annotations : generate.getParameterAnnotations()) {
            boolean described = false;
            for (java.lang.annotation.Annotation a : annotations) {
                if (a instanceof Parameter p) {
                    names.addAll(List.of(p.names()));
                }
                described |= a instanceof Descriptor;
            }
            assertTrue(described, "every parameter has a @Descriptor");
        }
        for (String option : List.of(GenerateArguments.FORMAT, GenerateArguments.OUT, GenerateArguments.CUSTOMERS,
                GenerateArguments.LINES, GenerateArguments.SEED, GenerateArguments.DIRT)) {
            assertTrue(names.contains(option), option);
            assertTrue(GenerateArguments.isOption(option), option);
        }
    }

    @Test
    void selectKPrintsProgressThenTheTable() {
        FakeEngine engine = new FakeEngine();
        new SegmentaCommands(engine).selectK(out, options("--source", "uk-retail", "--input", "x.csv", "--k-min", "",
                "--k-max", "6"), new String[] {"--algorithm=kmeans"}, false);
        assertEquals(2, engine.lastKMin);
        assertEquals(6, engine.lastKMax);
        assertEquals("kmeans", engine.lastSpec.algorithm());
        String text = printed();
        assertTrue(text.startsWith("\nChoosing k: kmeans on 1,000 rows of rfm features (seed 42, 10 runs)\n"), text);
        assertTrue(text.contains("Recommended k = 3: the elbow"), text);
    }

    @Test
    void selectKWithoutEngineOrWithBadOptions() {
        new SegmentaCommands(null).selectK(out, options("--source", "s", "--input", "x"), new String[0], false);
        new SegmentaCommands(new FakeEngine()).selectK(out, options("--source", "s"), new String[] {"--out", "o"},
                false);
        assertEquals("error: " + SegmentaCommands.NO_ENGINE + "\nerror: --out is not a select-k option: select-k"
                + " tries every k from --k-min to --k-max and writes nothing\n", printed());
    }

    @Test
    void selectKIsDescribed() {
        assertEveryParameterDescribed("selectk");
    }

    /** The Gogo function and each of its parameters carry a @Descriptor, which help prints. */
    private static void assertEveryParameterDescribed(String name) {
        Method command = null;
        for (Method m : SegmentaCommands.class.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() > 4) {
                command = m;
            }
        }
        assertTrue(command != null && command.isAnnotationPresent(Descriptor.class), name);
        for (java.lang.annotation.Annotation[] annotations : command.getParameterAnnotations()) {
            boolean described = false;
            for (java.lang.annotation.Annotation a : annotations) {
                described |= a instanceof Descriptor;
            }
            assertTrue(described, "every parameter of " + name + " has a @Descriptor");
        }
    }

    @Test
    void predictPrintsProgressThenTheSegmentCounts() {
        FakeEngine engine = new FakeEngine();
        new SegmentaCommands(engine).predict(out, options("--model", "m.json", "--input", "new.csv", "--source", ""),
                new String[] {"--out=o"}, false);
        assertEquals(Path.of("o"), engine.lastPredict.outputDir());
        String text = printed();
        assertTrue(text.contains("\nModel m.json\n"), text);
        assertTrue(text.contains("Predicted segments (2 customers)"), text);
    }

    @Test
    void predictWithoutEngineOrWithBadOptions() {
        new SegmentaCommands(null).predict(out, options("--model", "m.json", "--input", "x"), new String[0], false);
        new SegmentaCommands(new FakeEngine()).predict(out, options("--input", "x"), new String[] {"--k", "4"}, false);
        assertEquals("error: " + SegmentaCommands.NO_ENGINE + "\nerror: unknown option --k; predict options are "
                + "--model, --input, --source, --out, --snapshot, --option, --options\n", printed());
    }

    @Test
    void predictIsDescribed() {
        assertEveryParameterDescribed("predict");
    }

    /** A catalog of one pipeline, "uk", that runs with the fake engine. */
    private static final class OneCatalog implements io.segmenta.api.pipeline.PipelineCatalog {
        final FakeEngine engine = new FakeEngine();
        final java.util.List<io.segmenta.api.pipeline.PipelineRun> runs = new ArrayList<>();

        @Override
        public List<io.segmenta.api.pipeline.NamedPipeline> pipelines() {
            return List.of(new io.segmenta.api.pipeline.NamedPipeline("uk", "deploy/io.segmenta.pipeline-uk.cfg",
                    "uk-retail x.csv -> rfm -> kmeans (k 4) -> csv into out", true, "ready", "every 30d",
                    "pipeline uk: field 'k': --k: 'x' is not a whole number"));
        }

        @Override
        public io.segmenta.api.pipeline.PipelineResult run(String name, io.segmenta.api.pipeline.ProgressListener l) {
            if (!name.equals("uk")) {
                throw new SegmentaException("no pipeline named '" + name + "'; defined: uk");
            }
            io.segmenta.api.pipeline.PipelineResult r = engine.run(new io.segmenta.api.pipeline.PipelineSpec(
                    "uk-retail", Path.of("x.csv"), "rfm", "kmeans", new io.segmenta.api.stage.ClusterRequest(2, 42,
                            10, 300), List.of(), Path.of("out"), null), l);
            runs.add(new io.segmenta.api.pipeline.PipelineRun("uk", "manual",
                    java.time.Instant.parse("2026-12-01T10:00:00Z"), 1_500_000_000L, true, "k=2, 2 customers",
                    List.of()));
            return r;
        }

        @Override
        public List<io.segmenta.api.pipeline.PipelineRun> history() {
            return runs;
        }
    }

    @Test
    void pipelinesRunByNameAndHistory() {
        OneCatalog catalog = new OneCatalog();
        SegmentaCommands commands = new SegmentaCommands(new FakeEngine(), catalog);
        commands.pipelines(out, false);
        String listing = printed();
        assertTrue(listing.startsWith("NAME  STATE  SCHEDULE   RUNS\nuk    ready  every 30d  uk-retail x.csv"), listing);
        assertTrue(listing.contains("uk: deploy/io.segmenta.pipeline-uk.cfg\n  last change refused: it does not run "
                + "until the definition is fixed\n"), listing);
        bytes.reset();
        commands.run(out, options("--k", ""), new String[] {"uk"}, false);
        assertTrue(printed().contains("Segments (kmeans"), printed());
        bytes.reset();
        commands.history(out, false);
        String history = printed();
        assertTrue(history.startsWith("STARTED (UTC)        PIPELINE  TRIGGER"), history);
        assertTrue(history.contains("2026-12-01 10:00:00  uk        manual"), history);
        assertTrue(history.contains("ok       k=2, 2 customers"), history);
        bytes.reset();
        commands.run(out, options("--k", "3"), new String[] {"uk"}, false);
        commands.run(out, options(), new String[] {"eu"}, false);
        assertEquals("error: segmenta:run uk runs the pipeline as configured and takes no options (got --k); edit its"
                + " configuration instead\nerror: no pipeline named 'eu'; defined: uk\n", printed());
        bytes.reset();
        new SegmentaCommands(new FakeEngine()).pipelines(out, false);
        assertEquals("error: " + SegmentaCommands.NO_CATALOG + "\n", printed());
    }
}
