package io.segmenta.spark;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Parquet input as the CSV readers give it: every column as text (a double 17850.0 is the text "17850.0", a
 * timestamp "2010-12-01 08:26:00"), then the corrupt-record column (always null: a Parquet row has every column),
 * then the row's {@link RowPlaces} position: the file's index among the files sorted by name and the row's
 * 1-based position in it (Spark's {@code _metadata.row_index}).
 */
final class ParquetRows {
    private ParquetRows() {
    }

    /** The files Spark reads, sorted by name. */
    static List<String> files(Dataset<Row> parquet) {
        String[] files = parquet.inputFiles();
        Arrays.sort(files);
        return List.of(files);
    }

    static Dataset<Row> asText(Dataset<Row> parquet, RowPlaces places) {
        String[] names = parquet.columns();
        Column[] text = new Column[names.length + 2];
        for (int i = 0; i < names.length; i++) {
            text[i] = functions.col("`" + names[i] + "`").cast(DataTypes.StringType).alias(names[i]);
        }
        text[names.length] = functions.lit(null).cast(DataTypes.StringType).alias(CsvLines.CORRUPT);
        text[names.length + 1] = position(places).apply(functions.col("_metadata.file_path"),
                functions.col("_metadata.row_index")).alias(CsvLines.LINE);
        return parquet.select(text);
    }

    /** The file's index (by its path without scheme, as Spark's file_path and inputFiles may write it apart). */
    private static UserDefinedFunction position(RowPlaces places) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < places.files().size(); i++) {
            index.put(path(places.files().get(i)), i);
        }
        UDF2<String, Long, Long> row = (file, rowIndex) -> RowPlaces.row(index.getOrDefault(path(file), 0),
                rowIndex + 1);
        return functions.udf(row, DataTypes.LongType).asNonNullable();
    }

    private static String path(String file) {
        return new org.apache.hadoop.fs.Path(file).toUri().getPath();
    }
}
