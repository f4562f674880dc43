package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** bin/segmenta: the same stages on the plain JPMS module path (lib/), as a user runs it. */
public class CliIT {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    public void runsThePipelineOnTheSample() throws Exception {
        Path work = Distribution.workDir("cli-run");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "4", "--out", "out");
        assertEquals(launch.toString(), 0, launch.exitCode);
        Distribution.assertShowsClusterTable(launch.out, 4);

        // --out is relative to the current folder, not to the distribution
        Map<String, String> summary = Distribution.checkReports(work.resolve("out"), 4);
        assertEquals("kmeans", summary.get("algorithm"));
        assertEquals("rfm", summary.get("feature extractor"));
    }

    @Test
    public void aMissingInputIsOneLineOnStandardErrorAndExitStatus2() throws Exception {
        Path work = Distribution.workDir("cli-missing");
        Path missing = work.resolve("no-such-file.csv");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                missing.toString(), "--k", "4", "--out", "out");
        assertEquals(launch.toString(), 2, launch.exitCode);
        List<String> lines = launch.err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("one line on stderr:\n" + launch, 1, lines.size());
        String line = lines.get(0);
        assertTrue("the message should name the missing file: " + line, line.contains("no-such-file.csv"));
        assertFalse("no exception class in the message: " + line, line.contains("Exception"));
        assertFalse("no stack frame in the message: " + line, line.matches("\\s*at .*"));
        assertFalse("nothing may be written", Files.exists(work.resolve("out/summary.csv")));
    }

    @Test
    public void listsTheFourKindsOfStage() throws Exception {
        Launch launch = Launch.run(Distribution.workDir("cli-stages"), TIMEOUT_SECONDS, "segmenta", "stages");
        assertEquals(launch.toString(), 0, launch.exitCode);
        Distribution.assertListsUkRetailStages(launch.out);
    }
}
