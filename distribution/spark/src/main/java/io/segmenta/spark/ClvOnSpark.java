package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.stage.FittedFeatures;
import io.segmenta.api.stage.ModelState;
import io.segmenta.api.stage.Options;
import io.segmenta.feature.clv.ClvOnSummaries;
import io.segmenta.feature.clv.PurchaseHistories;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clv extractor on Spark: the purchase days are summarised per customer on the executors (distinct calendar
 * days with a usable row: a customer, a timestamp, a finite amount; per customer the first day, the repeat days
 * and their amount up to the calibration end, the last of them, the holdout days), and the BG/NBD and Gamma-Gamma
 * fits, scores and report are the stage's own code on the driver ({@link ClvOnSummaries}), so the features, the
 * fit and the saved model are those of {@code io.segmenta.feature.clv} on the same rows. Customers in the order
 * they first occur. Two Spark jobs (the last day, the summary); one row per customer comes to the driver. The
 * repeat purchases' amounts are added per customer in the single-machine order (by day, then row), not as
 * Spark's partial sums, since the maximum-likelihood fit would turn a difference in the last bit into one in the
 * sixth digit of the expected values.
 */
final class ClvOnSpark implements SparkExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(ClvOnSpark.class);
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final String CUSTOMER = TransactionField.CUSTOMER.columnName();
    private static final String TIME = TransactionField.TIMESTAMP.columnName();
    private static final String AMOUNT = TransactionField.AMOUNT.columnName();

    @Override
    public String name() {
        return "clv";
    }

    @Override
    public void check(Options options) {
        ClvOnSummaries.check(options);
    }

    @Override
    public ExtractedFeatures extract(SparkTransactions t, Options options) {
        return extract(t, options, Optional.empty());
    }

    @Override
    public ExtractedFeatures extract(SparkTransactions t, Options options, Optional<ModelState> fitted) {
        Column usable = col(CUSTOMER).isNotNull().and(col(TIME).isNotNull())
                .and(col(AMOUNT).between(-Double.MAX_VALUE, Double.MAX_VALUE)); // NaN is above every number in Spark
        Dataset<Row> rows = t.kept().select(col(CUSTOMER), col(SparkTransactions.ROW),
                when(usable, floor(col(TIME).divide(SECONDS_PER_DAY))).alias("day"),
                when(usable, col(AMOUNT)).alias("value"), usable.alias("usable"));
        Row whole = rows.agg(max(col("day")), count(when(col("usable"), lit(1))), count(lit(1))).first();
        long lastDay = whole.isNullAt(0) ? Long.MIN_VALUE : whole.getLong(0);
        int usableRows = Math.toIntExact(whole.getLong(1));
        int leftOut = Math.toIntExact(whole.getLong(2) - usableRows);
        PurchaseHistories.Period period = ClvOnSummaries.period(options, fitted, lastDay);
        long calEnd = period.calibrationEnd();
        long holdEnd = period.holdoutEnd();

        // per customer, at row level: the first purchase day, then the repeat and holdout days; the repeat rows'
        // amounts are added in (day, row) order, as the single-machine extractor adds them, so that the fit gets
        // the very same numbers
        Dataset<Row> withFirst = rows.filter(col(CUSTOMER).isNotNull())
                .withColumn("first_day", min(col("day")).over(Window.partitionBy(col(CUSTOMER))));
        Column repeat = col("day").gt(col("first_day")).and(col("day").leq(calEnd));
        Column holdout = col("day").gt(calEnd).and(col("day").leq(holdEnd));
        Column repeatSum = expr("aggregate(array_sort(collect_list(CASE WHEN day > first_day AND day <= " + calEnd
                + " THEN named_struct('d', day, 'r', " + SparkTransactions.ROW + ", 'v', value) END)),"
                + " CAST(0 AS DOUBLE), (acc, x) -> acc + x.v)");
        List<Row> customers = withFirst.groupBy(col(CUSTOMER))
                .agg(min(col(SparkTransactions.ROW)).alias("first_row"), min(col("first_day")),
                        count_distinct(when(repeat, col("day"))), repeatSum,
                        max(when(col("day").leq(calEnd), col("day"))), count_distinct(when(holdout, col("day"))))
                .orderBy(col("first_row")).collectAsList();

        int n = customers.size();
        List<String> ids = new ArrayList<>(n);
        long[] first = new long[n];
        long[] lastInCalibration = new long[n];
        int[] repeats = new int[n];
        double[] repeatValue = new double[n];
        int[] holdoutDays = new int[n];
        int later = 0;
        int kept = 0;
        for (Row c : customers) {
            if (c.isNullAt(2)) {
                continue; // no usable row
            }
            if (c.getLong(2) > calEnd) {
                later++;
                continue;
            }
            ids.add(c.getString(0));
            first[kept] = c.getLong(2);
            repeats[kept] = Math.toIntExact(c.getLong(3));
            repeatValue[kept] = c.isNullAt(4) ? 0 : c.getDouble(4);
            lastInCalibration[kept] = c.getLong(5);
            holdoutDays[kept] = Math.toIntExact(c.getLong(6));
            kept++;
        }
        PurchaseHistories.Days days = new PurchaseHistories.Days(ids, java.util.Arrays.copyOf(first, kept),
                java.util.Arrays.copyOf(lastInCalibration, kept), java.util.Arrays.copyOf(repeats, kept),
                java.util.Arrays.copyOf(repeatValue, kept), java.util.Arrays.copyOf(holdoutDays, kept), period, leftOut,
                later, usableRows);
        FittedFeatures f = ClvOnSummaries.extract(options, fitted, days, line -> LOG.info("{}", line));
        return new ExtractedFeatures(f.features(), t.quality(), SparkBusinessFigures.of(t), f.fit());
    }
}
