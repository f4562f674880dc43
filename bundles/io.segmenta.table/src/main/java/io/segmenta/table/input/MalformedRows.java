package io.segmenta.table.input;

import io.segmenta.api.InputDataException;
import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageOption;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The bad-row policy of one input file. A malformed row is a data row with a value that cannot be read (a
 * number, a date) or the wrong number of fields. Such rows are skipped and counted by reason ("malformed:
 * Quantity is not a number", "malformed: wrong number of fields") with their first line numbers, so that
 * a few broken lines in a large export do not stop a run and none goes unreported; but a file where more
 * than a share of the rows is malformed (option {@value #OPTION}, default {@value #DEFAULT}) is plainly not
 * the expected format, and the read stops with one message saying so and quoting the first bad value.
 * <p>
 * The share is checked as rows are read, once {@value #CHECK_FROM} rows were read (so that a wrong file
 * fails fast, before a large file is read to its end), and again by {@link #finish()} for any number of
 * rows. With {@value #OPTION}=0 the first malformed row stops the read with its own message, as a strict
 * reader would. Problems of the file as a whole (a missing file, an empty one, a header without the
 * expected columns, bytes not in the expected encoding, broken quoting) are not malformed rows: they stay
 * immediate errors.
 * <p>
 * Attaching to a {@link CsvRecords} (the constructor does it) makes records of the wrong width come here
 * instead of raising an exception; values the source cannot parse it passes to {@link #reject}. One
 * instance per file read; not thread-safe.
 */
public final class MalformedRows {
    /** The stage option holding the largest share of malformed rows that is skipped and counted. */
    public static final String OPTION = "max-malformed";
    /** The default of {@value #OPTION}, as users write it. */
    public static final String DEFAULT = "5%";
    /** The default of {@value #OPTION} as a fraction. */
    public static final double DEFAULT_MAX = 0.05;
    /** From this many rows read on, the share is checked at every malformed row. */
    public static final long CHECK_FROM = 1_000;
    /** The reason of a record with another number of fields than the header. */
    public static final String WRONG_WIDTH = "malformed: wrong number of fields";

    private static final String PREFIX = "malformed: ";

    private final String file;
    private final LongSupplier rows;
    private final double max;
    private final RejectionCounter counter;
    private InputDataException first;

    /**
     * Starts counting the malformed rows of a file, and takes over the records of the wrong width from it.
     * Create it after the header was read: the rows read before (none, normally) count as well.
     *
     * @param max the largest share of malformed rows that is tolerated, from 0 (strict) to 1; see
     *        {@link #max(Options)}
     */
    public MalformedRows(CsvRecords records, double max) {
        this(records.file(), records::rows, max);
        records.malformedRows(this);
    }

    /**
     * For a reader that splits records itself (the parallel reader, replaying its blocks' malformed rows in file
     * order): {@code rows} says how many data rows were read so far, and the reader calls {@link #checkEarly()}
     * where a sequential read would have checked the share.
     *
     * @param file the file name as messages show it
     */
    public MalformedRows(String file, LongSupplier rows, double max) {
        if (!(max >= 0 && max <= 1)) {
            throw new IllegalArgumentException("max must be from 0 to 1: " + max);
        }
        this.file = file;
        this.rows = rows;
        this.max = max;
        this.counter = new RejectionCounter(file);
    }

    /** The option for {@code Stage.options()} of a source that applies this policy. */
    public static StageOption option() {
        return new StageOption(OPTION, "largest share of malformed rows (a value that cannot be read, a wrong "
                + "number of fields) that is skipped and counted, as a percentage (5%) or fraction (0.05); "
                + "more stops the read; 0 stops at the first malformed row", DEFAULT);
    }

    /**
     * The value of option {@value #OPTION}: "5%" or "0.05" (the same), "0" (strict), up to "100%" or "1".
     *
     * @throws SegmentaException naming the option when the value is none of these
     */
    public static double max(Options options) {
        String text = options.get(OPTION).orElse(null);
        if (text == null) {
            return DEFAULT_MAX;
        }
        boolean percent = text.endsWith("%");
        String number = percent ? text.substring(0, text.length() - 1).strip() : text;
        double value = Decimals.parse(number, '.', Decimals.NO_SEPARATOR, false);
        if (percent) {
            value /= 100;
        }
        if (!(value >= 0 && value <= 1)) {
            throw new SegmentaException("option " + OPTION + ": '" + text + "' is not a share of rows: give a "
                    + "percentage from 0% to 100% (e.g. 5%) or a fraction from 0 to 1 (e.g. 0.05); 0 stops at the "
                    + "first malformed row");
        }
        return value;
    }

    /**
     * The reason for a value that cannot be read: "malformed: {column} {problem}", e.g. "malformed:
     * Quantity is not a number". One reason per column and problem, so that the account says which column
     * of which rows was wrong.
     */
    public static String reason(String column, String problem) {
        return PREFIX + column + " " + problem;
    }

    /**
     * Skips a malformed row: counts it under {@code reason} at the error's line, or throws.
     *
     * @param error the message that names the file, line, column, value and what was expected; thrown as
     *        it is in strict mode, quoted in the message about too many malformed rows
     * @throws InputDataException {@code error} when {@value #OPTION} is 0, or the message about too many
     *         malformed rows when at least {@value #CHECK_FROM} rows were read and more than the allowed
     *         share of them are malformed
     */
    public void reject(String reason, InputDataException error) {
        if (max == 0) {
            throw error;
        }
        if (first == null) {
            first = error;
        }
        counter.reject(reason, error.line());
        if (rows.getAsLong() >= CHECK_FROM) {
            check();
        }
    }

    /**
     * The check made when the first {@value #CHECK_FROM} rows have all been read and the next one is about to be
     * (so that a wrong file fails fast).
     *
     * @throws InputDataException when more than the allowed share of the rows read so far are malformed
     */
    public void checkEarly() {
        check();
    }

    /** Throws the message about too many malformed rows when more than the allowed share are. */
    void check() {
        long rows = this.rows.getAsLong();
        long count = counter.total();
        if (count > max * rows) {
            throw tooMany(count, rows, true);
        }
    }

    /**
     * Checks the share once the file was read to its end, whatever its size.
     *
     * @throws InputDataException when more than the allowed share of the rows are malformed
     */
    public void finish() {
        long rows = this.rows.getAsLong();
        long count = counter.total();
        if (count > 0 && count > max * rows) {
            throw tooMany(count, rows, false);
        }
    }

    private InputDataException tooMany(long count, long rows, boolean soFar) {
        return new InputDataException(file, 0, null, null, String.format(Locale.ROOT,
                "%,d of %,d rows%s %s malformed (%.1f%%, more than the %s allowed by %s); the first: %s; is this the"
                        + " right file and format?", count, rows, soFar ? " read so far" : "",
                count == 1 ? "is" : "are", 100.0 * count / rows, percent(max), OPTION, first.getMessage()));
    }

    /** 0.05 as "5%", 0.125 as "12.5%". */
    static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Malformed rows counted so far. */
    public long count() {
        return counter.total();
    }

    /** The malformed rows by reason, in the order the reasons first occurred; empty when there were none. */
    public List<Rejection> toRejections() {
        return counter.toRejections();
    }

    /**
     * For a file whose rows are not rows of the result (a lookup table), one line saying what was skipped:
     * "{file}: 2 malformed row(s) skipped: malformed: price is not a number 2 (lines 5, 9)", or null when
     * nothing was.
     */
    public String summary() {
        if (counter.total() == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(file).append(": ").append(counter.total())
                .append(" malformed row(s) skipped:");
        List<Rejection> rejections = counter.toRejections();
        for (int i = 0; i < rejections.size(); i++) {
            Rejection r = rejections.get(i);
            sb.append(i == 0 ? " " : "; ").append(r.reason().substring(PREFIX.length())).append(' ')
                    .append(r.count()).append(" (line").append(r.firstLines().size() > 1 ? "s " : " ");
            for (int k = 0; k < r.firstLines().size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(r.firstLines().get(k));
            }
            sb.append(r.count() > r.firstLines().size() ? ", ...)" : ")");
        }
        return sb.toString();
    }
}
