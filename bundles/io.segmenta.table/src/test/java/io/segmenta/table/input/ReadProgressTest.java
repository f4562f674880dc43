package io.segmenta.table.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading progress in bytes of the files as stored, against their sizes, plain and gzip, one file or several. */
class ReadProgressTest {
    @TempDir
    Path dir;

    private final RecordingContext context = new RecordingContext();

    private Path csv(String name, int rows, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write("id,amount\n");
            for (int i = 0; i < rows; i++) {
                w.write("customer-" + (i * 7919 % 100_003) + "," + (i % 977) + "." + (i % 100) + "\n");
            }
        }
        return file;
    }

    /** Reads every record, reporting every 10,000, then the end. */
    private long read(ReadProgress progress, Path file, long before) {
        long rows = before;
        try (CsvRecords records = new CsvRecords(InputFiles.openText(file, StandardCharsets.UTF_8, false, "a CSV",
                null), ',')) {
            progress.reading(records);
            records.first();
            while (records.next() != null) {
                if (++rows % 10_000 == 0) {
                    progress.report(rows);
                }
            }
        }
        return rows;
    }

    private void assertMonotonicToTheEnd(long total) {
        List<RecordingContext.Progress> calls = context.progress;
        assertTrue(calls.size() > 3, "several reports: " + calls.size());
        long last = -1;
        for (RecordingContext.Progress c : calls) {
            assertEquals(total, c.total());
            assertTrue(c.done() >= last && c.done() <= total, c.done() + " after " + last);
            last = c.done();
        }
        assertEquals(total, last, "the last report is the whole total");
        assertTrue(calls.get(0).done() < total / 2, "the first report is early in the file");
    }

    @Test
    void aPlainFileReportsItsBytesUpToItsSize() throws IOException {
        Path file = csv("plain.csv", 200_000, false);
        ReadProgress progress = ReadProgress.of(context, file);
        long rows = read(progress, file, 0);
        progress.finished(rows);
        assertMonotonicToTheEnd(Files.size(file));
        assertEquals("bytes read, 10,000 rows", context.progress.get(0).unit());
        assertEquals("bytes read, 200,000 rows", context.progress.get(context.progress.size() - 1).unit());
    }

    @Test
    void aGzipFileCountsTheCompressedBytesAgainstTheCompressedSize() throws IOException {
        Path file = csv("packed.csv.gz", 200_000, true);
        ReadProgress progress = ReadProgress.of(context, file);
        long rows = read(progress, file, 0);
        progress.finished(rows);
        assertMonotonicToTheEnd(Files.size(file));
    }

    @Test
    void severalFilesAddUpAndEarlierOnesCountInFull() throws IOException {
        Path a = csv("a.csv", 60_000, false);
        Path b = csv("b.csv.gz", 90_000, true);
        Path unread = csv("optional.csv", 1, false);
        ReadProgress progress = new ReadProgress(context, List.of(a, b, unread));
        long total = Files.size(a) + Files.size(b) + Files.size(unread);
        long rows = read(progress, a, 0);
        long afterA = context.progress.get(context.progress.size() - 1).done();
        rows = read(progress, b, rows);
        progress.finished(rows);
        assertMonotonicToTheEnd(total);
        // the first report in b starts from a's full size
        long firstInB = context.progress.get(60_000 / 10_000).done();
        assertTrue(firstInB >= Files.size(a) && firstInB >= afterA, firstInB + " vs " + Files.size(a));
    }
}
