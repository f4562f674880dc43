package io.segmenta.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.testing.RecordingContext;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWritingTest {
    @TempDir
    Path dir;

    /** A context whose logger keeps the formatted lines of INFO and above. */
    private static final class LoggingContext implements StageContext {
        final RecordingContext recording = new RecordingContext();
        final List<String> lines = new ArrayList<>();

        @Override
        public void progress(long done, long total, String unit) {
            recording.progress(done, total, unit);
        }

        @Override
        public void info(String message) {
            recording.info(message);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Options options() {
            return recording.options();
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
                    return level.getSeverity() >= Level.INFO.getSeverity();
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                    if (isLoggable(level)) {
                        lines.add(msg);
                    }
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                    if (isLoggable(level)) {
                        lines.add(MessageFormat.format(format, params));
                    }
                }
            };
        }
    }

    @Test
    void logsTheFilesWrittenAndTheirCountsOnce() {
        LoggingContext context = new LoggingContext();
        GeneratedSample sample = new OlistGenerator().generate(dir, new GeneratorRequest(20, 0, 1, false), context);
        assertEquals(1, context.lines.size(), context.lines::toString);
        String line = context.lines.get(0);
        String files = "olist sample written to " + dir + ": olist_customers_dataset.csv, olist_orders_dataset.csv, "
                + "olist_order_items_dataset.csv, olist_order_payments_dataset.csv and planted-segments.csv; {lines=";
        assertTrue(line.startsWith(files + sample.counts().get("lines") + ", customers=20, orders="), line);
    }
}
