package io.segmenta.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.stage.StageContext;
import io.segmenta.testing.RecordingContext;
import java.lang.reflect.Proxy;
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

    /** Keeps the formatted lines of INFO and above. */
    private static final class LinesLogger implements System.Logger {
        final List<String> lines = new ArrayList<>();

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
    }

    @Test
    void logsTheFilesWrittenAndTheirCountsOnce() {
        LinesLogger logger = new LinesLogger();
        RecordingContext recording = new RecordingContext();
        // a recording context whose logger is ours
        StageContext context = (StageContext) Proxy.newProxyInstance(StageContext.class.getClassLoader(),
                new Class<?>[] {StageContext.class},
                (proxy, method, args) -> method.getName().equals("logger") ? logger : method.invoke(recording, args));

        GeneratedSample sample = new OlistGenerator().generate(dir, new GeneratorRequest(20, 0, 1, false), context);

        assertEquals(1, logger.lines.size(), logger.lines::toString);
        String files = "olist sample written to " + dir + ": olist_customers_dataset.csv, olist_orders_dataset.csv, "
                + "olist_order_items_dataset.csv, olist_order_payments_dataset.csv and planted-segments.csv; {lines=";
        assertTrue(logger.lines.get(0).startsWith(files + sample.counts().get("lines") + ", customers=20, orders="),
                logger.lines.get(0));
        assertEquals(List.of(new RecordingContext.Progress(sample.counts().get("lines"),
                sample.counts().get("lines"), "lines")), recording.progress);
    }
}
