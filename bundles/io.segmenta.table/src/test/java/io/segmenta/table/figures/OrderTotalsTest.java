package io.segmenta.table.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTotalsTest {
    private static TransactionTable table(int[] orders, List<String> orderIds, double[] amounts) {
        int n = amounts.length;
        return new TransactionTable(List.of(
                new CategoricalColumn("customer", new int[n], List.of("c")),
                new CategoricalColumn("order", orders, orderIds),
                new TimestampColumn("timestamp", new long[n]),
                new NumericColumn("quantity", new double[n]),
                new NumericColumn("amount", amounts)));
    }

    @Test
    void ordersAreDistinctOrderIdsAndTheAverageIsPerOrderNotPerRow() {
        OrderTotals t = OrderTotals.of(table(new int[] {0, 0, 1}, List.of("o1", "o2"), new double[] {10, 20, 30}));
        assertEquals(2, t.orders());
        assertEquals(60, t.totalAmount());
        assertEquals(30, t.averageOrderValue());
    }

    @Test
    void withoutOrdersTheAverageIsUndefined() {
        OrderTotals t = OrderTotals.of(table(new int[0], List.of(), new double[0]));
        assertEquals(0, t.orders());
        assertEquals(0, t.totalAmount());
        assertTrue(Double.isNaN(t.averageOrderValue()));
    }
}
