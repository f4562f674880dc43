package io.segmenta.source.mapped;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.segmenta.api.SegmentaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mapping-file parser of mapped-csv on its own (in the source's package, since {@link Mapping} is internal to
 * it): the input is the mapping file. Only a {@link SegmentaException} may refuse it (docs/reliability.md).
 */
class MappingFileFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("segmenta-fuzz-mapping", ".properties");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"field.customer=", "field.order=", "field.timestamp=", "field.amount=", "field.quantity=",
        "field.unit_price=", "field.product=", "field.region=", "format.timestamp=", "clean.", "format.delimiter=", "format.encoding=", "format.decimal=",
        "format.thousands=", "format.header=", "extra.categorical=", "extra.numeric=", "yyyy-MM-dd HH:mm",
        "uuuu", "dd.MM.yy", "'", "\\\\u", "windows-1252", "whitespace"})
    void mappingFile(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The entry point of Jazzer's own driver (docs/reliability.md, running them longer). */
    public static void fuzzerTestOneInput(byte[] input) {
        try {
            Files.write(FILE, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Mapping.load(FILE);
        } catch (SegmentaException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a user error says what is wrong", e);
            }
        }
    }
}
