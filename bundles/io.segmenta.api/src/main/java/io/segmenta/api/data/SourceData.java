package io.segmenta.api.data;

import java.util.List;
import java.util.Optional;

/**
 * What a data source produces: the canonical transactions table, an account of every row read and, from a
 * source that reads a table of customers (or sellers) with their attributes, that table.
 *
 * @param transactions the transactions; empty (no rows) when the source read an entity table only
 * @param quality what the source did with each row read
 * @param entities the entity table, or {@code null} when the source read transactions only
 */
public record SourceData(TransactionTable transactions, DataQuality quality, EntityTable entities) {

    /** Transactions and their account, without an entity table (1.0 signature). */
    public SourceData(TransactionTable transactions, DataQuality quality) {
        this(transactions, quality, null);
    }

    /** An entity table and its account, with an empty transactions table. */
    public static SourceData ofEntities(EntityTable entities, DataQuality quality) {
        return new SourceData(emptyTransactions(), quality, java.util.Objects.requireNonNull(entities, "entities"));
    }

    /** The entity table, when the source read one. */
    public Optional<EntityTable> entityTable() {
        return Optional.ofNullable(entities);
    }

    /** Whether there are no transactions but an entity table with rows: what {@code rfm} and the like cannot use. */
    public boolean entitiesOnly() {
        return entities != null && (transactions == null || transactions.rowCount() == 0);
    }

    /** A transactions table with the required columns and no rows. */
    public static TransactionTable emptyTransactions() {
        return new TransactionTable(List.of(
                new CategoricalColumn(TransactionField.CUSTOMER.columnName(), new int[0], List.of()),
                new CategoricalColumn(TransactionField.ORDER.columnName(), new int[0], List.of()),
                new TimestampColumn(TransactionField.TIMESTAMP.columnName(), new long[0]),
                new NumericColumn(TransactionField.QUANTITY.columnName(), new double[0]),
                new NumericColumn(TransactionField.AMOUNT.columnName(), new double[0])));
    }
}
