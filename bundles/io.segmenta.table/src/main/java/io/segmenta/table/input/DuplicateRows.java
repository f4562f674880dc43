package io.segmenta.table.input;

import io.segmenta.table.column.LongHashSet;
import org.apache.commons.csv.CSVRecord;

/**
 * Counts rows that repeat an earlier row field for field. Each row is reduced to a 64-bit hash of its
 * fields, and the hashes seen are kept in a {@link LongHashSet}: 8 bytes a row instead of the row's text,
 * and no object per row. Two different rows with the same hash would count as a duplicate; with n rows the
 * chance of any such collision is about n^2 / 2^65 (below 10^-8 for a million rows), so the count may in
 * theory be low by a negligible amount, never high by a real one.
 * <p>
 * A row is hashed either as a whole record ({@link #add(CSVRecord)}) or field by field: {@link #start()},
 * then {@code field(...)} for each value, then {@link #end()}. Sources keep duplicates (exports
 * legitimately repeat identical lines) and only report their number. Not thread-safe.
 */
public final class DuplicateRows {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Mixed in after each field, so that ("ab", "c") and ("a", "bc") differ. */
    private static final long FIELD_END = 0x1f;
    /** Stands for a missing (null) text, which must differ from "". */
    private static final long NULL_TEXT = 0x9E3779B97F4A7C15L;

    private final LongHashSet seen;
    private long duplicates;
    private long hash;

    public DuplicateRows() {
        this(1 << 16);
    }

    /** @param expectedRows how many rows are expected (the set grows past it) */
    public DuplicateRows(int expectedRows) {
        seen = new LongHashSet(expectedRows);
    }

    /**
     * Adds a row made of all the fields of a record.
     *
     * @return true when an earlier row had the same fields
     */
    public boolean add(CSVRecord record) {
        start();
        for (int i = 0; i < record.size(); i++) {
            field(record.get(i));
        }
        return end();
    }

    /** Starts a row given field by field. */
    public DuplicateRows start() {
        hash = FNV_OFFSET;
        return this;
    }

    /** A text field (null for a missing value). */
    public DuplicateRows field(String text) {
        long h = hash;
        if (text == null) {
            h = (h ^ NULL_TEXT) * FNV_PRIME;
        } else {
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * FNV_PRIME;
            }
        }
        hash = (h ^ FIELD_END) * FNV_PRIME;
        return this;
    }

    /** A whole-number field (a code, a time in seconds...). */
    public DuplicateRows field(long value) {
        long h = hash;
        for (int shift = 0; shift < 64; shift += 16) {
            h = (h ^ ((value >>> shift) & 0xffff)) * FNV_PRIME;
        }
        hash = (h ^ FIELD_END) * FNV_PRIME;
        return this;
    }

    /** A number field; equal doubles (NaN included) hash alike, and so do 0.0 and -0.0. */
    public DuplicateRows field(double value) {
        return field(value == 0 ? 0L : Double.doubleToLongBits(value));
    }

    /**
     * Ends the row started by {@link #start()}.
     *
     * @return true when an earlier row had the same fields
     */
    public boolean end() {
        boolean repeat = !seen.add(mix(hash));
        if (repeat) {
            duplicates++;
        }
        return repeat;
    }

    /**
     * The rows among {@code count} row hashes that repeat an earlier one: the count less the distinct hashes,
     * whatever the order (so blocks of rows hashed on several threads can be counted at the end, with the same
     * result as {@link #add} row by row). Sorts the first {@code count} hashes in place, on the common pool.
     */
    public static long repeats(long[] rowHashes, int count) {
        java.util.Arrays.parallelSort(rowHashes, 0, count);
        long repeats = 0;
        for (int i = 1; i < count; i++) {
            if (rowHashes[i] == rowHashes[i - 1]) {
                repeats++;
            }
        }
        return repeats;
    }

    /** Rows that repeated an earlier row. */
    public long count() {
        return duplicates;
    }

    /** The 64-bit finaliser of MurmurHash3: FNV's last steps leave the high bits poorly mixed. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
