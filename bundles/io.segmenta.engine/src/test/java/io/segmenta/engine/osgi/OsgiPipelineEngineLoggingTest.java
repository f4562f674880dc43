package io.segmenta.engine.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** The engine logs to the OSGi Log Service while one is bound, and to System.getLogger when there is none. */
class OsgiPipelineEngineLoggingTest {
    private final List<String> asked = new ArrayList<>();

    private final LoggerFactory factory = (LoggerFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {LoggerFactory.class}, (proxy, method, args) -> {
                if (method.getName().equals("getLogger") && args.length == 1 && args[0] instanceof String name) {
                    asked.add(name);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class},
                            (p, m, a) -> m.getName().equals("getName") ? name : null);
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void loggersComeFromTheLogServiceWhileItIsBound() {
        OsgiPipelineEngine engine = new OsgiPipelineEngine();
        assertFalse(engine.logger("io.segmenta.engine") instanceof OsgiSystemLogger, "no Log Service: System.Logger");

        engine.setLogService(factory);
        System.Logger logger = engine.logger("io.segmenta.stage.algorithm.kmeans");
        assertInstanceOf(OsgiSystemLogger.class, logger);
        assertEquals("io.segmenta.stage.algorithm.kmeans", logger.getName());
        assertEquals(List.of("io.segmenta.stage.algorithm.kmeans"), asked);

        engine.removeLogService(factory);
        assertFalse(engine.logger("io.segmenta.engine") instanceof OsgiSystemLogger, "gone again: System.Logger");
    }
}
