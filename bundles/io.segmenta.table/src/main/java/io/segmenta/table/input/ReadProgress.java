package io.segmenta.table.input;

import io.segmenta.api.stage.StageContext;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A source's reading progress with a known total: the bytes of its files read so far against their sizes on
 * disk (compressed sizes for gzip files), so that the shell and the CLI can show a percentage and the time
 * left while a large export is read, with the rows read so far in the same line. A source that reads several
 * files (Olist's tables, PaDi's) names them all up front and says which one it is reading; the ones before it
 * count as read in full.
 * <p>
 * It reports through {@link StageContext#progress}: done and total in bytes, the unit
 * {@code "bytes read, N rows"}. The receiver decides how often to show it, so calling it every few thousand
 * rows is cheap.
 */
public final class ReadProgress {
    private final StageContext context;
    private final long total;
    private long finished;
    private CsvRecords current;

    /**
     * @param files every file the source will read (in any order); their sizes are the total
     */
    public ReadProgress(StageContext context, Collection<Path> files) {
        this.context = context;
        long sum = 0;
        for (Path f : files) {
            long size = InputFiles.size(f);
            if (size < 0) {
                sum = -1;
                break;
            }
            sum += size;
        }
        this.total = sum;
    }

    /** For one file. */
    public static ReadProgress of(StageContext context, Path file) {
        return new ReadProgress(context, List.of(file));
    }

    /** The file being read from now on; the one read before counts as read in full. */
    public void reading(CsvRecords records) {
        if (current != null) {
            finished += Math.max(0, current.size());
        }
        current = records;
    }

    /** The bytes read so far, at most the total. */
    public long bytesRead() {
        long done = finished + (current == null ? 0 : current.bytesRead());
        return total < 0 ? done : Math.min(done, total);
    }

    /** The total, or -1 when a file's size is unknown. */
    public long total() {
        return total;
    }

    /** Reports how far reading is, with {@code rows} read so far. */
    public void report(long rows) {
        context.progress(bytesRead(), total, String.format(Locale.ROOT, "bytes read, %,d rows", rows));
    }

    /**
     * Reports how far reading is, for a reader that reads ahead of the rows it counted (the parallel reader):
     * {@code bytes} of the current file stand for {@code rows} rows read so far.
     */
    public void report(long rows, long bytes) {
        long done = finished + bytes;
        context.progress(total < 0 ? done : Math.min(done, total), total,
                String.format(Locale.ROOT, "bytes read, %,d rows", rows));
    }

    /** Reports the end: every byte read, {@code rows} rows in all. */
    public void finished(long rows) {
        if (current != null) {
            finished += Math.max(0, current.size());
            current = null;
        }
        context.progress(total < 0 ? finished : total, total, String.format(Locale.ROOT, "bytes read, %,d rows",
                rows));
    }
}
