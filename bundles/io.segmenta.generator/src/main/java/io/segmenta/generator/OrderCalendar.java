package io.segmenta.generator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The calendar of a generated export's order dates: the days of its period with their relative order volume
 * (season, weekdays, closing days), drawn by weight, and their {@code "yyyy-MM-dd "} text. Immutable; built
 * once per format.
 */
final class OrderCalendar {
    static final long SECONDS_PER_DAY = 86_400;

    private final LocalDate first;
    private final int last;
    /** cumulative[d] = the weights of days 0 .. d-1. */
    private final double[] cumulative;
    /** "yyyy-MM-dd " per day, up to {@code after} days past the last (deliveries, estimates). */
    private final byte[][] text;

    /**
     * @param weight the relative volume of a day (0: closed); the last day must be open
     * @param after how many days past the last the text table covers
     */
    OrderCalendar(LocalDate first, LocalDate last, ToDoubleFunction<LocalDate> weight, int after) {
        this.first = first;
        this.last = (int) (last.toEpochDay() - first.toEpochDay());
        this.cumulative = new double[this.last + 2];
        for (int d = 0; d <= this.last; d++) {
            cumulative[d + 1] = cumulative[d] + weight.applyAsDouble(first.plusDays(d));
        }
        this.text = new byte[this.last + after + 1][];
        for (int d = 0; d < text.length; d++) {
            text[d] = (first.plusDays(d) + " ").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The index of the last day. */
    int last() {
        return last;
    }

    LocalDate first() {
        return first;
    }

    boolean open(int day) {
        return cumulative[day + 1] > cumulative[day];
    }

    /** The latest open day on or before {@code day}. */
    int openOnOrBefore(int day) {
        int d = Math.max(0, Math.min(day, last));
        while (d > 0 && !open(d)) {
            d--;
        }
        return d;
    }

    /** A day in [from, to] drawn by weight; {@code to} should be open (else the draw is uniform-ish). */
    int day(SplittableRandom random, int from, int to) {
        double lo = cumulative[from];
        double span = cumulative[to + 1] - lo;
        if (span <= 0) {
            return to;
        }
        double u = lo + random.nextDouble() * span;
        int a = from;
        int b = to;
        while (a < b) {
            int mid = (a + b + 1) >>> 1;
            if (cumulative[mid] <= u) {
                a = mid;
            } else {
                b = mid - 1;
            }
        }
        // a closed day has no width: land on the open day before it, within the range
        if (!open(a)) {
            int before = openOnOrBefore(a);
            return before >= from && open(before) ? before : to;
        }
        return a;
    }

    /** Writes "yyyy-MM-dd HH:mm:ss" of a time in seconds since the first day's midnight. */
    void dateTime(AsciiOut out, long seconds) {
        int day = (int) Math.min(seconds / SECONDS_PER_DAY, text.length - 1);
        int s = (int) (seconds % SECONDS_PER_DAY);
        out.put(text[day]);
        out.putTwoDigits(s / 3600);
        out.put(':');
        out.putTwoDigits(s / 60 % 60);
        out.put(':');
        out.putTwoDigits(s % 60);
    }
}
