package io.segmenta.table.source;

import io.segmenta.api.InputDataException;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.table.input.CsvRecords;
import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.Headers;
import io.segmenta.table.input.InputFiles;
import io.segmenta.table.input.InputText;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.SourceEncoding;
import io.segmenta.table.input.TextFormat;
import java.io.Closeable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * One comma-separated file with a header, being read on top of {@link CsvRecords} (gzip by magic bytes, no
 * byte-order mark, empty lines skipped, the line on which each record STARTS): its columns found by name, every
 * record checked to have the header's width, and its malformed rows counted by {@link MalformedRows}.
 * <p>
 * A value that cannot be read makes the row malformed, with an {@link InputDataException} naming file, line,
 * column, value and what was expected. Either at once ({@link #reject}), or through the typed accessors
 * ({@link #id}, {@link #decimal}, {@link #count}, {@link #timeOrMissing}): they return a placeholder and remember
 * the row's first problem, and {@link #malformed()} hands it to {@link MalformedRows} (which counts it or stops the
 * read) before the row is used. One instance per file read; not thread-safe.
 */
public final class CsvTable implements Closeable {
    private final CsvRecords records;
    private final String file;
    private final String[] header;
    private final String[] keys;
    private final long headerLine;
    private final MalformedRows malformed;
    private final DateCache times = new DateCache(DateTimes::parseIso);
    private CSVRecord record;
    /** The first line of a file without a header: the first record {@link #next()} returns. */
    private CSVRecord pending;
    private long line;
    /** The first problem of the current row, or null. */
    private String badReason;
    private InputDataException badError;

    private CsvTable(CsvRecords records, double maxMalformed) {
        this(records, true, maxMalformed);
    }

    private CsvTable(CsvRecords records, boolean hasHeader, double maxMalformed) {
        this.records = records;
        this.file = records.file();
        CSVRecord first = records.first();
        this.headerLine = records.line();
        if (hasHeader) {
            this.header = first.values();
        } else {
            // without a header, columns are named by their number from 1, as mapped-csv's mapping numbers them
            this.header = new String[first.size()];
            for (int c = 0; c < header.length; c++) {
                header[c] = Integer.toString(c + 1);
            }
            records.firstIsData();
            this.pending = first;
        }
        this.keys = Headers.keys(header);
        records.expectWidth(header.length, "as in the header");
        this.malformed = new MalformedRows(records, maxMalformed);
    }

    /**
     * Opens a UTF-8 comma-separated file and reads its header, as {@link #open(Path, Charset, String, double)}.
     *
     * @param expected what the file should hold, for the message about an empty file ("a CSV with a header")
     * @param maxMalformed the largest share of malformed rows skipped and counted ({@link MalformedRows#max})
     * @throws InputDataException when the file is empty, its bytes are not UTF-8, or two header names match the
     *         same column
     */
    public static CsvTable open(Path path, String expected, double maxMalformed) {
        return open(path, StandardCharsets.UTF_8, expected, maxMalformed);
    }

    /**
     * Opens a comma-separated file in the encoding of option {@value SourceEncoding#OPTION} and reads its header.
     * Its text is decoded strictly, by the rule every source follows ({@link SourceEncoding}): bytes not valid in
     * the encoding stop the read with a message naming file, line and column and that option.
     *
     * @param expected what the file should hold, for the message about an empty file ("a CSV with a header")
     * @param maxMalformed the largest share of malformed rows skipped and counted ({@link MalformedRows#max})
     * @throws InputDataException when the file is empty, its bytes are not valid in {@code encoding}, or two
     *         header names match the same column
     * @since 1.1
     */
    public static CsvTable open(Path path, Charset encoding, String expected, double maxMalformed) {
        CsvRecords records = new CsvRecords(InputFiles.openText(path, encoding, true, expected, SourceEncoding.HINT),
                ',');
        try {
            return new CsvTable(records, maxMalformed);
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /**
     * Opens a delimited text file written as {@code format} says (delimiter, encoding, header), its text decoded
     * strictly: bytes that are not valid in the encoding stop the read with a message naming their line, since a
     * wrong encoding would otherwise split one value into several. Without a header, the columns are named "1",
     * "2", ... and the first line is the first record.
     *
     * @param expected what the file should hold, for the message about an empty file
     * @param encodingHint what to add to the message about undecodable bytes (which option to set), or null
     * @param maxMalformed the largest share of malformed rows skipped and counted ({@link MalformedRows#max})
     */
    public static CsvTable open(Path path, TextFormat format, String expected, String encodingHint,
            double maxMalformed) {
        InputText text = InputFiles.openText(path, format.encoding(), true, expected, encodingHint);
        CsvRecords records = format.whitespace() ? CsvRecords.whitespaceSeparated(text)
                : new CsvRecords(text, format.delimiter());
        try {
            return new CsvTable(records, format.header(), maxMalformed);
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /** The column names: the header as written, or "1", "2", ... for a file without one. */
    public List<String> header() {
        return List.of(header);
    }

    /** The line of the header (or of the first record, without one), for messages about the columns. */
    public long headerLine() {
        return headerLine;
    }

    /** The file name as messages show it. */
    public String file() {
        return file;
    }

    /** The records being read, for the reading progress. */
    public CsvRecords records() {
        return records;
    }

    /** The header name of a column, for messages. */
    public String columnName(int column) {
        return header[column];
    }

    /**
     * The column with this name or, failing that, the first alias found; -1 when the header has none.
     *
     * @throws InputDataException when two columns match one name: which one was meant cannot be guessed
     */
    public int find(String name, String... aliases) {
        int found = Headers.find(header, keys, name, file, headerLine);
        for (int a = 0; found < 0 && a < aliases.length; a++) {
            found = Headers.find(header, keys, aliases[a], file, headerLine);
        }
        return found;
    }

    /**
     * For each column, its index in the header, or -1 for an optional column that is not there. The message about
     * missing required columns lists them all, separated by ", " (by "; " when some column has aliases, which are
     * listed with commas), then the header found, and {@code expected} when not null.
     *
     * @param expected what the header should hold, for the message ("; expected ..."), or null
     * @throws InputDataException when a required column is missing
     */
    public int[] columns(String expected, HeaderColumn... columns) {
        return HeaderColumn.indexes(header, file, headerLine, expected, columns);
    }

    /**
     * Moves to the next record that is not an empty line. Records with another number of fields than the header
     * are counted as malformed and skipped (or stop the read, by option max-malformed).
     *
     * @return false at the end of the file
     */
    public boolean next() {
        if (pending != null) {
            record = pending;
            line = headerLine;
            pending = null;
        } else {
            record = records.next();
            line = records.line();
        }
        badReason = null;
        badError = null;
        return record != null;
    }

    /** The current record. */
    public CSVRecord record() {
        return record;
    }

    /** The line on which the current record starts. */
    public long line() {
        return line;
    }

    /** Data rows read, malformed ones included. */
    public long rows() {
        return records.rows();
    }

    /** A field of the current record as written. */
    public String raw(int column) {
        return record.get(column);
    }

    /** A field of the current record without surrounding spaces. */
    public String text(int column) {
        return record.get(column).strip();
    }

    /**
     * Counts the current row as malformed now, naming its column and value.
     *
     * @param problem e.g. "is not a number"
     * @param expected what the value should have been, for the message
     * @throws InputDataException by option max-malformed (0, or more than the allowed share)
     */
    public void reject(int column, String problem, String value, String expected) {
        malformed.reject(MalformedRows.reason(header[column], problem),
                new InputDataException(file, line(), header[column], value, expected));
    }

    /** Remembers the first problem of the current row, for {@link #malformed()}. */
    public void bad(int column, String problem, String value, String expected) {
        if (badReason == null) {
            badReason = MalformedRows.reason(header[column], problem);
            badError = new InputDataException(file, line(), header[column], value, expected);
        }
    }

    /**
     * Whether a value of the current row could not be read; if so, the row has been counted as malformed and must
     * be skipped. Call it after reading the row's values and before using any of them.
     *
     * @throws InputDataException the row's first problem when option max-malformed is 0, or the message about too
     *         many malformed rows
     */
    public boolean malformed() {
        if (badReason == null) {
            return false;
        }
        malformed.reject(badReason, badError);
        return true;
    }

    /** A field that must not be empty (an id); when it is, the row is {@linkplain #malformed() malformed}. */
    public String id(int column, String expected) {
        String value = text(column);
        if (value.isEmpty()) {
            bad(column, "is empty", "", expected);
        }
        return value;
    }

    /**
     * A decimal number: optional sign, digits, optional '.' and digits; no exponent. NaN (and the row
     * {@linkplain #malformed() malformed}) when the field is not one.
     *
     * @param expected what the value should have been, for the message
     */
    public double decimal(int column, String expected) {
        String value = text(column);
        double number = Decimals.parse(value, '.', Decimals.NO_SEPARATOR, false);
        if (Double.isNaN(number)) {
            bad(column, "is not a number", value, expected);
        }
        return number;
    }

    /** A whole number from 0 to 999,999,999; -1 (and the row {@linkplain #malformed() malformed}) otherwise. */
    public int count(int column) {
        String value = text(column);
        int n = value.isEmpty() || value.length() > 9 ? -1 : 0;
        for (int i = 0; i < value.length() && n >= 0; i++) {
            char c = value.charAt(i);
            n = c >= '0' && c <= '9' ? n * 10 + (c - '0') : -1;
        }
        if (n < 0) {
            bad(column, "is not a whole number", value, "a whole number >= 0");
        }
        return n;
    }

    /**
     * A date-time as {@value DateTimes#ISO_PATTERN}, in seconds as {@link TimestampColumn} stores it, or
     * {@link TimestampColumn#MISSING} when the field is empty (exports leave the dates of steps not reached empty)
     * or not such a date-time (the row is then {@linkplain #malformed() malformed}).
     */
    public long timeOrMissing(int column) {
        String value = text(column);
        if (value.isEmpty()) {
            return TimestampColumn.MISSING;
        }
        long seconds = times.parse(value);
        if (seconds == DateTimes.BAD) {
            bad(column, "is not a date-time", value, "a date-time as " + DateTimes.ISO_PATTERN);
            return TimestampColumn.MISSING;
        }
        return seconds;
    }

    /**
     * Checks the share of malformed rows at the end of the file.
     *
     * @throws InputDataException when there are too many
     */
    public void finish() {
        malformed.finish();
    }

    /** The malformed rows of this file. */
    public MalformedRows malformedRows() {
        return malformed;
    }

    @Override
    public void close() {
        records.close();
    }
}
