package io.segmenta.source.ukretail;

import io.segmenta.api.data.TransactionField;
import java.util.Set;

/**
 * Which of the export's optional columns a read keeps (the run's {@code StageContext.transactionFields()}): unit
 * price, product (StockCode) and region (Country). The required columns are always kept, and the unit price is
 * always parsed for its rule; a column not kept is neither hashed nor stored.
 */
record RetailColumns(boolean prices, boolean products, boolean regions) {
    /** Every column, as a read that is told nothing keeps. */
    static final RetailColumns ALL = new RetailColumns(true, true, true);

    static RetailColumns of(Set<TransactionField> fields) {
        return new RetailColumns(fields.contains(TransactionField.UNIT_PRICE), fields.contains(TransactionField.PRODUCT),
                fields.contains(TransactionField.REGION));
    }
}
