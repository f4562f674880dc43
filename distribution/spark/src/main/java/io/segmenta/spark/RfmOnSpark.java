package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.stage.Options;
import io.segmenta.table.grouping.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * The rfm extractor as Spark aggregations over the kept rows, giving what {@code io.segmenta.feature.rfm} gives on
 * the same rows: per customer, recency (whole days from the last purchase to the snapshot: 24 hours after the last
 * kept row, or the {@value Snapshot#OPTION} date's midnight), frequency (distinct orders) and monetary (sum of
 * the amounts); customers in the order they first occur, as the single-machine matrix has them. The business
 * figures are {@link SparkBusinessFigures#of}'s.
 * <p>
 * One Spark job per customer; only per-customer rows come to the driver. Sums are in row order within a partition;
 * across partitions Spark adds partial sums, so a many-partition input can differ from the single-machine sum in
 * the last bits (about 1e-15 relative).
 */
final class RfmOnSpark implements SparkExtractor {
    private static final String CUSTOMER = TransactionField.CUSTOMER.columnName();
    private static final String ORDER = TransactionField.ORDER.columnName();
    private static final String TIME = TransactionField.TIMESTAMP.columnName();
    private static final String AMOUNT = TransactionField.AMOUNT.columnName();

    @Override
    public String name() {
        return "rfm";
    }

    @Override
    public void check(Options options) {
        Snapshot.of(options);
    }

    @Override
    public ExtractedFeatures extract(SparkTransactions t, Options options) {
        Optional<LocalDate> configured = Snapshot.of(options);
        if (t.quality().rowsKept() == 0) {
            throw new SegmentaException("no transactions to compute RFM from: every row was rejected by the source");
        }
        long snapshot = Snapshot.epochSecond(configured, t.quality().lastTimestamp());
        List<Row> customers = t.kept().groupBy(col(CUSTOMER))
                .agg(min(col(SparkTransactions.ROW)).alias("first"), max(col(TIME)), count_distinct(col(ORDER)),
                        sum(col(AMOUNT)))
                .orderBy(col("first")).collectAsList();
        int n = customers.size();
        List<String> ids = new ArrayList<>(n);
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            Row c = customers.get(i);
            ids.add(c.getString(0));
            recency[i] = Math.floorDiv(snapshot - c.getLong(2), Snapshot.SECONDS_PER_DAY);
            frequency[i] = c.getLong(3);
            monetary[i] = c.getDouble(4);
        }
        FeatureMatrix features = new FeatureMatrix(EntityKind.CUSTOMER, ids, List.of(
                new NumericColumn("recency", recency), new NumericColumn("frequency", frequency),
                new NumericColumn("monetary", monetary)), List.of(), "monetary");
        return new ExtractedFeatures(features, t.quality(), SparkBusinessFigures.of(t));
    }
}
