package io.segmenta.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.Options;
import io.segmenta.source.olist.OlistSource;
import io.segmenta.spark.CsvTableOnSpark.Column;
import io.segmenta.spark.CsvTableOnSpark.Kind;
import io.segmenta.spark.CsvTableOnSpark.Table;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.SourceEncoding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The olist source on Spark (docs/sources/olist.md): the folder's tables read with {@link CsvTableOnSpark} (each
 * value read as the single-machine {@code CsvTable} reads it), joined on order, customer, product and seller ids
 * as Spark joins (the small tables, products, sellers and the translation, are broadcast by Spark's planner), and
 * every item line kept or counted under the first rule it breaks, in the single-machine order. Rows read are the
 * item lines, the malformed rows of the orders file and one line per order without items; their first lines are
 * lines of the items file (index 0 of the {@link RowPlaces}) or the orders file (index 1). The reviews file is
 * read by one task (its texts span lines inside quotes); the others are split as any CSV.
 */
final class OlistOnSpark implements SparkSource {
    private static final Logger LOG = LoggerFactory.getLogger(OlistOnSpark.class);
    // the rules' reasons are the single-machine source's, so that the accounts match word for word
    static final String UNKNOWN_ORDER = OlistSource.UNKNOWN_ORDER;
    static final String NO_ITEMS = OlistSource.NO_ITEMS;
    static final String UNKNOWN_CUSTOMER = OlistSource.UNKNOWN_CUSTOMER;
    static final String MISSING_TIMESTAMP = OlistSource.MISSING_TIMESTAMP;
    static final String NO_PAYMENTS = OlistSource.NO_PAYMENTS;
    static final String ITEM_OVERFLOW = OlistSource.ITEM_OVERFLOW;
    static final String PAYMENT_OVERFLOW = OlistSource.PAYMENT_OVERFLOW;

    @Override
    public String name() {
        return "olist";
    }

    @Override
    public SparkTransactions read(SparkSession spark, String input, Options options) {
        String monetary = options.get("monetary", "payment").toLowerCase(Locale.ROOT);
        if (!monetary.equals("payment") && !monetary.equals("items")) {
            throw new SegmentaException("option monetary: '" + monetary + "' is not one of payment, items");
        }
        boolean payment = monetary.equals("payment");
        Set<String> statuses = new LinkedHashSet<>();
        for (String s : options.get("statuses", "delivered").split(",")) {
            if (!s.isBlank()) {
                statuses.add(s.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (statuses.isEmpty()) {
            throw new SegmentaException("option statuses: expected order statuses separated by commas, e.g."
                    + " delivered,shipped");
        }
        double max = MalformedRows.max(options);
        String charset = SourceEncoding.read(options).name();
        String dimensions = options.get("dimensions").orElse(null);
        boolean multiLine = Boolean.parseBoolean(spark.conf().get(UkRetailRead.MULTI_LINE, "false"));
        Files files = new Files(spark, input, dimensions);

        Table customers = CsvTableOnSpark.read(spark, files.required("olist_customers_dataset.csv"), charset,
                multiLine, header("customer_id,customer_unique_id,customer_city,customer_state"),
                Column.of("customer_id", Kind.ID), Column.of("customer_unique_id", Kind.ID),
                Column.of("customer_city", Kind.TEXT), Column.of("customer_state", Kind.TEXT));
        Table orders = CsvTableOnSpark.read(spark, files.required("olist_orders_dataset.csv"), charset, multiLine,
                header("order_id,customer_id,order_status,order_purchase_timestamp"),
                Column.of("order_id", Kind.ID), Column.of("customer_id", Kind.TEXT),
                Column.of("order_status", Kind.TEXT), Column.of("order_purchase_timestamp", Kind.TIME),
                new Column("order_delivered_customer_date", Kind.TIME, false),
                new Column("order_estimated_delivery_date", Kind.TIME, false));
        Table items = CsvTableOnSpark.read(spark, files.required("olist_order_items_dataset.csv"), charset,
                multiLine, header("order_id,product_id,seller_id,price,freight_value"),
                Column.of("order_id", Kind.ID), Column.of("product_id", Kind.ID), Column.of("seller_id", Kind.ID),
                Column.of("price", Kind.DECIMAL), Column.of("freight_value", Kind.DECIMAL));
        Table payments = CsvTableOnSpark.read(spark, files.required("olist_order_payments_dataset.csv"), charset,
                multiLine, header("order_id,payment_sequential,payment_type,payment_installments,payment_value"),
                Column.of("order_id", Kind.ID), Column.of("payment_sequential", Kind.COUNT),
                Column.of("payment_type", Kind.TEXT), Column.of("payment_installments", Kind.COUNT),
                Column.of("payment_value", Kind.DECIMAL));
        String productsFile = files.optional("olist_products_dataset.csv");
        String translationFile = productsFile == null ? null : files.optional("product_category_name_translation.csv");
        String sellersFile = files.optional("olist_sellers_dataset.csv");
        String reviewsFile = files.optional("olist_order_reviews_dataset.csv");
        boolean hasDelay = orders.present()[4] && orders.present()[5];

        // the order side
        Dataset<Row> c = unique(readable(customers, max), "customer_id", customers.file())
                .select(col("customer_id"), col("customer_unique_id"), col("customer_city"), col("customer_state"));
        Dataset<Row> orderRows = orders.rows().persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> o = unique(readable(orders, max), "order_id", orders.file()).select(col("order_id"),
                col("customer_id").alias("o_customer"),
                lower(coalesce(col("order_status"), lit(""))).alias("status"),
                col("order_purchase_timestamp").alias("time"),
                (hasDelay ? col("order_delivered_customer_date").minus(col("order_estimated_delivery_date"))
                        .cast("double").divide(86_400.0) : lit(null).cast("double")).alias("delay"),
                col(CsvTableOnSpark.LINE).alias("order_line"));
        Dataset<Row> p = readable(payments, max).groupBy(col("order_id"))
                .agg(count("*").alias("pay_count"), sum(col("payment_value")).alias("pay_total"),
                        max_by(col("payment_type"), struct(col("payment_value"),
                                col("payment_sequential").multiply(-1), col(CsvTableOnSpark.LINE).multiply(-1)))
                                .alias("payment_type"),
                        max(col("payment_installments")).alias("payment_installments"));
        Dataset<Row> r = null;
        if (reviewsFile != null) {
            Table reviews = CsvTableOnSpark.read(spark, reviewsFile, charset, true, header("order_id,review_score"),
                    Column.of("order_id", Kind.ID), Column.of("review_score", Kind.OPTIONAL_COUNT));
            r = readable(reviews, max).filter(col("review_score").isNotNull()).groupBy(col("order_id"))
                    .agg(sum(col("review_score")).divide(count("*")).alias("review_score"));
        }

        // the item side
        Dataset<Row> itemRows = items.rows().persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> i = itemRows.filter(col(CsvTableOnSpark.REASON).isNull());
        Dataset<Row> known = i.join(o.select("order_id"), "order_id");
        Dataset<Row> byOrder = known.groupBy(col("order_id")).agg(count("*").alias("lines"),
                sum(col("price").plus(col("freight_value"))).alias("weight"));
        Dataset<Row> orderData = o.join(byOrder, new String[] {"order_id"}, "left")
                .join(c, o.col("o_customer").equalTo(c.col("customer_id")), "left").drop("customer_id")
                .join(p, new String[] {"order_id"}, "left");
        if (r != null) {
            orderData = orderData.join(r, new String[] {"order_id"}, "left");
        }

        // the status reasons: every status seen outside the kept ones, in alphabetical order
        List<String> dropped = new ArrayList<>();
        for (Row s : o.select("status").distinct().orderBy("status").collectAsList()) {
            if (!statuses.contains(s.getString(0))) {
                dropped.add(s.getString(0));
            }
        }
        org.apache.spark.sql.Column statusReason = lit(null).cast("string");
        for (String s : dropped) {
            statusReason = when(col("status").equalTo(s), lit("status " + s + " not kept")).otherwise(statusReason);
        }
        org.apache.spark.sql.Column verdict = when(col("customer_unique_id").isNull(), lit(UNKNOWN_CUSTOMER))
                .when(col("time").isNull(), lit(MISSING_TIMESTAMP))
                .when(statusReason.isNotNull(), statusReason)
                .when(lit(payment).and(coalesce(col("pay_count"), lit(0L)).equalTo(0)), lit(NO_PAYMENTS));
        org.apache.spark.sql.Column lineValue = col("price").plus(col("freight_value"));
        org.apache.spark.sql.Column amount = payment
                ? when(col("weight").gt(0), col("pay_total").multiply(lineValue.divide(col("weight"))))
                        .otherwise(col("pay_total").divide(col("lines")))
                : lineValue;

        Dataset<Row> joined = itemRows.join(orderData, new String[] {"order_id"}, "left")
                .withColumn("amount", amount);
        org.apache.spark.sql.Column reason = when(col(CsvTableOnSpark.REASON).isNotNull(), col(CsvTableOnSpark.REASON))
                .when(col("order_line").isNull(), lit(UNKNOWN_ORDER))
                .when(verdict.isNotNull(), verdict)
                .when(col("amount").isNaN().or(col("amount").isin(Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY)), lit(payment ? PAYMENT_OVERFLOW : ITEM_OVERFLOW));
        List<org.apache.spark.sql.Column> kept = new ArrayList<>(List.of(
                col(CsvTableOnSpark.LINE).alias(SparkTransactions.ROW),
                col("customer_unique_id").alias("customer"), col("order_id").alias("order"),
                col("time").alias("timestamp"), lit(1.0).alias("quantity"), col("amount"),
                col("price").alias("unit_price"), col("seller_id").alias("seller"),
                col("product_id").alias("product")));
        Set<TransactionField> fields = EnumSet.of(TransactionField.CUSTOMER, TransactionField.ORDER,
                TransactionField.TIMESTAMP, TransactionField.QUANTITY, TransactionField.AMOUNT,
                TransactionField.UNIT_PRICE, TransactionField.SELLER, TransactionField.PRODUCT,
                TransactionField.REGION, TransactionField.CITY, TransactionField.PAYMENT_TYPE,
                TransactionField.PAYMENT_INSTALLMENTS, TransactionField.STATUS);
        if (productsFile != null) {
            Dataset<Row> products = products(spark, productsFile, translationFile, charset, multiLine, max);
            joined = joined.join(products, new String[] {"product_id"}, "left");
            kept.add(col("category"));
            fields.add(TransactionField.CATEGORY);
        }
        kept.add(col("customer_state").alias("region"));
        kept.add(col("customer_city").alias("city"));
        if (sellersFile != null) {
            Table sellers = CsvTableOnSpark.read(spark, sellersFile, charset, multiLine,
                    header("seller_id,seller_city,seller_state"), Column.of("seller_id", Kind.ID),
                    Column.of("seller_city", Kind.TEXT), Column.of("seller_state", Kind.TEXT));
            Dataset<Row> s = unique(readable(sellers, max), "seller_id", sellers.file()).select(col("seller_id"),
                    col("seller_city"), col("seller_state").alias("seller_region"));
            joined = joined.join(s, new String[] {"seller_id"}, "left");
            kept.add(col("seller_city"));
            kept.add(col("seller_region"));
            fields.add(TransactionField.SELLER_CITY);
            fields.add(TransactionField.SELLER_REGION);
        }
        kept.add(when(col("pay_count").gt(0), col("payment_type")).alias("payment_type"));
        kept.add(when(col("pay_count").gt(0), col("payment_installments").cast("double"))
                .alias("payment_installments"));
        if (r != null) {
            kept.add(col("review_score"));
            fields.add(TransactionField.REVIEW_SCORE);
        }
        if (hasDelay) {
            kept.add(col("delay").alias("delivery_delay_days"));
            fields.add(TransactionField.DELIVERY_DELAY_DAYS);
        }
        kept.add(col("status"));
        // the columns that decide whether two rows are equal (the others are functions of them)
        kept.add(concat_ws("\u0001", col("order_id"), col("product_id"), col("seller_id"),
                col("price").cast("string"), col("amount").cast("string")).alias(SparkTransactions.RECORD));
        kept.add(reason.alias(ReadAccount.REASON));

        // the orders file's rows of the account: its malformed rows, and one per order without items
        Dataset<Row> orderAccount = orderRows.filter(col(CsvTableOnSpark.REASON).isNotNull())
                .select(col(CsvTableOnSpark.LINE), col(CsvTableOnSpark.REASON))
                .union(orderData.filter(col("lines").isNull()).select(col("order_line"), lit(NO_ITEMS)))
                .select(lit(1L << RowPlaces.FILE_SHIFT).plus(col(CsvTableOnSpark.LINE))
                        .alias(SparkTransactions.ROW), col(CsvTableOnSpark.REASON).alias(ReadAccount.REASON));
        Dataset<Row> itemAccount = joined.select(kept.toArray(org.apache.spark.sql.Column[]::new));
        Dataset<Row> classified = itemAccount.unionByName(orderAccount, true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Runnable release = () -> {
            classified.unpersist();
            itemRows.unpersist();
            orderRows.unpersist();
        };
        try {
            checkShare(items, itemRows, max);
            checkShare(orders, orderRows, max);
            List<String> rules = new ArrayList<>(List.of(UNKNOWN_ORDER, NO_ITEMS, UNKNOWN_CUSTOMER,
                    MISSING_TIMESTAMP));
            dropped.forEach(s -> rules.add("status " + s + " not kept"));
            if (payment) {
                rules.add(NO_PAYMENTS);
            }
            RowPlaces places = new RowPlaces(List.of(items.file(), orders.file()), "line");
            ReadAccount account = ReadAccount.of(classified, input, places, rules, max);
            SparkPipeline.logCachedSize(spark, account);
            Dataset<Row> keptRows = classified.filter(col(ReadAccount.REASON).isNull()).drop(ReadAccount.REASON);
            Map<String, String> entities = new LinkedHashMap<>();
            entities.put("customers", "customer");
            entities.put("orders", "order");
            entities.put("sellers", "seller");
            entities.put("products", "product");
            DataQuality quality = SparkQuality.of(name(), input, account, keptRows, entities);
            return new SparkTransactions(keptRows, fields, quality, name(), input, release);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /** The products' categories, in English where the translation has them. */
    private static Dataset<Row> products(SparkSession spark, String file, String translationFile, String charset,
            boolean multiLine, double max) {
        Table products = CsvTableOnSpark.read(spark, file, charset, multiLine,
                header("product_id,product_category_name"), Column.of("product_id", Kind.ID),
                Column.of("product_category_name", Kind.TEXT));
        Dataset<Row> pr = unique(readable(products, max), "product_id", file).select(col("product_id"),
                col("product_category_name"));
        if (translationFile == null) {
            return pr.withColumnRenamed("product_category_name", "category");
        }
        Table translation = CsvTableOnSpark.read(spark, translationFile, charset, multiLine,
                header("product_category_name,product_category_name_english"),
                Column.of("product_category_name", Kind.TEXT), Column.of("product_category_name_english", Kind.TEXT));
        // the last translation of a name wins, as a map filled in file order
        Dataset<Row> english = readable(translation, max)
                .filter(col("product_category_name").isNotNull().and(col("product_category_name_english").isNotNull()))
                .groupBy(col("product_category_name"))
                .agg(max_by(col("product_category_name_english"), col(CsvTableOnSpark.LINE)).alias("english"));
        return pr.join(english, new String[] {"product_category_name"}, "left")
                .select(col("product_id"), coalesce(col("english"), col("product_category_name")).alias("category"));
    }

    /** The readable rows of a table, after checking the share of malformed ones (said in the log). */
    private static Dataset<Row> readable(Table table, double max) {
        checkShare(table, table.rows(), max);
        return table.rows().filter(col(CsvTableOnSpark.REASON).isNull());
    }

    static void checkShare(Table table, Dataset<Row> rows, double max) {
        Row r = rows.agg(count("*"), count(col(CsvTableOnSpark.REASON)),
                min(when(col(CsvTableOnSpark.REASON).isNotNull(), col(CsvTableOnSpark.LINE)))).first();
        long malformed = r.getLong(1);
        if (malformed == 0) {
            return;
        }
        long firstLine = r.getLong(2);
        String firstReason = rows.filter(col(CsvTableOnSpark.LINE).equalTo(firstLine))
                .select(CsvTableOnSpark.REASON).first().getString(0);
        CsvTableOnSpark.checkShare(table.file(), malformed, r.getLong(0), max, firstReason, firstLine);
        LOG.info("{}: {} malformed row(s) skipped, the first at line {}: {}", table.file(), malformed, firstLine,
                firstReason);
    }

    /** An id that appears twice in a table keyed by it stops the read, as on one machine; returns the rows. */
    private static Dataset<Row> unique(Dataset<Row> rows, String key, String file) {
        List<Row> twice = rows.groupBy(col(key)).agg(count("*").alias("n"), min(col(CsvTableOnSpark.LINE))
                .alias("first"), max(col(CsvTableOnSpark.LINE)).alias("second")).filter(col("n").gt(1)).limit(1)
                .collectAsList();
        if (!twice.isEmpty()) {
            Row t = twice.get(0);
            throw new InputDataException(file, t.getLong(3), key, t.getString(0),
                    "a new id: it appears twice in a table keyed by it (first at line " + t.getLong(2) + ")");
        }
        return rows;
    }

    private static String header(String columns) {
        return "a CSV with the header " + columns;
    }

    /** The tables of the folder, and of the dimensions folder for the optional ones. */
    private static final class Files {
        private final FileSystem fs;
        private final Path folder;
        private final Path dimensions;

        Files(SparkSession spark, String input, String dimensions) {
            this.folder = new Path(input);
            this.dimensions = dimensions == null ? null : new Path(dimensions);
            try {
                this.fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
                if (!fs.exists(folder)) {
                    throw new SegmentaException("no such folder: " + input);
                }
                if (!fs.getFileStatus(folder).isDirectory()) {
                    throw new SegmentaException(input + " is a file; the olist source reads a folder holding the"
                            + " Olist export's CSV files (plain or .gz)");
                }
            } catch (IOException e) {
                throw new SegmentaException(input + ": cannot read it: " + e.getMessage(), e);
            }
        }

        String required(String name) {
            String p = find(folder, name);
            if (p == null) {
                throw new SegmentaException("the olist source needs " + name + " (or " + name + ".gz) in " + folder
                        + ", and it is not there");
            }
            return p;
        }

        String optional(String name) {
            String p = find(folder, name);
            if (p == null && dimensions != null) {
                p = find(dimensions, name);
            }
            if (p == null) {
                LOG.info("no {}(.gz) in {}", name, folder);
            }
            return p;
        }

        private String find(Path in, String name) {
            try {
                Path plain = new Path(in, name);
                Path gz = new Path(in, name + ".gz");
                boolean hasPlain = fs.isFile(plain);
                boolean hasGz = fs.isFile(gz);
                if (hasPlain && hasGz) {
                    throw new SegmentaException(in + " has both " + name + " and " + name + ".gz; keep only one");
                }
                return hasPlain ? plain.toString() : hasGz ? gz.toString() : null;
            } catch (IOException e) {
                throw new SegmentaException(in + ": cannot read it: " + e.getMessage(), e);
            }
        }
    }
}
