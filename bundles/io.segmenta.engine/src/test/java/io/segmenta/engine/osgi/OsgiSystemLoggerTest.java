package io.segmenta.engine.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

class OsgiSystemLoggerTest {
    /** What the OSGi logger was called with: "method format args..." per call. */
    private final List<String> calls = new ArrayList<>();
    private final List<Object[]> arguments = new ArrayList<>();
    /** The levels the OSGi logger has enabled, as its is...Enabled methods answer. */
    private Set<String> enabled = Set.of("trace", "debug", "info", "warn", "error");

    private final Logger osgi = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("getName")) {
                    return "io.segmenta.engine";
                }
                if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return enabled.contains(name.substring(2, name.length() - 7).toLowerCase());
                }
                calls.add(name + " " + args[0]);
                arguments.add(args.length > 1 && args[1] instanceof Object[] rest ? rest : Arrays.copyOfRange(args, 1,
                        args.length));
                return null;
            });
    private final System.Logger logger = new OsgiSystemLogger(osgi);

    @Test
    void levelsMapOneToOne() {
        assertEquals("io.segmenta.engine", logger.getName());
        logger.log(Level.TRACE, "t");
        logger.log(Level.DEBUG, "d");
        logger.log(Level.INFO, "i");
        logger.log(Level.WARNING, "w");
        logger.log(Level.ERROR, "e");
        logger.log(Level.OFF, "never");
        assertEquals(List.of("trace {}", "debug {}", "info {}", "warn {}", "error {}"), calls);
        assertEquals(List.of("t"), List.of(arguments.get(0)));
        assertEquals(List.of("e"), List.of(arguments.get(4)));
        assertFalse(logger.isLoggable(Level.OFF));
    }

    @Test
    void theMessageIsHandedOverWholeSoBracesInItStay() {
        logger.log(Level.INFO, "columns {} of {0}");
        assertEquals(List.of("columns {} of {0}"), List.of(arguments.get(0)));
    }

    @Test
    void parametersAreFormattedAsSystemLoggerSpecifiesAndAThrowableGoesLast() {
        logger.log(Level.INFO, "read {0} rows of {1}", 10, "input.csv");
        assertEquals(List.of("read 10 rows of input.csv"), List.of(arguments.get(0)));
        IllegalStateException bug = new IllegalStateException("bug");
        logger.log(Level.WARNING, "failed", bug);
        assertEquals("warn {}", calls.get(1));
        assertEquals("failed", arguments.get(1)[0]);
        assertSame(bug, arguments.get(1)[1]);
    }

    @Test
    void disabledLevelsAreNotFormattedNorWritten() {
        enabled = Set.of("warn", "error");
        assertFalse(logger.isLoggable(Level.INFO));
        assertTrue(logger.isLoggable(Level.WARNING));
        logger.log(Level.INFO, () -> {
            throw new AssertionError("the supplier is not called");
        });
        logger.log(Level.DEBUG, "x {0}", 1);
        assertEquals(List.of(), calls);
    }

    @Test
    void aResourceBundleLocalizesTheMessage() {
        ResourceBundle bundle = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"rows", "{0} Zeilen"}};
            }
        };
        logger.log(Level.INFO, bundle, "rows", 5);
        logger.log(Level.INFO, bundle, "no key", (Throwable) null);
        assertEquals("5 Zeilen", arguments.get(0)[0]);
        assertEquals("no key", arguments.get(1)[0]);
    }
}
