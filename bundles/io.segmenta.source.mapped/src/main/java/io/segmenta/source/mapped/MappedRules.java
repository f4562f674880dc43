package io.segmenta.source.mapped;

import io.segmenta.api.data.TimestampColumn;
import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.Keys;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.source.DateCache;
import io.segmenta.table.source.TransactionTableBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that judge one row of a mapped export, in the order docs/sources/mapped-csv.md gives them, shared by
 * the single-machine read and the Spark back-end so that both judge every row alike: first the values that cannot
 * be read ({@link #read}: the row is malformed, whichever rule it would break), then the enabled rules that drop a
 * row, then the amount overflow ({@link #judge}). Public for the Spark back-end, which judges rows with them on a
 * plain class path (the package is not exported: no bundle or module sees it). Not thread-safe: one per read or
 * task.
 */
public final class MappedRules {
    public static final int KEEP = 0;
    /** Malformed: the order key is empty (field.order is mapped). */
    public static final int EMPTY_ORDER = 1;
    /** Malformed: the timestamp is not a date-time of the mapping's format. */
    public static final int BAD_TIME = 2;
    /** Malformed: a number cannot be read ({@link #badSlot()} says which). */
    public static final int BAD_NUMBER = 3;
    /** The first outcome that drops a row by rule. */
    public static final int FIRST_RULE = 4;
    private static final int MISSING_CUSTOMER = 4;
    private static final int ORDER_PREFIX = 5;
    private static final int NON_POSITIVE_QUANTITY = 6;
    private static final int NON_POSITIVE_AMOUNT = 7;
    private static final int AMOUNT_OVERFLOW = 8;

    /** The fields of one row, by column index. */
    @FunctionalInterface
    public interface Fields {
        String get(int column);
    }

    private final Mapping mapping;
    private final MappedColumns columns;
    private final DateCache dates;
    private final String orderPrefixReason;
    /** The numbers of the current row, by slot. */
    private final double[] values;
    private int badSlot = -1;
    private long time;
    private String rawCustomer;
    private String order;
    private double quantity;
    private double amount;
    // one-entry cache: consecutive lines of an order share the customer
    private String lastRawCustomer;
    private String lastCustomer;

    public MappedRules(Mapping mapping, MappedColumns columns) {
        this.mapping = mapping;
        this.columns = columns;
        this.dates = new DateCache(text -> DateTimes.parse(text.strip(), mapping.timestampFormat,
                mapping.timestampHasTime));
        this.orderPrefixReason = mapping.dropOrderPrefix == null ? null
                : MappedCsvSource.orderPrefixReason(mapping.dropOrderPrefix);
        this.values = new double[columns.numCols.length];
    }

    /** The rules every account lists, in the order they apply (each with 0 when nothing broke it). */
    public List<String> registered() {
        List<String> reasons = new ArrayList<>();
        if (mapping.dropMissingCustomer) {
            reasons.add(MappedCsvSource.MISSING_CUSTOMER);
        }
        if (orderPrefixReason != null) {
            reasons.add(orderPrefixReason);
        }
        if (mapping.dropNonPositiveQuantity) {
            reasons.add(MappedCsvSource.NON_POSITIVE_QUANTITY);
        }
        if (mapping.dropNonPositiveAmount) {
            reasons.add(MappedCsvSource.NON_POSITIVE_AMOUNT);
        }
        return reasons;
    }

    /**
     * Reads the row's order key, time and numbers, so that a bad value makes the row malformed whichever rule it
     * would break.
     *
     * @return {@link #KEEP} when every value could be read, else {@link #EMPTY_ORDER}, {@link #BAD_TIME} or
     *         {@link #BAD_NUMBER}
     */
    public int read(Fields row) {
        if (columns.order >= 0 && row.get(columns.order).isBlank()) {
            return EMPTY_ORDER;
        }
        time = columns.time >= 0 ? dates.parse(row.get(columns.time)) : TimestampColumn.MISSING;
        if (columns.time >= 0 && time == DateTimes.BAD) {
            return BAD_TIME;
        }
        badSlot = -1;
        for (int s = 0; s < values.length; s++) {
            String text = row.get(columns.numCols[s]);
            values[s] = Decimals.parse(text, mapping.decimal, mapping.thousands);
            if (Double.isNaN(values[s]) && (columns.numRequired[s] || !text.isBlank())) {
                badSlot = s;
                return BAD_NUMBER;
            }
        }
        return KEEP;
    }

    /**
     * The rule a row whose values {@link #read} could read breaks, or {@link #KEEP}; the row's customer, order,
     * quantity and amount are then {@link #customer()}, {@link #order()}, {@link #quantity()}, {@link #amount()}.
     */
    public int judge(Fields row) {
        rawCustomer = row.get(columns.customer).strip();
        order = columns.order >= 0 ? row.get(columns.order).strip() : null;
        quantity = columns.quantitySlot >= 0 ? values[columns.quantitySlot] : 1.0;
        amount = columns.amountSlot >= 0 ? values[columns.amountSlot] : quantity * values[columns.priceSlot];
        if (mapping.dropMissingCustomer && rawCustomer.isEmpty()) {
            return MISSING_CUSTOMER;
        } else if (orderPrefixReason != null && order.startsWith(mapping.dropOrderPrefix)) {
            return ORDER_PREFIX;
        } else if (mapping.dropNonPositiveQuantity && !(quantity > 0)) {
            return NON_POSITIVE_QUANTITY;
        } else if (mapping.dropNonPositiveAmount && !(amount > 0)) {
            return NON_POSITIVE_AMOUNT;
        } else if (!TransactionTableBuilder.finite(quantity, amount)) {
            return AMOUNT_OVERFLOW;
        }
        return KEEP;
    }

    /** The reason of a malformed or rule outcome, as the account lists it. */
    public String reason(int outcome) {
        return switch (outcome) {
            case EMPTY_ORDER -> MalformedRows.reason(columns.orderName, "is empty");
            case BAD_TIME -> MalformedRows.reason(columns.timeName, "is not a date-time");
            case BAD_NUMBER -> MalformedRows.reason(columns.numHeaders[badSlot], "is not a number");
            case MISSING_CUSTOMER -> MappedCsvSource.MISSING_CUSTOMER;
            case ORDER_PREFIX -> orderPrefixReason;
            case NON_POSITIVE_QUANTITY -> MappedCsvSource.NON_POSITIVE_QUANTITY;
            case NON_POSITIVE_AMOUNT -> MappedCsvSource.NON_POSITIVE_AMOUNT;
            case AMOUNT_OVERFLOW -> MappedCsvSource.AMOUNT_OVERFLOW;
            default -> throw new IllegalArgumentException("not a rejecting outcome: " + outcome);
        };
    }

    /** The slot of the number {@link #read} could not read. */
    public int badSlot() {
        return badSlot;
    }

    /** The number in slot {@code s} of the row last read (NaN for an optional value left empty). */
    public double value(int slot) {
        return values[slot];
    }

    /** The timestamp of the row last read, or {@link TimestampColumn#MISSING} without a mapped timestamp. */
    public long time() {
        return time;
    }

    /** The customer key of the row last judged ({@code clean.customer-strip-decimal-zero} applied). */
    public String customer() {
        if (!rawCustomer.equals(lastRawCustomer)) {
            lastRawCustomer = rawCustomer;
            lastCustomer = mapping.customerStripDecimalZero ? Keys.stripDecimalZero(rawCustomer) : rawCustomer;
        }
        return lastCustomer;
    }

    /** The order key of the row last judged, or null when no order is mapped. */
    public String order() {
        return order;
    }

    public double quantity() {
        return quantity;
    }

    public double amount() {
        return amount;
    }
}
