package io.segmenta.table.source;

import io.segmenta.api.data.Column;
import io.segmenta.api.data.ColumnType;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import io.segmenta.table.column.LongColumnBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canonical transactions table of a source, built row by row: it owns the five required columns (customer,
 * order, timestamp, quantity, amount; {@link #add}) and the optional ones a source asks for, canonical
 * ({@link #categorical(TransactionField)}, {@link #numeric(TransactionField)}) or its own
 * ({@link #categorical(String)}, {@link #numeric(String)}), which the source fills itself, one value per row.
 * The table has the required columns first, then the others in the order they were asked for. It also keeps the
 * first and last timestamp of the rows. Primitive columns throughout, no object per row; not thread-safe.
 *
 * <p>Only the columns a run reads: built with the run's fields ({@code StageContext.transactionFields()}), the
 * builder of an optional canonical field outside them is a discarding one ({@link DictionaryColumnBuilder#keeps()}
 * false): it hashes and stores nothing, and the table leaves the column out. A source may ask {@link #reads} to skip
 * computing such values at all; columns of the source's own names are always built.
 *
 * <p>Every quantity and amount added must be a finite number: a source computes an amount from values that are
 * finite one by one (quantity x unit price, price + freight, a share of payments), and the result can still
 * overflow to infinity. Such a row would be counted as kept and then silently left out by the feature step, so a
 * source checks {@link #finite(double, double)} before adding and counts the row under
 * {@link #nonFiniteAmount(String)}; {@link #add} refuses a non-finite value, so no source can forget.
 */
public final class TransactionTableBuilder {
    private final int capacity;
    private final Set<TransactionField> fields;
    private final DictionaryColumnBuilder customers;
    private final DictionaryColumnBuilder orders;
    private final LongColumnBuilder timestamps;
    private final DoubleColumnBuilder quantities;
    private final DoubleColumnBuilder amounts;
    private final List<String> names = new ArrayList<>();
    /** Per optional column, its builder: a DictionaryColumnBuilder or a DoubleColumnBuilder. */
    private final List<Object> builders = new ArrayList<>();
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    /** @param capacity the rows expected (the columns grow past it) */
    public TransactionTableBuilder(int capacity) {
        this(capacity, EnumSet.allOf(TransactionField.class));
    }

    /**
     * A builder of the given fields only: the optional canonical columns outside them are discarded.
     *
     * @param capacity the rows expected (the columns grow past it)
     * @param fields the fields the run reads (the required ones are built whatever it holds)
     * @since 1.2
     */
    public TransactionTableBuilder(int capacity, Set<TransactionField> fields) {
        this.capacity = capacity;
        this.fields = fields.isEmpty() ? EnumSet.noneOf(TransactionField.class) : EnumSet.copyOf(fields);
        customers = new DictionaryColumnBuilder(capacity);
        orders = new DictionaryColumnBuilder(capacity);
        timestamps = new LongColumnBuilder(capacity);
        quantities = new DoubleColumnBuilder(capacity);
        amounts = new DoubleColumnBuilder(capacity);
    }

    /**
     * The column of an optional categorical field, added after those asked for before.
     *
     * @throws IllegalArgumentException when the field is required or not categorical, or was asked for already
     */
    public DictionaryColumnBuilder categorical(TransactionField field) {
        return categorical(optional(field, ColumnType.CATEGORICAL));
    }

    /** The column of an optional numeric field; see {@link #categorical(TransactionField)}. */
    public DoubleColumnBuilder numeric(TransactionField field) {
        return numeric(optional(field, ColumnType.NUMERIC));
    }

    /**
     * A categorical column of the source's own, or of a canonical field by its column name: a discarding builder
     * when that field is not read.
     */
    public DictionaryColumnBuilder categorical(String name) {
        if (!reads(name)) {
            return DictionaryColumnBuilder.discarding();
        }
        DictionaryColumnBuilder builder = new DictionaryColumnBuilder(capacity);
        register(name, builder);
        return builder;
    }

    /** A numeric column of the source's own, or of a canonical field by its column name; see above. */
    public DoubleColumnBuilder numeric(String name) {
        if (!reads(name)) {
            return DoubleColumnBuilder.discarding();
        }
        DoubleColumnBuilder builder = new DoubleColumnBuilder(capacity);
        register(name, builder);
        return builder;
    }

    /**
     * The fields the run reads and those a source builds anyway, e.g. because it counts their distinct values in
     * its account (sellers, products).
     *
     * @since 1.2
     */
    public static Set<TransactionField> fields(Set<TransactionField> read, TransactionField... built) {
        EnumSet<TransactionField> all = EnumSet.noneOf(TransactionField.class);
        all.addAll(read);
        all.addAll(List.of(built));
        return all;
    }

    /**
     * Whether the run reads this field: always for a required one.
     *
     * @since 1.2
     */
    public boolean reads(TransactionField field) {
        return field.required() || fields.contains(field);
    }

    /** Whether a column of this name is built: a canonical field the run reads, or a name of the source's own. */
    private boolean reads(String name) {
        for (TransactionField f : TransactionField.values()) {
            if (f.columnName().equals(name)) {
                return reads(f);
            }
        }
        return true;
    }

    private static String optional(TransactionField field, ColumnType type) {
        if (field.required() || field.type() != type) {
            throw new IllegalArgumentException(field.columnName() + " is not an optional " + type + " field");
        }
        return field.columnName();
    }

    private void register(String name, Object builder) {
        if (names.contains(name)) {
            throw new IllegalArgumentException("column " + name + " was asked for twice");
        }
        names.add(name);
        builders.add(builder);
    }

    /**
     * The rejection reason of a row whose amount, computed from finite values, is not a finite number.
     *
     * @param computation how the source computes the amount, e.g. "quantity x unit price"
     */
    public static String nonFiniteAmount(String computation) {
        return "amount is not a finite number (" + computation + " overflows)";
    }

    /** Whether a row's quantity and amount are finite numbers, as {@link #add} requires. */
    public static boolean finite(double quantity, double amount) {
        return Double.isFinite(quantity) && Double.isFinite(amount);
    }

    /**
     * Adds a row's required fields; the source adds its optional columns' values itself.
     *
     * @throws IllegalArgumentException when the quantity or the amount is not finite (the source must have
     *         counted the row under {@link #nonFiniteAmount(String)} instead)
     */
    public void add(String customer, String order, long timestamp, double quantity, double amount) {
        addEncoded(customers.encode(customer), orders.encode(order), timestamp, quantity, amount);
    }

    /**
     * Adds a row's required fields with customer and order already encoded by {@link #customers()} and
     * {@link #orders()} (for sources that map their own codes once per value instead of once per row).
     */
    public void addEncoded(int customer, int order, long timestamp, double quantity, double amount) {
        if (!finite(quantity, amount)) {
            throw new IllegalArgumentException("a row with quantity " + quantity + " and amount " + amount
                    + " must be counted as rejected, not added");
        }
        customers.addCode(customer);
        orders.addCode(order);
        timestamps.add(timestamp);
        quantities.add(quantity);
        amounts.add(amount);
        if (timestamp != TimestampColumn.MISSING) {
            first = Math.min(first, timestamp);
            last = Math.max(last, timestamp);
        }
    }

    /** The customer column so far: its level count is the number of customers. */
    public DictionaryColumnBuilder customers() {
        return customers;
    }

    /** The order column so far: its level count is the number of orders. */
    public DictionaryColumnBuilder orders() {
        return orders;
    }

    /** The amount of a row added. */
    public double amount(int row) {
        return amounts.get(row);
    }

    /** The rows added. */
    public int rowCount() {
        return timestamps.size();
    }

    /** The earliest timestamp of the rows, or {@link TimestampColumn#MISSING} when no row has one. */
    public long firstTimestamp() {
        return first <= last ? first : TimestampColumn.MISSING;
    }

    /** The latest timestamp of the rows, or {@link TimestampColumn#MISSING} when no row has one. */
    public long lastTimestamp() {
        return first <= last ? last : TimestampColumn.MISSING;
    }

    /**
     * The table: the required columns, then the others in the order they were asked for.
     *
     * @throws IllegalArgumentException when a column was not filled for every row
     */
    public TransactionTable build() {
        List<Column> columns = new ArrayList<>(5 + names.size());
        columns.add(customers.build(TransactionField.CUSTOMER.columnName()));
        columns.add(orders.build(TransactionField.ORDER.columnName()));
        columns.add(timestamps.build(TransactionField.TIMESTAMP.columnName()));
        columns.add(quantities.build(TransactionField.QUANTITY.columnName()));
        columns.add(amounts.build(TransactionField.AMOUNT.columnName()));
        for (int c = 0; c < names.size(); c++) {
            Object builder = builders.get(c);
            columns.add(builder instanceof DictionaryColumnBuilder d ? d.build(names.get(c))
                    : ((DoubleColumnBuilder) builder).build(names.get(c)));
        }
        return new TransactionTable(columns);
    }

    /**
     * The table with its data-quality account: rows kept are the table's rows, and the first and last timestamps
     * are those of the rows.
     *
     * @param source the source's name
     * @param inputs the files read
     * @param rejections the rejected rows by reason (malformed ones first, then by rule)
     * @param duplicates kept rows that repeat an earlier kept row
     */
    public SourceData toSourceData(String source, List<String> inputs, long rowsRead, List<Rejection> rejections,
            Map<String, Long> entityCounts, long duplicates) {
        TransactionTable table = build();
        DataQuality quality = new DataQuality(source, inputs, rowsRead, table.rowCount(), rejections,
                firstTimestamp(), lastTimestamp(), entityCounts, duplicates);
        return new SourceData(table, quality);
    }
}
