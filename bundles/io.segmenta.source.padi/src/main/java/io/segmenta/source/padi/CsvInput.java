package io.segmenta.source.padi;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * One CSV file of the export, open for reading: gunzipped when it starts with the gzip magic bytes, without
 * a byte-order mark, its header matched against {@link Col column specs}, its records returned with the
 * line on which each starts.
 */
final class CsvInput implements Closeable {
    /**
     * A column the reader looks for: its documented name and the other names it accepts, in order of
     * preference. Names are compared by {@link Values#headerKey(String)}.
     */
    record Col(String name, boolean required, String... aliases) {
        static Col required(String name, String... aliases) {
            return new Col(name, true, aliases);
        }

        static Col optional(String name, String... aliases) {
            return new Col(name, false, aliases);
        }

        String describe() {
            return aliases.length == 0 ? name : name + " (or " + String.join(", ", aliases) + ")";
        }
    }

    // RFC 4180 (comma, double quotes, quoted fields may span lines). Empty lines are NOT skipped by the
    // parser: its line number is then exact for every record, and next() skips them itself.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private static final int BUFFER = 1 << 16;

    final String file;
    private final Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final boolean gzip;
    private long lastEndLine;
    private long line;
    private CSVRecord header;
    private int width = -1;

    private CsvInput(String file, Reader reader, boolean gzip) throws IOException {
        this.file = file;
        this.reader = reader;
        this.gzip = gzip;
        this.parser = CSVParser.parse(reader, FORMAT);
        this.records = parser.iterator();
    }

    /** Opens the file as UTF-8 text. */
    static CsvInput open(Path path) {
        String file = path.toString();
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            InputStream bytes = gzip ? new GZIPInputStream(raw, BUFFER) : raw;
            // Malformed UTF-8 becomes U+FFFD instead of failing: it can only matter in free text such as
            // product names; ids, numbers and dates are ASCII.
            BufferedReader text = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), BUFFER);
            text.mark(1);
            if (text.read() != '\uFEFF') {
                text.reset();
            }
            return new CsvInput(file, text, gzip);
        } catch (NoSuchFileException e) {
            close(raw);
            throw new SegmentaException("no such file: " + file, e);
        } catch (AccessDeniedException e) {
            close(raw);
            throw new SegmentaException(file + ": cannot read it: permission denied", e);
        } catch (ZipException e) {
            close(raw);
            throw new SegmentaException(file + ": not a readable gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            close(raw);
            throw new SegmentaException(file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing with a better message
            }
        }
    }

    /**
     * Reads the header and finds each column in it.
     *
     * @return for each spec, the index of its column in the header, or -1 for an optional column not there
     * @throws InputDataException when the file is empty, a required column is missing (the message lists
     *         the header found) or two header names match the same column
     */
    int[] header(Col[] cols) {
        header = next();
        if (header == null) {
            throw new InputDataException(file, 0, null, null, (gzip ? "the file is empty once decompressed"
                    : "the file is empty") + "; expected a CSV header with " + requiredList(cols));
        }
        width = header.size();
        String[] keys = new String[width];
        for (int i = 0; i < width; i++) {
            keys[i] = Values.headerKey(header.get(i));
        }
        int[] index = new int[cols.length];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < cols.length; c++) {
            index[c] = find(cols[c].name(), keys);
            for (int a = 0; index[c] < 0 && a < cols[c].aliases().length; a++) {
                index[c] = find(cols[c].aliases()[a], keys);
            }
            if (index[c] < 0 && cols[c].required()) {
                missing.add(cols[c].describe());
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder m = new StringBuilder("missing required column").append(missing.size() > 1 ? "s " : " ")
                    .append(String.join("; ", missing)).append("; the header found is: ")
                    .append(String.join(",", header.values()));
            if (width == 1 && (header.get(0).indexOf(';') >= 0 || header.get(0).indexOf('\t') >= 0)) {
                m.append(" (a single column: is the delimiter ','? this source reads comma-separated files)");
            }
            throw new InputDataException(file, line, null, null, m.toString());
        }
        return index;
    }

    /** The one header column whose key equals the name's, or -1. */
    private int find(String name, String[] keys) {
        String key = Values.headerKey(name);
        int found = -1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                if (found >= 0) {
                    throw new InputDataException(file, line, null, null, "the header has two columns named " + name
                            + " ('" + header.get(found) + "' and '" + header.get(i) + "')");
                }
                found = i;
            }
        }
        return found;
    }

    private static String requiredList(Col[] cols) {
        List<String> names = new ArrayList<>();
        for (Col c : cols) {
            if (c.required()) {
                names.add(c.name());
            }
        }
        return String.join(",", names);
    }

    /** The header name of a column found by {@link #header(Col[])}. */
    String columnName(int index) {
        return header.get(index);
    }

    /**
     * The next record that is not an empty line, or null at the end; {@link #line()} is then the line it
     * starts on. After the header, a record with another number of fields than the header stops the read.
     */
    CSVRecord next() {
        try {
            while (true) {
                long start = lastEndLine + 1;
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                // The iterator reads a record only when asked, so the parser's line number is now the line
                // on which this record ends (later than its start when a quoted field spans lines).
                lastEndLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // an empty line: not a row, nothing to account for
                }
                line = start;
                if (width >= 0 && record.size() != width) {
                    throw new InputDataException(file, line, null, null, "found " + record.size()
                            + (record.size() == 1 ? " field" : " fields") + ", expected " + width
                            + " as in the header (a truncated line, or a value with an unquoted comma?)");
                }
                return record;
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

    /** The line on which the record last returned by {@link #next()} starts (the header is line 1). */
    long line() {
        return line;
    }

    @Override
    public void close() {
        try {
            parser.close();
            reader.close();
        } catch (IOException e) {
            throw new SegmentaException(file + ": cannot close it: " + e.getMessage(), e);
        }
    }
}
