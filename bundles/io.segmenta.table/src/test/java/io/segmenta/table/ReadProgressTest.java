package io.segmenta.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading progress in bytes of the files as stored, against their sizes, plain and gzip, one file or several. */
class ReadProgressTest {
    @TempDir
    Path dir;

    /** done, total, unit of each progress call. */
    private final List<long[]> calls = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private final StageContext context = new StageContext() {
        @Override
        public void progress(long done, long total, String unit) {
            calls.add(new long[] {done, total});
            units.add(unit);
        }

        @Override
        public void info(String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Options options() {
            return Options.empty();
        }
    };

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
        assertTrue(calls.size() > 3, "several reports: " + calls.size());
        long last = -1;
        for (long[] c : calls) {
            assertEquals(total, c[1]);
            assertTrue(c[0] >= last && c[0] <= total, c[0] + " after " + last);
            last = c[0];
        }
        assertEquals(total, last, "the last report is the whole total");
        assertTrue(calls.get(0)[0] < total / 2, "the first report is early in the file");
    }

    @Test
    void aPlainFileReportsItsBytesUpToItsSize() throws IOException {
        Path file = csv("plain.csv", 200_000, false);
        ReadProgress progress = ReadProgress.of(context, file);
        long rows = read(progress, file, 0);
        progress.finished(rows);
        assertMonotonicToTheEnd(Files.size(file));
        assertEquals("bytes read, 10,000 rows", units.get(0));
        assertEquals("bytes read, 200,000 rows", units.get(units.size() - 1));
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
        long afterA = calls.get(calls.size() - 1)[0];
        rows = read(progress, b, rows);
        progress.finished(rows);
        assertMonotonicToTheEnd(total);
        // the first report in b starts from a's full size
        long firstInB = calls.get((int) (60_000 / 10_000))[0];
        assertTrue(firstInB >= Files.size(a) && firstInB >= afterA, firstInB + " vs " + Files.size(a));
    }
}
