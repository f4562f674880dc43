package io.segmenta.source.padi;

import io.segmenta.api.data.TimestampColumn;
import io.segmenta.table.input.DateTimes;
import io.segmenta.table.source.DateCache;
import java.util.function.IntFunction;

/**
 * The id, date and order-level amounts of one df_order row, read in the source's order: a row without order id is
 * counted under {@link PadiUmkmSource#ORDER_ROW_WITHOUT_ID} before its values are read; then the first bad value
 * (the date, then voucher_val, gmv, revenue) makes it malformed. {@link PadiOrders} reads each row with it, and so
 * does the source on Spark (public, in a package the bundle does not export). One instance is reused for every row.
 */
public final class OrderValues {
    /** {@link #read}: the row is read. */
    public static final int READ = 0;
    /** {@link #read}: the row has no order id. */
    public static final int NO_ID = 1;
    /** {@link #read}: a value cannot be read ({@link #badColumn}, {@link #problem}, {@link #expected}). */
    public static final int MALFORMED = 2;

    private final DateCache dates = new DateCache(DateTimes::parseIsoDateOrDateTime);
    public String id;
    /** Epoch seconds, or {@link TimestampColumn#MISSING}. */
    public long time;
    /** voucher_val, gmv, revenue ({@link PadiOrders#O_AMOUNTS_OUT}), NaN when missing or absent. */
    public final double[] amounts = new double[PadiOrders.O_AMOUNTS.length];
    public int badColumn;
    public String problem;
    public String expected;

    /**
     * @param raw the row's field at a header column
     * @param col the header column of each of {@link PadiOrders#ORDER_COLS} (-1 when absent)
     * @return {@link #READ}, {@link #NO_ID} or {@link #MALFORMED}
     */
    public int read(IntFunction<String> raw, int[] col) {
        id = Values.text(raw.apply(col[PadiOrders.O_ID]));
        if (id == null) {
            return NO_ID;
        }
        // Every value is checked, also on rows of an order already seen.
        int d = col[PadiOrders.O_DATE];
        String date = Values.text(raw.apply(d));
        time = date == null ? TimestampColumn.MISSING : dates.parse(date);
        if (date != null && time == DateTimes.BAD) {
            return bad(d, "is not a date", "a date as " + DateTimes.ISO_DATE_OR_DATE_TIME);
        }
        for (int a = 0; a < amounts.length; a++) {
            int c = col[PadiOrders.O_AMOUNTS[a]];
            amounts[a] = c >= 0 ? PadiUmkmSource.whole(raw.apply(c)) : Double.NaN;
            if (amounts[a] == PadiUmkmSource.BAD_NUMBER) {
                return bad(c, PadiUmkmSource.NOT_WHOLE, Values.WHOLE_RUPIAH);
            }
        }
        return READ;
    }

    private int bad(int column, String problem, String expected) {
        this.badColumn = column;
        this.problem = problem;
        this.expected = expected;
        return MALFORMED;
    }
}
