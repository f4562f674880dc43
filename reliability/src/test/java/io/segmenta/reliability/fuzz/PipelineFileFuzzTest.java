package io.segmenta.reliability.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.segmenta.console.PipelineDefinition;
import java.nio.file.Path;


/** The pipeline-definition parser: the input is a pipeline file (io.segmenta.pipeline-NAME.cfg). */
class PipelineFileFuzzTest {
    @FuzzTest(maxDuration = Fuzzing.DURATION)
    @DictionaryEntries({"name=", "source=", "input=", "features=", "algorithm=", "k=", "k.min=", "k.max=", "seed=",
        "reporters=", "out=", "schedule=", "schedule.zone=", "options.", "uk-retail", "rfm", "kmeans", "csv,json",
        "0 0 6 * * ?", "Europe/London", "\\u"})
    void pipelineFile(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's own driver (docs/reliability.md, running them longer). */
    public static void fuzzerTestOneInput(byte[] input) {
        Path file = FuzzInput.write(FuzzInput.emptyFolder("pipeline-file"), "io.segmenta.pipeline-fuzz.cfg", input);
        FuzzInput.userErrorsOnly(() -> PipelineDefinition.read(file));
    }
}
