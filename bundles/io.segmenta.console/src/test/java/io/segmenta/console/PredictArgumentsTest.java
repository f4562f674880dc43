package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PredictSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictArgumentsTest {

    private static String error(String... words) {
        return assertThrows(SegmentaException.class, () -> PredictArguments.parse(List.of(words)).spec()).getMessage();
    }

    @Test
    void theModelAndTheInputWithDefaultsForTheRest() {
        PredictSpec spec = PredictArguments.parse(List.of("--model", "m.json", "--input=new.csv")).spec();
        assertEquals(Path.of("m.json"), spec.model());
        assertEquals(Path.of("new.csv"), spec.input());
        assertEquals(Optional.empty(), spec.source());
        assertEquals(Path.of("out"), spec.outputDir());
        assertEquals(Map.of(), spec.options().asMap());
    }

    @Test
    void sourceOutSnapshotAndOptions() {
        PredictSpec spec = PredictArguments.parse(List.of("--model", "m.json", "--input", "d", "--source", "mapped-csv",
                "--out", "o", "--snapshot", "2012-01-01", "--option", "segment-names=0=VIP,1=Rest",
                "--options", "mapping=m.properties")).spec();
        assertEquals(Optional.of("mapped-csv"), spec.source());
        assertEquals(Path.of("o"), spec.outputDir());
        assertEquals(Map.of("snapshot", "2012-01-01", "segment-names", "0=VIP,1=Rest", "mapping", "m.properties"),
                spec.options().asMap());
    }

    @Test
    void mistakesAreOneLineEach() {
        assertEquals("missing --model: name the model file a run saved with --save-model", error("--input", "x"));
        assertEquals("missing --input: name the file or folder with the new data", error("--model", "m.json"));
        assertEquals("unknown option --k; predict options are --model, --input, --source, --out, --snapshot, "
                + "--option, --options", error("--model", "m.json", "--k", "4"));
        assertEquals("--model given twice", error("--model", "a", "--model", "b"));
        assertEquals("missing value for --model (" + PredictArguments.MODEL_HELP + ")", error("--model"));
        assertEquals("unexpected argument 'x': predict options start with --", error("x"));
    }

    @Test
    void usageListsEveryOption() {
        String usage = PredictArguments.usage();
        for (String option : List.of("--model FILE", "--input PATH", "--source NAME", "--out DIR", "--snapshot DATE",
                "--option KEY=VALUE", "--options K=V,K=V")) {
            assertTrue(usage.contains("  " + option + " "), option + " in\n" + usage);
        }
        assertEquals(7, usage.lines().count());
    }
}
