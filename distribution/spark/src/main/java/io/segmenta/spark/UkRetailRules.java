package io.segmenta.spark;

import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.Keys;
import io.segmenta.table.input.MalformedRows;
import io.segmenta.table.source.TransactionTableBuilder;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The uk-retail source's rules for one row (docs/sources/uk-retail.md), run on the executors: every value is read
 * first (a bad value makes the row malformed whichever rule it would break), then the row is kept or given the
 * first rule it breaks, in the single-machine source's order and with its reason texts. Numbers, dates and ids are
 * read with the same code ({@link Decimals}, {@link DateTimes}, {@link Keys}) as {@code UkRetailSource}.
 * <p>
 * In: the file's columns as text (null for an empty field), then the corrupt-record column Spark fills for a row of
 * the wrong width, then the row's position. Out: {@link #SCHEMA}, one row per row read.
 */
final class UkRetailRules implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    static final String MISSING_CUSTOMER = "missing CustomerID";
    static final String CANCELLED = "cancelled invoice (InvoiceNo starts with C)";
    static final String NON_POSITIVE_QUANTITY = "quantity <= 0";
    static final String NON_POSITIVE_PRICE = "unit price <= 0";
    static final String AMOUNT_OVERFLOW = TransactionTableBuilder.nonFiniteAmount("quantity x unit price");
    /** The rules in the order they apply; all four are listed in the account. */
    static final String[] RULES = {MISSING_CUSTOMER, CANCELLED, NON_POSITIVE_QUANTITY, NON_POSITIVE_PRICE};

    /** The format of a CSV saved from the UCI xlsx, as the source's InvoiceDates reads it (STRICT: no 2/30). */
    static final String UCI_PATTERN = "M/d/yyyy H:mm";
    private static final DateTimeFormatter UCI_FORMAT =
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    static final String ROW = "row";
    static final String CUSTOMER = "customer";
    static final String ORDER = "order";
    static final String TIME = "time";
    static final String QUANTITY = "quantity";
    static final String AMOUNT = "amount";
    static final String PRODUCT = "product";
    static final String REGION = "region";
    /** Null for a kept row. */
    static final String REASON = "reason";
    /** All the fields of the row as read, for counting kept rows that repeat an earlier one. */
    static final String RECORD = "record";

    static final StructType SCHEMA = new StructType().add(ROW, DataTypes.LongType, false)
            .add(CUSTOMER, DataTypes.StringType).add(ORDER, DataTypes.StringType).add(TIME, DataTypes.LongType)
            .add(QUANTITY, DataTypes.DoubleType).add(AMOUNT, DataTypes.DoubleType).add(PRODUCT, DataTypes.StringType)
            .add(REGION, DataTypes.StringType).add(REASON, DataTypes.StringType).add(RECORD, DataTypes.StringType);

    /** Where each read column is in the input row ({@link UkRetailColumns} order). */
    private final int[] at;
    /** The column names as the file writes them, for the malformed reasons. */
    private final String[] names;
    private final int fields;

    /**
     * @param at the position in the input row of each of {@link UkRetailColumns#REQUIRED}
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
        String invoice = text(in, UkRetailColumns.INVOICE).trim();
        String rawCustomer = text(in, UkRetailColumns.CUSTOMER).trim();
        double quantity = Decimals.parse(text(in, UkRetailColumns.QUANTITY));
        double price = Decimals.parse(text(in, UkRetailColumns.UNIT_PRICE));
        long time = parseDate(text(in, UkRetailColumns.INVOICE_DATE));
        if (invoice.isEmpty()) {
            return malformed(row, UkRetailColumns.INVOICE, "is empty", record);
        } else if (Double.isNaN(quantity)) {
            return malformed(row, UkRetailColumns.QUANTITY, "is not a number", record);
        } else if (Double.isNaN(price)) {
            return malformed(row, UkRetailColumns.UNIT_PRICE, "is not a number", record);
        } else if (time == DateTimes.BAD) {
            return malformed(row, UkRetailColumns.INVOICE_DATE, "is not a date-time", record);
        } else if (rawCustomer.isEmpty()) {
            return rejected(row, MISSING_CUSTOMER, record);
        } else if (invoice.charAt(0) == 'C' || invoice.charAt(0) == 'c') {
            return rejected(row, CANCELLED, record);
        } else if (!(quantity > 0)) {
            return rejected(row, NON_POSITIVE_QUANTITY, record);
        } else if (!(price > 0)) {
            return rejected(row, NON_POSITIVE_PRICE, record);
        } else if (!TransactionTableBuilder.finite(quantity, quantity * price)) {
            return rejected(row, AMOUNT_OVERFLOW, record);
        }
        return RowFactory.create(row, Keys.stripDecimalZero(rawCustomer), invoice, time, quantity, quantity * price,
                text(in, UkRetailColumns.STOCK_CODE).trim(), text(in, UkRetailColumns.COUNTRY).trim(), null, record);
    }

    /** ISO first (the shared export), then the UCI format; as the source's InvoiceDates. */
    static long parseDate(String text) {
        String s = text.strip();
        long fast = DateTimes.parseIso(s);
        if (fast != DateTimes.BAD || s.indexOf('/') < 0) {
            return fast;
        }
        return DateTimes.parse(s, UCI_FORMAT, true);
    }

    private String text(Row in, int column) {
        int i = at[column];
        return in.isNullAt(i) ? "" : in.getString(i);
    }

    private Row malformed(long row, int column, String problem, String record) {
        return rejected(row, MalformedRows.reason(names[column], problem), record);
    }

    private static Row rejected(long row, String reason, String record) {
        return RowFactory.create(row, null, null, null, null, null, null, null, reason, record);
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
