package io.segmenta.source.olist;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.Column;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.column.LongColumnBuilder;
import io.segmenta.table.input.DuplicateRows;
import io.segmenta.table.input.IdIndex;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.ReadProgress;
import io.segmenta.table.input.RejectionCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Component;

/**
 * Reads the Olist Brazilian e-commerce export (Kaggle "olistbr/brazilian-ecommerce"): a folder of CSV files,
 * each plain or gzip-compressed ({@code name.csv} or {@code name.csv.gz}). Required: orders, order items,
 * order payments and customers. Optional: products (with the category name translation), sellers and order
 * reviews; without them the columns they feed are absent. Option {@value #OPT_DIMENSIONS} names a second
 * folder where optional tables are looked up when the input folder has none.
 * <p>
 * <b>Rows.</b> One row per order item line ({@code olist_order_items_dataset}): quantity 1, unit price the
 * item's price, and the order's customer, purchase time, status, payment, review and delivery data joined on
 * {@code order_id}, {@code customer_id}, {@code product_id} and {@code seller_id}. The customer key is
 * {@code customer_unique_id}: Olist issues a new {@code customer_id} for every order, so keying on it would
 * make every customer a one-time buyer.
 * <p>
 * <b>Monetary value</b> (option {@value #OPT_MONETARY}). {@value #PAYMENT} (the default): the order's total
 * payment (the sum of its {@code payment_value}s) is spread over its item lines in proportion to each line's
 * price + freight, so that the lines of an order add up to what was paid. That is what the customer actually
 * paid: freight included, vouchers deducted, instalment interest added; it is the value for segmenting
 * customers by spend. {@value #ITEMS}: amount = price + freight_value, the list value of the line, for when
 * payments are not to be trusted or orders without payments are to be kept.
 * <p>
 * <b>Accounting.</b> The unit of {@link DataQuality#rowsRead()} is the order item line, so that rows kept
 * are the rows of the transactions table; an order that has no item line at all counts as ONE line read
 * (from the orders file) and is rejected. Each line read is kept or counted under the first of these rules
 * it breaks, in this order (the reasons' line numbers are record start lines in the file named):
 * <ol>
 * <li>{@value #UNKNOWN_ORDER} (items file): its order_id is not in the orders table;</li>
 * <li>{@value #NO_ITEMS} (orders file, one per order): nothing to keep whatever its status;</li>
 * <li>{@value #UNKNOWN_CUSTOMER} (items file): the order cannot be attributed to anyone;</li>
 * <li>{@value #MISSING_TIMESTAMP} (items file): no purchase time, so no recency;</li>
 * <li>"status X not kept" (items file), one reason per status outside option {@value #OPT_STATUSES}
 * (default {@value #DEFAULT_STATUSES}), in alphabetical order: cancelled or undelivered orders are not
 * purchases (a line per item, so the orders per status are given in an info line instead);</li>
 * <li>{@value #NO_PAYMENTS} (items file, monetary {@value #PAYMENT} only): nothing was paid to spread.</li>
 * </ol>
 * <b>Malformed rows.</b> A row with a value that cannot be read (an empty id, a price that is not a number, a
 * date in another format) or with the wrong number of fields is skipped: in the items and orders files it is
 * a line read and counted as "malformed: {column} ..." or "{@value MalformedRows#WRONG_WIDTH}" (listed before
 * the rules; an order row skipped so makes its items "item of unknown order"); in the other tables it is
 * said in an info line. When more than option {@value MalformedRows#OPTION} (default
 * {@value MalformedRows#DEFAULT}) of a file's rows are malformed, the read stops with a message quoting the
 * first bad value; with {@value MalformedRows#OPTION}=0 the first one stops it, naming the file, line,
 * column and value. A duplicate id in a table keyed by it always stops the read. Payments and reviews of
 * orders not in the orders table, and items whose product or seller is not in those tables, are not rows of
 * the result; they are reported by info lines.
 * <p>
 * <b>Duplicates.</b> Kept rows equal to an earlier kept row in every column of the result (e.g. two units of
 * one product in one order, which Olist writes as two item lines) are kept and counted in
 * {@link DataQuality#duplicateRows()}.
 */
@Component(service = DataSource.class)
@StageName(OlistSource.NAME)
@ServiceProvider(value = DataSource.class, resolution = Resolution.OPTIONAL)
public class OlistSource implements DataSource {
    static final String NAME = "olist";

    static final String OPT_MONETARY = "monetary";
    static final String OPT_STATUSES = "statuses";
    static final String OPT_DIMENSIONS = "dimensions";
    static final String PAYMENT = "payment";
    static final String ITEMS = "items";
    static final String DEFAULT_STATUSES = "delivered";

    static final String UNKNOWN_ORDER = "item of unknown order";
    static final String NO_ITEMS = "order has no items (counted once per order)";
    static final String UNKNOWN_CUSTOMER = "unknown customer_id";
    static final String MISSING_TIMESTAMP = "missing purchase timestamp";
    static final String NO_PAYMENTS = "order has no payments";

    static final String ORDERS_FILE = "olist_orders_dataset.csv";
    static final String ITEMS_FILE = "olist_order_items_dataset.csv";
    static final String PAYMENTS_FILE = "olist_order_payments_dataset.csv";
    static final String CUSTOMERS_FILE = "olist_customers_dataset.csv";
    static final String PRODUCTS_FILE = "olist_products_dataset.csv";
    static final String TRANSLATION_FILE = "product_category_name_translation.csv";
    static final String SELLERS_FILE = "olist_sellers_dataset.csv";
    static final String REVIEWS_FILE = "olist_order_reviews_dataset.csv";

    /** How often progress is reported and cancellation checked, in records read over all files. */
    static final int PROGRESS_EVERY = 100_000;

    static String statusReason(String status) {
        return "status " + status + " not kept";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Olist Brazilian e-commerce export (a folder of CSVs, plain or gzip); one row per order item, "
                + "customer = customer_unique_id, amount = payment spread over items";
    }

    @Override
    public List<StageOption> options() {
        return List.of(
                new StageOption(OPT_MONETARY, "amount of a line: '" + PAYMENT + "' (the order's payments spread "
                        + "over its items by price + freight) or '" + ITEMS + "' (price + freight)", PAYMENT),
                new StageOption(OPT_STATUSES, "order statuses to keep, comma-separated (e.g. delivered,shipped)",
                        DEFAULT_STATUSES),
                new StageOption(OPT_DIMENSIONS, "a second folder where the optional products, category translation, "
                        + "sellers and reviews tables are looked up when the input folder lacks them", "none"),
                MalformedRows.option());
    }

    @Override
    public SourceData read(Path input, StageContext context) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(context, "context");
        if (!Files.exists(input)) {
            throw new SegmentaException("no such folder: " + input);
        }
        if (!Files.isDirectory(input)) {
            throw new SegmentaException(input + " is a file; the " + NAME
                    + " source reads a folder holding the Olist export's CSV files (plain or .gz)");
        }
        Options options = context.options();
        String monetary = options.get(OPT_MONETARY, PAYMENT).toLowerCase(Locale.ROOT);
        if (!monetary.equals(PAYMENT) && !monetary.equals(ITEMS)) {
            throw new SegmentaException("option " + OPT_MONETARY + ": '" + monetary + "' is not one of "
                    + PAYMENT + ", " + ITEMS);
        }
        Set<String> statuses = new LinkedHashSet<>();
        for (String s : options.get(OPT_STATUSES, DEFAULT_STATUSES).split(",")) {
            if (!s.isBlank()) {
                statuses.add(s.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (statuses.isEmpty()) {
            throw new SegmentaException("option " + OPT_STATUSES + ": expected order statuses separated by commas, "
                    + "e.g. delivered,shipped");
        }
        double maxMalformed = MalformedRows.max(options);
        Path dimensions = options.get(OPT_DIMENSIONS).map(Path::of).orElse(null);
        if (dimensions != null && !Files.isDirectory(dimensions)) {
            throw new SegmentaException("option " + OPT_DIMENSIONS + ": " + dimensions + " is not a folder");
        }
        return new Reading(input, dimensions, monetary.equals(PAYMENT), statuses, maxMalformed, context).run();
    }

    /**
     * The file {@code name} or {@code name.gz} in the folder, or null when neither is there.
     *
     * @throws SegmentaException when both are there: which one is meant is not clear
     */
    static Path find(Path folder, String name) {
        Path plain = folder.resolve(name);
        Path gz = folder.resolve(name + ".gz");
        boolean hasPlain = Files.isRegularFile(plain);
        boolean hasGz = Files.isRegularFile(gz);
        if (hasPlain && hasGz) {
            throw new SegmentaException(folder + " has both " + name + " and " + name + ".gz; keep only one");
        }
        return hasPlain ? plain : hasGz ? gz : null;
    }

    /** The state of one read; {@link OlistSource} itself holds none, so it is thread-safe. */
    private static final class Reading {
        private final Path folder;
        private final Path dimensions;
        private final boolean paymentMonetary;
        private final Set<String> keptStatuses;
        private final StageContext context;
        private final double maxMalformed;
        private final List<String> inputs = new ArrayList<>();
        private long records;
        /** The malformed rows of the two files whose rows are lines of the account. */
        private List<Rejection> malformedItems = List.of();
        private List<Rejection> malformedOrders = List.of();
        private long malformedItemCount;
        private long malformedOrderCount;

        // customers, by customer_id index
        private final IdIndex customerIds = new IdIndex();
        private final IdIndex uniqueIds = new IdIndex();
        private final IdIndex places = new IdIndex(); // cities and states of customers and sellers
        private int[] customerUnique = new int[1024];
        private int[] customerCity = new int[1024];
        private int[] customerState = new int[1024];

        // orders, by order_id index
        private final IdIndex orderIds = new IdIndex();
        private final IdIndex statusNames = new IdIndex();
        private int[] orderCustomer = new int[1024];
        private int[] orderStatus = new int[1024];
        private long[] orderTime = new long[1024];
        private double[] orderDelay = new double[1024];
        private long[] orderLine = new long[1024];
        private boolean hasDelay;

        // payments, by order index
        private final IdIndex paymentTypes = new IdIndex();
        private int[] payCount;
        private double[] payTotal;
        private double[] payBestValue;
        private int[] payBestSequential;
        private int[] payBestType;
        private int[] payMaxInstallments;

        // reviews, by order index (null when there is no reviews table)
        private int[] reviewCount;
        private double[] reviewSum;

        // products and sellers, by id index; -1 when not in their table
        private final IdIndex productIds = new IdIndex();
        private final IdIndex categoryNames = new IdIndex();
        private int[] productCategory = new int[1024];
        private boolean hasProducts;
        private final IdIndex sellerIds = new IdIndex();
        private int[] sellerCity = new int[1024];
        private int[] sellerState = new int[1024];
        private boolean hasSellers;

        // items, in file order
        private int itemCount;
        private int[] itemOrder = new int[1024];
        private int[] itemProduct = new int[1024];
        private int[] itemSeller = new int[1024];
        private double[] itemPrice = new double[1024];
        private double[] itemFreight = new double[1024];
        private long[] itemLine = new long[1024];
        private String itemsFile;
        private String ordersFile;
        /** Products and sellers with an index below these are in their tables; the others only in items. */
        private int knownProducts;
        private int knownSellers;

        Reading(Path folder, Path dimensions, boolean paymentMonetary, Set<String> keptStatuses,
                double maxMalformed, StageContext context) {
            this.maxMalformed = maxMalformed;
            this.folder = folder;
            this.dimensions = dimensions;
            this.paymentMonetary = paymentMonetary;
            this.keptStatuses = keptStatuses;
            this.context = context;
        }

        /** Bytes of all the tables read against their sizes (set once the tables are found). */
        private ReadProgress progress;

        SourceData run() {
            Path customers = required(CUSTOMERS_FILE);
            Path orders = required(ORDERS_FILE);
            Path items = required(ITEMS_FILE);
            Path payments = required(PAYMENTS_FILE);
            Path products = optional(PRODUCTS_FILE, "the category column will be absent");
            Path translation = products == null ? null
                    : optional(TRANSLATION_FILE, "categories will be the Portuguese names");
            Path sellers = optional(SELLERS_FILE, "the seller_city and seller_region columns will be absent");
            Path reviews = optional(REVIEWS_FILE, "the review_score column will be absent");
            List<Path> all = new ArrayList<>(List.of(customers, orders, items, payments));
            for (Path p : new Path[] {products, translation, sellers, reviews}) {
                if (p != null) {
                    all.add(p);
                }
            }
            progress = new ReadProgress(context, all);

            readCustomers(customers);
            readOrders(orders);
            readPayments(payments);
            if (reviews != null) {
                readReviews(reviews);
            }
            if (products != null) {
                readProducts(products, translation == null ? Map.of() : readTranslation(translation));
            }
            if (sellers != null) {
                readSellers(sellers);
            }
            readItems(items);
            progress.finished(records);
            return emit();
        }

        private Path required(String name) {
            Path p = find(folder, name);
            if (p == null) {
                throw new SegmentaException("the " + NAME + " source needs " + name + " (or " + name + ".gz) in "
                        + folder + ", and it is not there");
            }
            return p;
        }

        private Path optional(String name, String consequence) {
            Path p = find(folder, name);
            if (p == null && dimensions != null) {
                p = find(dimensions, name);
            }
            if (p == null) {
                context.info("no " + name + "(.gz) in " + folder + (dimensions == null ? "" : " or " + dimensions)
                        + ": " + consequence);
            }
            return p;
        }

        private CsvTable open(Path path) {
            inputs.add(path.toString());
            CsvTable table = CsvTable.open(path, maxMalformed);
            progress.reading(table.records());
            return table;
        }

        /**
         * Ends the read of a table whose rows are not lines of the account: checks the share of malformed
         * rows and says what was skipped and what that means.
         */
        private void finish(CsvTable t, String consequence) {
            t.finish();
            String skipped = t.malformedRows().summary();
            if (skipped != null) {
                context.info(skipped + "; " + consequence);
            }
        }

        /** Counts a record read, reports progress and stops when cancelled. */
        private void tick() {
            if (++records % PROGRESS_EVERY == 0) {
                progress.report(records);
                if (context.isCancelled()) {
                    throw new SegmentaException("cancelled");
                }
            }
        }

        private static InputDataException duplicate(CsvTable t, int column, String id, IdIndex index,
                long[] firstLine) {
            return new InputDataException(t.file(), t.line(), t.columnName(column), id,
                    "a new id: it appears twice in a table keyed by it"
                            + (firstLine == null ? "" : " (first at line " + firstLine[index.indexOf(id)] + ")"));
        }

        private void readCustomers(Path path) {
            try (CsvTable t = open(path)) {
                int[] c = t.require("customer_id", "customer_unique_id", "customer_city", "customer_state");
                while (t.next()) {
                    tick();
                    String id = t.id(c[0], "a customer_id");
                    String unique = t.id(c[1], "a customer_unique_id");
                    if (t.malformed()) {
                        continue;
                    }
                    if (customerIds.indexOf(id) != IdIndex.ABSENT) {
                        throw duplicate(t, c[0], id, customerIds, null);
                    }
                    int i = customerIds.add(id);
                    if (i == customerUnique.length) {
                        int n = i * 2;
                        customerUnique = Arrays.copyOf(customerUnique, n);
                        customerCity = Arrays.copyOf(customerCity, n);
                        customerState = Arrays.copyOf(customerState, n);
                    }
                    customerUnique[i] = uniqueIds.intern(unique);
                    customerCity[i] = place(t.text(c[2]));
                    customerState[i] = place(t.text(c[3]));
                }
                finish(t, "their orders' lines count as " + UNKNOWN_CUSTOMER);
            }
        }

        private int place(String name) {
            return name.isEmpty() ? -1 : places.intern(name);
        }

        private void readOrders(Path path) {
            ordersFile = path.toString();
            try (CsvTable t = open(path)) {
                int[] c = t.require("order_id", "customer_id", "order_status", "order_purchase_timestamp");
                int delivered = t.optional("order_delivered_customer_date");
                int estimated = t.optional("order_estimated_delivery_date");
                hasDelay = delivered >= 0 && estimated >= 0;
                if (!hasDelay) {
                    context.info(ordersFile + " lacks order_delivered_customer_date or order_estimated_delivery_date:"
                            + " the delivery_delay_days column will be absent");
                }
                while (t.next()) {
                    tick();
                    String id = t.id(c[0], "an order_id");
                    long time = t.timeOrMissing(c[3]);
                    long at = hasDelay ? t.timeOrMissing(delivered) : TimestampColumn.MISSING;
                    long due = hasDelay ? t.timeOrMissing(estimated) : TimestampColumn.MISSING;
                    if (t.malformed()) {
                        continue;
                    }
                    if (orderIds.indexOf(id) != IdIndex.ABSENT) {
                        throw duplicate(t, c[0], id, orderIds, orderLine);
                    }
                    int o = orderIds.add(id);
                    if (o == orderCustomer.length) {
                        int n = o * 2;
                        orderCustomer = Arrays.copyOf(orderCustomer, n);
                        orderStatus = Arrays.copyOf(orderStatus, n);
                        orderTime = Arrays.copyOf(orderTime, n);
                        orderDelay = Arrays.copyOf(orderDelay, n);
                        orderLine = Arrays.copyOf(orderLine, n);
                    }
                    orderCustomer[o] = customerIds.indexOf(t.text(c[1]));
                    orderStatus[o] = statusNames.intern(t.text(c[2]).toLowerCase(Locale.ROOT));
                    orderTime[o] = time;
                    orderLine[o] = t.line();
                    orderDelay[o] = at != TimestampColumn.MISSING && due != TimestampColumn.MISSING
                            ? (at - due) / 86_400.0 : Double.NaN;
                }
                t.finish();
                malformedOrders = t.malformedRows().toRejections();
                malformedOrderCount = t.malformedRows().count();
            }
        }

        private void readPayments(Path path) {
            int orders = orderIds.size();
            payCount = new int[orders];
            payTotal = new double[orders];
            payBestValue = new double[orders];
            payBestSequential = new int[orders];
            payBestType = new int[orders];
            payMaxInstallments = new int[orders];
            long orphans = 0;
            try (CsvTable t = open(path)) {
                int[] c = t.require("order_id", "payment_sequential", "payment_type", "payment_installments",
                        "payment_value");
                while (t.next()) {
                    tick();
                    int o = orderIds.indexOf(t.id(c[0], "an order_id"));
                    int sequential = t.count(c[1]);
                    String type = t.text(c[2]);
                    int installments = t.count(c[3]);
                    double value = t.decimal(c[4]);
                    if (t.malformed()) {
                        continue;
                    }
                    if (o == IdIndex.ABSENT) {
                        orphans++;
                        continue;
                    }
                    // The order's payment type is that of its largest payment; ties go to the first.
                    if (payCount[o] == 0 || value > payBestValue[o]
                            || (value == payBestValue[o] && sequential < payBestSequential[o])) {
                        payBestValue[o] = value;
                        payBestSequential[o] = sequential;
                        payBestType[o] = type.isEmpty() ? -1 : paymentTypes.intern(type);
                    }
                    payCount[o]++;
                    payTotal[o] += value;
                    payMaxInstallments[o] = Math.max(payMaxInstallments[o], installments);
                }
                finish(t, "their orders' payments lack them");
            }
            if (orphans > 0) {
                context.info(path + ": " + orphans + " payment rows of orders not in " + ORDERS_FILE + " ignored");
            }
        }

        private void readReviews(Path path) {
            int orders = orderIds.size();
            reviewCount = new int[orders];
            reviewSum = new double[orders];
            long orphans = 0;
            try (CsvTable t = open(path)) {
                int[] c = t.require("order_id", "review_score");
                while (t.next()) {
                    tick();
                    int o = orderIds.indexOf(t.id(c[0], "an order_id"));
                    String text = t.text(c[1]);
                    int score = text.isEmpty() ? -1 : t.count(c[1]);
                    if (t.malformed() || text.isEmpty()) {
                        continue; // a review without a score says nothing about the score
                    }
                    if (o == IdIndex.ABSENT) {
                        orphans++;
                        continue;
                    }
                    reviewCount[o]++;
                    reviewSum[o] += score;
                }
                finish(t, "their orders' review scores lack them");
            }
            if (orphans > 0) {
                context.info(path + ": " + orphans + " reviews of orders not in " + ORDERS_FILE + " ignored");
            }
        }

        private Map<String, String> readTranslation(Path path) {
            Map<String, String> english = new HashMap<>();
            try (CsvTable t = open(path)) {
                int[] c = t.require("product_category_name", "product_category_name_english");
                while (t.next()) {
                    tick();
                    String name = t.text(c[0]);
                    String translated = t.text(c[1]);
                    if (!name.isEmpty() && !translated.isEmpty()) {
                        english.put(name, translated);
                    }
                }
                finish(t, "their categories keep the Portuguese name");
            }
            return english;
        }

        private void readProducts(Path path, Map<String, String> english) {
            hasProducts = true;
            try (CsvTable t = open(path)) {
                int[] c = t.require("product_id", "product_category_name");
                while (t.next()) {
                    tick();
                    String id = t.id(c[0], "a product_id");
                    if (t.malformed()) {
                        continue;
                    }
                    if (productIds.indexOf(id) != IdIndex.ABSENT) {
                        throw duplicate(t, c[0], id, productIds, null);
                    }
                    int p = productIds.add(id);
                    if (p == productCategory.length) {
                        productCategory = Arrays.copyOf(productCategory, p * 2);
                    }
                    String name = t.text(c[1]);
                    productCategory[p] = name.isEmpty() ? -1 : categoryNames.intern(english.getOrDefault(name, name));
                }
                finish(t, "their lines have no category");
            }
        }

        private void readSellers(Path path) {
            hasSellers = true;
            try (CsvTable t = open(path)) {
                int[] c = t.require("seller_id", "seller_city", "seller_state");
                while (t.next()) {
                    tick();
                    String id = t.id(c[0], "a seller_id");
                    if (t.malformed()) {
                        continue;
                    }
                    if (sellerIds.indexOf(id) != IdIndex.ABSENT) {
                        throw duplicate(t, c[0], id, sellerIds, null);
                    }
                    int s = sellerIds.add(id);
                    if (s == sellerCity.length) {
                        sellerCity = Arrays.copyOf(sellerCity, s * 2);
                        sellerState = Arrays.copyOf(sellerState, s * 2);
                    }
                    sellerCity[s] = place(t.text(c[1]));
                    sellerState[s] = place(t.text(c[2]));
                }
                finish(t, "their lines have no seller city or region");
            }
        }

        private void readItems(Path path) {
            itemsFile = path.toString();
            int knownProducts = productIds.size();
            int knownSellers = sellerIds.size();
            try (CsvTable t = open(path)) {
                int[] c = t.require("order_id", "product_id", "seller_id", "price", "freight_value");
                while (t.next()) {
                    tick();
                    String orderId = t.id(c[0], "an order_id");
                    String productId = t.id(c[1], "a product_id");
                    String sellerId = t.id(c[2], "a seller_id");
                    double price = t.decimal(c[3]);
                    double freight = t.decimal(c[4]);
                    if (t.malformed()) {
                        continue;
                    }
                    int i = itemCount;
                    if (i == itemOrder.length) {
                        int n = i * 2;
                        itemOrder = Arrays.copyOf(itemOrder, n);
                        itemProduct = Arrays.copyOf(itemProduct, n);
                        itemSeller = Arrays.copyOf(itemSeller, n);
                        itemPrice = Arrays.copyOf(itemPrice, n);
                        itemFreight = Arrays.copyOf(itemFreight, n);
                        itemLine = Arrays.copyOf(itemLine, n);
                    }
                    itemOrder[i] = orderIds.indexOf(orderId);
                    // Ids of products and sellers not in their tables get indexes past the known ones.
                    itemProduct[i] = productIds.intern(productId);
                    itemSeller[i] = sellerIds.intern(sellerId);
                    itemPrice[i] = price;
                    itemFreight[i] = freight;
                    itemLine[i] = t.line();
                    itemCount++;
                }
                t.finish();
                malformedItems = t.malformedRows().toRejections();
                malformedItemCount = t.malformedRows().count();
            }
            if (hasProducts && productIds.size() > knownProducts) {
                context.info(path + ": " + (productIds.size() - knownProducts) + " product_ids not in "
                        + PRODUCTS_FILE + ": their lines have no category");
            }
            if (hasSellers && sellerIds.size() > knownSellers) {
                context.info(path + ": " + (sellerIds.size() - knownSellers) + " seller_ids not in "
                        + SELLERS_FILE + ": their lines have no seller city or region");
            }
            this.knownProducts = knownProducts;
            this.knownSellers = knownSellers;
        }

        private SourceData emit() {
            int orders = orderIds.size();
            int[] lines = new int[orders];
            double[] weight = new double[orders];
            for (int i = 0; i < itemCount; i++) {
                int o = itemOrder[i];
                if (o >= 0) {
                    lines[o]++;
                    weight[o] += itemPrice[i] + itemFreight[i];
                }
            }

            // The reasons of the order rules, by order; null = kept. Status reasons are registered in
            // alphabetical order after the fixed ones that come before them.
            String[] statusReason = new String[statusNames.size()];
            int[] statusOrders = new int[statusNames.size()];
            TreeSet<String> dropped = new TreeSet<>();
            for (int s = 0; s < statusReason.length; s++) {
                if (!keptStatuses.contains(statusNames.id(s))) {
                    statusReason[s] = statusReason(statusNames.id(s));
                    dropped.add(statusNames.id(s));
                }
            }
            RejectionCounter itemRejections = new RejectionCounter(itemsFile)
                    .register(UNKNOWN_ORDER).register(UNKNOWN_CUSTOMER).register(MISSING_TIMESTAMP);
            for (String s : dropped) {
                itemRejections.register(statusReason(s));
            }
            if (paymentMonetary) {
                itemRejections.register(NO_PAYMENTS);
            }
            RejectionCounter orderRejections = new RejectionCounter(ordersFile).register(NO_ITEMS);

            String[] verdict = new String[orders];
            for (int o = 0; o < orders; o++) {
                statusOrders[orderStatus[o]]++;
                if (lines[o] == 0) {
                    verdict[o] = NO_ITEMS;
                    orderRejections.reject(NO_ITEMS, orderLine[o]);
                } else if (orderCustomer[o] < 0) {
                    verdict[o] = UNKNOWN_CUSTOMER;
                } else if (orderTime[o] == TimestampColumn.MISSING) {
                    verdict[o] = MISSING_TIMESTAMP;
                } else if (statusReason[orderStatus[o]] != null) {
                    verdict[o] = statusReason[orderStatus[o]];
                } else if (paymentMonetary && payCount[o] == 0) {
                    verdict[o] = NO_PAYMENTS;
                }
            }

            int capacity = Math.max(16, itemCount);
            DictionaryColumnBuilder customer = new DictionaryColumnBuilder(capacity);
            DictionaryColumnBuilder order = new DictionaryColumnBuilder(capacity);
            LongColumnBuilder timestamp = new LongColumnBuilder(capacity);
            DoubleColumnBuilder quantity = new DoubleColumnBuilder(capacity);
            DoubleColumnBuilder amount = new DoubleColumnBuilder(capacity);
            DoubleColumnBuilder unitPrice = new DoubleColumnBuilder(capacity);
            DictionaryColumnBuilder seller = new DictionaryColumnBuilder(capacity);
            DictionaryColumnBuilder product = new DictionaryColumnBuilder(capacity);
            DictionaryColumnBuilder category = new DictionaryColumnBuilder(capacity);
            DictionaryColumnBuilder region = new DictionaryColumnBuilder(capacity);
            DictionaryColumnBuilder city = new DictionaryColumnBuilder(capacity);
            DictionaryColumnBuilder sellerCityColumn = new DictionaryColumnBuilder(capacity);
            DictionaryColumnBuilder sellerRegion = new DictionaryColumnBuilder(capacity);
            DictionaryColumnBuilder paymentType = new DictionaryColumnBuilder(capacity);
            DoubleColumnBuilder installments = new DoubleColumnBuilder(capacity);
            DoubleColumnBuilder review = new DoubleColumnBuilder(capacity);
            DoubleColumnBuilder delay = new DoubleColumnBuilder(capacity);
            DictionaryColumnBuilder status = new DictionaryColumnBuilder(capacity);
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            // Rows of the result equal in every column. Customer, time, status, payment, review, delay and
            // places are functions of the order; category of the product; seller places of the seller: so
            // order, product, seller, unit price and amount decide whether two rows are equal.
            DuplicateRows duplicates = new DuplicateRows(capacity);

            for (int i = 0; i < itemCount; i++) {
                int o = itemOrder[i];
                if (o < 0) {
                    itemRejections.reject(UNKNOWN_ORDER, itemLine[i]);
                    continue;
                }
                if (verdict[o] != null) {
                    itemRejections.reject(verdict[o], itemLine[i]);
                    continue;
                }
                int cu = orderCustomer[o];
                customer.add(uniqueIds.id(customerUnique[cu]));
                order.add(orderIds.id(o));
                long time = orderTime[o];
                timestamp.add(time);
                first = Math.min(first, time);
                last = Math.max(last, time);
                quantity.add(1);
                double line = itemPrice[i] + itemFreight[i];
                if (!paymentMonetary) {
                    amount.add(line);
                } else if (weight[o] > 0) {
                    amount.add(payTotal[o] * (line / weight[o]));
                } else {
                    amount.add(payTotal[o] / lines[o]); // free items: nothing to weigh by, share equally
                }
                unitPrice.add(itemPrice[i]);
                int p = itemProduct[i];
                int s = itemSeller[i];
                seller.add(sellerIds.id(s));
                product.add(productIds.id(p));
                category.add(p < knownProducts && productCategory[p] >= 0 ? categoryNames.id(productCategory[p]) : null);
                region.add(placeName(customerState[cu]));
                city.add(placeName(customerCity[cu]));
                sellerCityColumn.add(s < knownSellers ? placeName(sellerCity[s]) : null);
                sellerRegion.add(s < knownSellers ? placeName(sellerState[s]) : null);
                boolean paid = payCount[o] > 0;
                paymentType.add(paid && payBestType[o] >= 0 ? paymentTypes.id(payBestType[o]) : null);
                installments.add(paid ? payMaxInstallments[o] : Double.NaN);
                review.add(reviewCount != null && reviewCount[o] > 0 ? reviewSum[o] / reviewCount[o] : Double.NaN);
                delay.add(orderDelay[o]);
                status.add(statusNames.id(orderStatus[o]));
                duplicates.start().field(o).field(p).field(s).field(itemPrice[i]).field(amount.get(amount.size() - 1))
                        .end();
            }

            List<Column> columns = new ArrayList<>();
            columns.add(customer.build(TransactionField.CUSTOMER.columnName()));
            columns.add(order.build(TransactionField.ORDER.columnName()));
            columns.add(timestamp.build(TransactionField.TIMESTAMP.columnName()));
            columns.add(quantity.build(TransactionField.QUANTITY.columnName()));
            columns.add(amount.build(TransactionField.AMOUNT.columnName()));
            columns.add(unitPrice.build(TransactionField.UNIT_PRICE.columnName()));
            columns.add(seller.build(TransactionField.SELLER.columnName()));
            columns.add(product.build(TransactionField.PRODUCT.columnName()));
            if (hasProducts) {
                columns.add(category.build(TransactionField.CATEGORY.columnName()));
            }
            columns.add(region.build(TransactionField.REGION.columnName()));
            columns.add(city.build(TransactionField.CITY.columnName()));
            if (hasSellers) {
                columns.add(sellerCityColumn.build(TransactionField.SELLER_CITY.columnName()));
                columns.add(sellerRegion.build(TransactionField.SELLER_REGION.columnName()));
            }
            columns.add(paymentType.build(TransactionField.PAYMENT_TYPE.columnName()));
            columns.add(installments.build(TransactionField.PAYMENT_INSTALLMENTS.columnName()));
            if (reviewCount != null) {
                columns.add(review.build(TransactionField.REVIEW_SCORE.columnName()));
            }
            if (hasDelay) {
                columns.add(delay.build(TransactionField.DELIVERY_DELAY_DAYS.columnName()));
            }
            columns.add(status.build(TransactionField.STATUS.columnName()));
            TransactionTable table = new TransactionTable(columns);

            List<Rejection> rules = new ArrayList<>(itemRejections.toRejections());
            rules.addAll(1, orderRejections.toRejections()); // NO_ITEMS is the second rule
            // Malformed rows first: they are set aside before any rule is applied.
            List<Rejection> rejections = new ArrayList<>(malformedItems);
            rejections.addAll(malformedOrders);
            rejections.addAll(rules);
            long rowsRead = itemCount + orderRejections.count(NO_ITEMS) + malformedItemCount + malformedOrderCount;
            context.info(statusSummary(statusOrders));
            boolean any = table.rowCount() > 0;
            DataQuality quality = new DataQuality(NAME, inputs, rowsRead, table.rowCount(), rejections,
                    any ? first : TimestampColumn.MISSING, any ? last : TimestampColumn.MISSING,
                    Map.of("customers", (long) customer.levelCount(), "orders", (long) order.levelCount(),
                            "sellers", (long) seller.levelCount(), "products", (long) product.levelCount()),
                    duplicates.count());
            return new SourceData(table, quality);
        }

        private String placeName(int code) {
            return code < 0 ? null : places.id(code);
        }

        /** "orders by status: delivered 5172, shipped 1107, ...; kept: delivered", most frequent first. */
        private String statusSummary(int[] statusOrders) {
            Integer[] byCount = new Integer[statusOrders.length];
            for (int s = 0; s < byCount.length; s++) {
                byCount[s] = s;
            }
            Arrays.sort(byCount, (a, b) -> statusOrders[b] != statusOrders[a]
                    ? Integer.compare(statusOrders[b], statusOrders[a]) : statusNames.id(a).compareTo(statusNames.id(b)));
            StringBuilder sb = new StringBuilder(ordersFile).append(": ").append(orderIds.size())
                    .append(" orders by status:");
            for (int k = 0; k < byCount.length; k++) {
                sb.append(k == 0 ? " " : ", ").append(statusNames.id(byCount[k])).append(' ')
                        .append(statusOrders[byCount[k]]);
            }
            sb.append("; kept: ").append(String.join(",", keptStatuses));
            sb.append("; rows are order item lines (an order without items counts as one line, rejected)");
            List<String> unseen = new ArrayList<>();
            for (String s : keptStatuses) {
                if (statusNames.indexOf(s) == IdIndex.ABSENT) {
                    unseen.add(s);
                }
            }
            if (!unseen.isEmpty()) {
                sb.append("; no order has status ").append(String.join(", ", unseen));
            }
            return sb.toString();
        }
    }
}
