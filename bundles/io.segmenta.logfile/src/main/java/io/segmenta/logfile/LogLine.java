package io.segmenta.logfile;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;

/**
 * One log entry as text: {@code 2026-01-31 14:05:09.123 INFO  [io.segmenta.shell] LOGGER: message}, on one line
 * (line breaks in the message become spaces), followed by the stack trace of its exception if it has one.
 */
final class LogLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private LogLine() {
    }

    /** The entry for the log file: time, level, bundle, logger and message, then the trace if any. */
    static String file(LogEntry entry) {
        return TIME.format(Instant.ofEpochMilli(entry.getTime())) + " " + console(entry);
    }

    /** The entry for the console: as in the file, without the date and time. */
    static String console(LogEntry entry) {
        StringBuilder line = new StringBuilder(String.format("%-5s", entry.getLogLevel().name()));
        Bundle bundle = entry.getBundle();
        if (bundle != null && bundle.getSymbolicName() != null) {
            line.append(" [").append(bundle.getSymbolicName()).append(']');
        }
        line.append(' ').append(entry.getLoggerName()).append(": ").append(oneLine(entry.getMessage()));
        Throwable exception = entry.getException();
        if (exception != null) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        return line.toString();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
