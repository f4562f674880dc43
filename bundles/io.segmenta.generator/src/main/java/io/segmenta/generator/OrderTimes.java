package io.segmenta.generator;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * Draws the times of one customer's orders: the last on the day its planted recency gives, the others on days
 * drawn by the calendar's weights from a first day up to it, each at a time of day of the format's shop
 * hours; sorted. Times count {@code unitsPerDay} units a day from the calendar's first day. Reuses its array,
 * so it holds one customer's orders at a time. Not thread-safe: one per generation.
 */
final class OrderTimes {
    private final OrderCalendar calendar;
    private final long unitsPerDay;
    private final ToLongFunction<SplittableRandom> timeOfDay;
    private long[] times = new long[16];

    /** @param timeOfDay a time within a day, in the same units */
    OrderTimes(OrderCalendar calendar, long unitsPerDay, ToLongFunction<SplittableRandom> timeOfDay) {
        this.calendar = calendar;
        this.unitsPerDay = unitsPerDay;
        this.timeOfDay = timeOfDay;
    }

    /** The day of a customer's last order: its recency before the last day, moved back to an open day. */
    int lastDay(SplittableRandom random, PlantedSegment segment) {
        return calendar.openOnOrBefore(calendar.last() - segment.recency(random));
    }

    /**
     * The times of {@code orders} orders from {@code firstDay} to {@code lastDay} (which must be open), the
     * last one on {@code lastDay}.
     *
     * @return the times, sorted, in the first {@code orders} places of an array reused by the next call
     */
    long[] draw(SplittableRandom random, int orders, int firstDay, int lastDay) {
        if (times.length < orders) {
            times = new long[Math.max(orders, times.length * 2)];
        }
        times[0] = lastDay * unitsPerDay + timeOfDay.applyAsLong(random);
        for (int o = 1; o < orders; o++) {
            times[o] = calendar.day(random, firstDay, lastDay) * unitsPerDay + timeOfDay.applyAsLong(random);
        }
        Arrays.sort(times, 0, orders);
        return times;
    }

    /** A time on a day drawn from the whole period (an order outside a customer's planted behaviour). */
    long anyTime(SplittableRandom random) {
        return calendar.day(random, 0, calendar.last()) * unitsPerDay + timeOfDay.applyAsLong(random);
    }
}
