package io.segmenta.table.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.table.column.DictionaryColumnBuilder;
import io.segmenta.table.column.DoubleColumnBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transactions table keyed by TransactionField: column order, timestamps, the account. */
class TransactionTableBuilderTest {

    @Test
    void requiredColumnsFirstThenTheOthersInTheOrderAskedFor() {
        TransactionTableBuilder rows = new TransactionTableBuilder(4);
        DictionaryColumnBuilder region = rows.categorical(TransactionField.REGION);
        DoubleColumnBuilder price = rows.numeric(TransactionField.UNIT_PRICE);
        DictionaryColumnBuilder unit = rows.categorical("unit");
        rows.add("c1", "o1", 100, 2, 5.0);
        region.add("UK");
        price.add(2.5);
        unit.add("pcs");
        rows.add("c2", "o2", 50, 1, 3.0);
        region.add("FR");
        price.add(3.0);
        unit.add(null);

        TransactionTable table = rows.build();
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "region", "unit_price", "unit"),
                List.copyOf(table.columns().keySet()));
        assertEquals(2, table.rowCount());
        assertEquals(List.of("c1", "c2"), table.customer().levels());
        assertArrayEquals(new double[] {5.0, 3.0}, table.amount().values());
        assertEquals(3.0, rows.amount(1));
        assertEquals(50, rows.firstTimestamp());
        assertEquals(100, rows.lastTimestamp());
    }

    @Test
    void optionalFieldsTheRunDoesNotReadAreDiscardedAndOwnColumnsKept() {
        TransactionTableBuilder rows = new TransactionTableBuilder(4, EnumSet.of(TransactionField.REGION));
        DictionaryColumnBuilder region = rows.categorical(TransactionField.REGION);
        DoubleColumnBuilder price = rows.numeric(TransactionField.UNIT_PRICE);
        DictionaryColumnBuilder product = rows.categorical("product");
        DictionaryColumnBuilder unit = rows.categorical("unit");
        assertTrue(region.keeps());
        assertFalse(price.keeps());
        assertFalse(product.keeps(), "a canonical field by its column name");
        assertTrue(unit.keeps(), "a column of the source's own");
        assertTrue(rows.reads(TransactionField.CUSTOMER));
        assertFalse(rows.reads(TransactionField.PRODUCT));
        rows.add("c1", "o1", 100, 2, 5.0);
        region.add("UK");
        price.add(2.5);
        product.add("P1");
        unit.add("pcs");

        TransactionTable table = rows.build();
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "region", "unit"),
                List.copyOf(table.columns().keySet()));
        assertEquals(0, product.levelCount());
        assertEquals(0, price.size());
        assertThrows(IllegalStateException.class, () -> price.build("unit_price"));
    }

    @Test
    void missingTimestampsAreLeftOutOfTheRangeAndNoTimesGiveMissing() {
        TransactionTableBuilder rows = new TransactionTableBuilder(4);
        assertEquals(TimestampColumn.MISSING, rows.firstTimestamp());
        rows.add("c1", "o1", TimestampColumn.MISSING, 1, 1);
        assertEquals(TimestampColumn.MISSING, rows.firstTimestamp());
        assertEquals(TimestampColumn.MISSING, rows.lastTimestamp());
        rows.add("c1", "o2", 7, 1, 1);
        assertEquals(7, rows.firstTimestamp());
        assertEquals(7, rows.lastTimestamp());
    }

    @Test
    void encodedRowsShareTheDictionaries() {
        TransactionTableBuilder rows = new TransactionTableBuilder(4);
        int c = rows.customers().encode("c9");
        int o = rows.orders().encode("o9");
        rows.addEncoded(c, o, 1, 1, 2);
        rows.add("c9", "o10", 2, 1, 2);
        assertEquals(1, rows.customers().levelCount());
        assertEquals(2, rows.orders().levelCount());
        assertEquals(2, rows.rowCount());
    }

    @Test
    void refusesRequiredOrMistypedFieldsAndAColumnAskedForTwice() {
        TransactionTableBuilder rows = new TransactionTableBuilder(4);
        assertThrows(IllegalArgumentException.class, () -> rows.categorical(TransactionField.CUSTOMER));
        assertThrows(IllegalArgumentException.class, () -> rows.numeric(TransactionField.REGION));
        assertThrows(IllegalArgumentException.class, () -> rows.categorical(TransactionField.UNIT_PRICE));
        rows.categorical(TransactionField.REGION);
        assertThrows(IllegalArgumentException.class, () -> rows.categorical("region"));
    }

    @Test
    void aColumnNotFilledForEveryRowFailsTheBuild() {
        TransactionTableBuilder rows = new TransactionTableBuilder(4);
        rows.numeric(TransactionField.UNIT_PRICE);
        rows.add("c1", "o1", 1, 1, 1);
        assertThrows(IllegalArgumentException.class, rows::build);
    }

    @Test
    void theAccountHasTheTableRowsAndTimestamps() {
        TransactionTableBuilder rows = new TransactionTableBuilder(4);
        rows.add("c1", "o1", 10, 1, 1);
        rows.add("c2", "o1", 20, 1, 1);
        List<Rejection> rejected = List.of(new Rejection("quantity <= 0", 1, "in.csv", List.of(4L)));
        SourceData data = rows.toSourceData("test", List.of("in.csv"), 3, rejected, Map.of("customers", 2L), 1);
        DataQuality q = data.quality();
        assertEquals("test", q.source());
        assertEquals(List.of("in.csv"), q.inputs());
        assertEquals(3, q.rowsRead());
        assertEquals(2, q.rowsKept());
        assertEquals(rejected, q.rejections());
        assertEquals(10, q.firstTimestamp());
        assertEquals(20, q.lastTimestamp());
        assertEquals(Map.of("customers", 2L), q.entityCounts());
        assertEquals(1, q.duplicateRows());
        assertEquals(2, data.transactions().rowCount());
    }

    @Test
    void refusesAnAmountOrQuantityThatIsNotFiniteSoNoSourceCanKeepSuchARow() {
        TransactionTableBuilder rows = new TransactionTableBuilder(4);
        // 6 x 1e308 and 1e300 x 1e300: each factor finite, the product infinite
        assertThrows(IllegalArgumentException.class, () -> rows.add("c1", "o1", 1, 6, 6 * 1e308));
        assertThrows(IllegalArgumentException.class, () -> rows.add("c1", "o1", 1, 1e300, 1e300 * 1e300));
        assertThrows(IllegalArgumentException.class, () -> rows.add("c1", "o1", 1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> rows.addEncoded(0, 0, 1, 1, Double.NEGATIVE_INFINITY));
        assertEquals(0, rows.rowCount());
        assertEquals(false, TransactionTableBuilder.finite(6, 6 * 1e308));
        assertEquals(true, TransactionTableBuilder.finite(6, Double.MAX_VALUE));
        assertEquals("amount is not a finite number (quantity x unit price overflows)",
                TransactionTableBuilder.nonFiniteAmount("quantity x unit price"));
    }
}
