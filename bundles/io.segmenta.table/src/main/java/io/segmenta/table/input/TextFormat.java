package io.segmenta.table.input;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.function.Function;

/**
 * How a delimited text file is written: delimiter, encoding, decimal and thousands separators, and whether the
 * first line is a header. The keys and their rules are the same wherever a user gives them (a {@code mapped-csv}
 * mapping file, the {@code customer-table} source's options), so they are read here once.
 *
 * @param delimiter the field delimiter; {@link #WHITESPACE_RUNS} for {@code format.delimiter=whitespace}
 * @param encoding the text's character set
 * @param decimal the decimal separator, '.' or ','
 * @param thousands the grouping character, or {@link Decimals#NO_SEPARATOR}
 * @param header whether the first line names the columns
 */
public record TextFormat(char delimiter, Charset encoding, char decimal, char thousands, boolean header) {
    public static final String DELIMITER = "format.delimiter";
    public static final String ENCODING = "format.encoding";
    public static final String DECIMAL = "format.decimal";
    public static final String THOUSANDS = "format.thousands";
    public static final String HEADER = "format.header";
    /** The {@code format.delimiter} value for whitespace-aligned text: runs of spaces and tabs separate fields. */
    public static final String WHITESPACE = "whitespace";
    /** The delimiter of {@link #WHITESPACE}: a space, read as runs of spaces and tabs (see {@link #whitespace()}). */
    public static final char WHITESPACE_RUNS = ' ';
    /** The keys, in the order the documentation lists them. */
    public static final List<String> KEYS = List.of(DELIMITER, ENCODING, DECIMAL, THOUSANDS, HEADER);

    /** What each key takes, for option descriptions. */
    public static final List<String> VALUES = List.of(
            "one character, e.g. ';' or '|'; a tab as \\t or tab; whitespace for runs of spaces and tabs",
            "a Java character set name, e.g. UTF-8, ISO-8859-1, windows-1252",
            "'.' or ','", "none, '.' or ',' (not the decimal separator)",
            "true, or false: the first line is data and columns are numbered from 1");
    /** The default of each key, in the order of {@link #KEYS}. */
    public static final List<String> DEFAULTS = List.of(",", "UTF-8", ".", "none", "true");

    /**
     * Reads the format keys.
     *
     * @param values the value of each key, null (or empty) when not given: the default
     * @param error makes the exception for a message about a bad value (e.g. one naming the mapping file)
     */
    public static TextFormat read(Function<String, String> values, Function<String, RuntimeException> error) {
        char delimiter = delimiter(values.apply(DELIMITER), error);
        Charset encoding = encoding(values.apply(ENCODING), error);
        char decimal = separator(DECIMAL, values.apply(DECIMAL), '.', false, error);
        char thousands = separator(THOUSANDS, values.apply(THOUSANDS), Decimals.NO_SEPARATOR, true, error);
        if (thousands == decimal) {
            throw error.apply(THOUSANDS + " and " + DECIMAL + " are both '" + decimal + "'; they must differ");
        }
        if (delimiter == decimal || delimiter == thousands) {
            throw error.apply(DELIMITER + " '" + delimiter + "' is also the decimal or thousands separator; quoted"
                    + " numbers would be needed everywhere, so this is not supported");
        }
        return new TextFormat(delimiter, encoding, decimal, thousands, bool(HEADER, values.apply(HEADER), true, error));
    }

    /**
     * True for whitespace-aligned text: fields are separated by runs of spaces and tabs, leading and trailing ones
     * ignored (read with {@link CsvRecords#whitespaceSeparated}).
     */
    public boolean whitespace() {
        return delimiter == WHITESPACE_RUNS;
    }

    /** A number as this format writes them (see {@link Decimals#parse(String, char, char)}), or NaN. */
    public double number(String text) {
        return Decimals.parse(text, decimal, thousands);
    }

    /** What a number should look like, for messages. */
    public String describeNumbers() {
        return Decimals.describe(decimal, thousands);
    }

    private static char delimiter(String value, Function<String, RuntimeException> error) {
        if (value == null) {
            return ',';
        }
        // "\t" in a properties file is already a tab once loaded; "\\t" and "tab" are accepted as well.
        // Properties.load strips leading white space, so a tab arrives intact only when escaped.
        if (value.equals("\t") || value.equalsIgnoreCase("tab") || value.equals("\\t")) {
            return '\t';
        }
        if (value.trim().equalsIgnoreCase(WHITESPACE) || value.equals(" ")) {
            return WHITESPACE_RUNS;
        }
        if (value.length() == 1 && value.charAt(0) != '"' && value.charAt(0) != '\n' && value.charAt(0) != '\r') {
            return value.charAt(0);
        }
        throw error.apply(DELIMITER + " '" + value + "' is not one character; expected e.g. ',' (default), ';', '|'"
                + ", \\t (or tab) or whitespace");
    }

    private static Charset encoding(String value, Function<String, RuntimeException> error) {
        if (value == null || value.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(value);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw error.apply(ENCODING + " '" + value + "' is not a character set this Java knows; expected e.g."
                    + " UTF-8 (default), ISO-8859-1 or windows-1252");
        }
    }

    private static char separator(String key, String value, char defaultValue, boolean noneAllowed,
            Function<String, RuntimeException> error) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.equals(".") || value.equals(",")) {
            return value.charAt(0);
        }
        if (noneAllowed && value.equalsIgnoreCase("none")) {
            return Decimals.NO_SEPARATOR;
        }
        throw error.apply(key + " '" + value + "' is not supported; expected '.' or ','"
                + (noneAllowed ? " or none" : ""));
    }

    /** A true/false value, as every boolean key of a mapping or option reads. */
    public static boolean bool(String key, String value, boolean defaultValue,
            Function<String, RuntimeException> error) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw error.apply(key + " '" + value + "' is not true or false");
    }
}
