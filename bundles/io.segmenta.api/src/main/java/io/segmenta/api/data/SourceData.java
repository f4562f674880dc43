package io.segmenta.api.data;

/** What a data source produces: the canonical transactions table and an account of every row read. */
public record SourceData(TransactionTable transactions, DataQuality quality) {
}
