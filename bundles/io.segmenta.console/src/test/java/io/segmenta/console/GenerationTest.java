package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.testing.FakeGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationTest {
    @TempDir
    Path dir;

    @Test
    void runsTheGeneratorOfTheFormatAndRendersWhatItWrote() {
        FakeGenerator uk = new FakeGenerator("uk-retail");
        FakeGenerator olist = new FakeGenerator("olist");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream progress = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String text = Generation.run(GenerateArguments.parse(List.of("--format", "uk-retail", "--out", dir.toString(),
                "--customers", "10", "--seed", "3")), List.of(olist, uk), new ConsoleProgress(progress));
        assertEquals(new GeneratorRequest(10, 0, 3, true), uk.lastRequest);
        assertEquals(dir, uk.lastOutput);
        assertEquals(null, olist.lastRequest);
        assertEquals("Sample (uk-retail)\n"
                + "  lines       30\n"
                + "  customers   10\n"
                + "  duplicates   1\n"
                + "\n"
                + "Files\n"
                + "  " + dir.resolve("uk-retail.csv") + "\n"
                + "  " + dir.resolve("planted-segments.csv") + " (planted segments)\n", text);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("generate uk-retail ...", printed.lines().findFirst().orElse(""));
        assertEquals(true, printed.lines().reduce((a, b) -> b).orElse("").startsWith("generate uk-retail done in "));
    }

    @Test
    void anUnknownFormatNamesTheAvailableOnes() {
        List<SampleGenerator> generators = List.of(new FakeGenerator("uk-retail"), new FakeGenerator("olist"));
        assertEquals("unknown format 'padi'; formats are olist, uk-retail", assertThrows(SegmentaException.class,
                () -> Generation.select("padi", generators)).getMessage());
        assertEquals("unknown format 'padi'; no sample generator is available",
                assertThrows(SegmentaException.class, () -> Generation.select("padi", List.of())).getMessage());
    }

    @Test
    void listsTheKnownFiguresFirstThenTheOthersByName() {
        GeneratedSample sample = new GeneratedSample(List.of(Path.of("o/a.csv")), Path.of("o/p.csv"),
                Map.of("zero price", 3L, "cancellations", 12L, "customers", 4000L, "lines", 1_234_567L,
                        "invoices", 20_000L));
        assertEquals("""
                Sample (uk-retail)
                  lines          1,234,567
                  customers          4,000
                  invoices          20,000
                  cancellations         12
                  zero price             3

                Files
                """ + "  " + Path.of("o/a.csv") + "\n  " + Path.of("o/p.csv") + " (planted segments)\n",
                Generation.render("uk-retail", sample));
    }
}
