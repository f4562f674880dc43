package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.stage.Options;
import io.segmenta.table.figures.TransactionFigures;
import io.segmenta.table.grouping.Snapshot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rfm extractor as Spark aggregations over the kept rows, giving what {@code io.segmenta.feature.rfm} gives on
 * the same rows: per customer, recency (whole days from the last purchase to the snapshot: 24 hours after the last
 * kept row, or the {@value Snapshot#OPTION} date's midnight), frequency (distinct invoices) and monetary (sum of
 * the amounts); customers in the order they first occur, as the single-machine matrix has them. Also the account's
 * entity counts, dates and duplicates, and the business figures every report shows ({@link TransactionFigures#of}'s
 * definition: distinct orders, total amount, amount and rows by region, largest first, ties in first-seen order).
 * <p>
 * Three Spark jobs (per customer, the whole, per region); only per-customer and per-region rows come to the
 * driver. Sums are in row order within a partition; across partitions Spark adds partial sums, so a
 * many-partition input can differ from the single-machine sum in the last bits (about 1e-15 relative).
 */
final class RfmOnSpark {
    private static final long SECONDS_PER_DAY = 86_400L;

    private RfmOnSpark() {
    }

    /**
     * @param classified the rows of {@link UkRetailRead#classified}
     * @param account their account, from {@link ReadAccount#of}
     */
    static ExtractedFeatures extract(Dataset<Row> classified, ReadAccount account, String input, Options options) {
        Optional<LocalDate> configured = Snapshot.of(options); // a bad date fails before any job
        if (account.rowsKept() == 0) {
            throw new SegmentaException("no transactions to compute RFM from: every row was rejected by the source");
        }
        Dataset<Row> kept = classified.filter(col(UkRetailRules.REASON).isNull());

        Row whole = kept.agg(min(col(UkRetailRules.TIME)), max(col(UkRetailRules.TIME)),
                count_distinct(col(UkRetailRules.CUSTOMER)), count_distinct(col(UkRetailRules.ORDER)),
                count_distinct(col(UkRetailRules.PRODUCT)), sum(col(UkRetailRules.AMOUNT)),
                count_distinct(col(UkRetailRules.RECORD))).first();
        long first = whole.getLong(0);
        long last = whole.getLong(1);
        long orders = whole.getLong(3);
        long snapshot = snapshot(configured, last);

        List<Row> customers = kept.groupBy(col(UkRetailRules.CUSTOMER))
                .agg(min(col(UkRetailRules.ROW)).alias("first"), max(col(UkRetailRules.TIME)),
                        count_distinct(col(UkRetailRules.ORDER)), sum(col(UkRetailRules.AMOUNT)))
                .orderBy(col("first")).collectAsList();
        int n = customers.size();
        List<String> ids = new ArrayList<>(n);
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            Row c = customers.get(i);
            ids.add(c.getString(0));
            recency[i] = Math.floorDiv(snapshot - c.getLong(2), SECONDS_PER_DAY);
            frequency[i] = c.getLong(3);
            monetary[i] = c.getDouble(4);
        }
        FeatureMatrix features = new FeatureMatrix(EntityKind.CUSTOMER, ids, List.of(
                new NumericColumn("recency", recency), new NumericColumn("frequency", frequency),
                new NumericColumn("monetary", monetary)), List.of(), "monetary");

        List<BusinessFigures.LevelAmount> regions = new ArrayList<>();
        for (Row r : kept.groupBy(col(UkRetailRules.REGION))
                .agg(sum(col(UkRetailRules.AMOUNT)).alias("amount"), count("*"), min(col(UkRetailRules.ROW)).alias("first"))
                .orderBy(col("amount").desc(), col("first")).collectAsList()) {
            regions.add(new BusinessFigures.LevelAmount(r.getString(0), r.getDouble(1), r.getLong(2)));
        }
        BusinessFigures business = new BusinessFigures(orders, whole.getDouble(5),
                Map.of(TransactionField.REGION, regions));
        DataQuality quality = new DataQuality("uk-retail", List.of(input), account.rowsRead(), account.rowsKept(),
                account.rejections(), first, last, Map.of("customers", whole.getLong(2), "orders", orders,
                        "products", whole.getLong(4)), account.rowsKept() - whole.getLong(6));
        return new ExtractedFeatures(features, quality, business);
    }

    /** The snapshot in epoch seconds: 24 hours after the last kept row, or the configured date's midnight. */
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
