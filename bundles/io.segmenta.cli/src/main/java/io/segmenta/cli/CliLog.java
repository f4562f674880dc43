package io.segmenta.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logging on the module path: {@code System.Logger} calls (the engine's, the stages', the CLI's own) go to
 * java.util.logging, which this class points at standard error with one compact line per record
 * ({@code 14:05:09.123 INFO  io.segmenta.cli: run started: ...}) at the level {@link Verbosity} chooses. While it
 * is installed the root logger has this handler only; {@link #close()} puts the previous ones back.
 */
final class CliLog implements AutoCloseable {
    private static final String ENGINE_LOGGER = "io.segmenta.engine";
    static final String SLF4J_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final List<Handler> previousHandlers = List.of(root.getHandlers());
    private final Handler handler;

    private CliLog(Verbosity verbosity, PrintStream err) {
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    err.print(getFormatter().format(record));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        handler.setFormatter(new LineFormatter());
        handler.setLevel(verbosity.level);
        if (verbosity == Verbosity.NORMAL) {
            // the engine's warnings are its record of a failed or cancelled run, which the CLI itself prints as
            // the one error line: by default the user should not read it twice
            handler.setFilter(r -> !(ENGINE_LOGGER.equals(r.getLoggerName())
                    && r.getLevel().intValue() < Level.SEVERE.intValue()));
        }
        previousHandlers.forEach(root::removeHandler);
        root.addHandler(handler);
        root.setLevel(verbosity.level);
        // slf4j-simple reads its level once, when the first SLF4J logger is made: before the engine loads Smile
        if (System.getProperty(SLF4J_LEVEL_PROPERTY) == null) {
            System.setProperty(SLF4J_LEVEL_PROPERTY, verbosity.slf4jLevel);
        }
    }

    static CliLog install(Verbosity verbosity, PrintStream err) {
        return new CliLog(verbosity, err);
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        previousHandlers.forEach(root::addHandler);
        root.setLevel(previousLevel);
    }

    /** Time, level (as System.Logger names it), logger and message on one line; a stack trace after it. */
    static final class LineFormatter extends Formatter {
        /**
         * Made with the first line, not when the CLI starts: the system time zone loads the time-zone rules
         * (tzdb.dat), which a run that logs nothing does not need (docs/performance.md, "Memory and start-up").
         */
        private static final class Clock {
            static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                    .withZone(ZoneId.systemDefault());
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(Clock.TIME.format(Instant.ofEpochMilli(record.getMillis())))
                    .append(' ').append(String.format("%-5s", levelName(record.getLevel())))
                    .append(' ').append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record).replaceAll("\\s*[\\r\\n]+\\s*", " "))
                    .append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        static String levelName(Level level) {
            int value = level.intValue();
            return value >= Level.SEVERE.intValue() ? "ERROR" : value >= Level.WARNING.intValue() ? "WARN"
                    : value >= Level.INFO.intValue() ? "INFO" : value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
        }
    }
}
