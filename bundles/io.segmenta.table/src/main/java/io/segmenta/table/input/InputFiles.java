package io.segmenta.table.input;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Opens the input files of sources the same way everywhere: one message per problem (no such file, a
 * folder, permission denied, a broken gzip file, no text at all), gzip recognised by its magic bytes
 * whatever the file's name, and a leading byte-order mark skipped (Excel writes one).
 */
public final class InputFiles {
    /** The read buffer, in bytes and in chars. */
    static final int BUFFER = 1 << 16;

    private InputFiles() {
    }

    /**
     * Checks that the input is an existing file, before anything else is done with it.
     *
     * @param ifFolder what to say after "{file} is a folder; ", e.g. "the uk-retail source reads one CSV
     *        file (plain or .gz)"
     * @throws SegmentaException "no such file: {file}" or "{file} is a folder; {ifFolder}"
     */
    public static void requireFile(Path input, String ifFolder) {
        String file = input.toString();
        if (!Files.exists(input)) {
            throw new SegmentaException(Files.isSymbolicLink(input)
                    ? file + " is a symbolic link that leads to nothing (or to itself)" : "no such file: " + file);
        }
        if (Files.isDirectory(input)) {
            throw new SegmentaException(file + " is a folder; " + ifFolder);
        }
    }

    /**
     * Opens a file as text.
     *
     * @param charset the encoding of the text (after decompression)
     * @param strict true: bytes that are not valid in {@code charset} stop the read with a message naming
     *        their line (a wrong encoding would otherwise split one key into several); false: they become
     *        U+FFFD (for sources that only read ASCII keys, numbers and dates and would rather not fail on
     *        a stray byte in a free-text column they ignore)
     * @param expected what the file should hold, for the message about an empty file: "{file}: the file
     *        is empty; expected {expected}"
     * @param encodingHint what to add to the message about undecodable bytes (e.g. which setting to change),
     *        or null
     * @throws SegmentaException when the file cannot be opened or is not readable gzip
     * @throws InputDataException when the file holds no text at all, or (strict) its first bytes are not
     *         valid text
     */
    public static InputText openText(Path path, Charset charset, boolean strict, String expected,
            String encodingHint) {
        Objects.requireNonNull(charset, "charset");
        String file = path.toString();
        BoundedInputStream[] counter = new BoundedInputStream[1];
        InputStream bytes = openBytes(path, counter);
        try {
            boolean gzip = bytes instanceof GZIPInputStream;
            BufferedReader text = new BufferedReader(new InputStreamReader(bytes, decoder(charset, strict)), BUFFER);
            InputText input = new InputText(path, charset, strict, gzip, text, expected, encodingHint, counter[0],
                    size(path));
            text.mark(1);
            int first;
            try {
                first = text.read();
            } catch (CharacterCodingException e) {
                throw input.encodingError(e);
            }
            if (first == -1) {
                throw input.empty();
            }
            if (first != '\uFEFF') {
                text.reset();
            }
            return input;
        } catch (IOException e) {
            close(bytes);
            throw cannotRead(file, e);
        } catch (RuntimeException e) {
            close(bytes);
            throw e;
        }
    }

    /**
     * The file's bytes, gunzipped when they start with the gzip magic bytes (whatever the file's name).
     *
     * @throws SegmentaException when the file cannot be opened or is not readable gzip
     */
    public static InputStream openBytes(Path path) {
        return openBytes(path, null);
    }

    /** As {@link #openBytes(Path)}, counting the file's bytes read into {@code counter[0]} when given. */
    private static InputStream openBytes(Path path, BoundedInputStream[] counter) {
        String file = path.toString();
        InputStream raw = null;
        try {
            InputStream disk = Files.newInputStream(path);
            if (counter != null) {
                // below the buffer and any gzip: the count is of the file's own bytes (unbounded, counting only)
                counter[0] = BoundedInputStream.builder().setInputStream(disk).get();
                disk = counter[0];
            }
            raw = new BufferedInputStream(disk, BUFFER);
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, BUFFER) : raw;
        } catch (IOException e) {
            close(raw);
            throw cannotRead(file, e);
        } catch (RuntimeException e) {
            close(raw);
            throw e;
        }
    }

    /** The file's size in bytes, or -1 when it cannot be told. */
    static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The one message for each way opening or reading a file can fail. */
    static SegmentaException cannotRead(String file, IOException e) {
        if (e instanceof ZipException) {
            return new SegmentaException(file + ": not a readable gzip file: " + e.getMessage(), e);
        }
        if (e instanceof NoSuchFileException) {
            return new SegmentaException("no such file: " + file, e);
        }
        if (e instanceof AccessDeniedException) {
            return new SegmentaException(file + ": cannot read it: permission denied", e);
        }
        return new SegmentaException(file + ": cannot read it: " + e.getMessage(), e);
    }

    static CharsetDecoder decoder(Charset charset, boolean strict) {
        CodingErrorAction action = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        return charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the first error is the one to report
            }
        }
    }
}
