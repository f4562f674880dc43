package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.stage.Options;
import io.segmenta.feature.seller.SellerFeatures;
import io.segmenta.table.grouping.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The seller extractor on Spark, giving what {@code io.segmenta.feature.seller} gives on the same rows: per seller
 * {@code gmv}, {@code revenue} (with a platform_revenue column), {@code orders_fulfilled} (distinct orders with a
 * line in a completed status; every order without a status column), {@code buyers}, {@code return_rate} (with a
 * status column) and {@code recency}; categorical {@code seller_category} and {@code seller_region} (else
 * {@code seller_city}), most frequent in orders. The statuses of options {@code completed-statuses} and
 * {@code return-statuses} are read by the stage's own rules. A row counts when it has a seller, an order, a
 * timestamp and a finite gmv (or amount); sellers in the order they first occur.
 */
final class SellerOnSpark implements SparkExtractor {
    private static final String SELLER = TransactionField.SELLER.columnName();
    private static final String ORDER = TransactionField.ORDER.columnName();
    private static final String TIME = TransactionField.TIMESTAMP.columnName();

    @Override
    public String name() {
        return "seller";
    }

    @Override
    public void check(Options options) {
        Snapshot.of(options);
        SellerFeatures.statuses(options);
    }

    @Override
    public ExtractedFeatures extract(SparkTransactions t, Options options) {
        Optional<LocalDate> configured = Snapshot.of(options);
        List<Set<String>> statuses = SellerFeatures.statuses(options);
        if (!t.has(TransactionField.SELLER)) {
            throw new SegmentaException("seller features need a seller column (who sold each line); these"
                    + " transactions have none; choose a source that records sellers");
        }
        if (t.quality().rowsKept() == 0) {
            throw new SegmentaException(
                    "no transactions to compute seller features from: every row was rejected by the source");
        }
        String value = (t.has(TransactionField.GMV) ? TransactionField.GMV : TransactionField.AMOUNT).columnName();
        Dataset<Row> rows = t.kept();
        Dataset<Row> use = rows.filter(SparkGrouping.usable(SELLER, value));
        Row whole = use.agg(max(col(TIME))).first();
        if (whole.isNullAt(0)) {
            throw new SegmentaException("no transactions to compute seller features from: none of the "
                    + t.quality().rowsKept() + " rows has a seller, an order, a timestamp and a finite " + value);
        }
        long snapshot = Snapshot.epochSecond(configured, whole.getLong(0));

        List<String> names = new ArrayList<>();
        List<Column> aggregates = new ArrayList<>();
        names.add("gmv");
        aggregates.add(sum(col(value)));
        if (t.has(TransactionField.PLATFORM_REVENUE)) {
            names.add("revenue");
            aggregates.add(SparkGrouping.finiteSum(TransactionField.PLATFORM_REVENUE.columnName()));
        }
        boolean withStatus = t.has(TransactionField.STATUS);
        Column status = lower(trim(col(TransactionField.STATUS.columnName())));
        names.add("orders_fulfilled");
        aggregates.add(withStatus ? count_distinct(when(status.isin(statuses.get(0).toArray()), col(ORDER)))
                : count_distinct(col(ORDER)));
        names.add("buyers");
        aggregates.add(count_distinct(col(TransactionField.CUSTOMER.columnName())));
        if (withStatus) {
            names.add("returned");
            aggregates.add(count_distinct(when(status.isin(statuses.get(1).toArray()), col(ORDER))));
            names.add("orders");
            aggregates.add(count_distinct(col(ORDER)));
        }
        aggregates.add(max(col(TIME)));
        List<Row> sellers = SparkGrouping.perEntity(rows, use, SELLER, aggregates);

        int n = sellers.size();
        List<String> ids = new ArrayList<>(n);
        double[][] values = new double[names.size()][n];
        double[] recency = new double[n];
        for (int i = 0; i < n; i++) {
            Row s = sellers.get(i);
            ids.add(s.getString(0));
            for (int f = 0; f < names.size(); f++) {
                Object v = s.get(2 + f);
                values[f][i] = v == null ? 0 : ((Number) v).doubleValue();
            }
            recency[i] = Math.floorDiv(snapshot - s.getLong(2 + names.size()), Snapshot.SECONDS_PER_DAY);
        }
        List<NumericColumn> numeric = new ArrayList<>();
        for (String feature : List.of("gmv", "revenue", "orders_fulfilled", "buyers")) {
            if (names.contains(feature)) {
                numeric.add(new NumericColumn(feature, values[names.indexOf(feature)]));
            }
        }
        if (withStatus) {
            double[] returned = values[names.indexOf("returned")];
            double[] orders = values[names.indexOf("orders")];
            double[] rate = new double[n];
            for (int i = 0; i < n; i++) {
                rate[i] = orders[i] > 0 ? returned[i] / orders[i] : 0;
            }
            numeric.add(new NumericColumn("return_rate", rate));
        }
        numeric.add(new NumericColumn("recency", recency));

        List<CategoricalColumn> categorical = new ArrayList<>();
        if (t.has(TransactionField.SELLER_CATEGORY)) {
            categorical.add(SparkGrouping.mostFrequent(rows, use, SELLER, TransactionField.SELLER_CATEGORY
                    .columnName(), ids));
        }
        String region = t.has(TransactionField.SELLER_REGION) ? TransactionField.SELLER_REGION.columnName()
                : t.has(TransactionField.SELLER_CITY) ? TransactionField.SELLER_CITY.columnName() : null;
        if (region != null) {
            categorical.add(SparkGrouping.mostFrequent(rows, use, SELLER, region, ids));
        }
        return new ExtractedFeatures(new FeatureMatrix(EntityKind.SELLER, ids, numeric, categorical, "gmv"),
                t.quality(), SparkBusinessFigures.of(t));
    }
}
