package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** bin/segmenta keeps the promises of docs/reliability.md: nothing lost, nothing silently wrong. */
public class ReliabilityCliIT {
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * The sample with a new customer whose only rows have an amount that overflows (6 x 1e308, 1e300 x 1e300):
     * the source counts those rows under one reason, so the customers of the data-quality account are the
     * customers of the segments (before the fix: 301 in the account, 300 in the segments).
     */
    @Test
    public void customersAddUpWhenAnAmountOverflows() throws Exception {
        Path work = Distribution.workDir("cli-overflow");
        Path input = work.resolve("overflow.csv");
        Files.writeString(input, Files.readString(Distribution.sample(), StandardCharsets.UTF_8)
                + "599999,22632,HUGE,6,2011-06-01 10:00:00,1e308,99999.0,United Kingdom\n"
                + "599998,22632,HUGE,1e300,2011-06-02 10:00:00,1e300,99999.0,United Kingdom\n",
                StandardCharsets.UTF_8);
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                input.toString(), "--k", "4", "--report", "csv", "--out", "out");
        assertEquals(launch.toString(), 0, launch.exitCode);
        Map<String, String> summary = Distribution.checkReports(work.resolve("out"), 4);
        assertEquals("300", summary.get("customers"));
        assertEquals(summary.get("customers"), summary.get("distinct customers in source"));
        assertEquals("2", summary.get("dropped: amount is not a finite number (quantity x unit price overflows)"));
    }

    /**
     * A model file that cannot be written (its folder is a file) and an output path that goes up out of a folder
     * that does not exist are refused before the input is read: one line giving the reason, exit status 2, and
     * nothing written (before: the reports were written, then "cannot write the model file X: X").
     */
    @Test
    public void outputLocationsAreCheckedBeforeAnyWork() throws Exception {
        Path work = Distribution.workDir("cli-locations");
        Files.writeString(work.resolve("a-file"), "not a folder\n");
        Launch model = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "4", "--report", "csv,json", "--out", "out",
                "--save-model", "a-file/model.json");
        assertEquals(model.toString(), 2, model.exitCode);
        assertOneLine(model, "cannot write the model file a-file/model.json: " + work.resolve("a-file")
                + " is a file, not a folder");
        assertFalse("nothing may be written", Files.exists(work.resolve("out")));

        Launch up = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "4", "--out", "missing/../out");
        assertEquals(up.toString(), 2, up.exitCode);
        assertOneLine(up, "cannot write in the output folder missing/../out: the path goes up ('..') out of "
                + work.resolve("missing") + ", which does not exist; give it without '..'");
        assertFalse("nothing may be written", Files.exists(work.resolve("out")));
        assertFalse("nothing may be written", Files.exists(work.resolve("missing")));
    }

    /**
     * A run folder holds exactly one complete run: a second run into the folder replaces the first wholly (the
     * json report of the first does not stay beside the csv of the second), its manifest names exactly the files
     * present, nothing of the staging is left beside it, and a folder holding the user's own files is refused in
     * one line before any work (no progress line) and kept.
     */
    @Test
    public void aRunFolderHoldsExactlyOneCompleteRun() throws Exception {
        Path work = Distribution.workDir("cli-run-folder");
        Path out = work.resolve("out");
        Launch first = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "4", "--report", "csv,json", "--out", "out");
        assertEquals(first.toString(), 0, first.exitCode);
        String firstRun = manifestLine(out, "run: ");
        assertTrue(Files.exists(out.resolve("summary.json")));

        Launch second = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "3", "--report", "csv", "--out", "out",
                "--save-model", "out/model.json");
        assertEquals(second.toString(), 0, second.exitCode);
        Distribution.checkReports(out, 3);
        assertFalse("the first run's json report is gone", Files.exists(out.resolve("summary.json")));
        List<String> named;
        try (var lines = Files.lines(out.resolve("segmenta-run.txt"))) {
            named = lines.filter(l -> l.startsWith("file: ")).map(l -> l.substring(6)).sorted().toList();
        }
        List<String> present;
        try (var files = Files.list(out)) {
            present = files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("segmenta-run.txt"))
                    .sorted().toList();
        }
        assertEquals(present, named);
        assertTrue(named.toString(), named.containsAll(List.of("assignments.csv", "model.json", "segments.csv",
                "summary.csv")));
        assertFalse(firstRun.equals(manifestLine(out, "run: ")));
        try (var files = Files.list(work)) {
            assertEquals("no staging or set-aside folder is left", List.of(".out.segmenta-lock", "out"),
                    files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".out") || n.equals("out"))
                            .sorted().toList());
        }

        Path mine = Files.createDirectories(work.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "mine\n");
        Launch refused = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "4", "--report", "csv", "--out", "mine");
        assertEquals(refused.toString(), 2, refused.exitCode);
        assertOneLine(refused, "the output folder mine holds files that no Segmenta run wrote (notes.txt); a run"
                + " replaces its folder wholly, so give a new or empty folder");
        assertEquals("mine\n", Files.readString(mine.resolve("notes.txt")));
    }

    private static String manifestLine(Path out, String prefix) throws Exception {
        try (var lines = Files.lines(out.resolve("segmenta-run.txt"))) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static void assertOneLine(Launch launch, String expected) {
        List<String> lines = launch.err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("one line on stderr:\n" + launch, 1, lines.size());
        assertTrue(lines.get(0), lines.get(0).endsWith(expected));
        assertFalse(lines.get(0), lines.get(0).contains("Exception"));
    }
}
