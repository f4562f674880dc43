package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a UK retail export with Spark, from any path Spark reads (a local file, {@code hdfs://}, {@code s3a://}):
 * CSV (plain, or gzip by its {@code .gz} name, as Hadoop picks codecs) or Parquet (a {@code .parquet} file or a
 * folder of them). Every column is taken as text, so that {@link UkRetailRules} reads values with the
 * single-machine source's own parsers whatever the file's types (a Parquet double 17850.0 is the text
 * "17850.0", a timestamp "2010-12-01 08:26:00").
 * <p>
 * CSV: the header names the columns; a row of the wrong width is marked by Spark in a corrupt-record column and
 * counted as malformed. Quoted line breaks need {@value #MULTI_LINE}=true (the file is then read by one task).
 */
final class UkRetailRead {
    /** The Spark setting that lets quoted CSV fields hold line breaks. */
    static final String MULTI_LINE = "spark.segmenta.csv.multiLine";
    private static final String CORRUPT = "_segmenta_corrupt";
    private static final String POSITION = "_segmenta_row";

    private UkRetailRead() {
    }

    /** Whether Spark reads {@code input} as Parquet: a {@code .parquet} name, or a folder (of part files). */
    static boolean isParquet(SparkSession spark, String input) {
        if (input.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return true;
        }
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).getFileStatus(path).isDirectory();
        } catch (java.io.FileNotFoundException e) {
            throw new SegmentaException(input + ": no such file or folder");
        } catch (java.io.IOException e) {
            throw new SegmentaException(input + ": cannot read it: " + e.getMessage());
        }
    }

    /** Every row read, classified: {@link UkRetailRules#SCHEMA}. */
    static Dataset<Row> classified(SparkSession spark, String input) {
        Dataset<Row> raw = isParquet(spark, input) ? parquet(spark, input) : csv(spark, input);
        String[] columns = raw.columns();
        int fields = columns.length - 1; // the corrupt-record column is last
        int[] at = UkRetailColumns.find(input, Arrays.copyOf(columns, fields));
        String[] names = new String[at.length];
        for (int i = 0; i < at.length; i++) {
            names[i] = columns[at[i]];
        }
        Dataset<Row> positioned = raw.withColumn(POSITION, functions.monotonically_increasing_id());
        return positioned.map(new UkRetailRules(at, names, fields), Encoders.row(UkRetailRules.SCHEMA));
    }

    private static Dataset<Row> csv(SparkSession spark, String input) {
        boolean multiLine = Boolean.parseBoolean(spark.conf().get(MULTI_LINE, "false"));
        // first the header alone, for the names; then the rows with every column as text
        String[] header = spark.read().option("header", "true").option("multiLine", multiLine).csv(input).columns();
        if (header.length == 0) {
            throw new SegmentaException(input + ": empty file; expected a CSV with the header "
                    + UkRetailColumns.EXPECTED_HEADER);
        }
        StructType schema = new StructType();
        for (String name : header) {
            schema = schema.add(name, DataTypes.StringType);
        }
        schema = schema.add(CORRUPT, DataTypes.StringType);
        return spark.read().schema(schema).option("header", "true").option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT).option("multiLine", multiLine)
                // RFC 4180: a quote inside a quoted field is doubled (Spark's default escape is a backslash)
                .option("escape", "\"").csv(input);
    }

    private static Dataset<Row> parquet(SparkSession spark, String input) {
        Dataset<Row> file = spark.read().parquet(input);
        Column[] text = new Column[file.columns().length + 1];
        for (int i = 0; i < file.columns().length; i++) {
            String name = file.columns()[i];
            text[i] = functions.col("`" + name + "`").cast(DataTypes.StringType).alias(name);
        }
        // a Parquet row always has every column
        text[text.length - 1] = functions.lit(null).cast(DataTypes.StringType).alias(CORRUPT);
        return file.select(text);
    }
}
