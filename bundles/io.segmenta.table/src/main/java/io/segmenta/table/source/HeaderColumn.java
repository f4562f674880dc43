package io.segmenta.table.source;

import io.segmenta.api.InputDataException;
import io.segmenta.table.input.Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * A column a source looks for in a header: its documented name and the other names it accepts, in order of
 * preference, compared by {@link Headers#key(String)} (case, spaces and underscores ignored).
 *
 * @param name the documented name
 * @param required whether the file is refused without it
 * @param aliases other accepted names
 */
public record HeaderColumn(String name, boolean required, String... aliases) {

    public static HeaderColumn required(String name, String... aliases) {
        return new HeaderColumn(name, true, aliases);
    }

    public static HeaderColumn optional(String name, String... aliases) {
        return new HeaderColumn(name, false, aliases);
    }

    /** Required columns of these names, without aliases. */
    public static HeaderColumn[] required(String[] names) {
        HeaderColumn[] columns = new HeaderColumn[names.length];
        for (int i = 0; i < names.length; i++) {
            columns[i] = required(names[i]);
        }
        return columns;
    }

    /** The names of the required columns, comma-separated: "a,b,c" (for "expected a CSV header with a,b,c"). */
    public static String requiredNames(HeaderColumn... columns) {
        StringBuilder sb = new StringBuilder();
        for (HeaderColumn c : columns) {
            if (c.required()) {
                sb.append(sb.length() == 0 ? "" : ",").append(c.name());
            }
        }
        return sb.toString();
    }

    /** "name" or "name (or alias, alias)", as messages list it. */
    public String describe() {
        return aliases.length == 0 ? name : name + " (or " + String.join(", ", aliases) + ")";
    }

    /**
     * For each column, its index in the header, or -1 for an optional column that is not there: the documented name
     * first, then the aliases in order. The message about missing required columns lists them all, separated by ", "
     * (by "; " when some column has aliases, which are listed with commas), then the header found, and
     * {@code expected} when not null. {@link CsvTable#columns} and the sources on Spark find columns with it.
     *
     * @param header the header's fields
     * @param file the file, for the messages
     * @param headerLine the header's line, for the messages
     * @param expected what the header should hold, for the message ("; expected ..."), or null
     * @throws InputDataException when a required column is missing, or two columns match one name
     */
    public static int[] indexes(String[] header, String file, long headerLine, String expected,
            HeaderColumn... columns) {
        String[] keys = Headers.keys(header);
        int[] index = new int[columns.length];
        List<String> missing = new ArrayList<>();
        boolean aliases = false;
        for (int c = 0; c < columns.length; c++) {
            index[c] = Headers.find(header, keys, columns[c].name(), file, headerLine);
            for (int a = 0; index[c] < 0 && a < columns[c].aliases().length; a++) {
                index[c] = Headers.find(header, keys, columns[c].aliases()[a], file, headerLine);
            }
            aliases |= columns[c].aliases().length > 0;
            if (index[c] < 0 && columns[c].required()) {
                missing.add(columns[c].describe());
            }
        }
        if (!missing.isEmpty()) {
            throw Headers.missing(file, headerLine, missing, aliases ? "; " : ", ", header, expected);
        }
        return index;
    }
}
