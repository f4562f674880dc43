package io.segmenta.spark;

import io.segmenta.api.data.TimestampColumn;
import io.segmenta.source.padi.LineValues;
import io.segmenta.source.padi.OrderValues;
import io.segmenta.source.padi.PadiLines;
import io.segmenta.source.padi.PadiOrders;
import io.segmenta.source.padi.PadiUsers;
import io.segmenta.source.padi.Values;
import io.segmenta.table.input.MalformedRows;
import java.util.function.IntFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One file of a PaDi UMKM export read on Spark with the single-machine source's own value rules
 * ({@link LineValues}, {@link OrderValues}, {@link Values}): {@link CsvLines}' rows (fields, the wrong-width mark,
 * the line) become typed rows with {@link CsvTableOnSpark#LINE} first and {@link CsvTableOnSpark#REASON} last (the
 * malformed reason, null for a readable row), a missing value null.
 */
final class PadiRowsOnSpark implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** The file read. */
    enum Part { USERS, ORDERS, LINES }

    /** Names of the typed columns, as the source on Spark uses them. */
    static final String ID = "id";
    static final String CITY = "u_city";
    static final String DISTRICT = "u_district";
    static final String PROVINCE = "u_province";
    static final String ORDER = "order_id";
    /** The order-level categorical fields, by {@link PadiOrders#O_CATEGORICAL_OUT} (customer, seller, status...). */
    static final String[] CATEGORICAL = {"buyer", "seller", "status", "seller_category", "payment_type",
        "payment_method", "voucher_code", "product_type"};
    static final String TIME = "time";
    /** The order-level amounts, by {@link PadiOrders#O_AMOUNTS_OUT}. */
    static final String[] AMOUNTS = {"o_voucher", "o_gmv", "o_revenue"};
    static final String QUANTITY = "quantity";
    static final String PRICE = "price";
    static final String SUBTOTAL = "subtotal";
    static final String TAX = "tax";
    static final String CATEGORY = "category";
    static final String SUBCATEGORY = "subcategory";
    static final String SUBCATEGORY_2 = "subcategory_2";
    static final String PRODUCT = "product";
    static final String UNIT = "unit";

    private final Part part;
    private final String[] header;
    private final int[] col;
    private final int outWidth;
    private transient LineValues lineValues;
    private transient OrderValues orderValues;
    /** The row being read, and its fields by header column ("" for a null), made once per task. */
    private transient Row current;
    private transient IntFunction<String> raw;

    /**
     * @param header the file's header
     * @param col the header column of each of the part's columns ({@code PadiUsers.USER_COLS}, ...), -1 when absent
     */
    PadiRowsOnSpark(Part part, String[] header, int[] col) {
        this.part = part;
        this.header = header;
        this.col = col;
        this.outWidth = schema(part).size();
    }

    static StructType schema(Part part) {
        StructType s = new StructType().add(CsvTableOnSpark.LINE, DataTypes.LongType, false);
        switch (part) {
            case USERS -> s = s.add(ID, DataTypes.StringType).add(CITY, DataTypes.StringType)
                    .add(DISTRICT, DataTypes.StringType).add(PROVINCE, DataTypes.StringType);
            case ORDERS -> {
                s = s.add(ORDER, DataTypes.StringType);
                for (String c : CATEGORICAL) {
                    s = s.add(c, DataTypes.StringType);
                }
                s = s.add(TIME, DataTypes.LongType);
                for (String a : AMOUNTS) {
                    s = s.add(a, DataTypes.DoubleType);
                }
            }
            case LINES -> s = s.add(ORDER, DataTypes.StringType).add(QUANTITY, DataTypes.DoubleType)
                    .add(PRICE, DataTypes.DoubleType).add(SUBTOTAL, DataTypes.DoubleType).add(TAX, DataTypes.DoubleType)
                    .add(CATEGORY, DataTypes.StringType).add(SUBCATEGORY, DataTypes.StringType)
                    .add(SUBCATEGORY_2, DataTypes.StringType).add(PRODUCT, DataTypes.StringType)
                    .add(UNIT, DataTypes.StringType);
        }
        return s.add(CsvTableOnSpark.REASON, DataTypes.StringType);
    }

    @Override
    public Row call(Row in) {
        int width = header.length;
        Object[] out = new Object[outWidth];
        out[0] = in.getLong(width + 1);
        if (!in.isNullAt(width)) {
            out[out.length - 1] = MalformedRows.WRONG_WIDTH;
            return RowFactory.create(out);
        }
        current = in;
        if (raw == null) {
            raw = c -> current.isNullAt(c) ? "" : current.getString(c);
        }
        switch (part) {
            case USERS -> {
                out[1] = text(raw, PadiUsers.U_ID);
                out[2] = text(raw, PadiUsers.U_CITY);
                out[3] = text(raw, PadiUsers.U_DISTRICT);
                out[4] = text(raw, PadiUsers.U_PROVINCE);
            }
            case ORDERS -> orders(raw, out);
            case LINES -> lines(raw, out);
        }
        return RowFactory.create(out);
    }

    /** A row without order id keeps a null id (its rule is applied by the source); a malformed one its reason. */
    private void orders(IntFunction<String> raw, Object[] out) {
        if (orderValues == null) {
            orderValues = new OrderValues();
        }
        int read = orderValues.read(raw, col);
        if (read == OrderValues.NO_ID) {
            return;
        }
        if (read == OrderValues.MALFORMED) {
            out[out.length - 1] = MalformedRows.reason(header[orderValues.badColumn], orderValues.problem);
            return;
        }
        out[1] = orderValues.id;
        for (int s = 0; s < CATEGORICAL.length; s++) {
            out[2 + s] = text(raw, PadiOrders.O_CATEGORICAL[s]);
        }
        int at = 2 + CATEGORICAL.length;
        out[at] = orderValues.time == TimestampColumn.MISSING ? null : orderValues.time;
        for (int a = 0; a < AMOUNTS.length; a++) {
            out[at + 1 + a] = number(orderValues.amounts[a]);
        }
    }

    private void lines(IntFunction<String> raw, Object[] out) {
        if (lineValues == null) {
            lineValues = new LineValues();
        }
        if (!lineValues.read(raw, col)) {
            out[out.length - 1] = MalformedRows.reason(header[lineValues.badColumn], lineValues.problem);
            return;
        }
        out[1] = text(raw, PadiLines.L_ORDER);
        out[2] = lineValues.quantity;
        out[3] = number(lineValues.price);
        out[4] = lineValues.subtotal;
        out[5] = number(lineValues.tax);
        out[6] = text(raw, PadiLines.L_CATEGORY);
        out[7] = subcategory(raw, PadiLines.L_SUBCAT1);
        out[8] = subcategory(raw, PadiLines.L_SUBCAT2);
        out[9] = text(raw, col[PadiLines.L_PRODUCT_ID] >= 0 ? PadiLines.L_PRODUCT_ID : PadiLines.L_PRODUCT_NAME);
        out[10] = text(raw, PadiLines.L_UNIT);
    }

    /** The value of a column slot, as {@link Values#text} reads it; null when absent or missing. */
    private String text(IntFunction<String> raw, int slot) {
        return col[slot] < 0 ? null : Values.text(raw.apply(col[slot]));
    }

    /** "subcat 1" and "subcat 2" hold 0 for "none", as the single-machine source reads them. */
    private String subcategory(IntFunction<String> raw, int slot) {
        String t = text(raw, slot);
        return PadiLines.isNoSubcategory(t) ? null : t;
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
