package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Schedules' next times, computed from given instants (no clock, no waiting). The expected times are those of
 * Vixie cron's rules, worked out by hand with a calendar.
 */
class ScheduleTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** The next {@code count} times after {@code start} (local time in the schedule's zone), as offsets. */
    private static List<String> next(Schedule s, ZonedDateTime start, int count) {
        List<String> times = new ArrayList<>();
        Instant t = start.toInstant();
        for (int i = 0; i < count; i++) {
            t = s.next(t).orElseThrow();
            times.add(OffsetDateTime.ofInstant(t, s.zone().orElseThrow()).toString());
        }
        return times;
    }

    private static ZonedDateTime at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone);
    }

    @Test
    void noneAndIntervals() {
        assertTrue(Schedule.parse("none", null).isNone());
        assertTrue(Schedule.parse("", null).isNone());
        assertEquals(Optional.empty(), Schedule.NONE.next(Instant.EPOCH));
        Schedule every = Schedule.parse("every 30d", null);
        assertEquals(30L * 24 * 60, every.intervalMinutes());
        assertEquals("every 30d", every.toString());
        assertEquals(Instant.parse("2026-12-31T10:00:00Z"), every.next(Instant.parse("2026-12-01T10:00:00Z")).get());
        assertEquals("every 2h", Schedule.every(120).toString());
        assertEquals("every 90m", Schedule.parse("every 90 m", null).toString());
    }

    @Test
    void theFirstOfEveryMonth() {
        Schedule s = Schedule.parse("0 6 1 * *", "Asia/Jakarta");
        assertEquals("0 6 1 * * (Asia/Jakarta)", s.toString());
        assertEquals(List.of("2027-01-01T06:00+07:00", "2027-02-01T06:00+07:00", "2027-03-01T06:00+07:00"),
                next(s, at("2026-12-02T10:00", ZoneId.of("Asia/Jakarta")), 3));
        // exactly at a scheduled time: the next one, not the same one
        assertEquals("2027-02-01T06:00+07:00", next(s, at("2027-01-01T06:00", ZoneId.of("Asia/Jakarta")), 1).get(0));
    }

    @Test
    void monthEndsAndLeapDays() {
        assertEquals(List.of("2028-02-29T00:00Z", "2032-02-29T00:00Z"),
                next(Schedule.parse("0 0 29 2 *", "UTC"), at("2026-03-01T00:00", ZoneId.of("UTC")), 2));
        // the 31st: months without one are passed over
        assertEquals(List.of("2026-05-31T00:00Z", "2026-07-31T00:00Z", "2026-08-31T00:00Z"),
                next(Schedule.parse("0 0 31 * *", "UTC"), at("2026-04-01T00:00", ZoneId.of("UTC")), 3));
    }

    @Test
    void dayOfMonthOrDayOfWeekWhenBothAreGiven() {
        // Fridays and the 13th, not Friday the 13th only (Vixie cron)
        assertEquals(List.of("2026-04-03T00:00+02:00", "2026-04-10T00:00+02:00", "2026-04-13T00:00+02:00",
                "2026-04-17T00:00+02:00"), next(Schedule.parse("0 0 13 * 5", "Europe/Amsterdam"),
                        at("2026-03-28T12:00", AMSTERDAM), 4));
    }

    @Test
    void stepsRangesListsAndNames() {
        Schedule s = Schedule.parse("*/20 9-10 * * mon-fri", "UTC");
        assertEquals(List.of("2026-12-04T09:00Z", "2026-12-04T09:20Z", "2026-12-04T09:40Z", "2026-12-04T10:00Z",
                "2026-12-04T10:20Z", "2026-12-04T10:40Z", "2026-12-07T09:00Z"),
                next(s, at("2026-12-04T08:59", ZoneId.of("UTC")), 7)); // 2026-12-04 is a Friday
        assertEquals(List.of("2027-01-15T12:00Z", "2027-07-15T12:00Z"),
                next(Schedule.parse("0 12 15 jan,jul *", "UTC"), at("2026-12-02T00:00", ZoneId.of("UTC")), 2));
    }

    @Test
    void macros() {
        ZonedDateTime start = at("2026-12-02T10:00", ZoneId.of("UTC"));
        assertEquals(List.of("2027-01-01T00:00Z"), next(Schedule.parse("@monthly", "UTC"), start, 1));
        assertEquals(List.of("2027-01-01T00:00Z"), next(Schedule.parse("@yearly", "UTC"), start, 1));
        assertEquals(List.of("2026-12-06T00:00Z"), next(Schedule.parse("@weekly", "UTC"), start, 1)); // a Sunday
        assertEquals(List.of("2026-12-03T00:00Z"), next(Schedule.parse("@daily", "UTC"), start, 1));
        assertEquals(List.of("2026-12-02T11:00Z"), next(Schedule.parse("@hourly", "UTC"), start, 1));
    }

    @Test
    void clocksGoingForwardSkipATimeThatDoesNotExist() {
        // 2026-03-29 02:00 -> 03:00 in Amsterdam: there is no 02:30 that day
        assertEquals(List.of("2026-03-28T02:30+01:00", "2026-03-30T02:30+02:00"),
                next(Schedule.parse("30 2 * * *", "Europe/Amsterdam"), at("2026-03-27T12:00", AMSTERDAM), 2));
    }

    @Test
    void clocksGoingBackRunADailyTimeOnceAndAnHourlyOneEveryHour() {
        // 2026-10-25 03:00 -> 02:00 in Amsterdam: 02:30 happens twice; a daily 02:30 runs once
        assertEquals(List.of("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00"),
                next(Schedule.parse("30 2 * * *", "Europe/Amsterdam"), at("2026-10-24T23:00", AMSTERDAM), 2));
        assertEquals(List.of("2026-10-25T02:00+02:00", "2026-10-25T02:00+01:00", "2026-10-25T03:00+01:00"),
                next(Schedule.parse("0 * * * *", "Europe/Amsterdam"), at("2026-10-25T01:30", AMSTERDAM), 3));
    }

    @Test
    void badSchedulesSayWhatIsWrong() {
        assertEquals("'61 * * * *' is not a schedule: value 61 not in range [0, 59]; expected none, every N (m, h or "
                + "d), or cron fields 'minute hour day-of-month month day-of-week' such as 0 6 1 * *",
                error("61 * * * *", null));
        assertTrue(error("0 6 1 *", null).startsWith("'0 6 1 *' is not a schedule: cron expression contains 4 parts"),
                error("0 6 1 *", null));
        assertEquals("'every 0d' should be 'every N' with a unit m, h or d (e.g. every 30d)", error("every 0d", null));
        assertEquals("'every week' should be 'every N' with a unit m, h or d (e.g. every 30d)", error("every week", null));
        assertEquals("unknown macro '@fortnightly'; the macros are @yearly, @annually, @monthly, @weekly, @daily, "
                + "@midnight and @hourly", error("@fortnightly", null));
        assertEquals("'Mars/Olympus' is not a time zone (e.g. Asia/Jakarta, UTC, +07:00)", error("@daily", "Mars/Olympus"));
        assertEquals("a time zone applies to a cron schedule, not to 'every 1d'", error("every 1d", "UTC"));
        assertEquals("a time zone is given but no cron schedule", error("none", "UTC"));
    }

    private static String error(String value, String zone) {
        return assertThrows(SegmentaException.class, () -> Schedule.parse(value, zone)).getMessage();
    }
}
