package io.segmenta.source.ukretail;

import io.segmenta.table.input.DateTimes;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * The two formats an invoice date comes in: {@value DateTimes#ISO_PATTERN} in the shared export (scanned by
 * hand, {@link DateTimes#parseIso}), and {@value #UCI_PATTERN} with optional seconds in a CSV saved from
 * the UCI xlsx. Public for the Spark back-end, which runs the same rules on a plain class path (the package is not
 * exported: no bundle or module sees it).
 */
public final class InvoiceDates {
    /** The format of a CSV saved from the UCI xlsx, e.g. "12/1/2010 8:26"; seconds are optional. */
    static final String UCI_PATTERN = "M/d/yyyy H:mm";

    // STRICT resolution with 'uuuu' rejects 2/30/2011 instead of quietly moving it to 2/28.
    private static final DateTimeFormatter UCI_FORMAT =
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private InvoiceDates() {
    }

    /**
     * Parses an invoice date as seconds since 1970-01-01T00:00 of the local date-time: ISO first (the
     * shared export), then the UCI format.
     *
     * @return the seconds, or {@link DateTimes#BAD} when the text is in neither format or is not a real date
     */
    public static long parse(String text) {
        String s = text.strip();
        long fast = DateTimes.parseIso(s);
        if (fast != DateTimes.BAD || s.indexOf('/') < 0) {
            return fast; // without a '/' the text is not worth a formatter and an exception
        }
        return DateTimes.parse(s, UCI_FORMAT, true);
    }
}
