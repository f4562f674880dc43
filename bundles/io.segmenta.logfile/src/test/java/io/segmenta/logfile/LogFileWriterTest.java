package io.segmenta.logfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/** The writer with stand-ins for Felix Log's services: what reaches the file and the console. */
class LogFileWriterTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<LogListener> listeners = new ArrayList<>();
    private final List<LogEntry> history = new ArrayList<>();

    /** A stand-in of one interface whose methods answer from the map by name (null for the others). */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> methods) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            java.util.function.Function<Object[], Object> answer = methods.get(method.getName());
            return answer == null ? null : answer.apply(args);
        });
    }

    private static LogEntry entry(long time, LogLevel level, String bundle, String logger, String message,
            Throwable exception) {
        Bundle b = fake(Bundle.class, Map.of("getSymbolicName", a -> bundle));
        return fake(LogEntry.class, Map.of("getTime", a -> time, "getLogLevel", a -> level, "getBundle", a -> b,
                "getLoggerName", a -> logger, "getMessage", a -> message, "getException", a -> exception));
    }

    /** The writer on a Log Service whose root context has these levels configured. */
    private LogFileWriter writer(Path file, Map<String, LogLevel> levels) {
        LoggerContext root = fake(LoggerContext.class, Map.of("getLogLevels", a -> levels));
        LoggerAdmin admin = fake(LoggerAdmin.class, Map.of("getLoggerContext", a -> root));
        LogReaderService reader = fake(LogReaderService.class, Map.of(
                "addLogListener", a -> listeners.add((LogListener) a[0]),
                "removeLogListener", a -> listeners.remove(a[0]),
                "getLog", a -> Collections.enumeration(history)));
        return new LogFileWriter(reader, admin, file, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesEntriesToTheFileAndWarningsAlsoToTheConsole() throws Exception {
        Path file = dir.resolve("log/segmenta.log");
        LogFileWriter writer = writer(file, Map.of("ROOT", LogLevel.INFO));
        assertEquals(1, listeners.size());
        LogListener listener = listeners.get(0);
        listener.logged(entry(1_000, LogLevel.INFO, "io.segmenta.engine", "io.segmenta.stage", "reading\nx.csv", null));
        listener.logged(entry(2_000, LogLevel.WARN, "io.segmenta.engine", "io.segmenta.stage", "slow", null));
        listener.logged(entry(3_000, LogLevel.ERROR, "io.segmenta.shell", "cmd", "failed",
                new IllegalStateException("bug")));
        writer.close();
        assertTrue(listeners.isEmpty(), "the listener is removed on deactivation");

        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} "
                + "INFO  \\[io\\.segmenta\\.engine] io\\.segmenta\\.stage: reading x\\.csv"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" WARN  [io.segmenta.engine] io.segmenta.stage: slow"), lines.get(1));
        assertTrue(lines.get(2).endsWith(" ERROR [io.segmenta.shell] cmd: failed"), lines.get(2));
        assertEquals("java.lang.IllegalStateException: bug", lines.get(3));
        assertTrue(lines.get(4).trim().startsWith("at "), lines.get(4));

        String shown = console.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("WARN  [io.segmenta.engine] io.segmenta.stage: slow" + System.lineSeparator()
                + "ERROR [io.segmenta.shell] cmd: failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: bug"), shown);
        assertTrue(!shown.contains("reading"), "INFO stays in the file: " + shown);
    }

    @Test
    void felixLogsEventsAreKeptFromWarnUnlessTheirNamesAreConfigured() throws Exception {
        LogEntry registered = entry(1, LogLevel.INFO, "io.segmenta.engine", "Events.Service.io.segmenta.engine",
                "ServiceEvent REGISTERED", null);
        LogEntry started = entry(2, LogLevel.INFO, "io.segmenta.engine", "Events.Bundle.io.segmenta.engine",
                "BundleEvent STARTED", null);
        LogEntry error = entry(3, LogLevel.ERROR, "org.apache.felix.scr", "Events.Framework.org.apache.felix.scr",
                "FrameworkEvent ERROR", null);

        Path file = dir.resolve("default.log");
        LogFileWriter writer = writer(file, Map.of("ROOT", LogLevel.DEBUG));
        List.of(registered, started, error).forEach(listeners.get(0)::logged);
        writer.close();
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("Events.Framework.org.apache.felix.scr: FrameworkEvent ERROR"), lines.get(0));

        file = dir.resolve("configured.log");
        writer = writer(file, Map.of("ROOT", LogLevel.WARN, "Events.Bundle", LogLevel.INFO));
        List.of(registered, started, error).forEach(listeners.get(0)::logged);
        writer.close();
        lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("BundleEvent STARTED"), lines.get(0));
    }

    @Test
    void whatWasLoggedBeforeItStartedIsWrittenFirstOldestFirst() throws Exception {
        // LogReaderService.getLog(): most recent first
        history.add(entry(System.currentTimeMillis() - 1_000, LogLevel.INFO, "b", "second", "2", null));
        history.add(entry(System.currentTimeMillis() - 2_000, LogLevel.INFO, "a", "first", "1", null));
        Path file = dir.resolve("segmenta.log");
        writer(file, Map.of()).close();
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("first: 1") && lines.get(1).endsWith("second: 2"), lines.toString());
    }

    @Test
    void theFileIsTheFrameworkPropertyElseUnderTheDistributionElseNone() {
        assertEquals(Path.of("/var/log/s.log"), LogFileWriter.fileOf("/var/log/s.log", "/opt/segmenta"));
        assertEquals(Path.of("/opt/segmenta/log/segmenta.log"), LogFileWriter.fileOf(null, "/opt/segmenta"));
        assertNull(LogFileWriter.fileOf(" ", null));
    }
}
