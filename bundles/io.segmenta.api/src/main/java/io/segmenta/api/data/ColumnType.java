package io.segmenta.api.data;

/** How a column's values are stored. */
public enum ColumnType {
    /** {@code double[]} values; {@link Double#NaN} marks a missing value. */
    NUMERIC,
    /** Dictionary codes in an {@code int[]} with a level table; {@link CategoricalColumn#MISSING} marks a missing value. */
    CATEGORICAL,
    /** Local date-times as seconds since 1970-01-01T00:00 in a {@code long[]}; no time zone is implied. */
    TIMESTAMP
}
