package io.segmenta.spark;

import io.segmenta.api.SegmentaException;
import io.segmenta.table.input.SourceEncoding;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * One CSV file (plain, or gzip by its {@code .gz} name) as rows with their line numbers, parsed as the
 * single-machine sources parse it (Commons CSV, RFC 4180 with the given delimiter: {@code ""} for a quote inside a
 * quoted field; empty lines are not rows; a byte-order mark before the header is dropped).
 * <p>
 * Line numbers: the file is read as text lines (Hadoop's line reader, one split per block); {@code zipWithIndex}
 * numbers them, which counts the lines of every split first (one extra pass over the text when the file has more
 * than one split; none for a gzip file, which is one split), so line = index + 1, the header being line 1 as in
 * every single-machine message. A record is one line (empty lines are skipped): a quoted field holding a line break makes the line a
 * malformed row (its quote is not closed), unless {@value UkRetailRead#MULTI_LINE}=true, where one task joins the
 * lines of such a record (in order) and the record has the line it starts on, as the single-machine reader says.
 * <p>
 * Out: the header's columns as text (null for an empty field; named _c0, _c1, ...: {@link Read#header} has the
 * names), {@link #CORRUPT} (the line, for a row of another
 * width than the header's or one that is not CSV; null otherwise), then {@link #LINE}.
 */
final class CsvLines implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The text of a row that could not be split into the header's fields. */
    static final String CORRUPT = "_segmenta_corrupt";
    /** The row's line in its file (the line it starts on), 1 for the first line. */
    static final String LINE = "_segmenta_line";

    /** What {@link #decode} gives for a line whose bytes are not text in the file's charset. */
    private static final String UNDECODABLE = "\uFFFF\u0000undecodable";

    private final String input;
    private final char delimiter;
    private final String charset;
    private final int width;
    private final boolean multiLine;

    private CsvLines(String input, Format format, int width, boolean multiLine) {
        this.input = input;
        this.delimiter = format.delimiter();
        this.charset = format.charset();
        this.width = width;
        this.multiLine = multiLine;
    }

    /** A read file: its header and its data rows. */
    /**
     * @param header the first record's fields (the header, or the first row when it is data)
     * @param headerLine its line
     */
    record Read(String[] header, long headerLine, Dataset<Row> rows) {
    }

    /**
     * How a file is written.
     *
     * @param delimiter between fields
     * @param charset the text's character set (a Java name); bytes not valid in it fail the read, naming the line
     * @param headerIsData whether the first line is a row (its fields still give the columns' number)
     */
    record Format(char delimiter, String charset, boolean headerIsData) implements Serializable {
    }

    /**
     * @param expected what the file should hold, for the message about an empty file
     */
    static Read read(SparkSession spark, String input, Format format, boolean multiLine, String expected) {
        char delimiter = format.delimiter();
        String charset = format.charset();
        JavaRDD<String> text = new JavaSparkContext(spark.sparkContext()).hadoopFile(input, TextInputFormat.class,
                LongWritable.class, Text.class).mapPartitions(lines -> decoded(lines, charset));
        JavaPairRDD<String, Long> numbered = text.zipWithIndex();
        List<Tuple2<String, Long>> first = numbered.filter(l -> !l._1().isEmpty()).take(1);
        if (first.isEmpty()) {
            throw new SegmentaException(input + ": empty file; expected " + expected);
        }
        long headerIndex = first.get(0)._2();
        String headerLine = first.get(0)._1();
        if (headerLine.equals(UNDECODABLE)) {
            throw new SegmentaException(input + ", line " + (headerIndex + 1) + ": bytes that are not " + charset
                    + " text; " + SourceEncoding.HINT);
        }
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        List<String> parsed = parse(headerLine, format(delimiter));
        if (parsed == null) {
            throw new SegmentaException(input + ", line " + (headerIndex + 1) + ": the header is not CSV; expected "
                    + expected);
        }
        String[] header = parsed.toArray(String[]::new);
        JavaPairRDD<String, Long> data = numbered.filter(format.headerIsData() ? l -> l._2() >= headerIndex
                : l -> l._2() > headerIndex);
        if (multiLine) {
            data = data.coalesce(1); // in order: one task joins a record's lines
        }
        StructType schema = new StructType();
        for (int i = 0; i < header.length; i++) {
            schema = schema.add("_c" + i, DataTypes.StringType); // a header's names may repeat or be empty
        }
        schema = schema.add(CORRUPT, DataTypes.StringType).add(LINE, DataTypes.LongType, false);
        JavaRDD<Row> rows = data.mapPartitions(new Partition(new CsvLines(input, format, header.length, multiLine)));
        return new Read(header, headerIndex + 1, spark.createDataFrame(rows, schema));
    }

    /**
     * The lines' texts, one decoder per partition; {@link #UNDECODABLE} for a line whose bytes are not valid in
     * the charset (said with its line once it is numbered).
     */
    private static Iterator<String> decoded(Iterator<Tuple2<LongWritable, Text>> lines, String charset) {
        CharsetDecoder decoder = Charset.forName(charset).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public String next() {
                Text line = lines.next()._2();
                try {
                    return decoder.decode(ByteBuffer.wrap(line.getBytes(), 0, line.getLength())).toString();
                } catch (CharacterCodingException e) {
                    return UNDECODABLE;
                }
            }
        };
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    }

    /** The fields of one record, or null when it is not CSV (a quote not closed, text after a closing quote). */
    private static List<String> parse(String record, CSVFormat format) {
        try (CSVParser parser = CSVParser.parse(record, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of("");
            }
            CSVRecord r = records.next();
            if (records.hasNext()) {
                return null;
            }
            return r.toList();
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The partition's lines as rows, one at a time (FlatMapFunction over the numbered lines). */
    private Iterator<Row> rows(Iterator<Tuple2<String, Long>> lines) {
        CSVFormat format = format(delimiter);
        return new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && lines.hasNext()) {
                    Tuple2<String, Long> l = lines.next();
                    String record = l._1();
                    if (record.isEmpty()) {
                        continue; // an empty line is not a row
                    }
                    if (record.equals(UNDECODABLE)) {
                        // as the single-machine reader: a wrong encoding would split customers and categories
                        throw new SegmentaException(input + ", line " + (l._2() + 1) + ": bytes that are not "
                                + charset + " text; " + SourceEncoding.HINT);
                    }
                    if (multiLine && quotes(record) % 2 != 0) {
                        // a quoted field goes on: join lines until the quotes balance (or the file ends)
                        StringBuilder joined = new StringBuilder(record);
                        int quotes = quotes(record);
                        while (quotes % 2 != 0 && lines.hasNext()) {
                            String more = lines.next()._1();
                            joined.append('\n').append(more);
                            quotes += quotes(more);
                        }
                        record = joined.toString();
                    }
                    next = row(record, l._2() + 1, format);
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
    }

    private Row row(String record, long line, CSVFormat format) {
        Object[] values = new Object[width + 2];
        if (record.indexOf('"') < 0) {
            // no quote: the fields are the text between delimiters, as Commons CSV reads them (the fast path)
            int field = 0;
            int start = 0;
            for (int i = 0; i <= record.length() && field <= width; i++) {
                if (i == record.length() || record.charAt(i) == delimiter) {
                    if (field < width) {
                        values[field] = i == start ? null : record.substring(start, i);
                    }
                    field++;
                    start = i + 1;
                }
            }
            if (field != width) {
                Arrays.fill(values, 0, width, null);
                values[width] = record;
            }
            values[width + 1] = line;
            return RowFactory.create(values);
        }
        List<String> fields = parse(record, format);
        if (fields == null || fields.size() != width) {
            values[width] = record;
        } else {
            for (int i = 0; i < width; i++) {
                String f = fields.get(i);
                values[i] = f.isEmpty() ? null : f;
            }
        }
        values[width + 1] = line;
        return RowFactory.create(values);
    }

    private static int quotes(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    /** For mapPartitions. */
    private static final class Partition implements FlatMapFunction<Iterator<Tuple2<String, Long>>, Row> {
        private static final long serialVersionUID = 1L;
        private final CsvLines lines;

        Partition(CsvLines lines) {
            this.lines = lines;
        }

        @Override
        public Iterator<Row> call(Iterator<Tuple2<String, Long>> in) {
            return lines.rows(in);
        }
    }
}
