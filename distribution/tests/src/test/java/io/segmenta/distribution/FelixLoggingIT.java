package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * Logging in Felix, as bin/segmenta-shell runs it: the OSGi Log Service (Apache Felix Log) is active with the
 * levels of deploy/org.osgi.service.log.admin.cfg, and log/segmenta.log in the distribution's folder receives
 * the entries of a run, one line each, while INFO stays off the console.
 */
public class FelixLoggingIT {
    private static final long TIMEOUT_SECONDS = 120;
    /** One entry: date and time, level, bundle, logger, message. */
    private static final String ENTRY = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ +\\[[^]]+] .+: .*";

    @Test
    public void aRunInTheShellIsWrittenToTheLogFile() throws Exception {
        Path home = Distribution.home();
        Distribution.assertShipsTheLogService(home);
        Path file = home.resolve("log/segmenta.log");
        // other tests run the same distribution and append to the same file: read only what this run adds
        long before = Files.exists(file) ? Files.size(file) : 0;

        Path work = Distribution.workDir("felix-logging");
        Path script = work.resolve("logged.gosh");
        Files.writeString(script, "segmenta:run --source uk-retail --input '" + Distribution.sample()
                + "' --k 4 --out out/logged\n"
                // the Log Service's R7 services, as the engine and the log file writer find them
                + "echo factory ($.context getServiceReference org.osgi.service.log.LoggerFactory)\n"
                + "echo admin ($.context getServiceReference org.osgi.service.log.admin.LoggerAdmin)\n"
                + "stop 0\n");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta-shell", "--script", script.toString());
        assertEquals(launch.toString(), 0, launch.exitCode);
        assertFalse("the run printed an error:\n" + launch, launch.out.contains("error:"));
        assertTrue(launch.out, launch.out.lines().anyMatch(l -> l.startsWith("factory ")
                && l.contains("org.osgi.service.log.LoggerFactory")));
        assertTrue(launch.out, launch.out.lines().anyMatch(l -> l.startsWith("admin ")
                && l.contains("org.osgi.service.log.admin.LoggerAdmin")));
        assertFalse("INFO stays in the log file, off the console:\n" + launch.err, launch.err.contains("INFO"));

        assertTrue("no log file at " + file, Files.isRegularFile(file));
        byte[] all = Files.readAllBytes(file);
        List<String> added = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8)
                .lines().toList();
        String text = String.join("\n", added);
        // the shell's record of the command, at INFO (ROOT = INFO in the shipped configuration)
        assertTrue("no entry of the run from io.segmenta.shell:\n" + text, added.stream().anyMatch(l -> l.matches(
                ENTRY) && l.contains(" INFO  [io.segmenta.shell] ") && l.contains("segmenta:run --source uk-retail")
                && l.endsWith(": started")));
        assertTrue("the run's end is not logged:\n" + text, added.stream().anyMatch(
                l -> l.contains("[io.segmenta.shell] ") && l.matches(".*: done in \\d+ ms")));
        // Felix Log's own record of every service event stays out (Events = WARN)
        assertFalse(text, text.contains("ServiceEvent REGISTERED"));
    }
}
