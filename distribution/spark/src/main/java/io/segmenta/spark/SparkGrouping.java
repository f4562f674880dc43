package io.segmenta.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.TransactionField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The per-entity rules of the single-machine extractors' {@code io.segmenta.table.grouping.Grouping}, as Spark
 * expressions, for the buyer and seller extractors on Spark: which rows count, entities in first-seen order,
 * finite sums, the most frequent value counted in orders, and the snapshot.
 */
final class SparkGrouping {
    private static final String ORDER = TransactionField.ORDER.columnName();
    private static final String TIME = TransactionField.TIMESTAMP.columnName();
    private static final String FIRST = "_first";

    private SparkGrouping() {
    }

    /** A row counts when it has the entity, an order, a timestamp and a finite value. */
    static Column usable(String entity, String value) {
        return col(entity).isNotNull().and(col(ORDER).isNotNull()).and(col(TIME).isNotNull()).and(finite(value));
    }

    /** True for a finite number: NaN is above every number in Spark, and null compares to nothing. */
    static Column finite(String column) {
        return col(column).between(-Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** The sum of a column's finite values (NaN, infinite and missing values add nothing). */
    static Column finiteSum(String column) {
        return sum(when(finite(column), col(column)).otherwise(0.0));
    }

    /**
     * One row per entity with a usable row: the entity, its first row in the input (any row: the order of the
     * single-machine dictionary), then the aggregates over its usable rows; in first-seen order.
     */
    static List<Row> perEntity(Dataset<Row> rows, Dataset<Row> use, String entity, List<Column> aggregates) {
        Dataset<Row> first = rows.filter(col(entity).isNotNull()).groupBy(col(entity))
                .agg(min(col(SparkTransactions.ROW)).alias(FIRST));
        Dataset<Row> figures = use.groupBy(col(entity)).agg(aggregates.get(0), aggregates.subList(1,
                aggregates.size()).toArray(new Column[0]));
        return first.join(figures, entity).orderBy(col(FIRST)).collectAsList();
    }

    /**
     * Each entity's most frequent value of a categorical column counted in orders (a value once per order that
     * has it on a usable row), ties to the value on the entity's earliest such row; levels are the chosen values
     * in the order the source column first has them (its dictionary order), as the single-machine re-encoding.
     */
    static CategoricalColumn mostFrequent(Dataset<Row> rows, Dataset<Row> use, String entity, String column,
            List<String> ids) {
        Dataset<Row> counts = use.filter(col(column).isNotNull()).groupBy(col(entity), col(column))
                .agg(count_distinct(col(ORDER)).alias("_orders"), min(col(SparkTransactions.ROW)).alias(FIRST));
        Map<String, String> chosen = new HashMap<>();
        for (Row r : counts.withColumn("_rank", row_number().over(Window.partitionBy(col(entity))
                .orderBy(col("_orders").desc(), col(FIRST)))).filter(col("_rank").equalTo(1))
                .select(col(entity), col(column)).collectAsList()) {
            chosen.put(r.getString(0), r.getString(1));
        }
        Set<String> values = new HashSet<>(chosen.values());
        List<String> levels = new ArrayList<>();
        for (Row r : rows.filter(col(column).isNotNull()).groupBy(col(column))
                .agg(min(col(SparkTransactions.ROW)).alias(FIRST)).orderBy(col(FIRST)).collectAsList()) {
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
}
