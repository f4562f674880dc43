package io.segmenta.api;

import java.util.Objects;

/**
 * Input data that cannot be read as expected. The message names the file, the line (1-based, counting
 * the header as line 1), the column, the offending value and what was expected.
 */
public class InputDataException extends SegmentaException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String value;
    private final String expected;

    public InputDataException(String file, long line, String column, String value, String expected) {
        super(format(file, line, column, value, expected));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.value = value;
        this.expected = expected;
    }

    private static String format(String file, long line, String column, String value, String expected) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column != null) {
            sb.append(", column '").append(column).append('\'');
        }
        sb.append(": ");
        if (value != null) {
            sb.append("value '").append(value).append("' is not ").append(expected);
        } else {
            sb.append(expected);
        }
        return sb.toString();
    }

    /** The file that was being read. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem is not tied to one line. */
    public long line() {
        return line;
    }

    /** The column name, or {@code null} when the problem is not tied to one column. */
    public String column() {
        return column;
    }

    /** The offending value as read, or {@code null}. */
    public String value() {
        return value;
    }

    /** What was expected instead. */
    public String expected() {
        return expected;
    }
}
