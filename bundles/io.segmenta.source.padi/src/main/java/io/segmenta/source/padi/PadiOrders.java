package io.segmenta.source.padi;

import io.segmenta.api.InputDataException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.column.LongColumnBuilder;
import io.segmenta.table.input.IdIndex;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.source.CsvTable;
import io.segmenta.table.source.HeaderColumn;
import io.segmenta.table.source.ReadTicker;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * df_order (one row per order line, the order-level fields repeated), read into staging columns indexed by order,
 * in order of first appearance: buyer, seller, status and the other order-level categorical fields as dictionary
 * codes, the order-level amounts, the date, and the buyer's and seller's df_users rows. Later rows of an order must
 * repeat what decides what is counted for whom ({@link #checkRepeat}).
 */
public final class PadiOrders {
    // df_order: one row per order line, order-level fields repeated.
    public static final HeaderColumn[] ORDER_COLS = {
        HeaderColumn.required("order_id", "orders_id", "id_order", "id"), // "_id" is "id" once underscores go
        HeaderColumn.required("buyer_id", "id_buyer", "buyer"),
        HeaderColumn.required("seller_id", "id_seller", "seller"),
        HeaderColumn.required("order_date", "date", "created_at"),
        HeaderColumn.required("status", "order_status"),
        HeaderColumn.optional("seller_category"),
        HeaderColumn.optional("payment_type"),
        HeaderColumn.optional("payment_method"),
        HeaderColumn.optional("voucher_code"),
        HeaderColumn.optional("product_type"),
        HeaderColumn.optional("voucher_val", "voucher_value"),
        HeaderColumn.optional("gmv", "total_gmv"),
        HeaderColumn.optional("revenue", "platform_revenue", "commission"),
    };
    public static final int O_ID = 0;
    public static final int O_BUYER = 1;
    public static final int O_SELLER = 2;
    public static final int O_DATE = 3;
    public static final int O_STATUS = 4;
    /** The order-level categorical columns, staged per order, and the output field each becomes. */
    public static final int[] O_CATEGORICAL = {O_BUYER, O_SELLER, O_STATUS, 5, 6, 7, 8, 9};
    public static final TransactionField[] O_CATEGORICAL_OUT = {
        TransactionField.CUSTOMER, TransactionField.SELLER, TransactionField.STATUS, TransactionField.SELLER_CATEGORY,
        TransactionField.PAYMENT_TYPE, TransactionField.PAYMENT_METHOD, TransactionField.VOUCHER_CODE,
        TransactionField.PRODUCT_TYPE,
    };
    public static final int S_BUYER = 0;
    public static final int S_SELLER = 1;
    private static final int S_STATUS = 2;
    /** The staged columns a later row of an order must repeat: the first ones of {@link #O_CATEGORICAL}. */
    private static final int[] CHECKED = {S_BUYER, S_SELLER, S_STATUS};
    /** Order-level amounts in whole Rupiah, spread over the order's lines, and the output field each becomes. */
    public static final int[] O_AMOUNTS = {10, 11, 12};
    public static final TransactionField[] O_AMOUNTS_OUT = {
        TransactionField.VOUCHER_VALUE, TransactionField.GMV, TransactionField.PLATFORM_REVENUE,
    };

    final IdIndex orderIndex = new IdIndex();
    final List<String> orderIds = new ArrayList<>();
    final DictionaryColumnBuilder[] staged = new DictionaryColumnBuilder[O_CATEGORICAL.length];
    final boolean[] stagedPresent = new boolean[O_CATEGORICAL.length];
    final DoubleColumnBuilder[] amounts = new DoubleColumnBuilder[O_AMOUNTS.length];
    final boolean[] amountPresent = new boolean[O_AMOUNTS.length];
    final LongColumnBuilder time = new LongColumnBuilder(PadiUmkmSource.BUFFER);
    private final LongColumnBuilder firstLine = new LongColumnBuilder(PadiUmkmSource.BUFFER);
    final DictionaryColumnBuilder buyerUser = new DictionaryColumnBuilder(PadiUmkmSource.BUFFER);
    final DictionaryColumnBuilder sellerUser = new DictionaryColumnBuilder(PadiUmkmSource.BUFFER);
    // Each df_order row with an order id: its order and line, to count the rows of orders without lines.
    private final DictionaryColumnBuilder rowOrder = new DictionaryColumnBuilder(PadiUmkmSource.BUFFER);
    private final LongColumnBuilder rowLine = new LongColumnBuilder(PadiUmkmSource.BUFFER);
    final RejectionCounter rejections;
    List<Rejection> malformed = List.of();
    long malformedCount;

    private final OrderValues values = new OrderValues();
    /** The current row's staged codes and amounts. */
    private final int[] codes = new int[O_CATEGORICAL.length];

    PadiOrders(Path path) {
        for (int s = 0; s < staged.length; s++) {
            staged[s] = new DictionaryColumnBuilder(PadiUmkmSource.BUFFER);
        }
        for (int a = 0; a < amounts.length; a++) {
            amounts[a] = new DoubleColumnBuilder(PadiUmkmSource.BUFFER);
        }
        // Registered in the order the rules apply, so that all show, with 0 when nothing broke them.
        rejections = new RejectionCounter(path.toString()).register(PadiUmkmSource.ORDER_ROW_WITHOUT_ID)
                .register(PadiUmkmSource.ORDER_WITHOUT_LINES);
    }

    void read(Path path, PadiUsers users, ReadTicker ticker, double maxMalformed, Charset encoding) {
        try (CsvTable in = CsvTable.open(path, encoding, "a CSV header with " + HeaderColumn.requiredNames(ORDER_COLS),
                maxMalformed)) {
            ticker.reading(in);
            int[] col = in.columns(null, ORDER_COLS);
            for (int s = 0; s < O_CATEGORICAL.length; s++) {
                stagedPresent[s] = col[O_CATEGORICAL[s]] >= 0;
            }
            for (int a = 0; a < O_AMOUNTS.length; a++) {
                amountPresent[a] = col[O_AMOUNTS[a]] >= 0;
            }
            while (in.next()) {
                ticker.tick();
                row(in, col, users);
            }
            in.finish();
            malformed = in.malformedRows().toRejections();
            malformedCount = in.malformedRows().count();
        }
    }

    private void row(CsvTable in, int[] col, PadiUsers users) {
        long line = in.line();
        int read = values.read(in::raw, col);
        if (read == OrderValues.NO_ID) {
            rejections.reject(PadiUmkmSource.ORDER_ROW_WITHOUT_ID, line);
            return;
        }
        if (read == OrderValues.MALFORMED) {
            in.reject(values.badColumn, values.problem, in.raw(values.badColumn), values.expected);
            return;
        }
        String id = values.id;
        long t = values.time;
        double[] rowAmounts = values.amounts;
        int known = orderIndex.indexOf(id);
        // A repeat row needs only the fields it is checked on (most rows are repeats: one per line).
        int stagedToRead = known == IdIndex.ABSENT ? O_CATEGORICAL.length : CHECKED.length;
        for (int s = 0; s < stagedToRead; s++) {
            codes[s] = stagedPresent[s] ? staged[s].encode(Values.text(in.raw(col[O_CATEGORICAL[s]])))
                    : CategoricalColumn.MISSING;
        }
        int o;
        if (known == IdIndex.ABSENT) {
            o = orderIndex.add(id);
            orderIds.add(id);
            for (int s = 0; s < O_CATEGORICAL.length; s++) {
                staged[s].addCode(codes[s]);
            }
            for (int a = 0; a < O_AMOUNTS.length; a++) {
                amounts[a].add(rowAmounts[a]);
            }
            time.add(t);
            firstLine.add(line);
            buyerUser.addCode(users.user(Values.text(in.raw(col[O_BUYER]))));
            sellerUser.addCode(users.user(Values.text(in.raw(col[O_SELLER]))));
        } else {
            o = known;
            checkRepeat(in, col, o, t);
        }
        rowOrder.addCode(o);
        rowLine.add(line);
    }

    /**
     * A later row of an order must repeat the fields that decide what is counted for whom: buyer, seller, status,
     * date and the order-level amounts. Other fields (payment, product type, voucher code) come from the order's
     * first row.
     */
    private void checkRepeat(CsvTable in, int[] col, int o, long t) {
        for (int s : CHECKED) {
            if (codes[s] != staged[s].code(o)) {
                throw repeat(in, col[O_CATEGORICAL[s]], o);
            }
        }
        if (t != time.get(o)) {
            throw repeat(in, col[O_DATE], o);
        }
        for (int a = 0; a < O_AMOUNTS.length; a++) {
            if (Double.compare(values.amounts[a], amounts[a].get(o)) != 0) {
                throw repeat(in, col[O_AMOUNTS[a]], o);
            }
        }
    }

    private InputDataException repeat(CsvTable in, int column, int o) {
        return new InputDataException(in.file(), in.line(), in.columnName(column), in.raw(column),
                "the value on line " + firstLine.get(o) + ", the first row of order " + orderIds.get(o)
                + " (order-level fields must repeat unchanged on every row of an order)");
    }

    /** Counts, in file order, every df_order row whose order has no line; returns how many. */
    long countOrdersWithoutLines(int[] lineCount) {
        long count = 0;
        for (int i = 0; i < rowOrder.size(); i++) {
            if (lineCount[rowOrder.code(i)] == 0) {
                rejections.reject(PadiUmkmSource.ORDER_WITHOUT_LINES, rowLine.get(i));
                count++;
            }
        }
        return count;
    }
}
