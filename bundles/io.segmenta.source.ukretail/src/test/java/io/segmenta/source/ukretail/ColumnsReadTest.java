package io.segmenta.source.ukretail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Column;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.table.source.ParallelCsv;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the columns the run reads: told fewer fields ({@code StageContext.transactionFields()}), both reads leave out
 * the unit price, product and region columns not asked for, and keep and reject exactly the same rows (the
 * unit-price rule still reads the price), with the same required columns bit for bit.
 */
class ColumnsReadTest {
    private static final String HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    private static final List<ParallelCsv> WAYS = List.of(new ParallelCsv(2, 64, 512), new ParallelCsv(3, 4096, 4096));
    private static final Set<TransactionField> REQUIRED = EnumSet.of(TransactionField.CUSTOMER, TransactionField.ORDER,
            TransactionField.TIMESTAMP, TransactionField.QUANTITY, TransactionField.AMOUNT);

    @TempDir
    Path tmp;

    private Path file() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 3000; i++) {
            int kind = i % 11;
            String invoice = (kind == 1 ? "C" : "") + (500000 + i / 4);
            String customer = kind == 2 ? "" : "1234" + (i % 37) + ".0";
            String quantity = kind == 3 ? "-1" : String.valueOf(1 + i % 7);
            String price = kind == 4 ? "0" : kind == 5 ? "x" : "1." + (i % 97);
            String country = kind == 6 ? "" : i % 3 == 0 ? "France" : "United Kingdom";
            sb.append(String.join(",", invoice, "P" + (i % 50), "ITEM", quantity,
                    "2011-0" + (1 + i % 9) + "-1" + (i % 9) + " 10:0" + (i % 10) + ":00", price, customer, country))
                    .append('\n');
        }
        return Files.writeString(tmp.resolve("retail.csv"), sb, StandardCharsets.UTF_8);
    }

    private static SourceData read(Path file, Set<TransactionField> fields, ParallelCsv way) {
        return UkRetailSource.read(file, new RecordingContext().reading(fields), 0.5, way);
    }

    @Test
    void readsOnlyTheRequiredColumnsWithTheSameRowsKeptAndRejected() throws IOException {
        Path file = file();
        SourceData all = read(file, EnumSet.allOf(TransactionField.class), null);
        assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "unit_price", "product", "region"),
                List.copyOf(all.transactions().columns().keySet()));
        for (ParallelCsv way : new ParallelCsv[] {null, WAYS.get(0), WAYS.get(1)}) {
            SourceData few = read(file, REQUIRED, way);
            assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount"),
                    List.copyOf(few.transactions().columns().keySet()));
            assertSameRows(all, few);
            assertFalse(few.quality().entityCounts().containsKey("products"), "products were not read");
        }
    }

    @Test
    void readsTheColumnsAskedForAsAFullReadDoes() throws IOException {
        Path file = file();
        SourceData all = read(file, EnumSet.allOf(TransactionField.class), null);
        Set<TransactionField> regions = EnumSet.copyOf(REQUIRED);
        regions.add(TransactionField.REGION);
        Set<TransactionField> products = EnumSet.copyOf(REQUIRED);
        products.add(TransactionField.PRODUCT);
        products.add(TransactionField.UNIT_PRICE);
        for (ParallelCsv way : new ParallelCsv[] {null, WAYS.get(0), WAYS.get(1)}) {
            SourceData r = read(file, regions, way);
            assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "region"),
                    List.copyOf(r.transactions().columns().keySet()));
            assertSameRows(all, r);
            SourceData p = read(file, products, way);
            assertEquals(List.of("customer", "order", "timestamp", "quantity", "amount", "unit_price", "product"),
                    List.copyOf(p.transactions().columns().keySet()));
            assertSameRows(all, p);
            assertEquals(all.quality(), p.quality(), "products counted as in a full read");
        }
    }

    /** The same account (but for the products count) and the same values in every column both have. */
    private static void assertSameRows(SourceData expected, SourceData actual) {
        DataQuality e = expected.quality();
        DataQuality a = actual.quality();
        assertEquals(e.rowsRead(), a.rowsRead());
        assertEquals(e.rowsKept(), a.rowsKept());
        assertEquals(e.rejections(), a.rejections());
        assertEquals(e.duplicateRows(), a.duplicateRows());
        assertEquals(e.firstTimestamp(), a.firstTimestamp());
        assertEquals(e.lastTimestamp(), a.lastTimestamp());
        Map<String, Long> counts = new LinkedHashMap<>(e.entityCounts());
        if (!a.entityCounts().containsKey("products")) {
            counts.remove("products");
        }
        assertEquals(counts, a.entityCounts());
        assertTrue(e.rowsKept() > 1000 && e.rejections().stream().allMatch(r -> r.count() > 0 || r.reason()
                .contains("overflow")), e.toString());
        for (Map.Entry<String, Column> c : actual.transactions().columns().entrySet()) {
            Column x = expected.transactions().columns().get(c.getKey());
            if (x instanceof CategoricalColumn cc) {
                assertArrayEquals(cc.codes(), ((CategoricalColumn) c.getValue()).codes(), c.getKey());
                assertEquals(cc.levels(), ((CategoricalColumn) c.getValue()).levels(), c.getKey());
            } else if (x instanceof NumericColumn n) {
                assertArrayEquals(n.values(), ((NumericColumn) c.getValue()).values(), c.getKey());
            } else {
                assertArrayEquals(((TimestampColumn) x).epochSeconds(), ((TimestampColumn) c.getValue()).epochSeconds());
            }
        }
    }
}
