package io.segmenta.source.padi;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.input.DuplicateRows;
import io.segmenta.table.input.IdIndex;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.HeaderColumn;
import io.segmenta.table.source.ReadTicker;
import io.segmenta.table.source.TransactionTableBuilder;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * df_order_complete, the order lines: each line's values are read ({@link #values()}), the line is joined to its
 * order ({@link #order(long)}) and kept or counted by the rules ({@link #attributable}), and a kept line becomes a
 * row with its order's fields and its buyer's and seller's places ({@link #keep(int)}). Once all lines are known,
 * the order-level amounts are spread over them ({@link #spread}) and the account is made.
 */
public final class PadiLines {
    // df_order_complete: one row per order line.
    public static final HeaderColumn[] LINE_COLS = {
        HeaderColumn.required("order_id", "orders_id", "id_order"),
        HeaderColumn.required("quantity", "qty"),
        HeaderColumn.required("price_subtotal", "subtotal"),
        HeaderColumn.optional("price_per_item", "unit_price"),
        HeaderColumn.optional("ppn", "tax", "vat"),
        HeaderColumn.optional("Main Category", "category"),
        HeaderColumn.optional("subcat 1", "subcategory", "subcategory_1"),
        HeaderColumn.optional("subcat 2", "subcategory_2"),
        HeaderColumn.optional("product_id"),
        HeaderColumn.optional("product name"),
        HeaderColumn.optional("unit"),
    };
    public static final int L_ORDER = 0;
    public static final int L_QUANTITY = 1;
    public static final int L_SUBTOTAL = 2;
    public static final int L_PRICE = 3;
    public static final int L_PPN = 4;
    public static final int L_CATEGORY = 5;
    public static final int L_SUBCAT1 = 6;
    public static final int L_SUBCAT2 = 7;
    public static final int L_PRODUCT_ID = 8;
    public static final int L_PRODUCT_NAME = 9;
    public static final int L_UNIT = 10;

    private final PadiOrders orders;
    private final PadiUsers users;
    private final CsvTable in;
    private final int[] col;
    private final int productCol;

    // per order
    private final int[] lineCount;
    private final double[] subtotalSum;
    private final RejectionCounter rejections;

    // the values of the current line
    private final LineValues values = new LineValues();
    private final IntFunction<String> raw;
    private double quantity;
    private double price;
    private double subtotal;
    private double tax;

    private final TransactionTableBuilder rows = new TransactionTableBuilder(PadiUmkmSource.BUFFER);
    private final Recoder buyers;
    private final Recoder orderIds;
    /** The order-level categorical outputs after the customer, by staged slot; null when absent. */
    private final Recoder[] orderOut = new Recoder[PadiOrders.O_CATEGORICAL_OUT.length];
    private final DoubleColumnBuilder prices;
    private final DictionaryColumnBuilder products;
    private final DictionaryColumnBuilder categories;
    private final DictionaryColumnBuilder subcategories;
    private final DictionaryColumnBuilder subcategories2;
    private final DictionaryColumnBuilder units;
    private final DoubleColumnBuilder taxes;
    /** The spread order-level amounts, by amount slot; null when absent. */
    private final DoubleColumnBuilder[] spread = new DoubleColumnBuilder[PadiOrders.O_AMOUNTS_OUT.length];
    private final Recoder city;
    private final Recoder district;
    /** Null without a province column in df_users, as {@link #sellerProvince}. */
    private final Recoder province;
    private final Recoder sellerCity;
    private final Recoder sellerDistrict;
    private final Recoder sellerProvince;
    /** The order of each kept line, to spread the order-level amounts once all lines are known. */
    private final DictionaryColumnBuilder keptOrder = new DictionaryColumnBuilder(PadiUmkmSource.BUFFER);
    private final DuplicateRows duplicates = new DuplicateRows(PadiUmkmSource.BUFFER);

    private final BitSet unknownBuyers = new BitSet();
    private final BitSet unknownSellers = new BitSet();
    private long unknownUserLines;

    /** Opens df_order_complete and lays out the output columns the files have, in the table's order. */
    PadiLines(Path path, PadiOrders orders, PadiUsers users, double maxMalformed, Charset encoding) {
        this.orders = orders;
        this.users = users;
        this.lineCount = new int[orders.orderIds.size()];
        this.subtotalSum = new double[orders.orderIds.size()];
        // Registered in the order the rules apply, so that all show, with 0 when nothing broke them.
        this.rejections = new RejectionCounter(path.toString()).register(PadiUmkmSource.LINE_WITHOUT_ORDER_ID)
                .register(PadiUmkmSource.UNKNOWN_ORDER).register(PadiUmkmSource.MISSING_BUYER)
                .register(PadiUmkmSource.MISSING_SELLER).register(PadiUmkmSource.MISSING_DATE);
        this.in = CsvTable.open(path, encoding, "a CSV header with " + HeaderColumn.requiredNames(LINE_COLS), maxMalformed);
        try {
            this.col = in.columns(null, LINE_COLS);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        this.raw = in::raw;
        this.productCol = col[L_PRODUCT_ID] >= 0 ? col[L_PRODUCT_ID] : col[L_PRODUCT_NAME];

        buyers = new Recoder(orders.staged[PadiOrders.S_BUYER].build("levels").levels(), rows.customers());
        orderIds = new Recoder(orders.orderIds, rows.orders());
        prices = col[L_PRICE] >= 0 ? rows.numeric(TransactionField.UNIT_PRICE) : null;
        for (int s = 1; s < orderOut.length; s++) {
            if (orders.stagedPresent[s]) {
                orderOut[s] = new Recoder(orders.staged[s].build("levels").levels(),
                        rows.categorical(PadiOrders.O_CATEGORICAL_OUT[s]));
            }
        }
        products = productCol >= 0 ? rows.categorical(TransactionField.PRODUCT) : null;
        categories = col[L_CATEGORY] >= 0 ? rows.categorical(TransactionField.CATEGORY) : null;
        subcategories = col[L_SUBCAT1] >= 0 ? rows.categorical(TransactionField.SUBCATEGORY) : null;
        subcategories2 = col[L_SUBCAT2] >= 0 ? rows.categorical(PadiUmkmSource.SUBCATEGORY_2) : null;
        units = col[L_UNIT] >= 0 ? rows.categorical(PadiUmkmSource.UNIT) : null;
        taxes = col[L_PPN] >= 0 ? rows.numeric(TransactionField.TAX) : null;
        for (int a = 0; a < spread.length; a++) {
            spread[a] = orders.amountPresent[a] ? rows.numeric(PadiOrders.O_AMOUNTS_OUT[a]) : null;
        }
        List<String> cities = users.city.build("levels").levels();
        List<String> districts = users.district.build("levels").levels();
        List<String> provinces = users.province.build("levels").levels();
        city = new Recoder(cities, rows.categorical(TransactionField.CITY));
        district = new Recoder(districts, rows.categorical(TransactionField.DISTRICT));
        province = users.hasProvince ? new Recoder(provinces, rows.categorical(TransactionField.REGION)) : null;
        sellerCity = new Recoder(cities, rows.categorical(TransactionField.SELLER_CITY));
        sellerDistrict = new Recoder(districts, rows.categorical(TransactionField.SELLER_DISTRICT));
        sellerProvince = users.hasProvince ? new Recoder(provinces, rows.categorical(TransactionField.SELLER_REGION))
                : null;
    }

    /**
     * Reads every line, then makes the table and its account.
     *
     * @param files the three files, as the account lists them
     */
    SourceData read(ReadTicker ticker, StageContext context, List<String> files) {
        long linesRead;
        List<Rejection> malformedLines;
        try (in) {
            ticker.reading(in);
            while (in.next()) {
                ticker.tick();
                line();
            }
            in.finish();
            malformedLines = in.malformedRows().toRejections();
            // Malformed lines included: those of the wrong width never reached the loop.
            linesRead = in.rows();
        }
        ticker.finished(ticker.ticks());
        if (unknownUserLines > 0) {
            context.info(PadiUmkmSource.NAME + ": " + unknownBuyers.cardinality() + " buyer id(s) and "
                    + unknownSellers.cardinality() + " seller id(s) of kept lines are not in " + files.get(2)
                    + "; their city and district are left missing (" + unknownUserLines + " line(s))");
        }
        long rowsRead = linesRead + orders.rejections.count(PadiUmkmSource.ORDER_ROW_WITHOUT_ID)
                + orders.countOrdersWithoutLines(lineCount) + orders.malformedCount;
        spread();
        // Malformed rows first: they are set aside before any rule is applied.
        List<Rejection> all = new ArrayList<>(malformedLines);
        all.addAll(orders.malformed);
        all.addAll(rejections.toRejections());
        all.addAll(orders.rejections.toRejections());
        return rows.toSourceData(PadiUmkmSource.NAME, files, rowsRead, all,
                Map.of("customers", (long) rows.customers().levelCount(),
                        "sellers", (long) orderOut[PadiOrders.S_SELLER].levelCount(),
                        "orders", (long) rows.orders().levelCount()), duplicates.count());
    }

    private void line() {
        if (!values()) {
            return;
        }
        int o = order(in.line());
        if (o >= 0 && attributable(o, in.line())) {
            if (TransactionTableBuilder.finite(quantity, subtotal)) {
                keep(o);
            } else {
                rejections.reject(PadiUmkmSource.AMOUNT_OVERFLOW, in.line());
            }
        }
    }

    /**
     * Reads the line's numbers first, so that a bad value makes the line malformed whichever rule it would break.
     *
     * @return false when one cannot be read: the line has been counted as malformed
     */
    private boolean values() {
        if (!values.read(raw, col)) {
            in.reject(values.badColumn, values.problem, in.raw(values.badColumn), values.expected);
            return false;
        }
        quantity = values.quantity;
        price = values.price;
        subtotal = values.subtotal;
        tax = values.tax;
        return true;
    }

    /** The line's order, counted with its subtotal; or -1 when it has none or an unknown one (counted). */
    private int order(long line) {
        String id = Values.text(in.raw(col[L_ORDER]));
        if (id == null) {
            rejections.reject(PadiUmkmSource.LINE_WITHOUT_ORDER_ID, line);
            return -1;
        }
        int o = orders.orderIndex.indexOf(id);
        if (o == IdIndex.ABSENT) {
            rejections.reject(PadiUmkmSource.UNKNOWN_ORDER, line);
            return -1;
        }
        lineCount[o]++;
        if (Double.isFinite(subtotal)) { // an overflowing subtotal is rejected; it must not weigh in the spread
            subtotalSum[o] += subtotal;
        }
        return o;
    }

    /** Whether the order has a buyer, a seller and a date; if not, the line is counted by the first one missing. */
    private boolean attributable(int o, long line) {
        if (orders.staged[PadiOrders.S_BUYER].code(o) == CategoricalColumn.MISSING) {
            rejections.reject(PadiUmkmSource.MISSING_BUYER, line);
            return false;
        }
        if (orders.staged[PadiOrders.S_SELLER].code(o) == CategoricalColumn.MISSING) {
            rejections.reject(PadiUmkmSource.MISSING_SELLER, line);
            return false;
        }
        if (orders.time.get(o) == TimestampColumn.MISSING) {
            rejections.reject(PadiUmkmSource.MISSING_DATE, line);
            return false;
        }
        return true;
    }

    /** Adds the current line of order {@code o} as a row. */
    private void keep(int o) {
        int buyer = orders.staged[PadiOrders.S_BUYER].code(o);
        rows.addEncoded(buyers.code(buyer), orderIds.code(o), orders.time.get(o), quantity, subtotal);
        keptOrder.addCode(o);
        for (int s = 1; s < orderOut.length; s++) {
            if (orderOut[s] != null) {
                orderOut[s].add(orders.staged[s].code(o));
            }
        }
        if (prices != null) {
            prices.add(price);
        }
        if (taxes != null) {
            taxes.add(tax);
        }
        String category = optionalText(col[L_CATEGORY]);
        String subcategory = subcategory(col[L_SUBCAT1]);
        String subcategory2 = subcategory(col[L_SUBCAT2]);
        String product = optionalText(productCol);
        String unit = optionalText(col[L_UNIT]);
        add(categories, category);
        add(subcategories, subcategory);
        add(subcategories2, subcategory2);
        add(products, product);
        add(units, unit);
        // The other columns of the row are functions of the order (its fields, buyer, seller and their places, the
        // spread amounts: those also of the subtotal), so these decide equality.
        duplicates.start().field(o).field(quantity).field(subtotal).field(price).field(tax).field(category)
                .field(subcategory).field(subcategory2).field(product).field(unit).end();
        places(o, buyer);
    }

    /** The buyer's and seller's city, district and province (missing when not in df_users). */
    private void places(int o, int buyer) {
        int bu = orders.buyerUser.code(o);
        int su = orders.sellerUser.code(o);
        if (bu == CategoricalColumn.MISSING || su == CategoricalColumn.MISSING) {
            unknownUserLines++;
            if (bu == CategoricalColumn.MISSING) {
                unknownBuyers.set(buyer);
            }
            if (su == CategoricalColumn.MISSING) {
                unknownSellers.set(orders.staged[PadiOrders.S_SELLER].code(o));
            }
        }
        city.add(bu < 0 ? bu : users.city.code(bu));
        district.add(bu < 0 ? bu : users.district.code(bu));
        sellerCity.add(su < 0 ? su : users.city.code(su));
        sellerDistrict.add(su < 0 ? su : users.district.code(su));
        if (province != null) {
            province.add(bu < 0 ? bu : users.province.code(bu));
            sellerProvince.add(su < 0 ? su : users.province.code(su));
        }
    }

    private static void add(DictionaryColumnBuilder column, String value) {
        if (column != null) {
            column.add(value);
        }
    }

    /**
     * Spreads each order-level amount over the order's kept lines in proportion to their subtotals, or equally
     * when those add up to 0; a single line gets the whole amount exactly.
     */
    private void spread() {
        int[] lineOrders = keptOrder.build("orders").codes();
        for (int a = 0; a < spread.length; a++) {
            if (spread[a] == null) {
                continue;
            }
            DoubleColumnBuilder perOrder = orders.amounts[a];
            for (int i = 0; i < lineOrders.length; i++) {
                int o = lineOrders[i];
                double total = perOrder.get(o);
                if (lineCount[o] == 1) {
                    spread[a].add(total);
                } else if (subtotalSum[o] != 0) {
                    spread[a].add(total * (rows.amount(i) / subtotalSum[o]));
                } else {
                    spread[a].add(total / lineCount[o]);
                }
            }
        }
    }

    private String optionalText(int column) {
        return column < 0 ? null : Values.text(in.raw(column));
    }

    /** "subcat 1" and "subcat 2" hold 0 for "none" in the export. */
    private String subcategory(int column) {
        String t = optionalText(column);
        return isNoSubcategory(t) ? null : t;
    }

    /** Whether a subcategory value, as {@link Values#text} reads it, means "none": the export writes 0. */
    public static boolean isNoSubcategory(String text) {
        return "0".equals(text);
    }
}
