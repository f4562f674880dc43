package io.segmenta.table.input;

import io.segmenta.api.InputDataException;
import java.util.List;

/** Finding columns by name in a header the way people write them: case, spaces and underscores vary. */
public final class Headers {
    private Headers() {
    }

    /**
     * A header name reduced for matching: lower case, without spaces, tabs, underscores or a byte-order
     * mark, so that "Customer ID", "customer_id" and "CustomerID" are the same column.
     */
    public static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '_' && c != '\t' && c != '\uFEFF') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The {@link #key keys} of a header's names. */
    public static String[] keys(String[] header) {
        String[] keys = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            keys[i] = key(header[i]);
        }
        return keys;
    }

    /**
     * The column whose key is {@code name}'s, or -1 when there is none.
     *
     * @param keys the header's {@link #keys(String[]) keys}
     * @throws InputDataException when two columns match: which one was meant cannot be guessed
     */
    public static int find(String[] header, String[] keys, String name, String file, long line) {
        String key = key(name);
        int found = -1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                if (found >= 0) {
                    throw new InputDataException(file, line, null, null, "the header has two columns named " + name
                            + " ('" + header[found] + "' and '" + header[i] + "')");
                }
                found = i;
            }
        }
        return found;
    }

    /**
     * The error for required columns missing from a comma-separated file's header: "missing required
     * column(s) A, B; the header found is: ...; expected {expected}", with a hint when the header is one
     * column holding semicolons or tabs (the file is not comma-separated).
     */
    public static InputDataException missing(String file, long line, List<String> missing, String[] header,
            String expected) {
        return missing(file, line, missing, ", ", header, expected);
    }

    /**
     * As {@link #missing(String, long, List, String[], String)}, with the missing columns joined by
     * {@code separator} ("; " when they are described with aliases, which are listed with commas), and without
     * the "; expected ..." part when {@code expected} is null.
     */
    public static InputDataException missing(String file, long line, List<String> missing, String separator,
            String[] header, String expected) {
        StringBuilder message = new StringBuilder("missing required column")
                .append(missing.size() > 1 ? "s " : " ").append(String.join(separator, missing))
                .append("; the header found is: ").append(printable(String.join(",", header)));
        if (header.length == 1 && (header[0].indexOf(';') >= 0 || header[0].indexOf('\t') >= 0)) {
            message.append(" (a single column: is the delimiter ','? this source reads comma-separated files)");
        }
        if (expected != null) {
            message.append("; expected ").append(expected);
        }
        return new InputDataException(file, line, null, null, message.toString());
    }

    /** The most characters of a header shown in a message. */
    static final int SHOWN = 200;

    /**
     * A header as it may be shown on a terminal: control characters and undecodable bytes (U+FFFD) become '?'
     * (a binary file's first line would otherwise be echoed raw), and a long one is cut, saying so.
     */
    static String printable(String header) {
        StringBuilder out = new StringBuilder(Math.min(header.length(), SHOWN) + 40);
        boolean binary = false;
        for (int i = 0; i < header.length() && i < SHOWN; i++) {
            char c = header.charAt(i);
            boolean bad = Character.isISOControl(c) && c != '\t' || c == '\uFFFD';
            binary |= bad;
            out.append(bad ? '?' : c);
        }
        if (header.length() > SHOWN) {
            out.append("... (").append(header.length()).append(" characters)");
        }
        if (binary) {
            out.append(" (it holds bytes that are not text: is this a CSV file?)");
        }
        return out.toString();
    }
}
