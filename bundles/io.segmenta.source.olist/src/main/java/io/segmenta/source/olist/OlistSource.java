package io.segmenta.source.olist;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.annotation.StageName;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageOption;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.input.SourceEncoding;
import io.segmenta.table.source.ReadTicker;
import io.segmenta.table.source.TransactionTableBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Source {@value #NAME}: the Olist Brazilian e-commerce export (Kaggle "olistbr/brazilian-ecommerce"), a folder of
 * CSV files, one row per order item line. docs/sources/olist.md is its specification: the tables read, the joins,
 * the monetary value, the rules that drop lines and in which order, malformed rows and duplicates.
 * <p>
 * Reading is in steps, each its own class: {@link OlistFiles} finds and opens the tables, {@link OlistOrders} and
 * {@link OlistItems} read them into primitive arrays, {@link OlistRows} applies the rules and builds the rows.
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

    public static final String UNKNOWN_ORDER = "item of unknown order";
    public static final String NO_ITEMS = "order has no items (counted once per order)";
    public static final String UNKNOWN_CUSTOMER = "unknown customer_id";
    public static final String MISSING_TIMESTAMP = "missing purchase timestamp";
    public static final String NO_PAYMENTS = "order has no payments";
    /** Shown only when a line breaks it: price and freight are finite, the line's amount is not. */
    public static final String ITEM_OVERFLOW = TransactionTableBuilder.nonFiniteAmount("price + freight");
    public static final String PAYMENT_OVERFLOW =
            TransactionTableBuilder.nonFiniteAmount("the order's payments spread by price + freight");

    static final String ORDERS_FILE = "olist_orders_dataset.csv";
    static final String ITEMS_FILE = "olist_order_items_dataset.csv";
    static final String PAYMENTS_FILE = "olist_order_payments_dataset.csv";
    static final String CUSTOMERS_FILE = "olist_customers_dataset.csv";
    static final String PRODUCTS_FILE = "olist_products_dataset.csv";
    static final String TRANSLATION_FILE = "product_category_name_translation.csv";
    static final String SELLERS_FILE = "olist_sellers_dataset.csv";
    static final String REVIEWS_FILE = "olist_order_reviews_dataset.csv";

    /** How often progress is reported and cancellation checked, in records read over all files. */
    static final int PROGRESS_EVERY = ReadTicker.EVERY;

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

    /** The export's region is the customer's Brazilian state (SP, RJ ...); its prices are in reais. */
    @Override
    public String regionWord() {
        return "state";
    }

    @Override
    public Optional<String> currency() {
        return Optional.of("BRL");
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
                MalformedRows.option(), SourceEncoding.option());
    }

    /** The values of max-malformed and encoding, checked before anything is read. */
    @Override
    public void validate(Options options) {
        MalformedRows.max(options);
        SourceEncoding.read(options);
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
        OlistFiles files = new OlistFiles(input, dimensions, context, maxMalformed);
        SourceData data = read(files, monetary.equals(PAYMENT), statuses);
        files.ticker().log(data.quality());
        return data;
    }

    /** Reads the tables in the order their joins need, then builds the rows. */
    private static SourceData read(OlistFiles files, boolean paymentMonetary, Set<String> statuses) {
        Path customers = files.required(CUSTOMERS_FILE);
        Path orders = files.required(ORDERS_FILE);
        Path items = files.required(ITEMS_FILE);
        Path payments = files.required(PAYMENTS_FILE);
        Path products = files.optional(PRODUCTS_FILE, "the category column will be absent");
        Path translation = products == null ? null
                : files.optional(TRANSLATION_FILE, "categories will be the Portuguese names");
        Path sellers = files.optional(SELLERS_FILE, "the seller_city and seller_region columns will be absent");
        Path reviews = files.optional(REVIEWS_FILE, "the review_score column will be absent");
        List<Path> all = new ArrayList<>(List.of(customers, orders, items, payments));
        for (Path p : new Path[] {products, translation, sellers, reviews}) {
            if (p != null) {
                all.add(p);
            }
        }
        files.start(all);

        OlistOrders orderTables = new OlistOrders(files);
        orderTables.readCustomers(customers);
        orderTables.readOrders(orders);
        orderTables.readPayments(payments);
        if (reviews != null) {
            orderTables.readReviews(reviews);
        }
        OlistItems itemTables = new OlistItems(files);
        if (products != null) {
            itemTables.readProducts(products, translation == null ? Map.of() : itemTables.readTranslation(translation));
        }
        if (sellers != null) {
            itemTables.readSellers(sellers);
        }
        itemTables.readItems(items, orderTables.orderIds);
        files.ticker().finished(files.ticker().ticks());

        OlistRows rows = new OlistRows(orderTables, itemTables, paymentMonetary, statuses,
                files.context().transactionFields());
        SourceData data = rows.build(files.inputs());
        files.context().info(OlistRows.statusSummary(orderTables, statuses, rows.statusOrders()));
        return data;
    }
}
