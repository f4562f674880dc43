package io.segmenta.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

/** What a command leaves in the OSGi log: started, then done or failed; and the same printed lines as without. */
class CommandGuardTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** The calls made on the logger, as "method format args...". */
    private final List<String> logged = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                List<Object> words = new ArrayList<>(List.of(method.getName()));
                for (Object a : args) {
                    words.addAll(a instanceof Object[] array ? Arrays.asList(array) : List.of(a));
                }
                logged.add(words.stream().map(w -> w instanceof Throwable t ? t.getClass().getSimpleName()
                        : String.valueOf(w)).reduce((a, b) -> a + " " + b).orElseThrow());
                return null;
            });

    @Test
    void aCommandThatWorksIsLoggedWhenItStartsAndEnds() {
        CommandGuard.run(out, false, logger, "segmenta:run --k 4", () -> out.println("table"));
        assertEquals("table\n", bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        assertEquals(2, logged.size(), logged.toString());
        assertEquals("info {}: started segmenta:run --k 4", logged.get(0));
        assertTrue(logged.get(1).startsWith("info {}: done in {} ms segmenta:run --k 4 "), logged.get(1));
    }

    @Test
    void aUserErrorIsRecordedAtInfoAndABugAtErrorWithItsTrace() {
        CommandGuard.run(out, false, logger, "segmenta:run", () -> {
            throw new SegmentaException("no such\nfile");
        });
        assertEquals("info {}: failed: {} segmenta:run no such file", logged.get(1));
        CommandGuard.run(out, false, logger, "segmenta:predict", () -> {
            throw new IllegalStateException("bug");
        });
        assertEquals("error {}: failed segmenta:predict IllegalStateException", logged.get(3));
        assertEquals("""
                error: no such file
                error: java.lang.IllegalStateException: bug
                hint: this is a bug; rerun with --debug to print the stack trace and report it
                """, bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void withoutALogServiceNothingIsLogged() {
        CommandGuard.run(out, false, null, "segmenta:run", () -> out.println("table"));
        assertTrue(logged.isEmpty());
    }
}
