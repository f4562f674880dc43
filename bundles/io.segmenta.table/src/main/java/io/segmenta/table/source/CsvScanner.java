package io.segmenta.table.source;

import java.util.Arrays;

/**
 * Splits the records that start in one {@link CsvBlock} into fields, on the bytes, as RFC 4180 with commas: the
 * parallel reader's fast path. It reads what Commons CSV reads the same way (plain fields, quoted fields with
 * {@code ""} for a quote, line feeds inside quotes, CR LF or LF line ends, a last line without one) and throws
 * {@link IrregularCsv} for anything else, so that the general parser judges it. Lines are counted as Commons CSV
 * counts them (one per line feed), from the block's first record. Not thread-safe; one per block.
 */
public final class CsvScanner {
    private final byte[] b;
    private final int length;
    private final int limit;
    private final boolean last;
    private int pos;
    private long lines;
    private long recordLine;
    private int fields;
    private byte[][] source = new byte[16][];
    private int[] from = new int[16];
    private int[] to = new int[16];
    private byte[] scratch = new byte[256];
    private int scratchUsed;

    /**
     * @param start where the first record starts ({@link CsvBlock#firstRecord()})
     */
    public CsvScanner(CsvBlock block, int start) {
        this.b = block.bytes();
        this.length = block.length();
        this.limit = block.end();
        this.last = block.last();
        this.pos = start;
    }

    /**
     * Moves to the next record starting in the block.
     *
     * @return false when no more record starts in the block
     * @throws IrregularCsv when the record needs the general parser
     */
    public boolean next() {
        if (pos >= length) {
            return false;
        }
        recordLine = lines;
        fields = 0;
        scratchUsed = 0;
        int p = pos;
        while (true) {
            if (p < limit && b[p] == '"') {
                p = quoted(p);
            } else {
                int s = p;
                while (p < limit) {
                    byte c = b[p];
                    if (c > ',' || (c != ',' && c != '\n' && c != '\r' && c != '"')) {
                        p++;
                    } else {
                        break;
                    }
                }
                field(b, s, p);
            }
            if (p >= limit) {
                if (!last) {
                    throw new IrregularCsv("a record longer than the look-ahead");
                }
                break; // the last line, without a line end
            }
            byte c = b[p];
            if (c == ',') {
                p++;
                continue;
            }
            if (c == '\r') {
                if (p + 1 >= limit || b[p + 1] != '\n') {
                    throw new IrregularCsv("a carriage return without a line feed");
                }
                p++;
            } else if (c != '\n') {
                throw new IrregularCsv("a quote inside a field or text after a closing quote");
            }
            p++;
            lines++;
            break;
        }
        pos = p;
        return true;
    }

    /** A quoted field from the quote at {@code p}, unquoted into the scratch buffer; returns the position after it. */
    private int quoted(int p) {
        int start = scratchUsed;
        p++;
        while (true) {
            if (p >= limit) {
                throw new IrregularCsv("an unclosed quote or a record longer than the look-ahead");
            }
            byte c = b[p];
            if (c == '"') {
                if (p + 1 < limit && b[p + 1] == '"') {
                    p++;
                } else {
                    if (p + 1 >= limit && !last) {
                        throw new IrregularCsv("a quote at the end of the look-ahead");
                    }
                    p++;
                    break;
                }
            } else if (c == '\n') {
                lines++;
            } else if (c == '\r' && (p + 1 >= limit || b[p + 1] != '\n')) {
                throw new IrregularCsv("a carriage return without a line feed");
            }
            if (scratchUsed == scratch.length) {
                scratch = Arrays.copyOf(scratch, scratch.length * 2);
            }
            scratch[scratchUsed++] = c;
            p++;
        }
        field(scratch, start, scratchUsed);
        return p;
    }

    private void field(byte[] in, int start, int end) {
        if (fields == from.length) {
            source = Arrays.copyOf(source, fields * 2);
            from = Arrays.copyOf(from, fields * 2);
            to = Arrays.copyOf(to, fields * 2);
        }
        source[fields] = in;
        from[fields] = start;
        to[fields] = end;
        fields++;
    }

    /** The number of fields of the current record. */
    public int fields() {
        return fields;
    }

    /** Whether the current record is an empty line (one empty field), which readers skip. */
    public boolean emptyLine() {
        return fields == 1 && to[0] == from[0];
    }

    /** The line of the current record's start, counted from 0 at the block's first record. */
    public long line() {
        return recordLine;
    }

    /** The line feeds passed so far, from the block's first record. */
    public long lines() {
        return lines;
    }

    /** Where the next record starts, relative to the block (at or after its length once all were read). */
    public int position() {
        return pos;
    }

    /** The bytes holding field {@code f} (the block, or the scratch buffer for a quoted field). */
    public byte[] bytes(int f) {
        return source[f];
    }

    public int from(int f) {
        return from[f];
    }

    public int to(int f) {
        return to[f];
    }
}
