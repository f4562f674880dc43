package io.segmenta.spark;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.appender.RollingFileAppender;

/**
 * Where Spark's log is written, for the one-line error that replaces its stack traces on stderr: the file of
 * Log4j 2's file appender (bin/segmenta-spark's conf/log4j2.properties writes log/segmenta-spark.log); with
 * spark-submit, the cluster's own Log4j configuration decides.
 */
final class SparkLog {
    private SparkLog() {
    }

    /** The log file, when Log4j 2 writes one. */
    static Optional<Path> file() {
        try {
            if (LogManager.getContext(false) instanceof LoggerContext context) {
                for (Appender appender : context.getConfiguration().getAppenders().values()) {
                    if (appender instanceof FileAppender f) {
                        return Optional.of(Path.of(f.getFileName()).toAbsolutePath().normalize());
                    }
                    if (appender instanceof RollingFileAppender r) {
                        return Optional.of(Path.of(r.getFileName()).toAbsolutePath().normalize());
                    }
                }
            }
        } catch (LinkageError | RuntimeException e) {
            // another logging back-end: nothing to point to
        }
        return Optional.empty();
    }

    /** " (details in Spark's log: FILE)", or " (details in Spark's log)" when it is not a file Log4j writes. */
    static String hint() {
        return file().map(f -> " (details in Spark's log: " + f + ")").orElse(" (details in Spark's log)");
    }
}
