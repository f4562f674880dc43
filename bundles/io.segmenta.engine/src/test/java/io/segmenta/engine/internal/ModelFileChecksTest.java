package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.engine.internal.model.ModelFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file is checked as it is read: every number finite and in its range, a scaling that could not have
 * been fitted named as the file's fault, and a size limit checked before parsing. Each damage below was
 * accepted (or blamed on the input data) before these checks.
 */
class ModelFileChecksTest {
    @TempDir
    Path dir;

    private final PipelineRunner runner = new PipelineRunner(new FakeStages.Pipeline().registry);
    private Path input;
    private Path modelFile;
    private String good;

    @BeforeEach
    void train() throws IOException {
        input = Files.writeString(dir.resolve("input.csv"), "not read by the fake source\n");
        modelFile = dir.resolve("m.json");
        // zscore on frequency (its sd is saved), minmax on monetary
        Options options = new Options(Map.of(PipelineRunner.SAVE_MODEL, modelFile.toString(), "snapshot",
                "2011-12-10", "transform.frequency", "zscore", "transform.monetary", "minmax"));
        runner.run(new PipelineSpec("fake-source", input, "fake-rfm", "fake-split", new ClusterRequest(3, 42, 1, 10),
                List.of(), dir.resolve("out"), options), null);
        good = Files.readString(modelFile);
    }

    private String predictFails(String text) throws IOException {
        Files.writeString(modelFile, text);
        return assertThrows(SegmentaException.class, () -> runner.predict(new PredictSpec(modelFile, input,
                Optional.empty(), dir.resolve("pred"), Options.empty()), null)).getMessage();
    }

    /** The text with the first match of {@code regex}'s group 1 replaced. */
    private static String replaceFirst(String text, String regex, String value) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), regex);
        return text.substring(0, m.start(1)) + value + text.substring(m.end(1));
    }

    @Test
    void aCentroidOfInfinityIsRefusedNamingTheMember() throws IOException {
        // before: 1e999 was read as Infinity, predict exited 0 and that segment took no customer
        String edited = replaceFirst(good, "\"centroids\": \\[\\s*\\[\\s*([-0-9.Ee]+)", "1e999");
        assertNotEquals(good, edited);
        assertEquals(modelFile + ": algorithm.state.centroids[0][0] holds 1e999, which is not a finite number",
                predictFails(edited));
    }

    @Test
    void aScalingParameterOfInfinityOrAnSdOfZeroIsTheModelFilesFault() throws IOException {
        assertEquals(modelFile + ": scaling[0].steps[0].sd should be a finite number, but is -1e400",
                predictFails(replaceFirst(good, "\"sd\": ([-0-9.Ee]+)", "-1e400")));
        // before: blamed on the input ("clustering needs a finite value of every feature")
        assertEquals(modelFile + ": scaling[0].steps[0]: the zscore step of the scaling divides by 'sd', which must "
                + "be above 0 but is 0.0", predictFails(replaceFirst(good, "\"sd\": ([-0-9.Ee]+)", "0")));
        assertEquals(modelFile + ": scaling[0].steps[0]: the zscore step of the scaling has 'constant' 2.0; it must "
                + "be 1 or 0", predictFails(replaceFirst(good, "\"constant\": ([-0-9.Ee]+)", "2")));
        assertEquals(modelFile + ": scaling[0].steps[0].sd should be a number, but is \"x\"",
                predictFails(replaceFirst(good, "\"sd\": ([-0-9.Ee]+)", "\"x\"")));
    }

    @Test
    void countsAndSettingsMustBeInTheirRange() throws IOException {
        assertEquals(modelFile + ": pipeline.runs should be a whole number of at least 1, but is 0",
                predictFails(good.replace("\"runs\": 1", "\"runs\": 0")));
        assertEquals(modelFile + ": segments[0].size should be a whole number of at least 0, but is -4",
                predictFails(replaceFirst(good, "\"size\": ([0-9]+)", "-4")));
        assertEquals(modelFile + ": training.rowsRead should be a whole number of at least 0, but is -1",
                predictFails(replaceFirst(good, "\"rowsRead\": ([0-9]+)", "-1")));
    }

    @Test
    void aModelFileOverTheSizeLimitIsRefusedBeforeParsing() throws IOException {
        // an unknown member would be ignored; before the limit a 20 MB one took about 1.1 GB to parse
        try (OutputStream out = Files.newOutputStream(modelFile)) {
            out.write(good.substring(0, good.lastIndexOf('}')).getBytes(StandardCharsets.UTF_8));
            out.write(", \"padding\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] block = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 65; i++) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        SegmentaException e = assertThrows(SegmentaException.class, () -> ModelFile.read(modelFile));
        assertTrue(e.getMessage().startsWith(modelFile + ": not read: a model file may be at most 64 MB and this one"
                + " is 65.0 MB"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws IOException {
        // before: "not valid JSON: Input length = 1"
        byte[] latin1 = good.replace("\"created\": \"", "\"created\": \"\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(modelFile, latin1);
        SegmentaException e = assertThrows(SegmentaException.class, () -> ModelFile.read(modelFile));
        assertEquals(modelFile + ": not a model file (not UTF-8 text)", e.getMessage());
        Files.writeString(modelFile, good.replace("\"created\": \"", "\"created\": \"\u00e9"));
        assertEquals(3, ModelFile.read(modelFile).cluster().k()); // the same text in UTF-8 reads
    }
}
