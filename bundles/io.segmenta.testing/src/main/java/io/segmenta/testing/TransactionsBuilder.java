package io.segmenta.testing;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Column;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a transactions table by hand, one order line at a time, dictionary-encoding categorical values in
 * the order they are first seen, as a source does. The five required columns come from {@link #line}; any
 * other column (canonical or extra) is added by the first {@link #set} or {@link #categorical}/{@link
 * #numeric} that names it, and lines that do not set it hold a missing value ({@link CategoricalColumn#MISSING}
 * or NaN). Columns appear in the table in the order they were first named, after the required five.
 *
 * <pre>
 * TransactionTable t = new TransactionsBuilder()
 *         .line("A", "o1", "2023-02-02T10:15", 100).set("seller", "S1").set("gmv", 110)
 *         .line("B", "o2", "2023-02-03T00:00", 50).set("seller", "S2")
 *         .table();
 * </pre>
 * For tests only: it boxes every value and is not meant for large tables.
 */
public final class TransactionsBuilder {
    private final Map<String, Integer> customers = new LinkedHashMap<>();
    private final Map<String, Integer> orders = new LinkedHashMap<>();
    private final List<Integer> customerCodes = new ArrayList<>();
    private final List<Integer> orderCodes = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final List<Double> amounts = new ArrayList<>();
    private final List<Double> quantities = new ArrayList<>();
    /** Optional columns by name: a {@link Categorical} or a {@link Numeric}. */
    private final Map<String, Object> extra = new LinkedHashMap<>();

    private static final class Categorical {
        final Map<String, Integer> levels = new LinkedHashMap<>();
        final Map<Integer, Integer> codeByRow = new LinkedHashMap<>();
    }

    private static final class Numeric {
        final Map<Integer, Double> valueByRow = new LinkedHashMap<>();
    }

    /** Registers customer codes in this order before any line, e.g. to leave some without lines. */
    public TransactionsBuilder customers(String... ids) {
        for (String id : ids) {
            code(customers, id);
        }
        return this;
    }

    /**
     * Registers levels of a categorical column in this order before they are used (declaring the column),
     * e.g. to give a dictionary values no line has.
     */
    public TransactionsBuilder levels(String column, String... values) {
        Categorical c = categoricalColumn(column);
        for (String v : values) {
            code(c.levels, v);
        }
        return this;
    }

    /**
     * Adds a line with quantity 1.
     *
     * @param customer the customer id, or null for a missing customer
     * @param order the order id, or null for a missing order
     * @param time an ISO local date-time such as 2011-12-09T12:50, or null for a missing timestamp
     * @param amount the line's amount
     */
    public TransactionsBuilder line(String customer, String order, String time, double amount) {
        customerCodes.add(code(customers, customer));
        orderCodes.add(code(orders, order));
        times.add(time == null ? TimestampColumn.MISSING : TimestampColumn.toEpochSeconds(LocalDateTime.parse(time)));
        amounts.add(amount);
        quantities.add(1.0);
        return this;
    }

    /** Sets the quantity of the last line (1 unless set). */
    public TransactionsBuilder quantity(double quantity) {
        quantities.set(lastRow(), quantity);
        return this;
    }

    /** Sets a categorical column of the last line; null means missing. */
    public TransactionsBuilder set(String column, String value) {
        int row = lastRow();
        Categorical c = categoricalColumn(column);
        c.codeByRow.put(row, code(c.levels, value));
        return this;
    }

    /** Sets a numeric column of the last line. */
    public TransactionsBuilder set(String column, double value) {
        int row = lastRow();
        numericColumn(column).valueByRow.put(row, value);
        return this;
    }

    /** Declares a categorical column (all missing unless lines set it). */
    public TransactionsBuilder categorical(String column) {
        categoricalColumn(column);
        return this;
    }

    /** Declares a numeric column (all NaN unless lines set it). */
    public TransactionsBuilder numeric(String column) {
        numericColumn(column);
        return this;
    }

    /** The table of the lines added so far. */
    public TransactionTable table() {
        int n = customerCodes.size();
        int[] cust = new int[n];
        int[] ord = new int[n];
        long[] time = new long[n];
        double[] amount = new double[n];
        double[] quantity = new double[n];
        for (int i = 0; i < n; i++) {
            cust[i] = customerCodes.get(i);
            ord[i] = orderCodes.get(i);
            time[i] = times.get(i);
            amount[i] = amounts.get(i);
            quantity[i] = quantities.get(i);
        }
        List<Column> columns = new ArrayList<>(List.of(
                new CategoricalColumn(TransactionField.CUSTOMER.columnName(), cust, List.copyOf(customers.keySet())),
                new CategoricalColumn(TransactionField.ORDER.columnName(), ord, List.copyOf(orders.keySet())),
                new TimestampColumn(TransactionField.TIMESTAMP.columnName(), time),
                new NumericColumn(TransactionField.QUANTITY.columnName(), quantity),
                new NumericColumn(TransactionField.AMOUNT.columnName(), amount)));
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            if (e.getValue() instanceof Categorical c) {
                int[] codes = new int[n];
                Arrays.fill(codes, CategoricalColumn.MISSING);
                c.codeByRow.forEach((row, code) -> codes[row] = code);
                columns.add(new CategoricalColumn(e.getKey(), codes, List.copyOf(c.levels.keySet())));
            } else {
                double[] values = new double[n];
                Arrays.fill(values, Double.NaN);
                ((Numeric) e.getValue()).valueByRow.forEach((row, v) -> values[row] = v);
                columns.add(new NumericColumn(e.getKey(), values));
            }
        }
        return new TransactionTable(columns);
    }

    private int lastRow() {
        if (customerCodes.isEmpty()) {
            throw new IllegalStateException("add a line first");
        }
        return customerCodes.size() - 1;
    }

    private Categorical categoricalColumn(String column) {
        Object c = extra.computeIfAbsent(requireOptional(column), k -> new Categorical());
        if (!(c instanceof Categorical categorical)) {
            throw new IllegalArgumentException(column + " is a numeric column");
        }
        return categorical;
    }

    private Numeric numericColumn(String column) {
        Object c = extra.computeIfAbsent(requireOptional(column), k -> new Numeric());
        if (!(c instanceof Numeric numeric)) {
            throw new IllegalArgumentException(column + " is a categorical column");
        }
        return numeric;
    }

    private static String requireOptional(String column) {
        for (TransactionField f : TransactionField.values()) {
            if (f.required() && f.columnName().equals(column)) {
                throw new IllegalArgumentException(column + " is set by line(...)");
            }
        }
        return column;
    }

    private static int code(Map<String, Integer> dictionary, String value) {
        return value == null ? CategoricalColumn.MISSING : dictionary.computeIfAbsent(value, v -> dictionary.size());
    }
}
