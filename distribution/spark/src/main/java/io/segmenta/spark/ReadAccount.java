package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.Rejection;
import io.segmenta.table.input.MalformedRows;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The rows read and rejected by reason, from a source's classified rows (one per row read, with its
 * {@link SparkTransactions#ROW} and its {@link #REASON}, null when kept), in the single-machine account's order:
 * malformed reasons first (in the order they first occur), then the source's rules in their order (listed with 0
 * when nothing broke them), then any other reason a row had (as uk-retail's overflow rule) in the order it first
 * occurs; each with its first lines ({@link RowPlaces}: lines of a CSV file, rows of a Parquet file) as the
 * single-machine account gives them: the first {@value FirstRows#KEEP} in the file of the reason's first row.
 *
 * @param rowsRead every data row of the input
 * @param rowsKept the rows no rule rejected
 * @param rejections by reason, as above
 */
record ReadAccount(long rowsRead, long rowsKept, List<Rejection> rejections) {
    /** The column of a classified row that holds its reason (StringType), null when the row is kept. */
    static final String REASON = "_reason";

    /**
     * Counts the classified rows by reason (two Spark jobs) and applies the {@value MalformedRows#OPTION} limit.
     *
     * @param input the path read, for the messages
     * @param places where the rows are, for their first lines
     * @param rules the source's rules, in the order its account lists them (each listed even when no row broke it)
     * @param maxMalformed the largest share of malformed rows that is skipped and counted (0: none)
     * @throws SegmentaException when more malformed rows than that were read
     */
    static ReadAccount of(Dataset<Row> classified, String input, RowPlaces places, List<String> rules,
            double maxMalformed) {
        // the kept rows counted by Spark SQL; the rejected ones (usually few) by reason with their first rows, in one
        // pass that shuffles a handful of numbers per reason and partition
        long keptRows = classified.filter(col(REASON).isNull()).count();
        List<Tuple2<String, FirstRows>> byReason = new ArrayList<>(classified.filter(col(REASON).isNotNull())
                .select(col(REASON), col(SparkTransactions.ROW)).javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getString(0), r.getLong(1)))
                .aggregateByKey(new FirstRows(), FirstRows::add, FirstRows::merge).collect());
        byReason.sort(Comparator.comparingLong(r -> r._2().first())); // first occurrence first
        long read = keptRows;
        long kept = keptRows;
        List<Tuple2<String, FirstRows>> malformed = new ArrayList<>();
        Map<String, FirstRows> byRule = new LinkedHashMap<>();
        for (String rule : rules) {
            byRule.put(rule, null);
        }
        for (Tuple2<String, FirstRows> r : byReason) {
            long n = r._2().count;
            read += n;
            if (r._1().startsWith("malformed: ")) {
                malformed.add(r);
            } else {
                byRule.put(r._1(), r._2());
            }
        }
        long malformedRows = malformed.stream().mapToLong(r -> r._2().count).sum();
        if (malformedRows > 0 && malformedRows > maxMalformed * read) {
            Tuple2<String, FirstRows> first = malformed.get(0);
            throw new SegmentaException(maxMalformed == 0
                    ? places.describe(first._2().first()) + ": a malformed row (" + first._1() + ") and "
                            + MalformedRows.OPTION + " is 0"
                    : String.format(Locale.ROOT, "%s: %,d of %,d rows %s malformed (%.1f%%, more than the %s allowed"
                            + " by %s); the first: %s (%s); is this the right file and format?", input, malformedRows,
                            read, malformedRows == 1 ? "is" : "are", 100.0 * malformedRows / read,
                            percent(maxMalformed), MalformedRows.OPTION, first._1(),
                            places.describe(first._2().first())));
        }
        List<Rejection> rejections = new ArrayList<>();
        malformed.forEach(r -> rejections.add(rejection(r._1(), r._2(), places, input)));
        byRule.forEach((reason, rows) -> rejections.add(rejection(reason, rows, places, input)));
        return new ReadAccount(read, kept, rejections);
    }

    /** The rejection with the first lines (or Parquet rows) in the file of its first row. */
    private static Rejection rejection(String reason, FirstRows rows, RowPlaces places, String input) {
        if (rows == null) {
            return new Rejection(reason, 0, input, List.of());
        }
        long first = rows.first();
        List<Long> lines = new ArrayList<>();
        for (long row : rows.firstRows()) {
            if (places.file(row).equals(places.file(first))) {
                lines.add(places.number(row));
            }
        }
        return new Rejection(reason, rows.count, places.rejectionFile(first), lines);
    }

    /** 0.05 as "5%", as the single-machine message writes it. */
    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
