package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Trends and movement through bin/segmenta, as a user runs them: a first run with k = 4, then a second run on the
 * same data with k = 3 compared with the first ({@code --compare-with previous}, the run its output folder
 * holds). Every customer is in both runs, so the movement matrix's rows add up to the first run's segment sizes
 * and its columns to the second's; no one is new or lost. The monthly revenue in trends.csv adds up to the
 * customers' monetary values in assignments.csv (rfm's monetary is the sum of a customer's amounts).
 */
public class MovementCliIT {
    private static final long TIMEOUT_SECONDS = 120;

    private static Launch run(Path work, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--report", "csv,json,html", "--out", "out"));
        args.addAll(List.of(more));
        return Launch.run(work, TIMEOUT_SECONDS, "segmenta", args.toArray(String[]::new));
    }

    @Test
    public void aSecondRunShowsHowCustomersMovedSinceTheFirst() throws Exception {
        Path work = Distribution.workDir("cli-movement");
        Launch first = run(work, "--k", "4", "--compare-with", "previous");
        assertEquals(first.toString(), 0, first.exitCode);
        Path out = work.resolve("out");
        assertFalse("nothing to compare on the first run", Files.exists(out.resolve("movement.csv")));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"movement\": null"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("this is the first run there"));
        assertTrue(first.out, first.out.contains("Movement since the earlier run\n  none: the output folder held no "
                + "earlier run"));
        int[] firstSizes = sizes(out);

        // trends.csv: long format; revenue over every segment and month = the customers' monetary values
        List<List<String>> trends = Distribution.readCsv(out.resolve("trends.csv"));
        assertEquals(List.of("segment", "name", "month", "revenue", "orders", "active_customers"), trends.get(0));
        double revenue = trends.stream().skip(1).mapToDouble(r -> Double.parseDouble(r.get(3))).sum();
        List<List<String>> assignments = Distribution.readCsv(out.resolve("assignments.csv"));
        int monetary = assignments.get(0).indexOf("monetary");
        double spend = assignments.stream().skip(1).mapToDouble(r -> Double.parseDouble(r.get(monetary))).sum();
        assertEquals(spend, revenue, 0.01);
        assertEquals("4 segments x the same months", 0, (trends.size() - 1) % 4);

        Launch second = run(work, "--k", "3", "--compare-with", "previous");
        assertEquals(second.toString(), 0, second.exitCode);
        int[] secondSizes = sizes(out);
        List<List<String>> movement = Distribution.readCsv(out.resolve("movement.csv"));
        assertEquals(List.of("from_segment", "from_name", "to_segment", "to_name", "entities", "revenue", "stayed"),
                movement.get(0));
        long[] rowSums = new long[4];
        long[] columnSums = new long[3];
        long fresh = 0;
        long lost = 0;
        for (List<String> r : movement.subList(1, movement.size())) {
            long n = Long.parseLong(r.get(4));
            if (r.get(0).isEmpty()) {
                fresh += n;
            } else if (r.get(2).isEmpty()) {
                lost += n;
            } else {
                rowSums[Integer.parseInt(r.get(0))] += n;
                columnSums[Integer.parseInt(r.get(2))] += n;
            }
        }
        assertEquals("the same customers: none new", 0, fresh);
        assertEquals("none lost", 0, lost);
        for (int f = 0; f < 4; f++) {
            assertEquals("earlier segment " + f, firstSizes[f], rowSums[f]);
        }
        for (int t = 0; t < 3; t++) {
            assertEquals("segment " + t + " now", secondSizes[t], columnSums[t]);
        }
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<section id=\"movement\">") && html.contains("id=\"movement-flow\""));
        assertTrue(html.contains("<section id=\"trends\">"));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"stayed\":"));

        // the console's summary of the movement, between the segments and the quality figures
        String console = second.out;
        int block = console.indexOf("Movement since the earlier run (");
        assertTrue(console, block > console.indexOf("Compared with all customers") && block < console.indexOf("Quality\n"));
        long customers = java.util.Arrays.stream(secondSizes).sum();
        assertTrue(console, console.contains("  customers in both runs     " + String.format(java.util.Locale.ROOT, "%,d",
                customers)));
        assertTrue(console, console.matches("(?s).*\n  new customers +0\n  customers no longer there +0\n.*"));
        assertTrue(console, console.contains("  largest moves\n    customers  earlier segment -> segment now"));
    }

    @Test
    public void aFolderWithoutARunIsOneLineBeforeAnyWork() throws Exception {
        Path work = Distribution.workDir("cli-movement-missing");
        Files.createDirectories(work.resolve("empty"));
        Launch launch = run(work, "--k", "4", "--compare-with", "empty");
        assertEquals(launch.toString(), 2, launch.exitCode);
        List<String> lines = launch.err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("one line on stderr:\n" + launch, 1, lines.size());
        assertTrue(lines.get(0), lines.get(0).contains("option compare-with: empty holds no assignments.csv"));
        assertFalse("no progress: nothing was read\n" + launch.out, launch.out.contains("uk-retail"));
        assertFalse("nothing written", Files.exists(work.resolve("out")));
    }

    /** The size of each segment by segments.csv, by segment number. */
    private static int[] sizes(Path out) throws Exception {
        List<List<String>> segments = Distribution.readCsv(out.resolve("segments.csv"));
        Map<Integer, Integer> size = new HashMap<>();
        for (List<String> r : segments.subList(1, segments.size())) {
            size.put(Integer.parseInt(r.get(0)), Integer.parseInt(r.get(1)));
        }
        int[] sizes = new int[size.size()];
        size.forEach((s, n) -> sizes[s] = n);
        return sizes;
    }
}
