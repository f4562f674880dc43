package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * bin/segmenta: the shipped sample pipeline names the segment that spends most "Core Customers" by rule, and every
 * segment's recommended action reaches segments.csv, summary.json and report.html; a user's rules file replaces
 * the built-in rules, and a mistake in it is one line naming the file, line and column.
 */
public class SegmentNamesAndActionsCliIT {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    public void theSamplePipelinesCoreCustomersSpendMostAndEverySegmentHasAnAction() throws Exception {
        Path work = Distribution.workDir("cli-names-actions");
        Files.createDirectories(work.resolve("data"));
        Files.copy(Distribution.sample(), work.resolve("data/uk-retail-sample.csv"));
        Path pipeline = Distribution.home().resolve("pipelines/io.segmenta.pipeline-uk-sample.cfg");
        assertTrue(Files.readString(pipeline).contains("option.segment-names = highest monetary=Core Customers"));
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--pipeline", pipeline.toString());
        assertEquals(launch.toString(), 0, launch.exitCode);
        Path out = work.resolve("out/uk-sample");

        List<List<String>> segments = Distribution.readCsv(out.resolve("segments.csv"));
        List<String> header = segments.get(0);
        int monetary = header.indexOf("mean_monetary");
        assertEquals("action", header.get(header.size() - 1));
        List<String> core = segments.stream().filter(r -> r.get(2).equals("Core Customers")).findFirst()
                .orElseThrow(() -> new AssertionError("no Core Customers in " + segments));
        for (List<String> row : segments.subList(1, segments.size())) {
            assertTrue(row + " spends more than " + core, Double.parseDouble(row.get(monetary))
                    <= Double.parseDouble(core.get(monetary)));
            assertFalse("no action for " + row, row.get(row.size() - 1).isBlank());
        }

        String summary = Files.readString(out.resolve("summary.json"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html, html.contains("Recommended actions</h2>"));
        for (List<String> row : segments.subList(1, segments.size())) {
            String action = row.get(row.size() - 1);
            assertTrue(action, summary.contains("\"action\": \"" + action + "\""));
            assertTrue(action, html.contains(">" + action.replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;").replace("\"", "&quot;") + "</td>"));
        }
        assertTrue("the distribution ships the rules to edit",
                Files.isRegularFile(Distribution.home().resolve("conf/segment-actions.txt")));
    }

    @Test
    public void aUsersRulesFileReplacesTheBuiltInRulesAndItsMistakesAreOneLine() throws Exception {
        Path work = Distribution.workDir("cli-actions-file");
        Path rules = Files.writeString(work.resolve("rules.txt"), "# ours\nvalue >= 150 => Call them.\n"
                + "default => Newsletter.\n");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "4", "--report", "csv,json", "--out", "out",
                "--option", "actions=" + rules, "--option", "segment-names=largest=Most; highest monetary=Top");
        assertEquals(launch.toString(), 0, launch.exitCode);
        String summary = Files.readString(work.resolve("out/summary.json"));
        assertTrue(summary, summary.contains("\"action\": \"Call them.\""));
        assertTrue(summary, summary.contains("\"action\": \"Newsletter.\""));
        assertTrue(summary, summary.contains("\"name\": \"Most\"") && summary.contains("\"name\": \"Top\""));

        Files.writeString(rules, "recency is 200 => Win back.\ndefault => Newsletter.\n");
        Launch bad = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--k", "4", "--out", "out2", "--option", "actions=" + rules);
        assertEquals(bad.toString(), 2, bad.exitCode);
        List<String> lines = bad.err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals("one line on stderr:\n" + bad, 1, lines.size());
        assertTrue(lines.get(0), lines.get(0).contains(rules + ", line 1, column 9: expected an operator"));
        assertFalse(Files.exists(work.resolve("out2")));
    }
}
