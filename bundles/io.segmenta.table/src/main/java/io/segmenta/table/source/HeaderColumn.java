package io.segmenta.table.source;

import io.segmenta.table.input.Headers;

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
}
