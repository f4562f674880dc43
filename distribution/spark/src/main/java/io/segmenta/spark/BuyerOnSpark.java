package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
        Dataset<Row> rows = t.kept();
        Dataset<Row> use = rows.filter(SparkGrouping.usable(CUSTOMER, value));
        Row whole = use.agg(max(col(TIME)), count_distinct(col(CUSTOMER))).first();
        if (whole.isNullAt(0)) {
            throw new SegmentaException("no transactions to compute buyer features from: none of the "
                    + t.quality().rowsKept() + " rows has a customer, an order, a timestamp and a finite " + value);
        }
        long snapshot = Snapshot.epochSecond(configured, whole.getLong(0));

        List<String> names = new ArrayList<>();
        List<Column> sums = new ArrayList<>();
        names.add("gmv");
        sums.add(sum(col(value)));
        if (t.has(TransactionField.PLATFORM_REVENUE)) {
            names.add("revenue");
            sums.add(SparkGrouping.finiteSum(TransactionField.PLATFORM_REVENUE.columnName()));
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
                sums.add(SparkGrouping.finiteSum(TransactionField.VOUCHER_VALUE.columnName()));
            }
        }
        sums.add(max(col(TIME)));
        List<Row> customers = SparkGrouping.perEntity(rows, use, CUSTOMER, sums);

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
            numeric[names.size() + 1][i] = Math.floorDiv(snapshot - c.getLong(2 + names.size()),
                    Snapshot.SECONDS_PER_DAY);
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
                categorical.add(SparkGrouping.mostFrequent(rows, use, CUSTOMER, column, ids));
            }
        }
        return new ExtractedFeatures(new FeatureMatrix(EntityKind.CUSTOMER, ids, columns, categorical, "gmv"),
                t.quality(), SparkBusinessFigures.of(t));
    }
}
