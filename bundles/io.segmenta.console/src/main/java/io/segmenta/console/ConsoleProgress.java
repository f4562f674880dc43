package io.segmenta.console;

import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.StageKind;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints a run's progress as plain lines: one when a step starts, one when it finishes (with its
 * duration), every info message, and progress counts at most once per interval per step (2 seconds by
 * default), so a log of a long run stays short; where the total is known, with an estimate of the time left. No ANSI codes and no carriage returns: the same output
 * reads well in a terminal, a Gogo session and a CI log.
 */
public final class ConsoleProgress implements ProgressListener {
    /** The default minimum time between two progress lines of one step. */
    public static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final PrintStream out;
    private final LongSupplier clock;
    private final long intervalNanos;
    /** When each step last printed (or started), by step label; a run has a handful of steps. */
    private final Map<String, Long> lastPrinted = new HashMap<>();
    /** When each step started (or first reported progress), for the estimate of the time left. */
    private final Map<String, Long> started = new HashMap<>();

    public ConsoleProgress(PrintStream out) {
        this(out, System::nanoTime, DEFAULT_INTERVAL_NANOS);
    }

    /** For tests: a fake clock (nanoseconds) and interval. */
    ConsoleProgress(PrintStream out, LongSupplier clock, long intervalNanos) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.intervalNanos = intervalNanos;
    }

    /** How a step is named in progress lines and timings: "source uk-retail", or "scaling" for engine steps. */
    public static String step(StageKind kind, String name) {
        return kind == null ? name : kind.label() + " " + name;
    }

    @Override
    public synchronized void stepStarted(StageKind kind, String name) {
        String step = step(kind, name);
        long now = clock.getAsLong();
        lastPrinted.put(step, now);
        started.put(step, now);
        out.println(step + " ...");
        out.flush();
    }

    @Override
    public synchronized void progress(StageKind kind, String name, long done, long total, String unit) {
        String step = step(kind, name);
        long now = clock.getAsLong();
        Long last = lastPrinted.get(step);
        if (last == null) {
            // progress without stepStarted: start the interval now rather than print at once
            lastPrinted.put(step, now);
            started.put(step, now);
            return;
        }
        if (now - last < intervalNanos) {
            return;
        }
        lastPrinted.put(step, now);
        StringBuilder line = new StringBuilder("  ").append(step).append(": ").append(Numbers.grouped(done));
        if (total >= 0) {
            line.append(" of ").append(Numbers.grouped(total));
        }
        if (unit != null && !unit.isEmpty()) {
            line.append(' ').append(unit);
        }
        if (total > 0) {
            line.append(" (").append(Numbers.percent((double) done / total));
            Long start = started.get(step);
            if (start != null && done > 0 && done < total) {
                // the rate so far, extrapolated: rough, but what a user waiting wants to know
                double left = (now - start) / 1e9 * (total - done) / done;
                line.append(", about ").append(duration(left)).append(" left");
            }
            line.append(')');
        }
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void info(StageKind kind, String name, String message) {
        out.println("  " + step(kind, name) + ": " + message);
        out.flush();
    }

    @Override
    public synchronized void stepFinished(StageKind kind, String name, long nanos) {
        String step = step(kind, name);
        lastPrinted.remove(step);
        started.remove(step);
        out.println(step + " done in " + Numbers.millis(nanos));
        out.flush();
    }

    /** "5 s", "3 min 20 s", "2 h 5 min", rounded to what matters at that size. */
    static String duration(double seconds) {
        long s = Math.max(1, Math.round(seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 || s >= 600 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }
}
