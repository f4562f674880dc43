package io.segmenta.source.olist;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.TimestampColumn;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One Olist CSV file being read: gunzipped when it starts with the gzip magic bytes, without a leading
 * byte-order mark (the category translation table has one), header columns found by name, and records
 * streamed with the line on which each STARTS (review texts span lines inside quotes, so the parser's
 * current line is the end of a record, not its start). Values are parsed here so that every bad value
 * becomes an {@link InputDataException} naming file, line, column, value and what was expected.
 * <p>
 * The file opening, empty-line skipping, start-line tracking and header matching follow
 * {@code io.segmenta.source.ukretail.UkRetailSource}; the date and number scanners are smaller versions of
 * its {@code Values}.
 */
final class CsvTable implements Closeable {
    // RFC 4180: comma, double quotes (the originals quote ids, the shared sample does not: both parse the
    // same), quoted fields may span lines. Empty lines are not skipped by the parser, so that its line
    // count stays exact; next() skips them.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final int BUFFER = 1 << 16;
    private static final long SECONDS_PER_DAY = 86_400L;

    static final String DATE_TIME_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private final String file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String[] header;
    private final String[] keys;
    private CSVRecord record;
    private long lastEndLine;
    private long line;

    // One-entry cache: consecutive rows often share a date text (estimated delivery dates are whole days).
    private String lastTimeText;
    private long lastTimeSeconds;

    private CsvTable(String file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        if (!next()) {
            throw new InputDataException(file, 0, null, null, "the file is empty; expected a CSV with a header");
        }
        header = record.values();
        keys = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            keys[i] = headerKey(header[i]);
        }
    }

    /** Opens a file and reads its header. */
    static CsvTable open(Path path) {
        String file = path.toString();
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream bytes = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, BUFFER) : raw;
            // Malformed UTF-8 becomes U+FFFD instead of failing: it could only be in free text (names, review
            // texts); ids, numbers and dates are ASCII and are checked where they are parsed.
            BufferedReader text = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), BUFFER);
            text.mark(1);
            if (text.read() != '\uFEFF') {
                text.reset();
            }
            return new CsvTable(file, CSVParser.parse(text, FORMAT));
        } catch (ZipException e) {
            close(raw);
            throw new SegmentaException(file + ": not a readable gzip file: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            close(raw);
            throw new SegmentaException("no such file: " + file, e);
        } catch (AccessDeniedException e) {
            close(raw);
            throw new SegmentaException(file + ": cannot read it: permission denied", e);
        } catch (IOException e) {
            close(raw);
            throw new SegmentaException(file + ": cannot read it: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(raw);
            throw e;
        }
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

    String file() {
        return file;
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
            throw new InputDataException(file, 1, null, null, "missing required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; the header found is: "
                    + String.join(",", header) + "; expected the Olist export's header with "
                    + String.join(",", names));
        }
        return columns;
    }

    /** The column with this name, or -1 when the header has none. */
    int optional(String name) {
        String key = headerKey(name);
        int found = -1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                if (found >= 0) {
                    throw new InputDataException(file, 1, null, null, "the header has two columns named " + name
                            + " ('" + header[found] + "' and '" + header[i] + "')");
                }
                found = i;
            }
        }
        return found;
    }

    /** The header name of a column, for messages. */
    String columnName(int column) {
        return header[column];
    }

    /**
     * Moves to the next record that is not an empty line.
     *
     * @return false at the end of the file
     * @throws InputDataException when a record has a different number of fields than the header
     */
    boolean next() {
        try {
            while (true) {
                long start = lastEndLine + 1;
                if (!records.hasNext()) {
                    record = null;
                    return false;
                }
                CSVRecord r = records.next();
                lastEndLine = parser.getCurrentLineNumber();
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue; // an empty line: not a row, nothing to account for
                }
                record = r;
                line = start;
                if (header != null && r.size() != header.length) {
                    throw new InputDataException(file, line, null, null, "found " + r.size()
                            + (r.size() == 1 ? " field" : " fields") + ", expected " + header.length
                            + " as in the header (a truncated line, or a value with an unquoted comma?)");
                }
                return true;
            }
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            if (cause instanceof CSVException) {
                // e.g. a quote that is never closed, or text after a closing quote
                throw new InputDataException(file, lastEndLine + 1, null, null, "malformed CSV: " + cause.getMessage());
            }
            throw new SegmentaException(file + ": cannot read it after line " + lastEndLine + ": "
                    + cause.getMessage(), e);
        }
    }

    /** The line on which the current record starts; the header is line 1. */
    long line() {
        return line;
    }

    /** A field of the current record without surrounding spaces. */
    String text(int column) {
        return record.get(column).strip();
    }

    /** A field that must not be empty (an id). */
    String id(int column, String expected) {
        String value = text(column);
        if (value.isEmpty()) {
            throw new InputDataException(file, line, header[column], "", expected);
        }
        return value;
    }

    /** A decimal number: optional sign, digits, optional '.' and digits. */
    double decimal(int column) {
        String value = text(column);
        if (!isDecimal(value)) {
            throw new InputDataException(file, line, header[column], value,
                    "a number (digits with '.' as the decimal point, e.g. 29.99)");
        }
        return Double.parseDouble(value);
    }

    /** A whole number from 0 to Integer.MAX_VALUE. */
    int count(int column) {
        String value = text(column);
        int n = digits(value, 0, value.length());
        if (value.isEmpty() || value.length() > 9 || n < 0) {
            throw new InputDataException(file, line, header[column], value, "a whole number >= 0");
        }
        return n;
    }

    /**
     * A date-time as {@value #DATE_TIME_PATTERN}, in seconds as {@link TimestampColumn} stores it, or
     * {@link TimestampColumn#MISSING} when the field is empty (Olist leaves dates of steps not reached
     * empty).
     */
    long timeOrMissing(int column) {
        String value = text(column);
        if (value.isEmpty()) {
            return TimestampColumn.MISSING;
        }
        if (value.equals(lastTimeText)) {
            return lastTimeSeconds;
        }
        long seconds = parseDateTime(value);
        if (seconds == TimestampColumn.MISSING) {
            throw new InputDataException(file, line, header[column], value, "a date-time as " + DATE_TIME_PATTERN);
        }
        lastTimeText = value;
        lastTimeSeconds = seconds;
        return seconds;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // reading is over; nothing was written
        }
    }

    /** Optional sign, then digits with at most one '.', at least one digit; no exponent, no "NaN". */
    static boolean isDecimal(String s) {
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /** {@value #DATE_TIME_PATTERN} scanned by hand; {@link TimestampColumn#MISSING} for anything else. */
    static long parseDateTime(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return TimestampColumn.MISSING;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return TimestampColumn.MISSING;
        }
        try {
            // LocalDate does the calendar (month lengths, leap years)
            return LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        } catch (DateTimeException e) {
            return TimestampColumn.MISSING;
        }
    }

    /** The number written with ASCII digits from {@code from} to {@code to}, or -1. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A header name reduced for matching: lower case, without spaces, underscores or a byte-order mark. */
    static String headerKey(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '_' && c != '\t' && c != '\uFEFF') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
