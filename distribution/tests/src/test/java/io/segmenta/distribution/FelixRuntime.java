package io.segmenta.distribution;

import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import io.segmenta.api.pipeline.PipelineEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Pax Exam set-up shared by the Felix tests: Felix 7 (the framework on the test class path) with exactly the
 * bundles of the assembled distribution, loaded from its bundle/ and shell/ folders with file: URLs, and a way
 * to run Gogo commands as a user types them.
 */
final class FelixRuntime {
    /** How long to wait for a service to appear after the framework started; generous for a slow CI machine. */
    private static final long SERVICE_WAIT_MILLIS = 60_000;

    private FelixRuntime() {
    }

    /** Every bundle of the distribution, in the form Pax Exam provisions them. */
    static Option[] distribution() throws IOException {
        return distributionWithout(null);
    }

    /** The bundles of the distribution except those whose file name starts with the given prefix. */
    static Option[] distributionWithout(String excludedJarPrefix) throws IOException {
        List<Option> options = new ArrayList<>();
        for (String url : Distribution.jarUrls("bundle")) {
            String name = url.substring(url.lastIndexOf('/') + 1);
            if (excludedJarPrefix == null || !name.startsWith(excludedJarPrefix)) {
                options.add(bundle(url));
            }
        }
        for (String url : Distribution.jarUrls("shell")) {
            options.add(bundle(url));
        }
        // The Gogo shell bundle would otherwise open an interactive console on the test JVM's standard input.
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        // as conf/config.properties: the shell reads the distribution's etc/gosh_profile (made for non-interactive use)
        options.add(frameworkProperty("gosh.home").value(Distribution.home().toString()));
        options.add(junitBundles());
        options.add(workingDirectory(System.getProperty("segmenta.work.dir", "target/work") + "/pax-exam"));
        options.add(cleanCaches());
        return options.toArray(new Option[0]);
    }

    /** Waits for a service to be registered (SCR activates the components after the bundles start). */
    static <T> T await(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        // deliberately left open: closing it would not unget a service the test goes on using
        T service = tracker.waitForService(SERVICE_WAIT_MILLIS);
        assertNotNull("no " + type.getName() + " service within " + SERVICE_WAIT_MILLIS + " ms", service);
        return service;
    }

    static PipelineEngine engine(BundleContext context) throws InterruptedException {
        return await(context, PipelineEngine.class);
    }

    /**
     * Runs one Gogo command line in a new session whose output and error streams are captured, and returns
     * what it printed. A command that throws fails the test with Gogo's message: users would see that instead
     * of a clear line.
     */
    static String gogo(CommandProcessor processor, String commandLine) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Object result = session.execute(commandLine);
            if (result != null) {
                // what an interactive prompt would print for a returned value
                out.println(session.format(result, org.apache.felix.service.command.Converter.INSPECT));
            }
        } finally {
            session.close();
            out.flush();
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /**
     * Polls until the condition holds, for at most a minute: FileInstall works on its own thread (polling every
     * second in these tests), so there is no event to wait on, and a slow machine may need many polls.
     */
    static void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        awaitTrue(what, condition, 100);
    }

    /** {@link #awaitTrue(String, java.util.function.BooleanSupplier)}, polling every {@code pollMillis}. */
    static void awaitTrue(String what, java.util.function.BooleanSupplier condition, long pollMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + SERVICE_WAIT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            org.junit.Assert.assertTrue(what + ": not within " + SERVICE_WAIT_MILLIS + " ms",
                    System.nanoTime() < deadline);
            Thread.sleep(pollMillis);
        }
    }

    /**
     * The options of a distribution whose FileInstall watches {@code deploy}, emptied first (a rerun starts
     * clean), polling every half second, configured as conf/config.properties configures it otherwise.
     */
    static Option[] withDeployFolder(Option[] distribution, Path deploy) throws IOException {
        if (Files.exists(deploy)) {
            try (java.util.stream.Stream<Path> old = Files.walk(deploy)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(deploy);
        return org.ops4j.pax.exam.OptionUtils.combine(distribution,
                frameworkProperty("felix.fileinstall.dir").value(deploy.toString()),
                frameworkProperty("felix.fileinstall.poll").value("500"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.log.level").value("1"),
                // as conf/config.properties: no writing back into the files, which races with edits
                frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
    }
}
