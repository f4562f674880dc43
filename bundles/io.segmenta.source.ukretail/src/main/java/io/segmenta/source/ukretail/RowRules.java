package io.segmenta.source.ukretail;

import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.RejectionCounter;
import io.segmenta.table.source.TransactionTableBuilder;
import java.util.List;

/**
 * The rules that judge one row of the export, in the order docs/sources/uk-retail.md gives them, shared by the
 * sequential and the parallel read so that both judge every row alike: first the values that cannot be read (the
 * row is malformed, whichever rule it would break), then the rules that drop a row, then kept. Public for the Spark
 * back-end, which judges rows with them on a plain class path (the package is not exported: no bundle or module
 * sees it).
 */
public final class RowRules {
    public static final int KEEP = 0;
    static final int EMPTY_INVOICE = 1;
    static final int BAD_QUANTITY = 2;
    static final int BAD_PRICE = 3;
    static final int BAD_DATE = 4;
    /** The first of the outcomes that drop a row by rule; the outcomes from here on index {@link #REASONS}. */
    public static final int FIRST_RULE = 5;

    /** The reasons of the rules, in the order they apply (from {@link #FIRST_RULE}). */
    static final String[] REASONS = {UkRetailSource.MISSING_CUSTOMER, UkRetailSource.CANCELLED,
        UkRetailSource.NON_POSITIVE_QUANTITY, UkRetailSource.NON_POSITIVE_PRICE, UkRetailSource.AMOUNT_OVERFLOW};
    /** How many of {@link #REASONS} are registered up front (the amount overflow shows only when it happens). */
    static final int REGISTERED = 4;

    /** The reason of a rule's outcome ({@link #FIRST_RULE} and up). */
    public static String reason(int outcome) {
        return REASONS[outcome - FIRST_RULE];
    }

    /** The reasons every account lists, in the order the rules apply (the amount overflow only when it happens). */
    public static List<String> registered() {
        return List.of(REASONS).subList(0, REGISTERED);
    }

    private static final String NUMBER = "a number (digits with '.' as the decimal point, e.g. 2.55)";

    private RowRules() {
    }

    /**
     * @param invoiceFirst the first character of the trimmed invoice number, or -1 when it is empty
     * @return {@link #KEEP}, a malformed outcome (1 to 4) or {@link #FIRST_RULE} + the index of the reason
     */
    public static int judge(int invoiceFirst, boolean customerEmpty, double quantity, double price, long time) {
        if (invoiceFirst < 0) {
            return EMPTY_INVOICE;
        } else if (Double.isNaN(quantity)) {
            return BAD_QUANTITY;
        } else if (Double.isNaN(price)) {
            return BAD_PRICE;
        } else if (time == DateTimes.BAD) {
            return BAD_DATE;
        } else if (customerEmpty) {
            return FIRST_RULE;
        } else if (invoiceFirst == 'C' || invoiceFirst == 'c') {
            return FIRST_RULE + 1;
        } else if (!(quantity > 0)) {
            return FIRST_RULE + 2;
        } else if (!(price > 0)) {
            return FIRST_RULE + 3;
        } else if (!TransactionTableBuilder.finite(quantity, quantity * price)) {
            return FIRST_RULE + 4;
        }
        return KEEP;
    }

    /** The column (an index of the source's required columns) of a malformed outcome. */
    public static int column(int outcome) {
        return switch (outcome) {
            case EMPTY_INVOICE -> UkRetailSource.INVOICE;
            case BAD_QUANTITY -> UkRetailSource.QUANTITY;
            case BAD_PRICE -> UkRetailSource.UNIT_PRICE;
            default -> UkRetailSource.INVOICE_DATE;
        };
    }

    /** The counter of rows dropped by rule, the rules registered in the order they apply, so that all show. */
    static RejectionCounter counter(String file) {
        RejectionCounter counter = new RejectionCounter(file);
        for (int r = 0; r < REGISTERED; r++) {
            counter.register(REASONS[r]);
        }
        return counter;
    }

    /** The problem of a malformed outcome, for the message and the reason. */
    public static String problem(int outcome) {
        return switch (outcome) {
            case EMPTY_INVOICE -> "is empty";
            case BAD_QUANTITY, BAD_PRICE -> "is not a number";
            default -> "is not a date-time";
        };
    }

    /** What was expected of the value of a malformed outcome. */
    static String expected(int outcome) {
        return switch (outcome) {
            case EMPTY_INVOICE -> "an invoice number";
            case BAD_QUANTITY, BAD_PRICE -> NUMBER;
            default -> "a date-time as " + DateTimes.ISO_PATTERN + " or " + InvoiceDates.UCI_PATTERN;
        };
    }
}
