package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Kill tests (docs/reliability.md): bin/segmenta is killed with SIGKILL at random moments of a run that writes
 * every report and a model file into a folder holding a previous run, many times; after each kill the folder holds
 * exactly one complete run, and what the killed runs left beside it is cleaned by the next run.
 */
public class KillRunIT {
    /** Kills; with a run of about two seconds on two cores the test stays under a minute or so. */
    private static final int KILLS = 30;
    private static final long SEED = 16;
    private static final long TIMEOUT_SECONDS = 120;
    private static final List<String> REPORTS = List.of("assignments.csv", "segments.csv", "segment_categories.csv",
            "summary.csv", "summary.json", "trends.csv", "report.html", "segments.xlsx", "model.json");
    private static final Pattern K = Pattern.compile("\"k\": (\\d+)");

    @Test
    public void aKilledRunLeavesTheFolderHoldingExactlyOneCompleteRun() throws Exception {
        Path work = Distribution.workDir("kill");
        Path out = work.resolve("out");
        long start = System.nanoTime();
        Process first = start(work, 3);
        assertTrue("the first run did not finish", first.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(output(work), 0, first.exitValue());
        long runMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, checkCompleteRun(out));

        Random random = new Random(SEED);
        int killedWhileRunning = 0;
        for (int i = 0; i < KILLS; i++) {
            int k = 3 + (i % 2); // alternate k, so a mix of two runs would show
            Process run = start(work, k);
            // anywhere from the JVM's start to a little past a whole run
            long delay = (long) (random.nextDouble() * runMillis * 1.1);
            if (!run.waitFor(delay, TimeUnit.MILLISECONDS)) {
                killedWhileRunning++;
                run.descendants().forEach(ProcessHandle::destroyForcibly); // the JVM the launcher started
                run.destroyForcibly();
                run.waitFor();
            }
            Path complete = Files.isDirectory(out) ? out : setAside(work);
            int kept = checkCompleteRun(complete);
            assertTrue("kill " + i + ": k " + kept, kept == 3 || kept == 4);
        }
        assertTrue("most runs must have been killed while running: " + killedWhileRunning,
                killedWhileRunning >= KILLS / 2);
        System.out.println("KillRunIT: " + KILLS + " runs, " + killedWhileRunning + " killed while running; a whole run"
                + " takes " + runMillis + " ms");

        // the next run cleans what the killed runs left: no staging or set-aside folder, no temporary file
        Process last = start(work, 3);
        assertTrue(last.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(output(work), 0, last.exitValue());
        assertEquals(3, checkCompleteRun(out));
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(".out.segmenta-lock", "out"), files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(".out") || n.equals("out")).sorted().toList());
        }
    }

    private static Process start(Path work, int k) throws IOException {
        List<String> command = new ArrayList<>(List.of(Distribution.home().resolve("bin/segmenta").toString(), "run",
                "--source", "uk-retail", "--input", Distribution.sample().toString(), "--k", Integer.toString(k),
                "--report", "csv,json,html,xlsx", "--out", "out", "--save-model", "out/model.json"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(work.resolve("segmenta.out").toFile()).redirectError(work.resolve("segmenta.err").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        return builder.start();
    }

    /** A kill between the swap's two renames leaves no folder and the previous run whole beside it. */
    private static Path setAside(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            List<Path> old = files.filter(f -> f.getFileName().toString().startsWith(".out.old-")).toList();
            assertEquals("no output folder, so exactly one set-aside run: " + old, 1, old.size());
            return old.get(0);
        }
    }

    /**
     * Checks that the folder holds exactly one complete run: its manifest names exactly the files present, each of
     * them is complete (the csv reports agree with each other, the json files and the page are whole, the workbook
     * opens), and all are of the same run (the same k everywhere).
     *
     * @return the run's k
     */
    private static int checkCompleteRun(Path folder) throws IOException {
        Path manifest = folder.resolve("segmenta-run.txt");
        assertTrue("no manifest in " + folder + ": " + list(folder), Files.isRegularFile(manifest));
        List<String> named;
        try (Stream<String> lines = Files.lines(manifest)) {
            named = lines.filter(l -> l.startsWith("file: ")).map(l -> l.substring(6)).sorted().toList();
        }
        List<String> present = list(folder).stream().filter(n -> !n.equals("segmenta-run.txt")).sorted().toList();
        assertEquals("the manifest names exactly the files present", present, named);
        assertEquals(REPORTS.stream().sorted().toList(), named);

        int k = firstK(folder.resolve("summary.json"));
        assertEquals("model.json is of the same run", k, firstK(folder.resolve("model.json")));
        int customers = Integer.parseInt(Distribution.checkReports(folder, k).get("customers"));
        Distribution.checkWorkbook(folder, customers);
        assertTrue("report.html is whole", Files.readString(folder.resolve("report.html"), StandardCharsets.UTF_8)
                .strip().endsWith("</html>"));
        assertTrue(Files.readString(folder.resolve("summary.json"), StandardCharsets.UTF_8).strip().endsWith("}"));
        assertTrue(Files.readString(folder.resolve("model.json"), StandardCharsets.UTF_8).strip().endsWith("}"));
        return k;
    }

    private static int firstK(Path json) throws IOException {
        Matcher m = K.matcher(Files.readString(json, StandardCharsets.UTF_8));
        if (!m.find()) {
            fail("no k in " + json);
        }
        return Integer.parseInt(m.group(1));
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static String output(Path work) throws IOException {
        return Files.readString(work.resolve("segmenta.out")) + "\n" + Files.readString(work.resolve("segmenta.err"));
    }
}
