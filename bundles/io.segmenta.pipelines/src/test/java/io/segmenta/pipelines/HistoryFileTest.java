package io.segmenta.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.PipelineRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {
    @TempDir
    Path dir;

    private static PipelineRun run(int i) {
        return new PipelineRun("uk", "manual", Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i), 1_000L * i,
                true, "k=4, " + i + " customers", List.of(Path.of("/out/uk/summary.csv")), Path.of("/out/uk"));
    }

    @Test
    void aRunReadsBackAsWrittenTabsLineEndsAndBackslashesIncluded() throws Exception {
        PipelineRun odd = new PipelineRun("a\tb", "schedule", Instant.parse("2026-12-01T06:00:00.123Z"), 42, false,
                "line one\nline two\r\\ C:\\data\\x.csv", List.of(Path.of("/o/a b.csv"), Path.of("/o/c.json")),
                null);
        HistoryFile file = new HistoryFile(dir.resolve("h.tsv"), 100);
        file.append(odd, List.of(odd));
        file.append(run(1), List.of(odd, run(1)));
        assertEquals(2, Files.readAllLines(dir.resolve("h.tsv")).size(), "one line per run");
        assertEquals(List.of(odd, run(1)), new HistoryFile(dir.resolve("h.tsv"), 100).read());
    }

    /** A kill while a line was written leaves half a line: it is left out, and the next run gets a line of its own. */
    @Test
    void aHalfWrittenLastLineIsLeftOutAndTheNextRunStartsOnItsOwnLine() throws Exception {
        Path h = dir.resolve("h.tsv");
        HistoryFile file = new HistoryFile(h, 100);
        file.append(run(1), List.of(run(1)));
        String whole = HistoryFile.format(run(2));
        Files.writeString(h, whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.writeString(h, "v1\tnot a date\tuk\tmanual\t1\tok\t\tx\n" + "garbage line\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        HistoryFile again = new HistoryFile(h, 100);
        // the cut line glued onto the next fails its checksum: left out with the other lines that do not parse
        assertEquals(List.of(run(1)), again.read());
        again.append(run(3), List.of(run(1), run(3)));
        assertEquals(List.of(run(1), run(3)), new HistoryFile(h, 100).read());
        assertEquals(2, Files.readAllLines(h).size());

        Files.writeString(h, whole.substring(0, 10), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        HistoryFile third = new HistoryFile(h, 100);
        assertEquals(List.of(run(1), run(3)), third.read());
        third.append(run(4), List.of(run(1), run(3), run(4)));
        assertEquals(List.of(run(1), run(3), run(4)), new HistoryFile(h, 100).read());
    }

    @Test
    void theFileStaysBoundedAndKeepsTheNewestRuns() throws Exception {
        Path h = dir.resolve("sub").resolve("h.tsv");
        HistoryFile file = new HistoryFile(h, 5);
        List<PipelineRun> recent = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            recent.add(run(i));
            if (recent.size() > 5) {
                recent.remove(0);
            }
            file.append(run(i), List.copyOf(recent));
            assertTrue(Files.readAllLines(h).size() <= 10, "at most twice the kept runs on disk");
        }
        assertEquals(recent, new HistoryFile(h, 5).read());
        try (var listing = Files.list(h.getParent())) {
            assertEquals(List.of(h), listing.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void noFileIsNoRuns() throws Exception {
        assertEquals(List.of(), new HistoryFile(dir.resolve("none.tsv"), 100).read());
    }
}
