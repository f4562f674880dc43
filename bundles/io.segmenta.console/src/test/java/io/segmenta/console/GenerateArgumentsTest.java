package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.generate.GeneratorRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateArgumentsTest {

    private static String error(List<String> args) {
        return assertThrows(SegmentaException.class, () -> {
            GenerateArguments a = GenerateArguments.parse(args);
            a.format();
            a.out();
        }).getMessage();
    }

    @Test
    void defaults() {
        GenerateArguments a = GenerateArguments.parse(List.of("--format", "uk-retail", "--out", "samples/uk"));
        assertEquals("uk-retail", a.format());
        assertEquals(Path.of("samples/uk"), a.out());
        assertEquals(new GeneratorRequest(4000, 0, 42, true), a.request());
    }

    @Test
    void everyOptionBothForms() {
        GenerateArguments a = GenerateArguments.parse(List.of("--format=olist", "--out", "o", "--customers", "20",
                "--lines=1000000", "--seed", "-7", "--dirt", "FALSE"));
        assertEquals("olist", a.format());
        assertEquals(Path.of("o"), a.out());
        assertEquals(new GeneratorRequest(20, 1_000_000, -7, false), a.request());
    }

    @Test
    void oneLineErrors() {
        assertEquals("missing --format: name the export format, e.g. --format uk-retail",
                error(List.of("--out", "x")));
        assertEquals("missing --out: name the folder to write the sample into", error(List.of("--format", "x")));
        assertEquals("unknown option --k; generate options are --format, --out, --customers, --lines, --seed, --dirt",
                error(List.of("--k", "3")));
        assertEquals("--customers: must be at least 1, got 0", error(List.of("--customers", "0")));
        assertEquals("--lines: must be at least 0, got -5", error(List.of("--lines", "-5")));
        assertEquals("--customers: 'many' is not a whole number", error(List.of("--customers", "many")));
        assertEquals("--dirt: 'yes' is neither true nor false", error(List.of("--dirt", "yes")));
        assertEquals("--seed given twice", error(List.of("--seed", "1", "--seed=2")));
        assertEquals("unexpected argument 'uk-retail': generate options start with --", error(List.of("uk-retail")));
        assertTrue(error(List.of("--format")).startsWith("missing value for --format (export format"));
    }

    @Test
    void usageListsEveryOptionWithItsDefault() {
        String usage = GenerateArguments.usage();
        assertEquals(6, usage.lines().count());
        assertTrue(usage.startsWith("  --format NAME      export format to write"), usage);
        assertTrue(usage.contains("  --dirt true|false  add realistic dirt: missing ids"), usage);
        assertTrue(usage.contains("(default 4000)"), usage);
    }
}
