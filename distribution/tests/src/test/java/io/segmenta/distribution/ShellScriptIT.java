package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/** bin/segmenta-shell: Felix with the Gogo shell, running the shipped demo script without a console. */
public class ShellScriptIT {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    public void theDemoScriptListsTheStagesSegmentsTheSampleAndExits() throws Exception {
        Path work = Distribution.workDir("shell-demo");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta-shell", "--script",
                Distribution.home().resolve("scripts/demo.gosh").toString());
        assertEquals(launch.toString(), 0, launch.exitCode);
        Distribution.assertListsUkRetailStages(launch.out);
        Distribution.assertShowsClusterTable(launch.out, 4);
        assertFalse("the demo printed an error:\n" + launch, launch.out.contains("error:"));
        // the demo writes to out/demo under the current folder
        Distribution.checkReports(work.resolve("out/demo"), 4);
        assertTrue(Files.isRegularFile(work.resolve("out/demo/assignments.csv")));
    }

    @Test
    public void aFailingScriptEndsWithExitStatus1InsteadOfHanging() throws Exception {
        Path work = Distribution.workDir("shell-failing");
        Path script = Files.writeString(work.resolve("failing.gosh"), "no-such-command\nstop 0\n");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta-shell", "--script", script.toString());
        assertEquals(launch.toString(), 1, launch.exitCode);
        assertTrue("the failure should be reported:\n" + launch,
                (launch.out + launch.err).contains("segmenta-shell: ") && (launch.out + launch.err).contains("no-such-command"));
    }
}
