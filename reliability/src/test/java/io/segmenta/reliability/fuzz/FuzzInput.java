package io.segmenta.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.stage.DataSource;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every fuzz target shares: the input cut into files, a folder to write them into, and the rule that a
 * parser of user input may only fail with a {@link SegmentaException} (the project's documented user error, which
 * the CLI prints as one line and exit status 2). Any other exception, an error, or a broken account of the rows
 * read is a finding.
 */
final class FuzzInput {
    /**
     * Separates the files of one input: a line of four dashes. Seeds stay readable text, and the fuzzer finds the
     * separator itself (its dashes are in each target's dictionary).
     */
    static final byte[] SEPARATOR = "\n----\n".getBytes(StandardCharsets.US_ASCII);

    static {
        // the sources say what they read at INFO: millions of lines in a fuzzing run, and most of its time
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    private FuzzInput() {
    }

    /** The input cut at each {@link #SEPARATOR}: at most {@code max} parts, the last one holding the rest. */
    static List<byte[]> sections(byte[] input, int max) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + SEPARATOR.length <= input.length && parts.size() < max - 1; i++) {
            if (matches(input, i)) {
                parts.add(Arrays.copyOfRange(input, start, i));
                start = i + SEPARATOR.length;
                i = start - 1;
            }
        }
        parts.add(Arrays.copyOfRange(input, start, input.length));
        return parts;
    }

    private static boolean matches(byte[] input, int at) {
        for (int j = 0; j < SEPARATOR.length; j++) {
            if (input[at + j] != SEPARATOR[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An empty folder for one execution: the fuzzer runs millions of them in one JVM, so one folder per target is
     * made once and emptied each time.
     */
    static Path emptyFolder(String target) {
        try {
            Path folder = Path.of(System.getProperty("java.io.tmpdir"), "segmenta-fuzz-" + ProcessHandle.current().pid(),
                    target);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.delete(f);
                    }
                }
            } else {
                Files.createDirectories(folder);
                folder.getParent().toFile().deleteOnExit();
                folder.toFile().deleteOnExit();
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path folder, String name, byte[] content) {
        try {
            Path file = Files.write(folder.resolve(name), content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a parse, accepting a {@link SegmentaException} (with a message) as the documented way to refuse input.
     * Everything else propagates and is a finding.
     */
    static void userErrorsOnly(Runnable parse) {
        try {
            parse.run();
        } catch (SegmentaException e) {
            assertNotNull(e.getMessage(), "a user error says what is wrong");
            assertFalse(e.getMessage().isBlank(), "a user error says what is wrong");
        }
    }

    /**
     * Writes the input's parts as the files of a folder source (a part not there is a file not there) and reads the
     * folder with the source, all malformed rows counted, by {@link #userErrorsOnly} and {@link #checkAccount}.
     */
    static void readFolder(String target, String[] files, byte[] input, DataSource source) {
        Path folder = emptyFolder(target);
        List<byte[]> parts = sections(input, files.length);
        for (int i = 0; i < parts.size(); i++) {
            write(folder, files[i], parts.get(i));
        }
        userErrorsOnly(() -> checkAccount(source.read(folder,
                new RecordingContext(Map.of("max-malformed", "100%"), Integer.MAX_VALUE))));
    }

    /** The account every source gives: each row read is kept or counted under one reason, and the table agrees. */
    static void checkAccount(SourceData data) {
        var quality = data.quality();
        assertEquals(quality.rowsRead(), quality.rowsKept() + quality.rowsRejected(),
                "rows read = rows kept + rows rejected: " + quality);
        if (!data.entitiesOnly()) {
            assertEquals(quality.rowsKept(), data.transactions().rowCount(), "rows kept = rows in the table");
        }
    }
}
