package io.segmenta.logfile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * Makes the OSGi Log Service readable for an operator: every entry is written to the log file (by default
 * {@code log/segmenta.log} in the distribution's folder) and, from {@link #CONSOLE_LEVEL} up, to standard error,
 * which is the console of {@code bin/segmenta-shell}.
 * <p>
 * Levels are the Log Service's own (R7 Logger Admin, configured with Configuration Admin PID
 * {@code org.osgi.service.log.admin}, e.g. {@code ROOT=INFO}): a logger below its level never creates an entry.
 * The one exception is what Apache Felix Log records by itself for every framework, bundle and service event,
 * at INFO and unfiltered, under the logger names {@code Events.Framework.BSN}, {@code Events.Bundle.BSN} and
 * {@code Events.Service.BSN}; this writer applies the level configured for those names to them, WARN if none
 * is, so that the file holds what was logged rather than every service registration.
 * <p>
 * Where the file goes: the framework property {@value #FILE_PROPERTY} if set, else {@code log/segmenta.log}
 * under {@value #HOME_PROPERTY} (set by {@code bin/segmenta-shell}), else nowhere (console only).
 */
@Component(immediate = true, service = {})
public class LogFileWriter implements LogListener {
    static final String FILE_PROPERTY = "segmenta.log.file";
    static final String HOME_PROPERTY = "segmenta.home";
    /** Entries from this level up are also shown on the console. */
    static final LogLevel CONSOLE_LEVEL = LogLevel.WARN;
    private static final String EVENTS = "Events.";
    /** The level of Felix Log's events when none is configured for their names. */
    static final LogLevel EVENTS_LEVEL = LogLevel.WARN;

    private final LogReaderService reader;
    private final LoggerAdmin admin;
    private final LogFile file;
    private final PrintStream console;

    @Activate
    public LogFileWriter(BundleContext context, @Reference LogReaderService reader, @Reference LoggerAdmin admin) {
        this(reader, admin, fileOf(context.getProperty(FILE_PROPERTY), context.getProperty(HOME_PROPERTY)),
                System.err);
    }

    /** For tests: the file (or null for none) and the console given. */
    LogFileWriter(LogReaderService reader, LoggerAdmin admin, Path file, PrintStream console) {
        this.reader = reader;
        this.admin = admin;
        this.file = file == null ? null : new LogFile(file);
        this.console = console;
        long start = System.currentTimeMillis();
        reader.addLogListener(this);
        // what was logged before this bundle started (the Log Service keeps the last entries), oldest first
        List<LogEntry> earlier = new ArrayList<>();
        for (Enumeration<LogEntry> e = reader.getLog(); e.hasMoreElements();) {
            LogEntry entry = e.nextElement();
            if (entry.getTime() < start) {
                earlier.add(entry);
            }
        }
        Collections.reverse(earlier);
        earlier.forEach(this::logged);
    }

    static Path fileOf(String file, String home) {
        if (file != null && !file.isBlank()) {
            return Path.of(file);
        }
        return home == null || home.isBlank() ? null : Path.of(home, "log", "segmenta.log");
    }

    @Override
    public void logged(LogEntry entry) {
        if (!wanted(entry)) {
            return;
        }
        if (CONSOLE_LEVEL.implies(entry.getLogLevel())) {
            console.println(LogLine.console(entry));
            console.flush();
        }
        if (file != null) {
            try {
                file.write(LogLine.file(entry));
            } catch (IOException e) {
                // nowhere else to report it: the console, once per entry that is lost
                console.println("segmenta: cannot write to " + file.path() + ": " + e.getMessage());
            }
        }
    }

    /**
     * False for an event Felix Log recorded unfiltered when its level is below the one configured for its name
     * or the nearest name above it ({@code Events.Bundle}, {@code Events}), or below WARN when none is: ROOT
     * does not apply to them, as they are the framework's bookkeeping rather than a logger's messages.
     */
    private boolean wanted(LogEntry entry) {
        String name = entry.getLoggerName();
        if (name == null || !name.startsWith(EVENTS)) {
            return true;
        }
        Map<String, LogLevel> levels = admin.getLoggerContext(null).getLogLevels();
        for (String n = name; ; n = n.substring(0, n.lastIndexOf('.'))) {
            LogLevel level = levels.get(n);
            if (level != null) {
                return level.implies(entry.getLogLevel());
            }
            if (n.indexOf('.') < 0) {
                return EVENTS_LEVEL.implies(entry.getLogLevel());
            }
        }
    }

    @Deactivate
    void close() throws IOException {
        reader.removeLogListener(this);
        if (file != null) {
            file.close();
        }
    }
}
