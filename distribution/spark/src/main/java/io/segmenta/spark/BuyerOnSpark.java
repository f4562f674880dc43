package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.stage.Options;
import io.segmenta.table.grouping.Snapshot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The buyer extractor on Spark, giving what {@code io.segmenta.feature.buyer} gives on the same rows: per customer
 * {@code gmv} (the gmv column's sum, else the amounts'), {@code revenue}, {@code orders}, {@code avg_order_value},
 * {@code categories}, {@code voucher_orders}, {@code voucher_value} and {@code recency}, each numeric feature only
 * when the source has its column, as there; categorical {@code region} (else {@code city}), {@code payment_type} and
 * {@code buyer_type}: the customer's most frequent value counted in orders, ties to the value on the earliest row,
 * levels in the order the source first has them. A row counts when it has a customer, an order, a timestamp and a
 * finite gmv (or amount); customers in the order they first occur. One Spark job per customer, one for the whole,
 * two per categorical feature.
 */
final class BuyerOnSpark implements SparkExtractor {
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final String CUSTOMER = TransactionField.CUSTOMER.columnName();
    private static final String ORDER = TransactionField.ORDER.columnName();
    private static final String TIME = TransactionField.TIMESTAMP.columnName();
    /** The extra column read as the buyer's type, as the single-machine extractor reads it. */
    private static final String BUYER_TYPE = "buyer_type";

    @Override
    public String name() {
        return "buyer";
    }

    @Override
    public void check(Options options) {
        Snapshot.of(options);
    }

    @Override
    public ExtractedFeatures extract(SparkTransactions t, Options options) {
        Optional<LocalDate> configured = Snapshot.of(options);
        if (t.quality().rowsKept() == 0) {
            throw new SegmentaException(
                    "no transactions to compute buyer features from: every row was rejected by the source");
        }
        String value = (t.has(TransactionField.GMV) ? TransactionField.GMV : TransactionField.AMOUNT).columnName();
        Column usable = col(CUSTOMER).isNotNull().and(col(ORDER).isNotNull()).and(col(TIME).isNotNull())
                .and(finite(value));
        Dataset<Row> rows = t.kept().withColumn("_usable", usable);
        Dataset<Row> use = rows.filter(col("_usable"));
        Row whole = use.agg(max(col(TIME)), count_distinct(col(CUSTOMER))).first();
        if (whole.isNullAt(0)) {
            throw new SegmentaException("no transactions to compute buyer features from: none of the "
                    + t.quality().rowsKept() + " rows has a customer, an order, a timestamp and a finite " + value);
        }
        long snapshot = snapshot(configured, whole.getLong(0));

        List<String> names = new ArrayList<>();
        List<Column> sums = new ArrayList<>();
        names.add("gmv");
        sums.add(sum(col(value)));
        if (t.has(TransactionField.PLATFORM_REVENUE)) {
            names.add("revenue");
            sums.add(finiteSum(TransactionField.PLATFORM_REVENUE.columnName()));
        }
        names.add("orders");
        sums.add(count_distinct(col(ORDER)));
        if (t.has(TransactionField.CATEGORY)) {
            names.add("categories");
            sums.add(count_distinct(col(TransactionField.CATEGORY.columnName())));
        }
        boolean voucherValue = t.has(TransactionField.VOUCHER_VALUE);
        boolean voucherCode = t.has(TransactionField.VOUCHER_CODE);
        if (voucherValue || voucherCode) {
            Column with = voucherValue ? col(TransactionField.VOUCHER_VALUE.columnName()).gt(0) : lit(false);
            if (voucherCode) {
                with = with.or(col(TransactionField.VOUCHER_CODE.columnName()).isNotNull());
            }
            names.add("voucher_orders");
            sums.add(count_distinct(when(with, col(ORDER))));
            if (voucherValue) {
                names.add("voucher_value");
                sums.add(finiteSum(TransactionField.VOUCHER_VALUE.columnName()));
            }
        }
        sums.add(max(col(TIME)));
        // every customer with a row, in first-seen order; the usable rows' figures (null for a customer without)
        Dataset<Row> first = rows.filter(col(CUSTOMER).isNotNull()).groupBy(col(CUSTOMER))
                .agg(min(col(SparkTransactions.ROW)).alias("_first"));
        Dataset<Row> figures = use.groupBy(col(CUSTOMER)).agg(sums.get(0), sums.subList(1, sums.size())
                .toArray(new Column[0]));
        List<Row> customers = first.join(figures, CUSTOMER).orderBy(col("_first")).collectAsList();

        int n = customers.size();
        List<String> ids = new ArrayList<>(n);
        double[][] numeric = new double[names.size() + 2][n];
        for (int i = 0; i < n; i++) {
            Row c = customers.get(i);
            ids.add(c.getString(0));
            for (int f = 0; f < names.size(); f++) {
                Object v = c.get(2 + f);
                numeric[f][i] = v == null ? 0 : ((Number) v).doubleValue();
            }
            numeric[names.size() + 1][i] = Math.floorDiv(snapshot - c.getLong(2 + names.size()), SECONDS_PER_DAY);
        }
        List<NumericColumn> columns = new ArrayList<>();
        int gmv = names.indexOf("gmv");
        int orders = names.indexOf("orders");
        for (int f = 0; f < names.size(); f++) {
            columns.add(new NumericColumn(names.get(f), numeric[f]));
            if (f == orders) {
                double[] average = numeric[names.size()];
                for (int i = 0; i < n; i++) {
                    average[i] = numeric[orders][i] > 0 ? numeric[gmv][i] / numeric[orders][i] : 0;
                }
                columns.add(new NumericColumn("avg_order_value", average));
            }
        }
        columns.add(new NumericColumn("recency", numeric[names.size() + 1]));

        List<CategoricalColumn> categorical = new ArrayList<>();
        String region = t.has(TransactionField.REGION) ? TransactionField.REGION.columnName()
                : t.has(TransactionField.CITY) ? TransactionField.CITY.columnName() : null;
        for (String column : new String[] {region, t.has(TransactionField.PAYMENT_TYPE)
                ? TransactionField.PAYMENT_TYPE.columnName() : null, Arrays.asList(t.kept().columns())
                        .contains(BUYER_TYPE) ? BUYER_TYPE : null}) {
            if (column != null) {
                categorical.add(mostFrequent(rows, use, column, ids));
            }
        }
        return new ExtractedFeatures(new FeatureMatrix(EntityKind.CUSTOMER, ids, columns, categorical, "gmv"),
                t.quality(), SparkBusinessFigures.of(t));
    }

    /**
     * Each customer's most frequent value of a categorical column counted in orders (a value once per order that
     * has it on a usable row), ties to the value on the customer's earliest such row; levels are the chosen values
     * in the order the source column first has them (its dictionary order), as the single-machine re-encoding.
     */
    static CategoricalColumn mostFrequent(Dataset<Row> rows, Dataset<Row> use, String column, List<String> ids) {
        Dataset<Row> counts = use.filter(col(column).isNotNull()).groupBy(col(CUSTOMER), col(column))
                .agg(count_distinct(col(ORDER)).alias("_orders"), min(col(SparkTransactions.ROW)).alias("_first"));
        Map<String, String> chosen = new HashMap<>();
        for (Row r : counts.withColumn("_rank", row_number().over(Window.partitionBy(col(CUSTOMER))
                .orderBy(col("_orders").desc(), col("_first")))).filter(col("_rank").equalTo(1))
                .select(col(CUSTOMER), col(column)).collectAsList()) {
            chosen.put(r.getString(0), r.getString(1));
        }
        java.util.Set<String> values = new java.util.HashSet<>(chosen.values());
        List<String> levels = new ArrayList<>();
        for (Row r : rows.filter(col(column).isNotNull()).groupBy(col(column))
                .agg(min(col(SparkTransactions.ROW)).alias("_first")).orderBy(col("_first")).collectAsList()) {
            if (values.contains(r.getString(0))) {
                levels.add(r.getString(0));
            }
        }
        Map<String, Integer> code = new HashMap<>();
        for (int l = 0; l < levels.size(); l++) {
            code.put(levels.get(l), l);
        }
        int[] codes = new int[ids.size()];
        for (int i = 0; i < codes.length; i++) {
            String v = chosen.get(ids.get(i));
            codes[i] = v == null ? CategoricalColumn.MISSING : code.get(v);
        }
        return new CategoricalColumn(column, codes, levels);
    }

    /** True for a finite number: NaN is above every number in Spark, and null compares to nothing. */
    static Column finite(String column) {
        return col(column).between(-Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** The sum of a column's finite values (NaN, infinite and missing values add nothing). */
    static Column finiteSum(String column) {
        return sum(when(finite(column), col(column)).otherwise(0.0));
    }

    /** The snapshot in epoch seconds: 24 hours after the last usable row, or the configured date's midnight. */
    private static long snapshot(Optional<LocalDate> configured, long last) {
        if (configured.isEmpty()) {
            return last + SECONDS_PER_DAY;
        }
        long snapshot = configured.get().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        if (snapshot < last) {
            LocalDateTime lastTransaction = LocalDateTime.ofEpochSecond(last, 0, ZoneOffset.UTC);
            throw new SegmentaException("option " + Snapshot.OPTION + ": " + configured.get()
                    + " is before the last transaction (" + lastTransaction + "); recency would be negative. Give "
                    + lastTransaction.toLocalDate().plusDays(1) + " or later, or leave it out");
        }
        return snapshot;
    }
}
