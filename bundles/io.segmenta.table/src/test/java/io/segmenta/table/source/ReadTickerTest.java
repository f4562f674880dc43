package io.segmenta.table.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress and the cancellation check every 100,000 records; the file and the account in the stage's log. */
class ReadTickerTest {
    @TempDir
    Path dir;

    /** Records progress calls and log lines; cancelled once {@code cancelAfter} progress calls were made. */
    private static final class Context implements StageContext {
        final List<String> progress = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        private final int cancelAfter;

        Context(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void progress(long done, long total, String unit) {
            progress.add(unit);
        }

        @Override
        public void info(String message) {
        }

        @Override
        public boolean isCancelled() {
            return progress.size() >= cancelAfter;
        }

        @Override
        public Options options() {
            return new Options(Map.of());
        }

        @Override
        public System.Logger logger() {
            return new System.Logger() {
                @Override
                public String getName() {
                    return "test";
                }

                @Override
                public boolean isLoggable(Level level) {
                    return true;
                }

                @Override
                public void log(Level level, Supplier<String> message) {
                    log.add(level + " " + message.get());
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
                    log.add(level + " " + message);
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                    log.add(level + " " + java.text.MessageFormat.format(format, params));
                }
            };
        }
    }

    private Path file() throws IOException {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, "id\n1\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void reportsEveryHundredThousandRecordsAndLogsTheFileAndTheAccount() throws IOException {
        Context context = new Context(Integer.MAX_VALUE);
        Path f = file();
        ReadTicker ticker = new ReadTicker(context, "test-source", List.of(f));
        try (CsvTable t = CsvTable.open(f, "a CSV", 0.05)) {
            ticker.reading(t);
        }
        for (int i = 0; i < 250_000; i++) {
            ticker.tick();
        }
        ticker.finished(250_000);
        assertEquals(250_000, ticker.ticks());
        assertEquals(List.of("bytes read, 100,000 rows", "bytes read, 200,000 rows", "bytes read, 250,000 rows"),
                context.progress);
        ticker.log(new DataQuality("test-source", List.of(f.toString()), 250_000, 249_000,
                List.of(new Rejection("x", 1_000, f.toString(), List.of(2L))), 0, 0, Map.of(), 7));
        assertEquals(List.of("INFO test-source: reading " + f,
                "INFO test-source: 250,000 rows read, 249,000 kept, 1,000 rejected (7 kept rows repeat an earlier one)"),
                context.log);
    }

    @Test
    void stopsWithTheOneCancellationConventionSayingWhere() throws IOException {
        Context context = new Context(1);
        ReadTicker ticker = new ReadTicker(context, "test-source", List.of(file()));
        for (int i = 1; i < ReadTicker.EVERY; i++) {
            ticker.tick();
        }
        RunCancelledException e = assertThrows(RunCancelledException.class, ticker::tick);
        assertEquals("cancelled: test-source after 100,000 rows", e.getMessage());
        assertEquals(1, context.progress.size());
        assertTrue(context.log.isEmpty(), "nothing per row");
    }
}
