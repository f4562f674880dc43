package io.segmenta.table.input;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a delimited text file with the line on which each STARTS (a quoted field may
 * span lines, so the parser's current line is where a record ends). Empty lines are skipped; every
 * failure becomes one message naming the file and line: malformed CSV, bytes not in the file's
 * encoding, a record with a different number of fields than expected.
 * <p>
 * The format is RFC 4180 (double quotes, quoted fields may span lines) with the given delimiter. The
 * parser does not skip empty lines itself: its line count then stays exact for every record, and this
 * class skips them. Not thread-safe; one instance per read.
 */
public final class CsvRecords implements Closeable {
    private final InputText text;
    private final char delimiter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** The line on which the last record read ended; the next record starts on the line after it. */
    private long lastEndLine;
    private long line;
    private int width = -1;
    private String widthReference;
    /** Data records read by {@link #next()}, returned or skipped as malformed. */
    private long rows;
    /** Where records of the wrong width go instead of an exception; null: they are an exception. */
    private MalformedRows malformed;

    /**
     * Starts parsing the text. The CsvRecords owns it from then on: {@link #close()} closes it.
     */
    public CsvRecords(InputText text, char delimiter) {
        this(text, delimiter, false);
    }

    /**
     * Starts parsing text whose fields are separated by runs of spaces and tabs, leading and trailing ones
     * ignored (whitespace-aligned exports such as CDNOW's); otherwise as {@link #CsvRecords(InputText, char)}.
     *
     * @since 1.1
     */
    public static CsvRecords whitespaceSeparated(InputText text) {
        return new CsvRecords(text, ' ', true);
    }

    private CsvRecords(InputText text, char delimiter, boolean whitespaceRuns) {
        this.text = text;
        this.delimiter = delimiter;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        try {
            this.parser = CSVParser.parse(whitespaceRuns ? new WhitespaceRuns(text.reader()) : text.reader(), format);
        } catch (IOException e) {
            text.close();
            throw InputFiles.cannotRead(text.file(), e);
        }
        this.records = parser.iterator();
    }

    /** The file name as messages show it. */
    public String file() {
        return text.file();
    }

    /** Bytes of the file read so far (see {@link InputText#bytesRead()}). */
    public long bytesRead() {
        return text.bytesRead();
    }

    /** The file's size in bytes, or -1 when unknown. */
    public long size() {
        return text.size();
    }

    /**
     * From now on every record must have {@code width} fields.
     *
     * @param reference where that number comes from, for the message: "as in the header"
     */
    public void expectWidth(int width, String reference) {
        this.width = width;
        this.widthReference = reference;
    }

    /**
     * Sends records of the wrong width to {@code malformed} (which counts them, or throws by its policy)
     * and skips them, instead of throwing. Called by {@link MalformedRows}'s constructor.
     */
    void malformedRows(MalformedRows malformed) {
        this.malformed = malformed;
    }

    /**
     * The data records read by {@link #next()} so far: those returned and those skipped as malformed
     * (wrong width, with {@link MalformedRows} attached). Empty lines and the record returned by
     * {@link #first()} are not counted, unless {@link #firstIsData()} says that record was a row.
     */
    public long rows() {
        return rows;
    }

    /** Counts the record returned by {@link #first()} as a data row: the file has no header. */
    public void firstIsData() {
        rows++;
    }

    /**
     * The next record that is not an empty line, or null at the end of the file. The iterator reads a
     * record only when asked for it, so the parser's line number right after {@code next()} is the line on
     * which that record ends.
     *
     * @throws InputDataException for malformed CSV, undecodable bytes (strict decoding) or a record whose
     *         number of fields is not the {@linkplain #expectWidth expected} one (unless
     *         {@link MalformedRows} is attached: it then counts the record and this method skips it, or it
     *         throws by its policy)
     */
    public CSVRecord next() {
        return read(true);
    }

    private CSVRecord read(boolean data) {
        try {
            while (true) {
                long start = lastEndLine + 1;
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                lastEndLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // an empty line: not a row, nothing to account for
                }
                line = start;
                if (data) {
                    if (malformed != null && rows == MalformedRows.CHECK_FROM) {
                        // The first rows have all been judged: a wrong file fails here, even if the last of
                        // those rows were fine (later on, each malformed row checks the share).
                        malformed.check();
                    }
                    rows++;
                }
                if (width >= 0 && record.size() != width) {
                    InputDataException error = wrongWidth(file(), line, record.size(), width, widthReference,
                            delimiter);
                    if (malformed == null || !data) {
                        throw error;
                    }
                    malformed.reject(MalformedRows.WRONG_WIDTH, error);
                    continue;
                }
                return record;
            }
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            if (cause instanceof CSVException) {
                // e.g. a quote that is never closed, or text after a closing quote
                throw new InputDataException(file(), lastEndLine + 1, null, null, "malformed CSV: " + cause.getMessage());
            }
            if (cause instanceof CharacterCodingException coding) {
                throw text.encodingError(coding);
            }
            throw new SegmentaException(file() + ": cannot read it after line " + lastEndLine + ": "
                    + cause.getMessage(), e);
        }
    }

    /**
     * The first record that is not an empty line (normally the header).
     *
     * @throws InputDataException when there is none: the file is empty
     */
    public CSVRecord first() {
        CSVRecord record = read(false);
        if (record == null) {
            throw text.empty();
        }
        return record;
    }

    /** The line on which the record last returned by {@link #next()} starts; the first line is 1. */
    public long line() {
        return line;
    }

    /**
     * The message about a record of {@code found} fields where {@code width} were expected (for readers that split
     * records themselves and must say it as this class does).
     *
     * @param reference where the expected number comes from: "as in the header"
     */
    public static InputDataException wrongWidth(String file, long line, int found, int width, String reference,
            char delimiter) {
        return new InputDataException(file, line, null, null, "found " + found + (found == 1 ? " field" : " fields")
                + ", expected " + width + " " + reference + " (a truncated line, or a value with an unquoted "
                + delimiterName(delimiter) + "?)");
    }

    /** How a delimiter is called in messages. */
    static String delimiterName(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            case ' ' -> "whitespace";
            default -> "'" + delimiter + "'";
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // reading is over; nothing was written
        }
        text.close();
    }
}
