package io.segmenta.api.data;

/** A named, typed column of a table. Implementations hold one primitive array. */
public sealed interface Column permits NumericColumn, CategoricalColumn, TimestampColumn {

    /** The column's name, unique within its table. */
    String name();

    /** The number of values (rows). */
    int size();

    /** How the values are stored. */
    ColumnType type();
}
