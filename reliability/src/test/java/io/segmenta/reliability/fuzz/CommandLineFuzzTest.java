package io.segmenta.reliability.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.segmenta.console.PredictArguments;
import io.segmenta.console.RunArguments;
import io.segmenta.console.SelectKArguments;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;


/**
 * The parsers of the run, select-k and predict command lines (shared by the CLI and the shell): the input is the
 * arguments, one per line; its first byte picks the command.
 */
class CommandLineFuzzTest {
    @FuzzTest(maxDuration = Fuzzing.DURATION)
    @DictionaryEntries({"--source", "--input", "--features", "--algorithm", "--k", "--seed", "--restarts",
        "--max-iterations", "--report", "--out", "--option", "--save-model", "--model", "--k-min", "--k-max",
        "--pipeline", "uk-retail", "rfm", "kmeans", "csv", "max-malformed=5%", "="})
    void arguments(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's own driver (docs/reliability.md, running them longer). */
    public static void fuzzerTestOneInput(byte[] input) {
        if (input.length == 0) {
            return;
        }
        List<String> args = Arrays.asList(new String(input, 1, input.length - 1, StandardCharsets.UTF_8)
                .split("\n", -1));
        switch (input[0] % 3) {
            case 0 -> FuzzInput.userErrorsOnly(() -> RunArguments.parse(args));
            case 1 -> FuzzInput.userErrorsOnly(() -> SelectKArguments.parse(args));
            default -> FuzzInput.userErrorsOnly(() -> PredictArguments.parse(args));
        }
    }
}
