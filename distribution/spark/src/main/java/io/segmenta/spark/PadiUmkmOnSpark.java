package io.segmenta.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.Options;
import io.segmenta.source.padi.PadiLines;
import io.segmenta.source.padi.PadiOrders;
import io.segmenta.source.padi.PadiUmkmSource;
import io.segmenta.source.padi.PadiUmkmSource.Part;
import io.segmenta.source.padi.PadiUsers;
import io.segmenta.spark.CsvTableOnSpark.Table;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.SourceEncoding;
import io.segmenta.table.source.HeaderColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The padi-umkm source on Spark (docs/sources/padi-umkm.md): the folder's files found by the single-machine rule
 * ({@link PadiUmkmSource#parts}), each read with {@link PadiRowsOnSpark} (the stage's own value rules), the lines
 * joined to their orders (each order defined by its first df_order row, later rows checked to repeat it) and the
 * orders to df_users (the first row of each id), every line kept or counted under the first rule it breaks, in the
 * single-machine order, and the order-level amounts spread over the order's lines by their subtotals. The account
 * lists, as on one machine, the malformed lines of df_order_complete, the malformed rows of df_order, the line rules,
 * then the df_order rules, each with its first lines in its own file.
 */
final class PadiUmkmOnSpark implements SparkSource {
    private static final Logger LOG = LoggerFactory.getLogger(PadiUmkmOnSpark.class);
    private static final List<String> LINE_RULES = List.of(PadiUmkmSource.LINE_WITHOUT_ORDER_ID,
            PadiUmkmSource.UNKNOWN_ORDER, PadiUmkmSource.MISSING_BUYER, PadiUmkmSource.MISSING_SELLER,
            PadiUmkmSource.MISSING_DATE);
    private static final List<String> ORDER_RULES = List.of(PadiUmkmSource.ORDER_ROW_WITHOUT_ID,
            PadiUmkmSource.ORDER_WITHOUT_LINES);

    @Override
    public String name() {
        return PadiUmkmSource.NAME;
    }

    @Override
    public SparkTransactions read(SparkSession spark, String input, Options options) {
        double max = MalformedRows.max(options);
        String charset = SourceEncoding.read(options).name();
        boolean multiLine = Boolean.parseBoolean(spark.conf().get(UkRetailRead.MULTI_LINE, "false"));
        Map<Part, String> files = files(spark, input);
        if (files.containsKey(Part.PRODUCTS)) {
            LOG.info("{}: {} is not read: product attributes come from {}", name(), files.get(Part.PRODUCTS),
                    files.get(Part.LINES));
        }
        Columns users = read(spark, files.get(Part.USERS), charset, multiLine, PadiRowsOnSpark.Part.USERS,
                PadiUsers.USER_COLS);
        Columns orders = read(spark, files.get(Part.ORDERS), charset, multiLine, PadiRowsOnSpark.Part.ORDERS,
                PadiOrders.ORDER_COLS);
        Columns lines = read(spark, files.get(Part.LINES), charset, multiLine, PadiRowsOnSpark.Part.LINES,
                PadiLines.LINE_COLS);
        boolean hasProvince = users.col()[PadiUsers.U_PROVINCE] >= 0;

        // df_users: the first row of each id (users are not order lines: their malformed rows are only said)
        OlistOnSpark.checkShare(users.table(), users.table().rows(), max);
        Dataset<Row> u = users.table().rows().filter(col(CsvTableOnSpark.REASON).isNull()
                .and(col(PadiRowsOnSpark.ID).isNotNull())).groupBy(col(PadiRowsOnSpark.ID))
                .agg(min_by(struct(col(PadiRowsOnSpark.CITY), col(PadiRowsOnSpark.DISTRICT),
                        col(PadiRowsOnSpark.PROVINCE)), col(CsvTableOnSpark.LINE)).alias("u"))
                .select(col(PadiRowsOnSpark.ID), col("u." + PadiRowsOnSpark.CITY).alias(PadiRowsOnSpark.CITY),
                        col("u." + PadiRowsOnSpark.DISTRICT).alias(PadiRowsOnSpark.DISTRICT),
                        col("u." + PadiRowsOnSpark.PROVINCE).alias(PadiRowsOnSpark.PROVINCE));

        // df_order: each order as its first readable row; later rows must repeat it
        Dataset<Row> orderRows = orders.table().rows().persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> lineRows = lines.table().rows().persist(StorageLevel.MEMORY_AND_DISK());
        Runnable cached = () -> {
            orderRows.unpersist();
            lineRows.unpersist();
        };
        try {
            return orders(new Export(spark, input, max, files, orders, lines, hasProvince, u), orderRows, lineRows,
                    cached);
        } catch (RuntimeException e) {
            cached.run();
            throw e;
        }
    }

    /** Each order as its first readable df_order row, after checking that its later rows repeat it. */
    private SparkTransactions orders(Export export, Dataset<Row> orderRows, Dataset<Row> lineRows, Runnable cached) {
        OlistOnSpark.checkShare(export.orders().table(), orderRows, export.max());
        Dataset<Row> readableOrders = orderRows.filter(col(CsvTableOnSpark.REASON).isNull()
                .and(col(PadiRowsOnSpark.ORDER).isNotNull()));
        List<Column> orderFields = new ArrayList<>();
        for (String c : PadiRowsOnSpark.CATEGORICAL) {
            orderFields.add(col(c));
        }
        orderFields.add(col(PadiRowsOnSpark.TIME));
        for (String a : PadiRowsOnSpark.AMOUNTS) {
            orderFields.add(col(a));
        }
        orderFields.add(col(CsvTableOnSpark.LINE).alias("first_line"));
        List<Column> firstFields = new ArrayList<>(List.of(col(PadiRowsOnSpark.ORDER)));
        for (String c : PadiRowsOnSpark.CATEGORICAL) {
            firstFields.add(col("f." + c).alias(c));
        }
        firstFields.add(col("f." + PadiRowsOnSpark.TIME).alias(PadiRowsOnSpark.TIME));
        for (String a : PadiRowsOnSpark.AMOUNTS) {
            firstFields.add(col("f." + a).alias(a));
        }
        firstFields.add(col("f.first_line").alias("first_line"));
        Dataset<Row> first = readableOrders.groupBy(col(PadiRowsOnSpark.ORDER))
                .agg(min_by(struct(orderFields.toArray(Column[]::new)), col(CsvTableOnSpark.LINE)).alias("f"))
                .select(firstFields.toArray(Column[]::new)).persist(StorageLevel.MEMORY_AND_DISK());
        Runnable release = () -> {
            first.unpersist();
            cached.run();
        };
        try {
            checkRepeats(export.orders(), readableOrders, first);
            return classify(export, orderRows, lineRows, first, release);
        } catch (RuntimeException e) {
            first.unpersist();
            throw e;
        }
    }

    /** Every line kept or counted under the first rule it breaks, and df_order's rows of the account. */
    private SparkTransactions classify(Export export, Dataset<Row> orderRows, Dataset<Row> lineRows,
            Dataset<Row> first, Runnable release) {
        Map<Part, String> files = export.files();
        Columns orders = export.orders();
        Columns lines = export.lines();
        boolean hasProvince = export.hasProvince();
        Dataset<Row> u = export.users();
        double max = export.max();
        // the lines that found their order, and the finite subtotals that weigh in the spread
        Dataset<Row> readableLines = lineRows.filter(col(CsvTableOnSpark.REASON).isNull());
        Dataset<Row> byOrder = readableLines.join(first.select(PadiRowsOnSpark.ORDER), PadiRowsOnSpark.ORDER)
                .groupBy(col(PadiRowsOnSpark.ORDER)).agg(count("*").alias("line_count"),
                        sum(when(finite(col(PadiRowsOnSpark.SUBTOTAL)), col(PadiRowsOnSpark.SUBTOTAL))
                                .otherwise(0.0)).alias("subtotal_sum"));
        Dataset<Row> orderData = first.join(byOrder, new String[] {PadiRowsOnSpark.ORDER}, "left")
                .join(places(u, "b_"), col("buyer").equalTo(col("b_" + PadiRowsOnSpark.ID)), "left")
                .join(places(u, "s_"), col("seller").equalTo(col("s_" + PadiRowsOnSpark.ID)), "left");
        Dataset<Row> joined = lineRows.join(orderData, new String[] {PadiRowsOnSpark.ORDER}, "left");
        Column reason = when(col(CsvTableOnSpark.REASON).isNotNull(), col(CsvTableOnSpark.REASON))
                .when(col(PadiRowsOnSpark.ORDER).isNull(), lit(PadiUmkmSource.LINE_WITHOUT_ORDER_ID))
                .when(col("first_line").isNull(), lit(PadiUmkmSource.UNKNOWN_ORDER))
                .when(col("buyer").isNull(), lit(PadiUmkmSource.MISSING_BUYER))
                .when(col("seller").isNull(), lit(PadiUmkmSource.MISSING_SELLER))
                .when(col(PadiRowsOnSpark.TIME).isNull(), lit(PadiUmkmSource.MISSING_DATE))
                .when(finite(col(PadiRowsOnSpark.QUANTITY)).and(finite(col(PadiRowsOnSpark.SUBTOTAL))).unary_$bang(),
                        lit(PadiUmkmSource.AMOUNT_OVERFLOW));

        // the kept rows' columns, in the single-machine table's order (optional ones when their column exists)
        Set<TransactionField> fields = EnumSet.of(TransactionField.CUSTOMER, TransactionField.ORDER,
                TransactionField.TIMESTAMP, TransactionField.QUANTITY, TransactionField.AMOUNT);
        List<Column> kept = new ArrayList<>(List.of(col(CsvTableOnSpark.LINE).alias(SparkTransactions.ROW),
                col("buyer").alias(name(TransactionField.CUSTOMER)),
                col(PadiRowsOnSpark.ORDER).alias(name(TransactionField.ORDER)),
                col(PadiRowsOnSpark.TIME).alias(name(TransactionField.TIMESTAMP)),
                col(PadiRowsOnSpark.QUANTITY).alias(name(TransactionField.QUANTITY)),
                col(PadiRowsOnSpark.SUBTOTAL).alias(name(TransactionField.AMOUNT))));
        int[] lineCol = lines.col();
        add(kept, fields, lineCol[PadiLines.L_PRICE] >= 0, col(PadiRowsOnSpark.PRICE), TransactionField.UNIT_PRICE);
        int[] orderCol = orders.col();
        for (int s = 1; s < PadiRowsOnSpark.CATEGORICAL.length; s++) {
            add(kept, fields, orderCol[PadiOrders.O_CATEGORICAL[s]] >= 0, col(PadiRowsOnSpark.CATEGORICAL[s]),
                    PadiOrders.O_CATEGORICAL_OUT[s]);
        }
        add(kept, fields, lineCol[PadiLines.L_PRODUCT_ID] >= 0 || lineCol[PadiLines.L_PRODUCT_NAME] >= 0,
                col(PadiRowsOnSpark.PRODUCT), TransactionField.PRODUCT);
        add(kept, fields, lineCol[PadiLines.L_CATEGORY] >= 0, col(PadiRowsOnSpark.CATEGORY),
                TransactionField.CATEGORY);
        add(kept, fields, lineCol[PadiLines.L_SUBCAT1] >= 0, col(PadiRowsOnSpark.SUBCATEGORY),
                TransactionField.SUBCATEGORY);
        if (lineCol[PadiLines.L_SUBCAT2] >= 0) {
            kept.add(col(PadiRowsOnSpark.SUBCATEGORY_2).alias(PadiUmkmSource.SUBCATEGORY_2));
        }
        if (lineCol[PadiLines.L_UNIT] >= 0) {
            kept.add(col(PadiRowsOnSpark.UNIT).alias(PadiUmkmSource.UNIT));
        }
        add(kept, fields, lineCol[PadiLines.L_PPN] >= 0, col(PadiRowsOnSpark.TAX), TransactionField.TAX);
        for (int a = 0; a < PadiRowsOnSpark.AMOUNTS.length; a++) {
            add(kept, fields, orderCol[PadiOrders.O_AMOUNTS[a]] >= 0,
                    spread(col(PadiRowsOnSpark.AMOUNTS[a])), PadiOrders.O_AMOUNTS_OUT[a]);
        }
        add(kept, fields, true, col("b_" + PadiRowsOnSpark.CITY), TransactionField.CITY);
        add(kept, fields, true, col("b_" + PadiRowsOnSpark.DISTRICT), TransactionField.DISTRICT);
        add(kept, fields, hasProvince, col("b_" + PadiRowsOnSpark.PROVINCE), TransactionField.REGION);
        add(kept, fields, true, col("s_" + PadiRowsOnSpark.CITY), TransactionField.SELLER_CITY);
        add(kept, fields, true, col("s_" + PadiRowsOnSpark.DISTRICT), TransactionField.SELLER_DISTRICT);
        add(kept, fields, hasProvince, col("s_" + PadiRowsOnSpark.PROVINCE), TransactionField.SELLER_REGION);
        // the line's fields that decide equality (the others are functions of the order, as on one machine)
        List<Column> record = new ArrayList<>();
        for (String c : new String[] {PadiRowsOnSpark.ORDER, PadiRowsOnSpark.QUANTITY, PadiRowsOnSpark.SUBTOTAL,
            PadiRowsOnSpark.PRICE, PadiRowsOnSpark.TAX, PadiRowsOnSpark.CATEGORY, PadiRowsOnSpark.SUBCATEGORY,
            PadiRowsOnSpark.SUBCATEGORY_2, PadiRowsOnSpark.PRODUCT, PadiRowsOnSpark.UNIT}) {
            record.add(coalesce(col(c).cast("string"), lit("\u0002")));
        }
        kept.add(concat_ws("\u0001", record.toArray(Column[]::new)).alias(SparkTransactions.RECORD));
        kept.add(reason.alias(ReadAccount.REASON));
        Dataset<Row> classified = joined.select(kept.toArray(Column[]::new)).persist(StorageLevel.MEMORY_AND_DISK());

        // df_order's rows of the account: malformed, without order id, of an order no line names
        Dataset<Row> orderAccount = orderRows.join(byOrder.select(col(PadiRowsOnSpark.ORDER),
                        col("line_count")), new String[] {PadiRowsOnSpark.ORDER}, "left")
                .select(col(CsvTableOnSpark.LINE).alias(SparkTransactions.ROW),
                        when(col(CsvTableOnSpark.REASON).isNotNull(), col(CsvTableOnSpark.REASON))
                                .when(col(PadiRowsOnSpark.ORDER).isNull(), lit(PadiUmkmSource.ORDER_ROW_WITHOUT_ID))
                                .when(col("line_count").isNull(), lit(PadiUmkmSource.ORDER_WITHOUT_LINES))
                                .alias(ReadAccount.REASON))
                .filter(col(ReadAccount.REASON).isNotNull());
        Runnable all = () -> {
            classified.unpersist();
            release.run();
        };
        try {
            String linesFile = files.get(Part.LINES);
            String ordersFile = files.get(Part.ORDERS);
            ReadAccount lineAccount = ReadAccount.of(classified, linesFile, RowPlaces.lines(linesFile), LINE_RULES,
                    max);
            // df_order's malformed share was checked on all its rows above
            ReadAccount orderAccountCounts = ReadAccount.of(orderAccount, ordersFile, RowPlaces.lines(ordersFile),
                    ORDER_RULES, 1.0);
            ReadAccount account = combined(lineAccount, orderAccountCounts);
            SparkPipeline.logCachedSize(export.spark(), account);
            Dataset<Row> keptRows = classified.filter(col(ReadAccount.REASON).isNull()).drop(ReadAccount.REASON);
            Map<String, String> entities = new LinkedHashMap<>();
            entities.put("customers", name(TransactionField.CUSTOMER));
            entities.put("sellers", name(TransactionField.SELLER));
            entities.put("orders", name(TransactionField.ORDER));
            DataQuality quality = SparkQuality.of(name(), export.input(), account, keptRows, entities);
            return new SparkTransactions(keptRows, fields, quality, name(), export.input(), all);
        } catch (RuntimeException e) {
            classified.unpersist();
            throw e;
        }
    }

    /**
     * The account in the single-machine order: malformed lines, malformed order rows, the line rules (and the
     * overflow rule when a line broke it), the order rules.
     */
    private static ReadAccount combined(ReadAccount lines, ReadAccount orders) {
        List<Rejection> rejections = new ArrayList<>();
        rejections.addAll(malformed(lines, true));
        rejections.addAll(malformed(orders, true));
        rejections.addAll(malformed(lines, false));
        rejections.addAll(malformed(orders, false));
        return new ReadAccount(lines.rowsRead() + orders.rowsRead(), lines.rowsKept(), rejections);
    }

    private static List<Rejection> malformed(ReadAccount account, boolean malformed) {
        return account.rejections().stream().filter(r -> r.reason().startsWith("malformed: ") == malformed)
                .toList();
    }

    /**
     * An order-level amount spread over the order's lines in proportion to their subtotals (equally when they add
     * up to 0; a single line gets the whole amount), as the single-machine source computes it.
     */
    private static Column spread(Column total) {
        Column subtotal = col(PadiRowsOnSpark.SUBTOTAL);
        return when(col("line_count").equalTo(1), total)
                .when(col("subtotal_sum").notEqual(0.0), total.multiply(subtotal.divide(col("subtotal_sum"))))
                .otherwise(total.divide(col("line_count")));
    }

    private static void add(List<Column> kept, Set<TransactionField> fields, boolean present, Column value,
            TransactionField field) {
        if (present) {
            kept.add(value.alias(name(field)));
            fields.add(field);
        }
    }

    private static String name(TransactionField field) {
        return field.columnName();
    }

    private static Column finite(Column c) {
        return c.isNotNull().and(c.isNaN().unary_$bang())
                .and(c.isin(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).unary_$bang());
    }

    /** A user's city, district and province, prefixed for the buyer's or the seller's side. */
    private static Dataset<Row> places(Dataset<Row> users, String prefix) {
        return users.select(col(PadiRowsOnSpark.ID).alias(prefix + PadiRowsOnSpark.ID),
                col(PadiRowsOnSpark.CITY).alias(prefix + PadiRowsOnSpark.CITY),
                col(PadiRowsOnSpark.DISTRICT).alias(prefix + PadiRowsOnSpark.DISTRICT),
                col(PadiRowsOnSpark.PROVINCE).alias(prefix + PadiRowsOnSpark.PROVINCE));
    }

    /**
     * A later row of an order must repeat buyer, seller, status, date and the order-level amounts, else the read
     * stops naming the first such row (in file order) and its first differing column, as on one machine.
     */
    private static void checkRepeats(Columns orders, Dataset<Row> readable, Dataset<Row> first) {
        List<String> checked = new ArrayList<>(List.of(PadiRowsOnSpark.CATEGORICAL[PadiOrders.S_BUYER],
                PadiRowsOnSpark.CATEGORICAL[PadiOrders.S_SELLER], PadiRowsOnSpark.CATEGORICAL[2],
                PadiRowsOnSpark.TIME));
        checked.addAll(List.of(PadiRowsOnSpark.AMOUNTS));
        Dataset<Row> f = first.select(col(PadiRowsOnSpark.ORDER), col("first_line"),
                struct(checked.stream().map(c -> col(c)).toArray(Column[]::new)).alias("f"));
        Column same = lit(true);
        for (String c : checked) {
            same = same.and(col(c).eqNullSafe(col("f." + c)));
        }
        List<Row> bad = readable.join(f, PadiRowsOnSpark.ORDER).filter(same.unary_$bang())
                .orderBy(col(CsvTableOnSpark.LINE)).limit(1).collectAsList();
        if (bad.isEmpty()) {
            return;
        }
        Row r = bad.get(0);
        int[] slots = {PadiOrders.O_BUYER, PadiOrders.O_SELLER, PadiOrders.O_STATUS, PadiOrders.O_DATE,
            PadiOrders.O_AMOUNTS[0], PadiOrders.O_AMOUNTS[1], PadiOrders.O_AMOUNTS[2]};
        Row firstRow = r.getStruct(r.fieldIndex("f"));
        for (int i = 0; i < checked.size(); i++) {
            Object value = r.get(r.fieldIndex(checked.get(i)));
            Object expected = firstRow.get(i);
            if (value == null ? expected != null : !value.equals(expected)) {
                String column = orders.header()[orders.col()[slots[i]]];
                throw new InputDataException(orders.table().file(), r.getLong(r.fieldIndex(CsvTableOnSpark.LINE)),
                        column, value == null ? "" : String.valueOf(value), "the value on line "
                        + r.getLong(r.fieldIndex("first_line")) + ", the first row of order "
                        + r.getString(r.fieldIndex(PadiRowsOnSpark.ORDER))
                        + " (order-level fields must repeat unchanged on every row of an order)");
            }
        }
    }

    /** Reads one file of the export with its header columns. */
    private static Columns read(SparkSession spark, String file, String charset, boolean multiLine,
            PadiRowsOnSpark.Part part, HeaderColumn[] columns) {
        String expected = "a CSV header with " + HeaderColumn.requiredNames(columns);
        CsvLines.Read read = CsvLines.read(spark, file, new CsvLines.Format(',', charset, false), multiLine,
                expected);
        int[] col = HeaderColumn.indexes(read.header(), file, read.headerLine(), null, columns);
        Dataset<Row> rows = read.rows().map(new PadiRowsOnSpark(part, read.header(), col),
                Encoders.row(PadiRowsOnSpark.schema(part)));
        return new Columns(new Table(file, rows, new boolean[0]), read.header(), col);
    }

    /** The export's files by role, found in the folder as the single-machine source finds them. */
    private static Map<Part, String> files(SparkSession spark, String input) {
        Path folder = new Path(input);
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(folder)) {
                throw new SegmentaException("no such folder: " + input);
            }
            if (!fs.getFileStatus(folder).isDirectory()) {
                throw new SegmentaException(PadiUmkmSource.notAFolder(input));
            }
            Map<String, String> regular = new TreeMap<>();
            Map<String, String> everything = new TreeMap<>();
            for (FileStatus s : fs.listStatus(folder)) {
                String fileName = s.getPath().getName();
                everything.put(fileName.toLowerCase(Locale.ROOT), fileName);
                if (s.isFile()) {
                    regular.put(fileName.toLowerCase(Locale.ROOT), new Path(folder, fileName).toString());
                }
            }
            return PadiUmkmSource.parts(input, regular, p -> new Path(p).getName(), List.copyOf(everything.values()));
        } catch (IOException e) {
            throw new SegmentaException(input + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /**
     * A file of the export read.
     *
     * @param table its typed rows
     * @param header its header
     * @param col the header column of each of the part's columns, -1 when absent
     */
    private record Columns(Table table, String[] header, int[] col) {
    }

    /**
     * What one read has found before the orders are joined.
     *
     * @param max the largest share of malformed rows
     * @param files the export's files by role
     * @param hasProvince whether df_users has a province column
     * @param users the first row of each df_users id: id, city, district, province
     */
    private record Export(SparkSession spark, String input, double max, Map<Part, String> files, Columns orders,
            Columns lines, boolean hasProvince, Dataset<Row> users) {
    }
}
