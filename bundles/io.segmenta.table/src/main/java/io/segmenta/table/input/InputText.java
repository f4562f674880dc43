package io.segmenta.table.input;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.file.Path;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * A file opened by {@link InputFiles#openText}: its text (without a byte-order mark) and what is needed
 * to word the errors found while reading it.
 */
public final class InputText implements Closeable {
    private final Path path;
    private final Charset charset;
    private final boolean strict;
    private final boolean gzip;
    private final Reader reader;
    private final String expected;
    private final String encodingHint;
    private final BoundedInputStream counted;
    private final long size;

    InputText(Path path, Charset charset, boolean strict, boolean gzip, Reader reader, String expected,
            String encodingHint, BoundedInputStream counted, long size) {
        this.counted = counted;
        this.size = size;
        this.path = path;
        this.charset = charset;
        this.strict = strict;
        this.gzip = gzip;
        this.reader = reader;
        this.expected = expected;
        this.encodingHint = encodingHint;
    }

    /** The file name as messages show it. */
    public String file() {
        return path.toString();
    }

    public Charset charset() {
        return charset;
    }

    /**
     * How many bytes of the file (as stored: compressed for a gzip file) have been read so far. The readers
     * above read ahead, so this runs up to 64 KiB ahead of the records parsed: fine for progress.
     */
    public long bytesRead() {
        return counted == null ? 0 : counted.getCount();
    }

    /** The size of the file as stored, in bytes, or -1 when it could not be told. */
    public long size() {
        return size;
    }

    /** Whether the file was gzip-compressed. */
    public boolean gzip() {
        return gzip;
    }

    /** The text, positioned after the byte-order mark if there was one. */
    public Reader reader() {
        return reader;
    }

    /**
     * The error for a file without any content ("the file is empty[ once decompressed]; expected ...").
     * Also for a file of empty lines only: the reader skips those.
     */
    public InputDataException empty() {
        return new InputDataException(file(), 0, null, null,
                (gzip ? "the file is empty once decompressed" : "the file is empty") + "; expected " + expected);
    }

    /**
     * The error for bytes the charset cannot decode (strict decoding only). The decoder reads ahead of the
     * parser, so the line is found by decoding the file again up to the first bad bytes: an error path,
     * where cost is no concern, and the line and column (the character of the line, from 1) are exact however
     * far into the file the bytes are.
     *
     * @return an {@link InputDataException} naming the line, column and bytes, or a {@link SegmentaException}
     *         when the file cannot be read again
     */
    public SegmentaException encodingError(CharacterCodingException e) {
        String hint = encodingHint == null ? "" : "; " + encodingHint;
        CharsetDecoder decoder = InputFiles.decoder(charset, true);
        ByteBuffer in = ByteBuffer.allocate(InputFiles.BUFFER);
        CharBuffer out = CharBuffer.allocate(InputFiles.BUFFER);
        long line = 1;
        long column = 1;
        try (InputStream bytes = InputFiles.openBytes(path)) {
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = bytes.read(in.array(), in.arrayOffset() + in.position(), in.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        in.position(in.position() + n);
                    }
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, eof);
                out.flip();
                for (int i = 0; i < out.limit(); i++) {
                    if (out.get(i) == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                out.clear();
                if (result.isError()) {
                    StringBuilder hex = new StringBuilder();
                    for (int i = 0; i < result.length(); i++) {
                        hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", in.get(in.position() + i) & 0xff));
                    }
                    return new InputDataException(file(), line, null, null, "bytes " + hex + " at column "
                            + column + " are not valid " + charset.name() + " text" + hint);
                }
                in.compact();
                if (eof && result.isUnderflow() && in.position() == 0) {
                    break;
                }
            }
        } catch (IOException | SegmentaException again) {
            e.addSuppressed(again);
        }
        return new SegmentaException(file() + ": not valid " + charset.name() + " text" + hint, e);
    }

    /** Whether undecodable bytes are errors (true) or U+FFFD (false). */
    public boolean strict() {
        return strict;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // reading is over; nothing was written
        }
    }
}
