package io.segmenta.shell;

import io.segmenta.api.SegmentaException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * Runs the body of a {@code segmenta:} command: every failure becomes printed lines instead of an exception
 * (see {@link SegmentaCommands}), and, when the OSGi Log Service is there, the command is recorded in the log
 * (started, done with its duration, or failed), so {@code log/segmenta.log} says who ran what and how it ended.
 * Only the commands that do work are recorded, not the listings.
 */
final class CommandGuard {
    private CommandGuard() {
    }

    /**
     * @param log where to record the command, or null to record nothing
     * @param command the command as typed, for the log
     */
    static void run(PrintStream out, boolean debug, Logger log, String command, Runnable body) {
        long start = System.nanoTime();
        if (log != null) {
            log.info("{}: started", command);
        }
        try {
            body.run();
            if (log != null) {
                log.info("{}: done in {} ms", command, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        } catch (SegmentaException e) {
            out.println("error: " + oneLine(e.getMessage()));
            // a user error, already printed where the user looks: a record, not an alarm
            if (log != null) {
                log.info("{}: failed: {}", command, oneLine(e.getMessage()));
            }
        } catch (RuntimeException | LinkageError e) {
            // a bug or a bundle refreshed under the run: say what it is, keep the trace for --debug (and the log)
            out.println("error: " + e.getClass().getName() + ": " + oneLine(e.getMessage()));
            if (debug) {
                e.printStackTrace(out);
            } else {
                out.println("hint: this is a bug; rerun with --debug to print the stack trace and report it");
            }
            if (log != null) {
                log.error("{}: failed", command, e);
            }
        } finally {
            out.flush();
        }
    }

    static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
