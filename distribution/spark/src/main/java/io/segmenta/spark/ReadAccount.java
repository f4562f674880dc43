package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;

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

/**
 * The rows read and rejected by reason, from a source's classified rows (one per row read, with its
 * {@link SparkTransactions#ROW} and its {@link #REASON}, null when kept), in the single-machine account's order:
 * malformed reasons first (in the order they first occur), then the source's rules in their order (listed with 0
 * when nothing broke them), then any other reason a row had (as uk-retail's overflow rule) in the order it first
 * occurs. Spark does not know line numbers, so each rejection's first lines are empty.
 *
 * @param rowsRead every data row of the input
 * @param rowsKept the rows no rule rejected
 * @param rejections by reason, as above
 */
record ReadAccount(long rowsRead, long rowsKept, List<Rejection> rejections) {
    /** The column of a classified row that holds its reason (StringType), null when the row is kept. */
    static final String REASON = "_reason";

    /**
     * Counts the classified rows by reason (one Spark job) and applies the {@value MalformedRows#OPTION} limit.
     *
     * @param rules the source's rules, in the order its account lists them (each listed even when no row broke it)
     * @param maxMalformed the largest share of malformed rows that is skipped and counted (0: none)
     * @throws SegmentaException when more malformed rows than that were read
     */
    static ReadAccount of(Dataset<Row> classified, String input, List<String> rules, double maxMalformed) {
        List<Row> byReason = new ArrayList<>(classified.groupBy(col(REASON))
                .agg(count("*").alias("n"), min(col(SparkTransactions.ROW)).alias("first")).collectAsList());
        byReason.sort(Comparator.comparingLong(r -> r.getLong(2))); // first occurrence first
        long read = 0;
        long kept = 0;
        List<Row> malformed = new ArrayList<>();
        Map<String, Long> byRule = new LinkedHashMap<>();
        for (String rule : rules) {
            byRule.put(rule, 0L);
        }
        for (Row r : byReason) {
            long n = r.getLong(1);
            read += n;
            if (r.isNullAt(0)) {
                kept = n;
            } else if (r.getString(0).startsWith("malformed: ")) {
                malformed.add(r);
            } else {
                byRule.put(r.getString(0), n);
            }
        }
        long malformedRows = malformed.stream().mapToLong(r -> r.getLong(1)).sum();
        if (malformedRows > 0 && malformedRows > maxMalformed * read) {
            String first = malformed.get(0).getString(0);
            throw new SegmentaException(maxMalformed == 0
                    ? input + ": a malformed row (" + first + ") and " + MalformedRows.OPTION + " is 0"
                    : String.format(Locale.ROOT, "%s: %,d of %,d rows %s malformed (%.1f%%, more than the %s allowed"
                            + " by %s); the first: %s; is this the right file and format?", input, malformedRows, read,
                            malformedRows == 1 ? "is" : "are", 100.0 * malformedRows / read, percent(maxMalformed),
                            MalformedRows.OPTION, first));
        }
        List<Rejection> rejections = new ArrayList<>();
        malformed.forEach(r -> rejections.add(new Rejection(r.getString(0), r.getLong(1), input, List.of())));
        byRule.forEach((reason, n) -> rejections.add(new Rejection(reason, n, input, List.of())));
        return new ReadAccount(read, kept, rejections);
    }

    /** 0.05 as "5%", as the single-machine message writes it. */
    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
