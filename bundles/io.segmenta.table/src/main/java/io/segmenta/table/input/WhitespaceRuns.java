package io.segmenta.table.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Text whose fields are separated by runs of spaces and tabs (fixed-width or whitespace-aligned exports), read
 * as text separated by single spaces: each run inside a line becomes one space, and runs at the start or end
 * of a line are dropped. Line breaks are kept, so line numbers stay exact. A run inside a quoted field becomes
 * one space as well (such files rarely quote).
 */
final class WhitespaceRuns extends FilterReader {
    private boolean lineStart = true;
    private boolean pendingSpace;
    /** A character read ahead after a run, given out after the space; -2 when none. */
    private int held = -2;
    /** Read from {@code in} a block at a time: {@code in.read()} per character would lock the reader each time. */
    private final char[] raw = new char[8192];
    private int pos;
    private int end;

    WhitespaceRuns(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (held != -2) {
            int c = held;
            held = -2;
            return c;
        }
        while (true) {
            int c = nextRaw();
            if (c == ' ' || c == '\t') {
                pendingSpace = !lineStart;
                continue;
            }
            if (c == '\n' || c == '\r' || c == -1) {
                pendingSpace = false;
                lineStart = true;
                return c;
            }
            lineStart = false;
            if (pendingSpace) {
                pendingSpace = false;
                held = c;
                return ' ';
            }
            return c;
        }
    }

    private int nextRaw() throws IOException {
        if (pos == end) {
            int r = in.read(raw, 0, raw.length);
            if (r <= 0) {
                return -1;
            }
            pos = 0;
            end = r;
        }
        return raw[pos++];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = 0;
        while (n < length) {
            if (n > 0 && pos == end && held == -2) {
                break; // give out what we have rather than block on a slow stream
            }
            int c = read();
            if (c == -1) {
                return n == 0 ? -1 : n;
            }
            buffer[offset + n++] = (char) c;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() != -1) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
