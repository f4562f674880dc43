package io.segmenta.spark;

import java.util.List;

/**
 * Where a row read is, from its {@link SparkTransactions#ROW}: in a CSV file the row is its line (the header is
 * line 1); in Parquet, which has no lines, the file's index (in {@code files}) is in the high bits and the row's
 * 1-based position in that file in the low {@value #FILE_SHIFT} bits, so that the order of rows is the files'
 * order (by name), then the rows' order within each file.
 *
 * @param files the files read, by index
 * @param unit what a number counts: "line" or "row"
 */
record RowPlaces(List<String> files, String unit) {
    static final int FILE_SHIFT = 40;
    private static final long NUMBER = (1L << FILE_SHIFT) - 1;

    RowPlaces {
        files = List.copyOf(files);
    }

    /** One CSV file: rows are lines. */
    static RowPlaces lines(String file) {
        return new RowPlaces(List.of(file), "line");
    }

    /** Parquet files, sorted by name: rows are numbered within each. */
    static RowPlaces rows(List<String> files) {
        return new RowPlaces(files, "row");
    }

    /** The {@link SparkTransactions#ROW} of the {@code number}th row (1-based) of file {@code file}. */
    static long row(int file, long number) {
        return ((long) file << FILE_SHIFT) | number;
    }

    String file(long row) {
        return files.get((int) (row >>> FILE_SHIFT));
    }

    long number(long row) {
        return row & NUMBER;
    }

    /** "FILE, line 12" or "FILE, row 12", as the single-machine messages name a line. */
    String describe(long row) {
        return file(row) + ", " + unit + " " + number(row);
    }

    /**
     * The file a rejection names: for lines the file itself; for Parquet rows the file with "(row numbers)", since
     * the reports call the numbers lines.
     */
    String rejectionFile(long row) {
        return unit.equals("line") ? file(row) : file(row) + " (row numbers)";
    }
}
