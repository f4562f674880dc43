package io.segmenta.spark;

import io.segmenta.api.data.TransactionField;
import io.segmenta.source.ukretail.InvoiceDates;
import io.segmenta.source.ukretail.RowRules;
import io.segmenta.source.ukretail.UkRetailSource;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.Keys;
import io.segmenta.table.input.MalformedRows;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The uk-retail source's rules for one row (docs/sources/uk-retail.md), run on the executors: every value is read
 * first (a bad value makes the row malformed whichever rule it would break), then the row is kept or given the
 * first rule it breaks: the single-machine source's own {@link RowRules}, and its readers of numbers, dates and ids
 * ({@link Decimals}, {@link InvoiceDates}, {@link Keys}).
 * <p>
 * In: the file's columns as text (null for an empty field), then the corrupt-record column Spark fills for a row of
 * the wrong width, then the row's position. Out: {@link #SCHEMA}, one row per row read.
 */
final class UkRetailRules implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** The rules every account lists, in the order they apply (the single-machine source's). */
    static final List<String> RULES = RowRules.registered();

    static final String CUSTOMER = TransactionField.CUSTOMER.columnName();
    static final String ORDER = TransactionField.ORDER.columnName();
    static final String TIME = TransactionField.TIMESTAMP.columnName();
    static final String QUANTITY = TransactionField.QUANTITY.columnName();
    static final String AMOUNT = TransactionField.AMOUNT.columnName();
    static final String UNIT_PRICE = TransactionField.UNIT_PRICE.columnName();
    static final String PRODUCT = TransactionField.PRODUCT.columnName();
    static final String REGION = TransactionField.REGION.columnName();

    /** The fields of the kept rows: the single-machine source's transactions table's columns. */
    static final Set<TransactionField> FIELDS = Set.of(TransactionField.CUSTOMER, TransactionField.ORDER,
            TransactionField.TIMESTAMP, TransactionField.QUANTITY, TransactionField.AMOUNT, TransactionField.UNIT_PRICE,
            TransactionField.PRODUCT, TransactionField.REGION);

    /** One row per row read: its position, the fields (null when rejected), the reason (null when kept), the record. */
    static final StructType SCHEMA = new StructType().add(SparkTransactions.ROW, DataTypes.LongType, false)
            .add(CUSTOMER, DataTypes.StringType).add(ORDER, DataTypes.StringType).add(TIME, DataTypes.LongType)
            .add(QUANTITY, DataTypes.DoubleType).add(AMOUNT, DataTypes.DoubleType)
            .add(UNIT_PRICE, DataTypes.DoubleType).add(PRODUCT, DataTypes.StringType)
            .add(REGION, DataTypes.StringType).add(ReadAccount.REASON, DataTypes.StringType)
            .add(SparkTransactions.RECORD, DataTypes.StringType);

    /** Where each read column is in the input row ({@link UkRetailSource#required()} order). */
    private final int[] at;
    /** The column names as the file writes them, for the malformed reasons. */
    private final String[] names;
    private final int fields;

    /**
     * @param at the position in the input row of each of {@link UkRetailSource#required()}
     * @param names the names the file gives them
     * @param fields how many of the file's columns there are; the corrupt-record text and the row position follow
     */
    UkRetailRules(int[] at, String[] names, int fields) {
        this.at = at.clone();
        this.names = names.clone();
        this.fields = fields;
    }

    @Override
    public Row call(Row in) {
        long row = in.getLong(fields + 1);
        String record = record(in);
        if (!in.isNullAt(fields)) {
            return rejected(row, MalformedRows.WRONG_WIDTH, record);
        }
        String invoice = text(in, UkRetailSource.INVOICE).trim();
        String rawCustomer = text(in, UkRetailSource.CUSTOMER).trim();
        double quantity = Decimals.parse(text(in, UkRetailSource.QUANTITY));
        double price = Decimals.parse(text(in, UkRetailSource.UNIT_PRICE));
        long time = InvoiceDates.parse(text(in, UkRetailSource.INVOICE_DATE));
        int outcome = RowRules.judge(invoice.isEmpty() ? -1 : invoice.charAt(0), rawCustomer.isEmpty(), quantity, price,
                time);
        if (outcome == RowRules.KEEP) {
            return RowFactory.create(row, Keys.stripDecimalZero(rawCustomer), invoice, time, quantity,
                    quantity * price, price, level(text(in, UkRetailSource.STOCK_CODE)),
                    level(text(in, UkRetailSource.COUNTRY)), null, record);
        } else if (outcome < RowRules.FIRST_RULE) {
            return malformed(row, RowRules.column(outcome), RowRules.problem(outcome), record);
        }
        return rejected(row, RowRules.reason(outcome), record);
    }

    /** A categorical value: trimmed, null when empty (a missing level, as the single-machine column stores it). */
    static String level(String text) {
        String t = text.trim();
        return t.isEmpty() ? null : t;
    }

    private String text(Row in, int column) {
        int i = at[column];
        return in.isNullAt(i) ? "" : in.getString(i);
    }

    private Row malformed(long row, int column, String problem, String record) {
        return rejected(row, MalformedRows.reason(names[column], problem), record);
    }

    private static Row rejected(long row, String reason, String record) {
        return RowFactory.create(row, null, null, null, null, null, null, null, null, reason, record);
    }

    /** The row's fields joined by a character no export holds, so that equal records give equal texts. */
    private String record(Row in) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            b.append(in.isNullAt(i) ? "" : in.getString(i)).append('\u0001');
        }
        return b.toString();
    }
}
