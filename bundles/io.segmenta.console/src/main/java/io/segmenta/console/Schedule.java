package io.segmenta.console;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.segmenta.api.SegmentaException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a named pipeline runs by itself: never ({@code none}), at a fixed interval ({@code every 30d}), or at the
 * times a cron expression names ({@code 0 6 1 * *}: 06:00 on the first of every month).
 * <p>
 * Cron expressions are the five fields of Unix cron (minute, hour, day of month, month, day of week) with
 * {@code *}, lists, ranges, steps and month and day names, as Vixie cron and Kubernetes CronJobs read them,
 * including the rule that when both day fields are restricted a day matching either runs; and the macros
 * {@code @yearly} ({@code @annually}), {@code @monthly}, {@code @weekly}, {@code @daily} ({@code @midnight}) and
 * {@code @hourly}. They are read in a time zone ({@code schedule.zone}, default the JVM's). Parsing and the
 * next time are cron-utils' (its Unix definition), embedded in this bundle.
 * <p>
 * A time that does not exist on a day clocks go forward (02:30 when 02:00 becomes 03:00) is skipped that day,
 * and one that happens twice when they go back runs once.
 */
public final class Schedule {
    /** No scheduled runs. */
    public static final Schedule NONE = new Schedule("none", 0, null, null, null);

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Pattern EVERY = Pattern.compile("every\\s+(\\d{1,6})\\s*([mhd])");
    private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final String text;
    private final long intervalMinutes;
    private final String cron;
    private final ZoneId zone;
    private final ExecutionTime times;

    private Schedule(String text, long intervalMinutes, String cron, ZoneId zone, ExecutionTime times) {
        this.text = text;
        this.intervalMinutes = intervalMinutes;
        this.cron = cron;
        this.zone = zone;
        this.times = times;
    }

    /**
     * Reads a schedule.
     *
     * @param value {@code none} (or blank), {@code every N} with a unit {@code m}, {@code h} or {@code d}, a
     *        five-field cron expression or a cron macro
     * @param zone the time zone of a cron expression (an id such as {@code Asia/Jakarta}), or null for the JVM's
     * @throws SegmentaException saying what is wrong (the caller names the field)
     */
    public static Schedule parse(String value, String zone) {
        String v = value == null ? "" : value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("none")) {
            if (zone != null && !zone.isBlank()) {
                throw new SegmentaException("a time zone is given but no cron schedule");
            }
            return NONE;
        }
        if (lower.startsWith("every")) {
            if (zone != null && !zone.isBlank()) {
                throw new SegmentaException("a time zone applies to a cron schedule, not to '" + v + "'");
            }
            Matcher m = EVERY.matcher(lower);
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new SegmentaException("'" + v + "' should be 'every N' with a unit m, h or d (e.g. every 30d)");
            }
            long n = Long.parseLong(m.group(1));
            return every(switch (m.group(2)) {
                case "m" -> n;
                case "h" -> n * 60;
                default -> n * 60 * 24;
            });
        }
        String expression = v.startsWith("@") ? MACROS.get(lower) : v.replaceAll("\\s+", " ");
        if (expression == null) {
            throw new SegmentaException("unknown macro '" + v + "'; the macros are @yearly, @annually, @monthly, "
                    + "@weekly, @daily, @midnight and @hourly");
        }
        Cron parsed;
        try {
            parsed = UNIX.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new SegmentaException("'" + v + "' is not a schedule: " + cronMessage(e)
                    + "; expected none, every N (m, h or d), or cron fields 'minute hour day-of-month month "
                    + "day-of-week' such as 0 6 1 * *");
        }
        ZoneId id = zone(zone);
        return new Schedule(v, 0, expression, id, ExecutionTime.forCron(parsed));
    }

    /** Every {@code minutes} minutes (at least 1), written in the largest whole unit: {@code every 30d}. */
    public static Schedule every(long minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("minutes " + minutes);
        }
        String text = minutes % (60 * 24) == 0 ? minutes / (60 * 24) + "d"
                : minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
        return new Schedule("every " + text, minutes, null, null, null);
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new SegmentaException("'" + zone.trim() + "' is not a time zone (e.g. Asia/Jakarta, UTC, +07:00)");
        }
    }

    /** cron-utils' message, without its "Failed to parse cron expression." preamble. */
    private static String cronMessage(IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage()).replace("Failed to parse cron expression.", "").trim();
        if (m.isEmpty()) {
            m = "it cannot be read";
        }
        return Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    public boolean isNone() {
        return intervalMinutes == 0 && cron == null;
    }

    /** The interval in minutes of an {@code every} schedule, 0 otherwise. */
    public long intervalMinutes() {
        return intervalMinutes;
    }

    /**
     * The first time after {@code after} (strictly) that the schedule names; empty for {@code none}. For an
     * interval that is {@code after} plus the interval: a pipeline's first interval run is one interval after
     * it was first seen.
     */
    public Optional<Instant> next(Instant after) {
        if (intervalMinutes > 0) {
            return Optional.of(after.plusSeconds(intervalMinutes * 60));
        }
        if (cron == null) {
            return Optional.empty();
        }
        return times.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }

    /** The zone of a cron schedule, or empty. */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(zone);
    }

    /** As written: {@code none}, {@code every 30d}, or the cron expression with its zone. */
    @Override
    public String toString() {
        return cron == null ? text : text + " (" + zone.getId() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
