package io.segmenta.spark;

import io.segmenta.api.data.ColumnType;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.TransactionField;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The kept transactions of a source read on Spark: what a {@link SparkSource} gives and a {@link SparkExtractor}
 * aggregates (the contract between the two, docs/spark.md).
 *
 * @param kept the kept rows only: one column per field of {@code fields}, named {@link TransactionField#columnName()}
 *        and typed by {@link #type}, a missing value null (where the single-machine column has NaN, MISSING or a
 *        missing level); plus {@link #ROW} (the row's position in the input, for first-seen order) and
 *        {@link #RECORD} (the row's fields as read, for counting repeats); a source may add columns of its own
 *        (mapped-csv's extra columns, under their mapped names)
 * @param fields the fields present: the single-machine source's transactions table's columns for the same input
 * @param quality the source's account, as the single-machine source builds it (rows read and kept, rejections by
 *        reason with their first lines, first and last timestamp, entity counts, duplicates)
 * @param source the source's name
 * @param input the path read, as Spark took it
 * @param release frees what the source keeps cached for {@code kept} (run once the extraction is done)
 */
record SparkTransactions(Dataset<Row> kept, Set<TransactionField> fields, DataQuality quality, String source,
        String input, Runnable release) implements AutoCloseable {
    /** The row's position in the input (LongType): lower is earlier; first-seen order follows it. */
    static final String ROW = "_row";
    /** The row's fields as read (StringType): equal texts are repeated rows. */
    static final String RECORD = "_record";

    SparkTransactions {
        Objects.requireNonNull(kept, "kept");
        fields = Set.copyOf(fields);
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(release, "release");
    }

    /** Transactions that hold nothing cached (a test's, or a source's that caches nothing). */
    SparkTransactions(Dataset<Row> kept, Set<TransactionField> fields, DataQuality quality, String source,
            String input) {
        this(kept, fields, quality, source, input, () -> { });
    }

    /** Whether the source gave {@code field}. */
    boolean has(TransactionField field) {
        return fields.contains(field);
    }

    /**
     * The Spark type of a field's column: CATEGORICAL text, NUMERIC double, TIMESTAMP long epoch seconds (UTC, as
     * {@link io.segmenta.api.data.TimestampColumn}).
     */
    static DataType type(TransactionField field) {
        return type(field.type());
    }

    static DataType type(ColumnType type) {
        return switch (type) {
            case CATEGORICAL -> DataTypes.StringType;
            case NUMERIC -> DataTypes.DoubleType;
            case TIMESTAMP -> DataTypes.LongType;
        };
    }

    @Override
    public void close() {
        release.run();
    }
}
