package io.segmenta.source.ukretail;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Column;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.table.input.DuplicateRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The kept rows of a parallel read, block by block in file order, turned into the table at the end: each column is
 * allocated once at its exact size and filled from the blocks, whose part of it is dropped right after, so that the
 * read never holds more than the blocks' rows and one column besides (no growing arrays, no copy of the whole
 * table). The columns and their order are those of the sequential read's {@code TransactionTableBuilder}, without
 * those not kept ({@link RetailColumns}).
 */
final class KeptRows {
    private final RetailColumns keep;
    private final List<RetailChunk> chunks = new ArrayList<>();
    private final Levels customers = new Levels();
    private final Levels orders = new Levels();
    private final Levels products = new Levels();
    private final Levels regions = new Levels();
    private int count;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    KeptRows(RetailColumns keep) {
        this.keep = keep;
    }

    /** Takes a block's kept rows, its codes mapped in place to the table's (new values numbered in file order). */
    void add(RetailChunk chunk) {
        remap(chunk.customers, chunk.kept, customers.codes(chunk.customerLevels));
        remap(chunk.orders, chunk.kept, orders.codes(chunk.orderCodes.levels()));
        if (keep.products()) {
            remap(chunk.products, chunk.kept, products.codes(chunk.productCodes.levels()));
        }
        if (keep.regions()) {
            remap(chunk.regions, chunk.kept, regions.codes(chunk.regionCodes.levels()));
        }
        chunk.dropDictionaries();
        count += chunk.kept;
        chunks.add(chunk);
    }

    private static void remap(int[] codes, int n, int[] table) {
        for (int k = 0; k < n; k++) {
            int c = codes[k];
            codes[k] = c == CategoricalColumn.MISSING ? c : table[c];
        }
    }

    int rows() {
        return count;
    }

    int customers() {
        return customers.levels.size();
    }

    int orders() {
        return orders.levels.size();
    }

    int products() {
        return products.levels.size();
    }

    long firstTimestamp() {
        return first <= last ? first : TimestampColumn.MISSING;
    }

    long lastTimestamp() {
        return first <= last ? last : TimestampColumn.MISSING;
    }

    /** The kept rows that repeat an earlier kept row; drops the blocks' row hashes. */
    long duplicates() {
        return DuplicateRows.repeats(concat(new long[count], c -> c.hashes, c -> c.hashes = null), count);
    }

    /** The table, built column by column; the blocks are dropped. */
    TransactionTable table() {
        List<Column> columns = new ArrayList<>(8);
        columns.add(categorical(TransactionField.CUSTOMER, customers, 0));
        columns.add(categorical(TransactionField.ORDER, orders, 1));
        long[] times = concat(new long[count], c -> c.times, c -> c.times = null);
        for (long t : times) {
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        columns.add(new TimestampColumn(TransactionField.TIMESTAMP.columnName(), times));
        double[] quantities = new double[count];
        double[] amounts;
        if (keep.prices()) {
            amounts = new double[count];
            int at = 0;
            for (RetailChunk c : chunks) {
                for (int k = 0; k < c.kept; k++) {
                    quantities[at] = c.quantities[k];
                    amounts[at++] = c.quantities[k] * c.prices[k];
                }
                c.quantities = null;
            }
        } else {
            // the blocks computed the amounts (the same product) and kept no prices
            concat(quantities, c -> c.quantities, c -> c.quantities = null);
            amounts = concat(new double[count], c -> c.amounts, c -> c.amounts = null);
        }
        columns.add(new NumericColumn(TransactionField.QUANTITY.columnName(), quantities));
        columns.add(new NumericColumn(TransactionField.AMOUNT.columnName(), amounts));
        if (keep.prices()) {
            columns.add(new NumericColumn(TransactionField.UNIT_PRICE.columnName(),
                    concat(new double[count], c -> c.prices, c -> c.prices = null)));
        }
        if (keep.products()) {
            columns.add(categorical(TransactionField.PRODUCT, products, 2));
        }
        if (keep.regions()) {
            columns.add(categorical(TransactionField.REGION, regions, 3));
        }
        chunks.clear();
        return new TransactionTable(columns);
    }

    /** A categorical column from the blocks' codes: 0 customers, 1 orders, 2 products, 3 regions. */
    private CategoricalColumn categorical(TransactionField field, Levels levels, int which) {
        int[] codes = concat(new int[count], c -> switch (which) {
            case 0 -> c.customers;
            case 1 -> c.orders;
            case 2 -> c.products;
            default -> c.regions;
        }, c -> c.dropCodes(which));
        return new CategoricalColumn(field.columnName(), codes, levels.levels);
    }

    /** The blocks' parts of a column (arrays of one primitive type) one after the other in {@code all}. */
    private <A> A concat(A all, Function<RetailChunk, A> part, Consumer<RetailChunk> drop) {
        int at = 0;
        for (RetailChunk c : chunks) {
            System.arraycopy(part.apply(c), 0, all, at, c.kept);
            at += c.kept;
            drop.accept(c);
        }
        return all;
    }

    /** The distinct values of a column of the table, numbered in order of first appearance. */
    private static final class Levels {
        final Map<String, Integer> codes = new HashMap<>();
        final List<String> levels = new ArrayList<>();

        /** The table's code of each of a block's values (the block's codes in order), new ones added. */
        int[] codes(List<String> values) {
            int[] map = new int[values.size()];
            for (int i = 0; i < map.length; i++) {
                String v = values.get(i);
                Integer code = codes.get(v);
                if (code == null) {
                    code = levels.size();
                    codes.put(v, code);
                    levels.add(v);
                }
                map[i] = code;
            }
            return map;
        }
    }
}
