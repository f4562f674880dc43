package io.segmenta.api.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical transactions table: one row per kept order line, columnar. It always has the required
 * {@link TransactionField}s; optional fields and source-specific extra columns are present when the source
 * has them.
 */
public final class TransactionTable {
    private final int rows;
    private final Map<String, Column> columns;

    /**
     * @throws IllegalArgumentException when a required field is missing, a canonical field has the wrong
     *         type, two columns share a name, or the columns differ in length
     */
    public TransactionTable(List<? extends Column> columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        int n = -1;
        for (Column c : columns) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalArgumentException("duplicate column " + c.name());
            }
            if (n >= 0 && c.size() != n) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + n);
            }
            n = c.size();
        }
        for (TransactionField f : TransactionField.values()) {
            Column c = byName.get(f.columnName());
            if (c == null) {
                if (f.required()) {
                    throw new IllegalArgumentException("required column " + f.columnName() + " is missing");
                }
            } else if (c.type() != f.type()) {
                throw new IllegalArgumentException("column " + f.columnName() + " must be " + f.type() + ", is " + c.type());
            }
        }
        this.rows = Math.max(n, 0);
        this.columns = Collections.unmodifiableMap(byName);
    }

    public int rowCount() {
        return rows;
    }

    /** All columns by name, in the order given. */
    public Map<String, Column> columns() {
        return columns;
    }

    public boolean has(TransactionField field) {
        return columns.containsKey(field.columnName());
    }

    public Optional<Column> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    public CategoricalColumn customer() {
        return (CategoricalColumn) columns.get(TransactionField.CUSTOMER.columnName());
    }

    public CategoricalColumn order() {
        return (CategoricalColumn) columns.get(TransactionField.ORDER.columnName());
    }

    public TimestampColumn timestamp() {
        return (TimestampColumn) columns.get(TransactionField.TIMESTAMP.columnName());
    }

    public NumericColumn quantity() {
        return (NumericColumn) columns.get(TransactionField.QUANTITY.columnName());
    }

    public NumericColumn amount() {
        return (NumericColumn) columns.get(TransactionField.AMOUNT.columnName());
    }

    /** An optional categorical field, when present. */
    public Optional<CategoricalColumn> categorical(TransactionField field) {
        Column c = columns.get(field.columnName());
        return c instanceof CategoricalColumn cc ? Optional.of(cc) : Optional.empty();
    }

    /** An optional numeric field, when present. */
    public Optional<NumericColumn> numeric(TransactionField field) {
        Column c = columns.get(field.columnName());
        return c instanceof NumericColumn nc ? Optional.of(nc) : Optional.empty();
    }

    @Override
    public String toString() {
        return "TransactionTable[" + rows + " rows, columns " + columns.keySet() + "]";
    }
}
