package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a UK retail export with Spark, from any path Spark reads (a local file, {@code hdfs://}, {@code s3a://}):
 * CSV (plain, or gzip by its {@code .gz} name, as Hadoop picks codecs) or Parquet (a {@code .parquet} file or a
 * folder of them). Every column is taken as text, so that {@link UkRetailRules} reads values with the
 * single-machine source's own parsers whatever the file's types (a Parquet double 17850.0 is the text
 * "17850.0", a timestamp "2010-12-01 08:26:00").
 * <p>
 * CSV ({@link CsvLines}): the header names the columns; a row of the wrong width is counted as malformed; rows
 * are numbered by their line. Quoted line breaks need {@value #MULTI_LINE}=true (the file is then parsed by one
 * task). Parquet ({@link ParquetRows}): rows are numbered within each file.
 */
final class UkRetailRead {
    /** The Spark setting that lets quoted CSV fields hold line breaks. */
    static final String MULTI_LINE = "spark.segmenta.csv.multiLine";

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

    /** Every row read, classified ({@link UkRetailRules#SCHEMA}), and where each row is. */
    record Classified(Dataset<Row> rows, RowPlaces places) {
    }

    /** Every row read, classified: {@link UkRetailRules#SCHEMA}. */
    static Classified classified(SparkSession spark, String input, String charset) {
        boolean parquet = isParquet(spark, input);
        Dataset<Row> raw;
        RowPlaces places;
        String[] header;
        if (parquet) {
            Dataset<Row> file = spark.read().parquet(input);
            places = RowPlaces.rows(ParquetRows.files(file));
            raw = ParquetRows.asText(file, places);
            header = file.columns();
        } else {
            boolean multiLine = Boolean.parseBoolean(spark.conf().get(MULTI_LINE, "false"));
            CsvLines.Read read = CsvLines.read(spark, input, new CsvLines.Format(',', charset, false), multiLine,
                    "a CSV with the header " + UkRetailColumns.EXPECTED_HEADER);
            raw = read.rows();
            header = read.header();
            places = RowPlaces.lines(input);
        }
        int fields = header.length; // the corrupt-record column and the position follow
        int[] at = UkRetailColumns.find(input, header);
        String[] names = new String[at.length];
        for (int i = 0; i < at.length; i++) {
            names[i] = header[at[i]];
        }
        return new Classified(raw.map(new UkRetailRules(at, names, fields), Encoders.row(UkRetailRules.SCHEMA)),
                places);
    }
}
