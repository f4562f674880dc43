package io.segmenta.table.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.pipeline.BusinessFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionFiguresTest {
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
        BusinessFigures f = TransactionFigures.of(table(new int[] {0, 0, 1}, List.of("o1", "o2"),
                new double[] {10, 20, 30}));
        assertEquals(2, f.orders());
        assertEquals(60, f.totalAmount());
        assertEquals(30, f.averageOrderValue());
        assertTrue(f.levels(TransactionField.REGION).isEmpty(), "no region column, no breakdown");
    }

    @Test
    void withoutOrdersTheAverageIsUndefined() {
        BusinessFigures f = TransactionFigures.of(table(new int[0], List.of(), new double[0]));
        assertEquals(0, f.orders());
        assertEquals(0, f.totalAmount());
        assertTrue(Double.isNaN(f.averageOrderValue()));
    }

    @Test
    void noTransactionsGiveTheSameFiguresAsNone() {
        assertEquals(BusinessFigures.none(), TransactionFigures.of(table(new int[0], List.of(), new double[0])));
    }

    @Test
    void levelsByTheirAmountLargestFirstMissingLeftOutTiesInLevelOrderAndTopCapped() {
        CategoricalColumn region = new CategoricalColumn("region",
                new int[] {0, 1, 2, 1, CategoricalColumn.MISSING, 2, 2, 3}, List.of("UK", "DE", "FR", "NL"));
        double[] amount = {10, 5, 1, 30, 1000, 2, 3, 10};
        List<BusinessFigures.LevelAmount> all = TransactionFigures.levelsByAmount(region, amount);
        assertEquals(List.of(new BusinessFigures.LevelAmount("DE", 35, 2), new BusinessFigures.LevelAmount("UK", 10, 1),
                new BusinessFigures.LevelAmount("NL", 10, 1), new BusinessFigures.LevelAmount("FR", 6, 3)), all);

        BusinessFigures f = new BusinessFigures(3, 1061, java.util.Map.of(TransactionField.REGION, all));
        assertEquals(List.of("DE", "UK"), f.top(TransactionField.REGION, 2).stream()
                .map(BusinessFigures.LevelAmount::level).toList());
        assertEquals(4, f.levels(TransactionField.REGION).orElseThrow().size());
    }
}
