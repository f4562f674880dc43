package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.BusinessFigures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The business figures every report shows, from the kept rows on Spark, as {@link BusinessFigures#of} defines
 * them on a transactions table: distinct orders, the total amount, and for each field of
 * {@link BusinessFigures#BROKEN_DOWN} the source has, every level's amount and rows, largest amount first (ties
 * in the order the levels were first seen; rows without a level left out). One Spark job for the whole, one per
 * broken-down field; only one row per level comes to the driver.
 */
final class SparkBusinessFigures {
    private SparkBusinessFigures() {
    }

    static BusinessFigures of(SparkTransactions t) {
        Dataset<Row> kept = t.kept();
        Row whole = kept.agg(count_distinct(col(TransactionField.ORDER.columnName())),
                sum(col(TransactionField.AMOUNT.columnName()))).first();
        Map<TransactionField, List<BusinessFigures.LevelAmount>> byLevel = new EnumMap<>(TransactionField.class);
        for (TransactionField field : BusinessFigures.BROKEN_DOWN) {
            if (t.has(field)) {
                byLevel.put(field, levels(kept, field));
            }
        }
        return new BusinessFigures(whole.getLong(0), whole.isNullAt(1) ? 0 : whole.getDouble(1), byLevel);
    }

    private static List<BusinessFigures.LevelAmount> levels(Dataset<Row> kept, TransactionField field) {
        String level = field.columnName();
        List<BusinessFigures.LevelAmount> levels = new ArrayList<>();
        for (Row r : kept.filter(col(level).isNotNull()).groupBy(col(level))
                .agg(sum(col(TransactionField.AMOUNT.columnName())).alias("amount"), count("*"),
                        min(col(SparkTransactions.ROW)).alias("first"))
                .orderBy(col("amount").desc(), col("first")).collectAsList()) {
            levels.add(new BusinessFigures.LevelAmount(r.getString(0), r.getDouble(1), r.getLong(2)));
        }
        return levels;
    }
}
