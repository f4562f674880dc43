package io.segmenta.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.FeatureInput;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.testing.FakeEngine;
import io.segmenta.testing.FakeGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commands inside a real Gogo runtime (the provided gogo.runtime jar, without OSGi): checks how Gogo
 * binds the {@code @Parameter}s, converts values and redirects {@code System.out} to the session.
 */
class GogoSessionTest {
    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private final ByteArrayOutputStream sessionOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream sessionErr = new ByteArrayOutputStream();
    private final FakeEngine engine = new FakeEngine();
    private final FakeGenerator generator = new FakeGenerator("uk-retail");
    private CommandProcessorImpl processor;
    private CommandSession session;

    @BeforeEach
    void startGogo() {
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        SegmentaCommands commands = new SegmentaCommands(engine, generator);
        processor.addCommand("segmenta", commands);
        processor.addCommand("segmenta", new SelectKCommand(commands), "select-k");
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), sessionOut, sessionErr);
    }

    @AfterEach
    void stopGogo() {
        session.close();
        processor.stop();
        threadIO.stop();
    }

    private String printed() {
        return sessionOut.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void bindsEveryOptionAndPrintsToTheSession() throws Exception {
        Object value = session.execute("segmenta:run --source uk-retail --input data/online-retail.csv --features rfm"
                + " --algorithm kmeans --k 6 --seed 7 --runs 3 --max-iterations 50 --report csv --out out/uk"
                + " --snapshot 2011-12-10 --option a=1 --options \"b=2,c=3\" --option d=4 --runs=3x");
        assertNull(value, "prints, returns nothing");
        assertEquals("error: --runs given twice\n", printed());

        sessionOut.reset();
        value = session.execute("segmenta:run --source uk-retail --input data/online-retail.csv --features rfm"
                + " --algorithm kmeans --k 6 --seed 7 --runs 3 --max-iterations 50 --report csv --out out/uk"
                + " --snapshot 2011-12-10 --option a=1 --options \"b=2,c=3\" --option d=4");
        assertNull(value);
        assertEquals("uk-retail", engine.lastSpec.source());
        assertEquals(Path.of("data/online-retail.csv"), engine.lastSpec.input());
        assertEquals(new ClusterRequest(6, 7, 3, 50), engine.lastSpec.cluster());
        assertEquals(List.of("csv"), engine.lastSpec.reporters());
        assertEquals(Path.of("out/uk"), engine.lastSpec.outputDir());
        assertEquals(Map.of("snapshot", "2011-12-10", "a", "1", "b", "2", "c", "3", "d", "4"),
                engine.lastSpec.options().asMap());
        assertTrue(printed().startsWith("source uk-retail ...\n"), printed());
        assertTrue(printed().contains("\nQuality\n"), printed());
    }

    /** Gogo leaves a feature-set member's options to the parser, in both forms, as the CLI takes them. */
    @Test
    void aFeatureSetWithAMembersOwnInput() throws Exception {
        session.execute("segmenta:run --source mapped-csv --input store.csv --features rfm+web:rfm --input.web web.csv"
                + " --source.web=mapped-csv --option mapping=orders.properties --option join=strict");
        assertEquals("rfm+web:rfm", engine.lastSpec.features());
        assertEquals(Map.of("web", new FeatureInput(Optional.of("mapped-csv"), Path.of("web.csv"))),
                engine.lastSpec.memberInputs());
        assertEquals(Map.of("mapping", "orders.properties", "join", "strict"), engine.lastSpec.options().asMap());
    }

    @Test
    void defaultsApplyWhenOptionsAreAbsent() throws Exception {
        session.execute("segmenta:run --source uk-retail --input data/online-retail.csv");
        assertEquals(new ClusterRequest(4, 42, 10, 300), engine.lastSpec.cluster());
        assertEquals("rfm", engine.lastSpec.features());
        assertEquals(Path.of("out"), engine.lastSpec.outputDir());
    }

    @Test
    void badValuesAndUnknownOptionsAreOneLineErrors() throws Exception {
        session.execute("segmenta:run --source uk-retail --input x --k four");
        session.execute("segmenta:run --source uk-retail --input x --seeds 3");
        session.execute("segmenta:run --input x");
        String[] lines = printed().split("\n");
        assertEquals(3, lines.length, printed());
        assertEquals("error: --k: 'four' is not a whole number", lines[0]);
        assertTrue(lines[1].startsWith("error: unknown option --seeds; run options are --source, "), lines[1]);
        assertEquals("error: missing --source: name the data source, e.g. --source uk-retail", lines[2]);
        assertNull(engine.lastSpec);
    }

    @Test
    void stagesWithAndWithoutFlags() throws Exception {
        assertNull(session.execute("segmenta:stages"));
        assertTrue(printed().startsWith("KIND               NAME       DESCRIPTION\n"), printed());
        sessionOut.reset();
        session.execute("segmenta:stages --verbose");
        assertTrue(printed().startsWith("KIND               NAME       ORIGIN"), printed());
    }

    @Test
    void bindsTheGenerateOptions(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Object value = session.execute("segmenta:generate --format uk-retail --out " + dir.toString().replace('\\', '/')
                + " --customers 12 --lines 1000 --seed 5 --dirt false");
        assertNull(value, "prints, returns nothing");
        assertEquals(new GeneratorRequest(12, 1000, 5, false), generator.lastRequest);
        assertTrue(printed().contains("Sample (uk-retail)\n  lines       36\n"), printed());
    }

    @Test
    void generateDefaults(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        session.execute("segmenta:generate --format uk-retail --out " + dir.toString().replace('\\', '/'));
        assertEquals(new GeneratorRequest(4000, 0, 42, true), generator.lastRequest);
    }

    @Test
    void selectKBindsItsOptionsAndPrintsTheTable() throws Exception {
        Object value = session.execute("segmenta:select-k --source uk-retail --input data/x.csv --k-min 3 --k-max=9"
                + " --seed 7 --runs 2 --options silhouette-sample=500");
        assertNull(value, "prints, returns nothing");
        assertEquals(3, engine.lastKMin);
        assertEquals(9, engine.lastKMax);
        assertEquals(new ClusterRequest(4, 7, 2, 300), engine.lastSpec.cluster());
        assertEquals(Map.of("silhouette-sample", "500"), engine.lastSpec.options().asMap());
        assertTrue(printed().contains("\n  k    cost  silhouette  Davies-Bouldin  Calinski-Harabasz"), printed());
        assertTrue(printed().contains("<- elbow, recommended\n"), printed());
    }

    @Test
    void selectKErrorsAreOneLine() throws Exception {
        session.execute("segmenta:select-k --source uk-retail --input x --k 4");
        session.execute("segmenta:select-k --source uk-retail --input x --k-max two");
        session.execute("segmenta:select-k --source uk-retail --input x --k-min 6 --k-max 3");
        String[] lines = printed().split("\n");
        assertEquals(3, lines.length, printed());
        assertTrue(lines[0].startsWith("error: --k is not a select-k option"), lines[0]);
        assertEquals("error: --k-max: 'two' is not a whole number", lines[1]);
        assertEquals("error: --k-max (3) is below --k-min (6)", lines[2]);
        assertNull(engine.lastSpec);
    }
}
