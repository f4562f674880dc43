package io.segmenta.table.input;

import io.segmenta.api.InputDataException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * The segment of every entity of an earlier run, read from the {@code assignments.csv} its csv reporter wrote:
 * the first column is the entity's id ({@code customer_id} or {@code seller_id}), and the columns
 * {@code segment_name} and {@code segment} (found by name, so files with other feature columns read alike).
 *
 * @param entity what the ids are ("customer", "seller"), from the first column's name
 * @param ids the ids, in the file's order
 * @param segments the segment of each id
 * @param names the segment names by segment number (the name on the first row of each segment; "" for a
 *        number no row has)
 */
public record RunAssignments(String entity, List<String> ids, int[] segments, List<String> names) {
    /** The file a run's csv reporter writes the assignments to. */
    public static final String FILE = "assignments.csv";
    private static final String ID_SUFFIX = "_id";

    public RunAssignments {
        ids = List.copyOf(ids);
        segments = segments.clone();
        names = List.copyOf(names);
    }

    @Override
    public int[] segments() {
        return segments.clone();
    }

    /**
     * Reads the file.
     *
     * @throws InputDataException naming the file, line and column of the first thing that is not as a run writes
     *         it: no id column, no segment columns, a segment that is not a whole number from 0
     */
    public static RunAssignments read(Path file) {
        String expected = "the assignments of a Segmenta run (" + FILE + ": an id column, segment_name, segment)";
        try (CsvRecords records = new CsvRecords(InputFiles.openText(file, StandardCharsets.UTF_8, true, expected,
                null), ',')) {
            CSVRecord header = records.first();
            String first = header.get(0).trim();
            if (!first.endsWith(ID_SUFFIX) || first.length() == ID_SUFFIX.length()) {
                throw new InputDataException(records.file(), 1, first, null,
                        "the first column to be the id column, e.g. customer_id, as the csv reporter writes it");
            }
            int name = column(header, "segment_name", records);
            int segment = column(header, "segment", records);
            records.expectWidth(header.size(), "as in the header");
            List<String> ids = new ArrayList<>();
            int[] segments = new int[1024];
            List<String> names = new ArrayList<>();
            for (CSVRecord r = records.next(); r != null; r = records.next()) {
                int s = segment(r.get(segment), records);
                if (ids.size() == segments.length) {
                    segments = Arrays.copyOf(segments, segments.length * 2);
                }
                segments[ids.size()] = s;
                ids.add(r.get(0));
                while (names.size() <= s) {
                    names.add(null);
                }
                if (names.get(s) == null) {
                    names.set(s, r.get(name));
                }
            }
            names.replaceAll(n -> n == null ? "" : n);
            return new RunAssignments(first.substring(0, first.length() - ID_SUFFIX.length()), ids,
                    Arrays.copyOf(segments, ids.size()), names);
        }
    }

    /** The last column of that name: the reporter writes them last, after features that might share the name. */
    private static int column(CSVRecord header, String wanted, CsvRecords records) {
        for (int i = header.size() - 1; i > 0; i--) {
            if (header.get(i).trim().equals(wanted)) {
                return i;
            }
        }
        throw new InputDataException(records.file(), 1, wanted, null, "a column " + wanted
                + " in the header, as the csv reporter writes it");
    }

    private static int segment(String text, CsvRecords records) {
        String t = text.trim();
        int value = 0;
        boolean ok = !t.isEmpty() && t.length() < 10;
        for (int i = 0; ok && i < t.length(); i++) {
            char c = t.charAt(i);
            ok = c >= '0' && c <= '9';
            value = value * 10 + (c - '0');
        }
        if (!ok) {
            throw new InputDataException(records.file(), records.line(), "segment", text,
                    "a segment number: a whole number from 0");
        }
        return value;
    }
}
