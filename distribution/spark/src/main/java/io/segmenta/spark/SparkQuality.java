package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A source's {@link DataQuality} on Spark: its {@link ReadAccount}, and from the kept rows in one Spark job the
 * first and last timestamp, the distinct count of each entity the single-machine source counts, and the kept rows
 * that repeat an earlier one ({@link SparkTransactions#RECORD}).
 */
final class SparkQuality {
    private SparkQuality() {
    }

    /**
     * @param entities the entity counts the single-machine source gives: name ("customers") to the kept rows'
     *        column whose distinct values it counts
     */
    static DataQuality of(String source, String input, ReadAccount account, Dataset<Row> kept,
            Map<String, String> entities) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(min(col(TransactionField.TIMESTAMP.columnName())));
        aggregates.add(max(col(TransactionField.TIMESTAMP.columnName())));
        aggregates.add(count_distinct(col(SparkTransactions.RECORD)));
        entities.values().forEach(column -> aggregates.add(count_distinct(col(column))));
        Row whole = kept.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .first();
        long first = whole.isNullAt(0) ? TimestampColumn.MISSING : whole.getLong(0);
        long last = whole.isNullAt(1) ? TimestampColumn.MISSING : whole.getLong(1);
        Map<String, Long> counts = new LinkedHashMap<>();
        int i = 3;
        for (String name : entities.keySet()) {
            counts.put(name, whole.getLong(i++));
        }
        return new DataQuality(source, List.of(input), account.rowsRead(), account.rowsKept(), account.rejections(),
                first, last, counts, account.rowsKept() - whole.getLong(2));
    }
}
