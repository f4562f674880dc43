package io.segmenta.table.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits the records that start in one {@link CsvBlock} into fields, on the bytes, as RFC 4180 with commas: the
 * parallel reader's fast path. It reads what Commons CSV reads the same way (plain fields, quoted fields with
 * {@code ""} for a quote, line feeds inside quotes, CR LF or LF line ends, a last line without one) and throws
 * {@link IrregularCsv} for anything else, so that the general parser judges it. Lines are counted as Commons CSV
 * counts them (one per line feed), from the block's first record. Not thread-safe; one per block.
 */
public final class CsvScanner {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;

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

    /**
     * A 64-bit hash of the current record's fields (their values as read, quotes removed), eight bytes at a time,
     * for counting repeated rows: records with the same values hash alike however they were quoted, and the
     * field boundaries count ("ab","c" differs from "a","bc"). Valid UTF-8 text is one byte sequence per string,
     * so equal hashes mean equal fields, up to collisions of about n^2 / 2^65 for n rows.
     *
     * @throws IrregularCsv when a field is not valid UTF-8 (the general reader would decode it to U+FFFD, so
     *         that different bytes could be the same text)
     */
    public long rowHash() {
        long h = K1 * fields;
        long high = 0;
        for (int f = 0; f < fields; f++) {
            byte[] in = source[f];
            int i = from[f];
            int end = to[f];
            for (; i + 8 <= end; i += 8) {
                long word = (long) LONGS.get(in, i);
                high |= word;
                h = Long.rotateLeft((h ^ word) * K1, 29);
            }
            long tail = 0;
            for (int shift = 0; i < end; i++, shift += 8) {
                tail |= (in[i] & 0xffL) << shift;
            }
            high |= tail;
            h = Long.rotateLeft((h ^ tail) * K1, 29) ^ (end - from[f]);
            h *= K2;
        }
        if ((high & 0x8080808080808080L) != 0) {
            for (int f = 0; f < fields; f++) {
                ByteDictionary.text(source[f], from[f], to[f]); // throws for bytes that are not UTF-8
            }
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
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
