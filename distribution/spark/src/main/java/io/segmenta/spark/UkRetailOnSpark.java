package io.segmenta.spark;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.stage.Options;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.SourceEncoding;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The uk-retail source on Spark: {@link UkRetailRead} reads and {@link UkRetailRules} classifies every row; the
 * classified rows are kept in the executors' storage ({@code MEMORY_AND_DISK}: the input is parsed once and used by
 * the account, the quality job and the extractor's aggregations) until the run's extraction is done.
 */
final class UkRetailOnSpark implements SparkSource {
    @Override
    public String name() {
        return "uk-retail";
    }

    @Override
    public SparkTransactions read(SparkSession spark, String input, Options options) {
        double maxMalformed = MalformedRows.max(options); // bad options fail before any job
        String charset = SourceEncoding.read(options).name();
        UkRetailRead.Classified read = UkRetailRead.classified(spark, input, charset);
        Dataset<Row> classified = read.rows().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            ReadAccount account = ReadAccount.of(classified, input, read.places(), UkRetailRules.RULES, maxMalformed);
            SparkPipeline.logCachedSize(spark, account);
            Dataset<Row> kept = classified.filter(functions.col(ReadAccount.REASON).isNull()).drop(ReadAccount.REASON);
            Map<String, String> entities = new LinkedHashMap<>();
            entities.put("customers", UkRetailRules.CUSTOMER);
            entities.put("orders", UkRetailRules.ORDER);
            entities.put("products", UkRetailRules.PRODUCT);
            DataQuality quality = SparkQuality.of(name(), input, account, kept, entities);
            return new SparkTransactions(kept, UkRetailRules.FIELDS, quality, name(), input, classified::unpersist);
        } catch (RuntimeException e) {
            classified.unpersist();
            throw e;
        }
    }
}
