package io.segmenta.feature.rfm;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a transactions table by hand, one order line at a time, dictionary-encoding as a source would. */
final class Transactions {
    private final Map<String, Integer> customers = new LinkedHashMap<>();
    private final Map<String, Integer> orders = new LinkedHashMap<>();
    private final List<int[]> codes = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final List<Double> amounts = new ArrayList<>();

    /** Registers customer codes in this order before any line, e.g. to leave some without lines. */
    Transactions customers(String... ids) {
        for (String id : ids) {
            code(customers, id);
        }
        return this;
    }

    /**
     * Adds a line.
     *
     * @param customer the customer id, or null for a missing customer
     * @param order the order id, or null for a missing order
     * @param time an ISO local date-time such as 2011-12-09T12:50, or null for a missing timestamp
     * @param amount the line's amount
     */
    Transactions line(String customer, String order, String time, double amount) {
        codes.add(new int[] {code(customers, customer), code(orders, order)});
        times.add(time == null ? TimestampColumn.MISSING : TimestampColumn.toEpochSeconds(LocalDateTime.parse(time)));
        amounts.add(amount);
        return this;
    }

    TransactionTable table() {
        int n = codes.size();
        int[] cust = new int[n];
        int[] ord = new int[n];
        long[] time = new long[n];
        double[] amount = new double[n];
        double[] quantity = new double[n];
        for (int i = 0; i < n; i++) {
            cust[i] = codes.get(i)[0];
            ord[i] = codes.get(i)[1];
            time[i] = times.get(i);
            amount[i] = amounts.get(i);
            quantity[i] = 1;
        }
        return new TransactionTable(List.of(
                new CategoricalColumn(TransactionField.CUSTOMER.columnName(), cust, List.copyOf(customers.keySet())),
                new CategoricalColumn(TransactionField.ORDER.columnName(), ord, List.copyOf(orders.keySet())),
                new TimestampColumn(TransactionField.TIMESTAMP.columnName(), time),
                new NumericColumn(TransactionField.QUANTITY.columnName(), quantity),
                new NumericColumn(TransactionField.AMOUNT.columnName(), amount)));
    }

    private static int code(Map<String, Integer> dictionary, String value) {
        return value == null ? CategoricalColumn.MISSING : dictionary.computeIfAbsent(value, v -> dictionary.size());
    }
}
