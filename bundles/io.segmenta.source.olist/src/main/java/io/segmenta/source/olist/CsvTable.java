package io.segmenta.source.olist;

import io.segmenta.api.InputDataException;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.table.input.CsvRecords;
import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.Headers;
import io.segmenta.table.input.InputFiles;
import io.segmenta.table.input.MalformedRows;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * One Olist CSV file being read, on top of {@link CsvRecords} (gzip by magic bytes, no byte-order mark -
 * the category translation table has one - empty lines skipped, the line on which each record STARTS:
 * review texts span lines inside quotes): header columns found by name, and values parsed here so that
 * every bad value becomes an {@link InputDataException} naming file, line, column, value and what was
 * expected. A row with such a value, or with the wrong number of fields, is malformed: the parsers return a
 * placeholder and remember the first problem of the row, and {@link #malformed()} hands it to the file's
 * {@link MalformedRows} (which counts it or stops the read) before the row is used.
 */
final class CsvTable implements Closeable {
    private final CsvRecords records;
    private final String file;
    private final String[] header;
    private final String[] keys;
    private final MalformedRows malformed;
    private CSVRecord record;
    /** The first problem of the current row, or null. */
    private String badReason;
    private InputDataException badError;

    // One-entry cache: consecutive rows often share a date text (estimated delivery dates are whole days).
    private String lastTimeText;
    private long lastTimeSeconds;

    private CsvTable(CsvRecords records, double maxMalformed) {
        this.records = records;
        this.file = records.file();
        header = records.first().values();
        keys = Headers.keys(header);
        records.expectWidth(header.length, "as in the header");
        malformed = new MalformedRows(records, maxMalformed);
    }

    /**
     * Opens a file and reads its header.
     *
     * @param maxMalformed the largest share of malformed rows skipped and counted (option max-malformed)
     */
    static CsvTable open(Path path, double maxMalformed) {
        // RFC 4180 with commas: the originals quote ids, the shared sample does not; both parse the same.
        // Malformed UTF-8 becomes U+FFFD instead of failing: it could only be in free text (names, review
        // texts); ids, numbers and dates are ASCII and are checked where they are parsed.
        CsvRecords records = new CsvRecords(InputFiles.openText(path, StandardCharsets.UTF_8, false,
                "a CSV with a header", null), ',');
        try {
            return new CsvTable(records, maxMalformed);
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    String file() {
        return file;
    }

    /** The records being read, for the reading progress. */
    CsvRecords records() {
        return records;
    }

    /**
     * The columns with these names (matched ignoring case, spaces, underscores and a BOM), in the order
     * given.
     *
     * @throws InputDataException naming every missing column when any is missing
     */
    int[] require(String... names) {
        int[] columns = new int[names.length];
        List<String> missing = new ArrayList<>();
        for (int n = 0; n < names.length; n++) {
            columns[n] = optional(names[n]);
            if (columns[n] < 0) {
                missing.add(names[n]);
            }
        }
        if (!missing.isEmpty()) {
            throw Headers.missing(file, 1, missing, header,
                    "the Olist export's header with " + String.join(",", names));
        }
        return columns;
    }

    /** The column with this name, or -1 when the header has none. */
    int optional(String name) {
        return Headers.find(header, keys, name, file, 1);
    }

    /** The header name of a column, for messages. */
    String columnName(int column) {
        return header[column];
    }

    /**
     * Moves to the next record that is not an empty line.
     *
     * @return false at the end of the file
     * @throws InputDataException when a record has a different number of fields than the header and
     *         option max-malformed is 0 or exceeded (otherwise such records are counted and skipped)
     */
    boolean next() {
        record = records.next();
        badReason = null;
        badError = null;
        return record != null;
    }

    /**
     * Whether a value of the current row could not be read; if so, the row has been counted as malformed
     * and must be skipped. Call it after reading the row's values and before using any of them.
     *
     * @throws InputDataException the row's first problem when option max-malformed is 0, or the message
     *         about too many malformed rows
     */
    boolean malformed() {
        if (badReason == null) {
            return false;
        }
        malformed.reject(badReason, badError);
        return true;
    }

    /**
     * Checks the share of malformed rows at the end of the file.
     *
     * @throws InputDataException when there are too many
     */
    void finish() {
        malformed.finish();
    }

    /** The malformed rows of this file. */
    MalformedRows malformedRows() {
        return malformed;
    }

    /** Data rows read, malformed ones included. */
    long rows() {
        return records.rows();
    }

    /** Remembers the first problem of the current row. */
    private void bad(int column, String problem, String value, String expected) {
        if (badReason == null) {
            badReason = MalformedRows.reason(header[column], problem);
            badError = new InputDataException(file, line(), header[column], value, expected);
        }
    }

    /** The line on which the current record starts; the header is line 1. */
    long line() {
        return records.line();
    }

    /** A field of the current record without surrounding spaces. */
    String text(int column) {
        return record.get(column).strip();
    }

    /** A field that must not be empty (an id); when it is, the row is {@linkplain #malformed() malformed}. */
    String id(int column, String expected) {
        String value = text(column);
        if (value.isEmpty()) {
            bad(column, "is empty", "", expected);
        }
        return value;
    }

    /**
     * A decimal number: optional sign, digits, optional '.' and digits; no exponent. NaN (and the row
     * {@linkplain #malformed() malformed}) when the field is not one.
     */
    double decimal(int column) {
        String value = text(column);
        double number = Decimals.parse(value, '.', Decimals.NO_SEPARATOR, false);
        if (Double.isNaN(number)) {
            bad(column, "is not a number", value, "a number (digits with '.' as the decimal point, e.g. 29.99)");
        }
        return number;
    }

    /** A whole number from 0 to 999,999,999; -1 (and the row {@linkplain #malformed() malformed}) otherwise. */
    int count(int column) {
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
     * {@link TimestampColumn#MISSING} when the field is empty (Olist leaves dates of steps not reached
     * empty) or not such a date-time (the row is then {@linkplain #malformed() malformed}).
     */
    long timeOrMissing(int column) {
        String value = text(column);
        if (value.isEmpty()) {
            return TimestampColumn.MISSING;
        }
        if (value.equals(lastTimeText)) {
            return lastTimeSeconds;
        }
        long seconds = DateTimes.parseIso(value);
        if (seconds == DateTimes.BAD) {
            bad(column, "is not a date-time", value, "a date-time as " + DateTimes.ISO_PATTERN);
            return TimestampColumn.MISSING;
        }
        lastTimeText = value;
        lastTimeSeconds = seconds;
        return seconds;
    }

    @Override
    public void close() {
        records.close();
    }
}
