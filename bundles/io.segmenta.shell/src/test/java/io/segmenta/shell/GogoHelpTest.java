package io.segmenta.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.testing.FakeEngine;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.apache.felix.gogo.command.Basic;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.junit.jupiter.api.Test;

/**
 * Felix's own {@code help} command (gogo.command's Basic) over the segmenta command services, registered with
 * the functions their components declare: help lists a function only when the service has a public method of
 * exactly that name, and prints that method's descriptors.
 */
class GogoHelpTest {
    /** The functions of SegmentaCommands' @Component, as registered in Felix. */
    private static final String[] FUNCTIONS = {"stages", "run", "generate", "selectk", "predict", "pipelines",
        "history"};

    private static String help(String... name) {
        SegmentaCommands commands = new SegmentaCommands(new FakeEngine());
        Map<ServiceReference<?>, Object> services = Map.of(
                reference(Map.of("osgi.command.scope", "segmenta", "osgi.command.function", FUNCTIONS)), commands,
                reference(Map.of("osgi.command.scope", "segmenta", "osgi.command.function", "select-k")),
                new SelectKCommand(commands));
        BundleContext context = (BundleContext) Proxy.newProxyInstance(GogoHelpTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAllServiceReferences" -> services.keySet().toArray(new ServiceReference<?>[0]);
                    case "getService" -> services.get(args[0]);
                    default -> null;
                });
        Basic basic = new Basic(context);
        return name.length == 0 ? basic.help() : basic.help(name[0]);
    }

    private static ServiceReference<?> reference(Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(GogoHelpTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void helpListsEveryFunctionSelectKIncluded() {
        String list = help();
        for (String f : FUNCTIONS) {
            assertTrue(list.contains("segmenta:" + f + "\n") || list.contains("segmenta:" + f + System.lineSeparator()),
                    "help lists segmenta:" + f + ":\n" + list);
        }
    }

    @Test
    void helpOfSelectKShowsItsOptions() {
        String text = help("segmenta:selectk");
        assertFalse(text.contains("No methods found"), text);
        assertTrue(text.contains("chooses the number of segments"), text);
        assertTrue(text.contains("--k-min"), text);
        assertTrue(help("selectk").contains("--k-max"), "help finds it without the scope too");
    }
}
