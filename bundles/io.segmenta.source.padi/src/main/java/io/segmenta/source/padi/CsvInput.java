package io.segmenta.source.padi;

import io.segmenta.api.InputDataException;
import io.segmenta.table.input.CsvRecords;
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
 * One CSV file of the export, open for reading on top of {@link CsvRecords} (gzip by magic bytes, no
 * byte-order mark, empty lines skipped, the line on which each record starts), its header matched against
 * {@link Col column specs} with their aliases, and its malformed rows counted by {@link MalformedRows}.
 */
final class CsvInput implements Closeable {
    /**
     * A column the reader looks for: its documented name and the other names it accepts, in order of
     * preference. Names are compared by {@link Headers#key(String)}.
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

    final String file;
    private final CsvRecords records;
    private final String[] header;
    private final int[] columns;
    private final MalformedRows malformed;

    private CsvInput(CsvRecords records, Col[] cols, double maxMalformed) {
        this.records = records;
        this.file = records.file();
        this.header = records.first().values();
        this.columns = resolve(cols);
        records.expectWidth(header.length, "as in the header");
        this.malformed = new MalformedRows(records, maxMalformed);
    }

    /**
     * Opens the file as UTF-8 text and reads its header.
     *
     * @param maxMalformed the largest share of malformed rows skipped and counted (option max-malformed)
     * @throws InputDataException when the file is empty, a required column is missing (the message lists
     *         the header found) or two header names match the same column
     */
    static CsvInput open(Path path, Col[] cols, double maxMalformed) {
        // Malformed UTF-8 becomes U+FFFD instead of failing: it can only matter in free text such as product
        // names; ids, numbers and dates are ASCII.
        CsvRecords records = new CsvRecords(InputFiles.openText(path, StandardCharsets.UTF_8, false,
                "a CSV header with " + requiredList(cols), null), ',');
        try {
            return new CsvInput(records, cols, maxMalformed);
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /** The records being read, for the reading progress. */
    CsvRecords records() {
        return records;
    }

    /** For each spec, the index of its column in the header, or -1 for an optional column not there. */
    int[] columns() {
        return columns;
    }

    private int[] resolve(Col[] cols) {
        String[] keys = Headers.keys(header);
        long line = records.line();
        int[] index = new int[cols.length];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < cols.length; c++) {
            index[c] = Headers.find(header, keys, cols[c].name(), file, line);
            for (int a = 0; index[c] < 0 && a < cols[c].aliases().length; a++) {
                index[c] = Headers.find(header, keys, cols[c].aliases()[a], file, line);
            }
            if (index[c] < 0 && cols[c].required()) {
                missing.add(cols[c].describe());
            }
        }
        if (!missing.isEmpty()) {
            // Not Headers.missing: the specs have aliases, listed with "; " between columns.
            StringBuilder m = new StringBuilder("missing required column").append(missing.size() > 1 ? "s " : " ")
                    .append(String.join("; ", missing)).append("; the header found is: ")
                    .append(String.join(",", header));
            if (header.length == 1 && (header[0].indexOf(';') >= 0 || header[0].indexOf('\t') >= 0)) {
                m.append(" (a single column: is the delimiter ','? this source reads comma-separated files)");
            }
            throw new InputDataException(file, line, null, null, m.toString());
        }
        return index;
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

    /** The header name of a column found by {@link #columns()}. */
    String columnName(int index) {
        return header[index];
    }

    /**
     * The next record that is not an empty line, or null at the end; {@link #line()} is then the line it
     * starts on. Records with another number of fields than the header are counted as malformed and
     * skipped (or stop the read, by option max-malformed).
     */
    CSVRecord next() {
        return records.next();
    }

    /** The line on which the record last returned by {@link #next()} starts (the header is line 1). */
    long line() {
        return records.line();
    }

    /** Data rows read, malformed ones included. */
    long rows() {
        return records.rows();
    }

    /** The malformed rows of this file. */
    MalformedRows malformed() {
        return malformed;
    }

    /**
     * Counts the current row as malformed, naming its column and value.
     *
     * @param problem e.g. "is not a number"
     * @param expected what the value should have been, for the message
     * @throws InputDataException by option max-malformed (0, or more than the allowed share)
     */
    void reject(int column, String problem, String value, String expected) {
        malformed.reject(MalformedRows.reason(header[column], problem),
                new InputDataException(file, line(), header[column], value, expected));
    }

    @Override
    public void close() {
        records.close();
    }
}
