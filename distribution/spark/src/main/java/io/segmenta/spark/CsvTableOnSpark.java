package io.segmenta.spark;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.Headers;
import io.segmenta.table.input.MalformedRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A CSV table of a multi-table export (Olist) read on Spark as the single-machine {@code CsvTable} reads it: the
 * columns found by their header names (ignoring case, spaces and underscores), each value read by its kind (an id
 * must not be empty, a decimal has '.' and no exponent, a count is a whole number, a date-time is
 * {@value DateTimes#ISO_PATTERN} or empty), and a row whose value cannot be read malformed under the first bad
 * column's reason, as {@code CsvTable.bad} keeps it. Out: {@link #LINE}, one column per {@link Column} by its name
 * (null when absent or empty), {@link #REASON} (null for a readable row).
 */
final class CsvTableOnSpark implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    static final String LINE = "_line";
    static final String REASON = "_reason";

    /** How a value is read. */
    enum Kind { ID, TEXT, DECIMAL, COUNT, TIME, OPTIONAL_COUNT }

    /**
     * A column to read.
     *
     * @param name the header name the export gives it
     * @param kind how its values are read
     * @param required whether a header without it stops the read
     */
    record Column(String name, Kind kind, boolean required) implements java.io.Serializable {
        static Column of(String name, Kind kind) {
            return new Column(name, kind, true);
        }
    }

    /** A table read: the file, its rows, and whether each optional column was there. */
    record Table(String file, Dataset<Row> rows, boolean[] present) {
    }

    private final Column[] columns;
    private final int[] at;
    private final String[] header;

    private CsvTableOnSpark(Column[] columns, int[] at, String[] header) {
        this.columns = columns;
        this.at = at;
        this.header = header;
    }

    /**
     * @param expected what the header should hold, for the message about missing columns
     * @throws InputDataException when a required column is missing
     */
    static Table read(SparkSession spark, String file, String charset, boolean multiLine, String expected,
            Column... columns) {
        CsvLines.Read read = CsvLines.read(spark, file, new CsvLines.Format(',', charset, false), multiLine,
                expected);
        String[] header = read.header();
        String[] keys = Headers.keys(header);
        int[] at = new int[columns.length];
        boolean[] present = new boolean[columns.length];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            at[c] = Headers.find(header, keys, columns[c].name(), file, read.headerLine());
            present[c] = at[c] >= 0;
            if (at[c] < 0 && columns[c].required()) {
                missing.add(columns[c].name());
            }
        }
        if (!missing.isEmpty()) {
            throw Headers.missing(file, read.headerLine(), missing, ", ", header, expected);
        }
        StructType schema = new StructType().add(LINE, DataTypes.LongType, false);
        for (Column c : columns) {
            schema = schema.add(c.name(), type(c.kind()));
        }
        schema = schema.add(REASON, DataTypes.StringType);
        Dataset<Row> rows = read.rows().map(new CsvTableOnSpark(columns, at, header), Encoders.row(schema));
        return new Table(file, rows, present);
    }

    private static DataType type(Kind kind) {
        return switch (kind) {
            case ID, TEXT -> DataTypes.StringType;
            case DECIMAL -> DataTypes.DoubleType;
            case COUNT, OPTIONAL_COUNT -> DataTypes.IntegerType;
            case TIME -> DataTypes.LongType;
        };
    }

    @Override
    public Row call(Row in) {
        int width = header.length;
        Object[] out = new Object[columns.length + 2];
        out[0] = in.getLong(width + 1);
        if (!in.isNullAt(width)) {
            out[out.length - 1] = MalformedRows.WRONG_WIDTH;
            return RowFactory.create(out);
        }
        String reason = null;
        for (int c = 0; c < columns.length; c++) {
            if (at[c] < 0) {
                continue;
            }
            String text = in.isNullAt(at[c]) ? "" : in.getString(at[c]).strip();
            String problem = null;
            switch (columns[c].kind()) {
                case ID -> {
                    problem = text.isEmpty() ? "is empty" : null;
                    out[c + 1] = text;
                }
                case TEXT -> out[c + 1] = text.isEmpty() ? null : text;
                case DECIMAL -> {
                    double v = Decimals.parse(text, '.', Decimals.NO_SEPARATOR, false);
                    problem = Double.isNaN(v) ? "is not a number" : null;
                    out[c + 1] = v;
                }
                case COUNT, OPTIONAL_COUNT -> {
                    if (!(text.isEmpty() && columns[c].kind() == Kind.OPTIONAL_COUNT)) {
                        int n = count(text);
                        problem = n < 0 ? "is not a whole number" : null;
                        out[c + 1] = n;
                    }
                }
                case TIME -> {
                    if (!text.isEmpty()) {
                        long t = DateTimes.parseIso(text);
                        problem = t == DateTimes.BAD ? "is not a date-time" : null;
                        out[c + 1] = t == DateTimes.BAD || t == TimestampColumn.MISSING ? null : t;
                    }
                }
            }
            if (problem != null && reason == null) {
                reason = MalformedRows.reason(header[at[c]], problem);
            }
        }
        out[out.length - 1] = reason;
        return RowFactory.create(out);
    }

    /** As {@code CsvTable.count}: a whole number from 0 to 999,999,999, or -1. */
    private static int count(String value) {
        int n = value.isEmpty() || value.length() > 9 ? -1 : 0;
        for (int i = 0; i < value.length() && n >= 0; i++) {
            char ch = value.charAt(i);
            n = ch >= '0' && ch <= '9' ? n * 10 + (ch - '0') : -1;
        }
        return n;
    }

    /**
     * Applies {@value MalformedRows#OPTION} to a table's malformed rows (the share of the file's rows), as the
     * single-machine read does at the end of each file.
     *
     * @param malformed the table's malformed rows
     * @param read the table's rows
     * @param first the first malformed row's reason and line, for the message
     */
    static void checkShare(String file, long malformed, long read, double max, String firstReason, long firstLine) {
        if (malformed > 0 && malformed > max * read) {
            throw new SegmentaException(max == 0
                    ? file + ", line " + firstLine + ": a malformed row (" + firstReason + ") and "
                            + MalformedRows.OPTION + " is 0"
                    : String.format(Locale.ROOT, "%s: %,d of %,d rows %s malformed (%.1f%%, more than allowed by %s);"
                            + " the first: %s (line %d); is this the right file and format?", file, malformed, read,
                            malformed == 1 ? "is" : "are", 100.0 * malformed / read, MalformedRows.OPTION,
                            firstReason, firstLine));
        }
    }
}
