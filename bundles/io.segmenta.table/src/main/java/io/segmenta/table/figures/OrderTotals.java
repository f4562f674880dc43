package io.segmenta.table.figures;

import io.segmenta.api.data.TransactionTable;

/**
 * The business figures every report shows of a run's kept transactions, defined once so that the reports agree:
 * the number of distinct orders, the total amount and the average order value.
 *
 * @param orders distinct orders among the kept rows
 * @param totalAmount the sum of the amount of the kept rows
 */
public record OrderTotals(int orders, double totalAmount) {

    /** The totals of {@code transactions}: one pass over the amounts. */
    public static OrderTotals of(TransactionTable transactions) {
        double[] amount = transactions.amount().values();
        double total = 0;
        for (int i = 0; i < transactions.rowCount(); i++) {
            total += amount[i];
        }
        return new OrderTotals(transactions.order().levelCount(), total);
    }

    /** The total amount per order; NaN without orders. */
    public double averageOrderValue() {
        return orders == 0 ? Double.NaN : totalAmount / orders;
    }
}
