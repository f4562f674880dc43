package io.segmenta.source.padi;

import io.segmenta.table.input.Decimals;
import java.util.function.IntFunction;

/**
 * The numbers of one df_order_complete line (quantity, price_per_item, price_subtotal, ppn), read in the source's
 * order so that the first bad value decides the malformed reason: {@link PadiLines} reads each line with it, and so
 * does the source on Spark (public, in a package the bundle does not export). One instance is reused for every line.
 */
public final class LineValues {
    /** What price_subtotal must hold. */
    private static final String WHOLE_OR_PRICE = Values.WHOLE_RUPIAH
            + " (it may be empty only when price_per_item is given)";

    public double quantity;
    /** NaN when missing or when the file has no price_per_item column. */
    public double price;
    /** price_subtotal, or quantity x price_per_item when it is missing. */
    public double subtotal;
    /** NaN when missing or when the file has no ppn column. */
    public double tax;
    /** When {@link #read} returned false: the header column of the bad value. */
    public int badColumn;
    /** When {@link #read} returned false: what is wrong with it ("is not a number"). */
    public String problem;
    /** When {@link #read} returned false: what the column must hold, for the message. */
    public String expected;

    /**
     * @param raw the line's field at a header column
     * @param col the header column of each of {@link PadiLines#LINE_COLS} (-1 when absent)
     * @return false when a value cannot be read: the line is malformed ({@link #badColumn}, {@link #problem})
     */
    public boolean read(IntFunction<String> raw, int[] col) {
        int q = col[PadiLines.L_QUANTITY];
        quantity = Decimals.parse(raw.apply(q).strip(), '.', Decimals.NO_SEPARATOR, false);
        if (Double.isNaN(quantity)) {
            return bad(q, "is not a number", Values.DECIMAL);
        }
        int p = col[PadiLines.L_PRICE];
        price = p >= 0 ? PadiUmkmSource.whole(raw.apply(p)) : Double.NaN;
        if (price == PadiUmkmSource.BAD_NUMBER) {
            return notWhole(p);
        }
        int s = col[PadiLines.L_SUBTOTAL];
        subtotal = PadiUmkmSource.whole(raw.apply(s));
        if (subtotal == PadiUmkmSource.BAD_NUMBER) {
            return notWhole(s);
        }
        if (Double.isNaN(subtotal)) {
            if (Double.isNaN(price)) {
                return bad(s, "is missing and so is price_per_item", WHOLE_OR_PRICE);
            }
            subtotal = quantity * price; // the subtotal is missing, its parts are not
        }
        int t = col[PadiLines.L_PPN];
        tax = t >= 0 ? PadiUmkmSource.whole(raw.apply(t)) : Double.NaN;
        if (tax == PadiUmkmSource.BAD_NUMBER) {
            return notWhole(t);
        }
        return true;
    }

    private boolean notWhole(int column) {
        return bad(column, PadiUmkmSource.NOT_WHOLE, Values.WHOLE_RUPIAH);
    }

    private boolean bad(int column, String problem, String expected) {
        this.badColumn = column;
        this.problem = problem;
        this.expected = expected;
        return false;
    }
}
