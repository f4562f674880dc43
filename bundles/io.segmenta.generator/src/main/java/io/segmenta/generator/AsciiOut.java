package io.segmenta.generator;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A byte buffer in front of an output stream, for ASCII text: numbers are written digit by digit and
 * pre-encoded fields are copied as bytes, so a line costs no String, no formatter and no charset encoding.
 * Generated files are written through it at more than a million lines a second. Not thread-safe.
 */
final class AsciiOut implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buffer;
    private int position;
    private final byte[] digits = new byte[20];

    AsciiOut(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = new byte[bufferSize];
    }

    /** Makes room for {@code n} more bytes; callers that know a line's maximum length call it once per line. */
    void ensure(int n) throws IOException {
        if (buffer.length - position < n) {
            drain();
            if (n > buffer.length) {
                throw new IllegalArgumentException(n + " bytes do not fit a buffer of " + buffer.length);
            }
        }
    }

    /** Copies pre-encoded bytes; room must have been ensured. */
    void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    /** One ASCII byte; room must have been ensured. */
    void put(char c) {
        buffer[position++] = (byte) c;
    }

    /** A whole number in decimal, with '-' when negative; room must have been ensured (at most 20 bytes). */
    void putLong(long value) {
        if (value < 0) {
            buffer[position++] = '-';
            if (value == Long.MIN_VALUE) {
                // its magnitude does not fit a long; never written by the generators, kept correct anyway
                byte[] text = Long.toString(value).substring(1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                put(text);
                return;
            }
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        } while (value != 0);
        while (n > 0) {
            buffer[position++] = digits[--n];
        }
    }

    /**
     * An amount in cents as the exports write money: no trailing zeros but at least one decimal
     * ({@code 9990 -> "99.9"}, {@code 14400 -> "144.0"}, {@code 2765 -> "27.65"}); room must have been ensured.
     */
    void putCents(long cents) {
        if (cents < 0) {
            buffer[position++] = '-';
            cents = -cents;
        }
        putLong(cents / 100);
        buffer[position++] = '.';
        int c = (int) (cents % 100);
        buffer[position++] = (byte) ('0' + c / 10);
        if (c % 10 != 0) {
            buffer[position++] = (byte) ('0' + c % 10);
        }
    }

    /** Two digits, with a leading zero below 10 (hours, minutes, seconds); room must have been ensured. */
    void putTwoDigits(int value) {
        buffer[position++] = (byte) ('0' + value / 10);
        buffer[position++] = (byte) ('0' + value % 10);
    }

    /** Text that may be longer than the buffer's free space, e.g. a header; ASCII only. */
    void write(String ascii) throws IOException {
        byte[] bytes = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ensure(bytes.length);
        put(bytes);
    }

    /** The bytes of an ASCII text, e.g. a field encoded once for every line it is copied into. */
    static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A CSV field: quoted as RFC 4180 says when the text has a comma or a quote, else as it is. */
    static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private void drain() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    /** Writes what is buffered and closes the stream. */
    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
