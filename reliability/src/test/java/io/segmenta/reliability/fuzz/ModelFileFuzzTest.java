package io.segmenta.reliability.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.segmenta.engine.internal.model.ModelFile;
import java.nio.file.Path;


/** The model-file reader (predict, --model): the input is the model file (JSON). */
class ModelFileFuzzTest {
    @FuzzTest(maxDuration = Fuzzing.DURATION)
    @DictionaryEntries({"\"format\"", "\"segmenta-model\"", "\"version\"", "\"algorithm\"", "\"state\"",
        "\"centroids\"", "\"scaling\"", "\"mean\"", "\"sd\"", "\"segments\"", "\"numeric\"",
        "\"categorical\"", "\"training\"", "1e999", "-0", "NaN", "[[", "]]", "null"})
    void modelFile(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's own driver (docs/reliability.md, running them longer). */
    public static void fuzzerTestOneInput(byte[] input) {
        Path file = FuzzInput.write(FuzzInput.emptyFolder("model-file"), "model.json", input);
        FuzzInput.userErrorsOnly(() -> ModelFile.read(file));
    }
}
