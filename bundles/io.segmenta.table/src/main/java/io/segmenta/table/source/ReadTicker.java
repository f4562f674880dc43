package io.segmenta.table.source;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.stage.StageContext;
import io.segmenta.table.input.CsvRecords;
import io.segmenta.table.input.ReadProgress;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

/**
 * The pace of one source read: every {@value #EVERY} records it reports the reading progress
 * ({@link ReadProgress}: bytes of the files read against their sizes, with the records so far) and checks for
 * cancellation with {@link StageContext#checkCancelled}; and it writes what an operator needs to the stage's
 * logger at INFO: each file as its reading starts, and the account at the end (rows read, kept, rejected),
 * never a line per row. One instance per read; not thread-safe.
 */
public final class ReadTicker {
    /** How often progress is reported and cancellation checked, in records. */
    public static final int EVERY = 100_000;

    private final StageContext context;
    private final String source;
    private final ReadProgress progress;
    private long ticks;

    /**
     * @param source the source's name, for the log and the cancellation message
     * @param files every file the read will open (their sizes are the total of the progress)
     */
    public ReadTicker(StageContext context, String source, Collection<Path> files) {
        this.context = context;
        this.source = source;
        this.progress = new ReadProgress(context, files);
    }

    /** The file being read from now on; the one before counts as read in full. */
    public void reading(CsvRecords records) {
        progress.reading(records);
        context.logger().log(Level.INFO, "{0}: reading {1}", source, records.file());
    }

    /** As {@link #reading(CsvRecords)}, for a table. */
    public void reading(CsvTable table) {
        reading(table.records());
    }

    /**
     * Counts one record; every {@value #EVERY} records reports the progress and checks for cancellation.
     *
     * @throws RunCancelledException when the run was cancelled
     */
    public void tick() {
        if (++ticks % EVERY == 0) {
            progress.report(ticks);
            context.checkCancelled(String.format(Locale.ROOT, "%s after %,d rows", source, ticks));
        }
    }

    /**
     * Counts records up to {@code records} in all at once (a block of them, read ahead by the parallel reader):
     * for every multiple of {@value #EVERY} passed, reports the progress with {@code bytes} of the file read, and
     * checks for cancellation, as {@link #tick()} would have.
     *
     * @throws RunCancelledException when the run was cancelled
     */
    public void tickTo(long records, long bytes) {
        while (ticks / EVERY < records / EVERY) {
            ticks = (ticks / EVERY + 1) * EVERY;
            progress.report(ticks, bytes);
            context.checkCancelled(String.format(Locale.ROOT, "%s after %,d rows", source, ticks));
        }
        ticks = records;
    }

    /** The records counted so far. */
    public long ticks() {
        return ticks;
    }

    /** Reports the end of the reading: every byte read, {@code rows} rows in all. */
    public void finished(long rows) {
        progress.finished(rows);
    }

    /** Logs the account of the read: rows read, kept and rejected, and the repeated rows kept. */
    public void log(DataQuality quality) {
        context.logger().log(Level.INFO, () -> String.format(Locale.ROOT,
                "%s: %,d rows read, %,d kept, %,d rejected%s", source, quality.rowsRead(), quality.rowsKept(),
                quality.rowsRejected(), quality.duplicateRows() > 0
                        ? String.format(Locale.ROOT, " (%,d kept rows repeat an earlier one)", quality.duplicateRows())
                        : ""));
    }
}
