package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.stage.StageKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** A hand-driven clock, in nanoseconds. */
    private long now;
    private final ConsoleProgress progress = new ConsoleProgress(out, () -> now, TimeUnit.SECONDS.toNanos(2));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    @Test
    void printsStartAndFinishOfEachStep() {
        progress.stepStarted(StageKind.SOURCE, "uk-retail");
        progress.stepFinished(StageKind.SOURCE, "uk-retail", 1_234_567_891L);
        progress.stepStarted(null, "scaling");
        progress.stepFinished(null, "scaling", 400_000L);
        assertEquals("""
                source uk-retail ...
                source uk-retail done in 1,235 ms
                scaling ...
                scaling done in 0.4 ms
                """, printed());
    }

    @Test
    void printsProgressAtMostOncePerIntervalPerStep() {
        now = seconds(100);
        progress.stepStarted(StageKind.SOURCE, "uk-retail");
        now = seconds(100.5);
        progress.progress(StageKind.SOURCE, "uk-retail", 50_000, -1, "rows");   // too soon after the start
        now = seconds(102.1);
        progress.progress(StageKind.SOURCE, "uk-retail", 300_000, -1, "rows");  // printed
        now = seconds(103);
        progress.progress(StageKind.SOURCE, "uk-retail", 400_000, -1, "rows");  // too soon after the last line
        now = seconds(104.2);
        progress.progress(StageKind.SOURCE, "uk-retail", 541_909, -1, "rows");  // printed
        progress.stepFinished(StageKind.SOURCE, "uk-retail", seconds(4.2));
        now = seconds(105);
        progress.stepStarted(StageKind.ALGORITHM, "kmeans");
        now = seconds(107);
        progress.progress(StageKind.ALGORITHM, "kmeans", 3, 10, "runs");         // its own interval
        assertEquals("""
                source uk-retail ...
                  source uk-retail: 300,000 rows
                  source uk-retail: 541,909 rows
                source uk-retail done in 4,200 ms
                algorithm kmeans ...
                  algorithm kmeans: 3 of 10 runs (30.0%, about 5 s left)
                """, printed());
    }

    @Test
    void theTimeLeftIsRoundedToWhatMattersAtItsSize() {
        assertEquals("1 s", ConsoleProgress.duration(0.2));
        assertEquals("59 s", ConsoleProgress.duration(59));
        assertEquals("3 min 20 s", ConsoleProgress.duration(200));
        assertEquals("12 min", ConsoleProgress.duration(725));
        assertEquals("2 h 5 min", ConsoleProgress.duration(7500));
        assertEquals("1 h", ConsoleProgress.duration(3600));
    }

    @Test
    void progressWithoutAStartWaitsForTheInterval() {
        now = seconds(1);
        progress.progress(null, "metrics", 10, 100, "rows");
        now = seconds(2);
        progress.progress(null, "metrics", 20, 100, "rows");
        now = seconds(3.5);
        progress.progress(null, "metrics", 40, 100, "");
        assertEquals("  metrics: 40 of 100 (40.0%, about 4 s left)\n", printed());
    }

    @Test
    void readingAFileShowsTheBytesTheRowsAndTheTimeLeft() {
        // what a source reports through io.segmenta.table.input.ReadProgress
        now = 0;
        progress.stepStarted(StageKind.SOURCE, "uk-retail");
        now = seconds(3);
        progress.progress(StageKind.SOURCE, "uk-retail", 15_000_000, 60_000_000, "bytes read, 200,000 rows");
        assertEquals("""
                source uk-retail ...
                  source uk-retail: 15,000,000 of 60,000,000 bytes read, 200,000 rows (25.0%, about 9 s left)
                """, printed());
    }

    @Test
    void printsEveryInfoMessage() {
        progress.info(StageKind.FEATURES, "rfm", "snapshot date 2011-12-10 (the day after the last transaction)");
        progress.info(StageKind.FEATURES, "rfm", "4,338 customers");
        assertEquals("""
                  feature extractor rfm: snapshot date 2011-12-10 (the day after the last transaction)
                  feature extractor rfm: 4,338 customers
                """, printed());
    }

    @Test
    void namesSteps() {
        assertEquals("reporter csv", ConsoleProgress.step(StageKind.REPORTER, "csv"));
        assertEquals("scaling", ConsoleProgress.step(null, "scaling"));
    }
}
