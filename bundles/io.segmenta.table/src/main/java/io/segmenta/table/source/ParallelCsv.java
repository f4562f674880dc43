package io.segmenta.table.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Reads a comma-separated UTF-8 file (plain or gzip) in parallel: this thread reads (and decompresses) the bytes in
 * blocks, each with a look-ahead into the next; worker threads parse the records starting in each block
 * ({@link CsvScanner}); the results are handed to a consumer on this thread in the file's order, so that the
 * caller merges them (dictionaries, counts, the order of rows) exactly as a sequential read would have built them.
 * <p>
 * A block's first record is taken to start after its first line feed. That is only right when the line feed is not
 * inside a quoted field, which is checked: the records of the block before must end exactly there. When they do not
 * (a quoted field spanning lines at a block boundary), or when a block holds anything the scanner leaves to the
 * general parser, or the file cannot be read, {@link #read} throws {@link IrregularCsv}, and the caller reads the
 * file again with {@link CsvTable}, whose messages are the reference.
 */
public final class ParallelCsv {
    /** Bytes a block owns. */
    public static final int BLOCK = 4 << 20;
    /** The longest record the fast path takes, in bytes; a longer one goes to the general parser. */
    public static final int LOOK_AHEAD = 256 << 10;

    /** What a worker returns for a block. */
    public interface Chunk {
        /** Where the block's first record started (relative to the block), -1 when no line ends in it. */
        int start();

        /** Where the record after the block's last one starts, relative to the NEXT block. */
        int nextBlockStart();
    }

    private final int threads;
    private final int blockSize;
    private final int lookAhead;

    /**
     * @param threads the parsing threads (this thread reads and merges besides)
     * @param blockSize bytes per block ({@link #BLOCK}; smaller in tests, to have many blocks)
     * @param lookAhead the longest record taken, in bytes ({@link #LOOK_AHEAD})
     */
    public ParallelCsv(int threads, int blockSize, int lookAhead) {
        this.threads = Math.max(1, threads);
        this.blockSize = blockSize;
        this.lookAhead = lookAhead;
    }

    /** The available processors, {@link #BLOCK} and {@link #LOOK_AHEAD}. */
    public static ParallelCsv ofProcessors() {
        return new ParallelCsv(Runtime.getRuntime().availableProcessors(), BLOCK, LOOK_AHEAD);
    }

    /**
     * Reads the file: its first line must be {@code header} (without quotes), the records after it are parsed
     * block by block by {@code parser} on the workers and given to {@code merge} here, in order. The data's first
     * line is line 2.
     *
     * @throws IrregularCsv when the file must be read by the general parser instead
     */
    public <C extends Chunk> void read(Path file, List<String> header, Function<CsvBlock, C> parser,
            Consumer<C> merge) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "segmenta-csv");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Task<C>> pending = new ArrayDeque<>();
        try (Counting counted = new Counting(Files.newInputStream(file))) {
            InputStream in = open(counted);
            int maxPending = threads * 2 + 1;
            // blocks read and not handed out yet: the first goes once the bytes after it fill its look-ahead
            ArrayDeque<Read> queue = new ArrayDeque<>();
            long after = 0; // the bytes of the queue after its first block
            boolean eof = false;
            int[] expectedStart = {0};
            int start = 0;
            for (int index = 0;;) {
                if (!eof) {
                    byte[] bytes = new byte[blockSize + lookAhead];
                    int n = readFully(in, bytes, blockSize);
                    eof = n < blockSize;
                    if (n > 0 || index == 0 && queue.isEmpty()) {
                        after += queue.isEmpty() ? 0 : n;
                        queue.add(new Read(bytes, n, counted.count));
                    }
                }
                if (queue.isEmpty()) {
                    break;
                }
                if (!eof && after < lookAhead) {
                    continue;
                }
                Read cur = queue.poll();
                int look = 0;
                for (Read next : queue) {
                    int n = Math.min(lookAhead - look, next.length);
                    System.arraycopy(next.bytes, 0, cur.bytes, cur.length + look, n);
                    look += n;
                }
                // the look-ahead holds the rest of the file: its end is the end of the last record
                boolean last = eof && look == after;
                after -= queue.isEmpty() ? 0 : queue.peek().length;
                if (index == 0) {
                    // the header may end in the look-ahead (small blocks): the data then starts in a later block
                    start = header(cur.bytes, cur.length + look, look < lookAhead, header);
                    expectedStart[0] = start;
                }
                CsvBlock block = new CsvBlock(index, cur.bytes, cur.length, cur.length + look, start, last, cur.count);
                pending.add(new Task<>(pool.submit(() -> parser.apply(block)), cur.length));
                while (pending.size() >= maxPending) {
                    take(pending.poll(), expectedStart, merge);
                }
                start = cur.length > 0 && cur.bytes[cur.length - 1] == '\n' ? 0 : -1;
                index++;
            }
            while (!pending.isEmpty()) {
                take(pending.poll(), expectedStart, merge);
            }
        } catch (IOException e) {
            throw new IrregularCsv("cannot read: " + e.getMessage());
        } finally {
            pending.forEach(t -> t.future.cancel(true));
            pool.shutdownNow();
        }
    }

    private static <C extends Chunk> void take(Task<C> task, int[] expectedStart, Consumer<C> merge) {
        C chunk;
        try {
            chunk = task.future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IrregularCsv("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (chunk.start() == expectedStart[0]) {
            merge.accept(chunk);
            expectedStart[0] = chunk.nextBlockStart();
        } else if (chunk.start() < 0 && expectedStart[0] >= task.length) {
            expectedStart[0] -= task.length; // a record spans the whole block
        } else {
            throw new IrregularCsv("a quoted field spans a block boundary");
        }
    }

    /** A block being parsed. */
    private record Task<C>(Future<C> future, int length) {
    }

    /** Skips a byte-order mark and checks the header line; returns where the data starts. */
    private static int header(byte[] bytes, int length, boolean last, List<String> expected) {
        int from = length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                ? 3 : 0;
        int end = from;
        while (end < length && bytes[end] != '\n') {
            if (bytes[end] == '"' || bytes[end] == '\r' && end + 1 < length && bytes[end + 1] != '\n') {
                throw new IrregularCsv("a quoted header");
            }
            end++;
        }
        if (end == length && !last) {
            throw new IrregularCsv("a header longer than the first block");
        }
        int textEnd = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
        String line = new String(bytes, from, textEnd - from, StandardCharsets.UTF_8);
        if (!List.of(line.split(",", -1)).equals(expected)) {
            throw new IrregularCsv("a header the general parser reads otherwise");
        }
        return end < length ? end + 1 : end;
    }

    private static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** A block as read: its bytes (room left for the look-ahead), their number, the file's bytes read by then. */
    private record Read(byte[] bytes, int length, long count) {
    }

    private static int readFully(InputStream in, byte[] into, int max) throws IOException {
        int n = 0;
        while (n < max) {
            int r = in.read(into, n, max - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /** Counts the file's own bytes (compressed ones for gzip), for the progress. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
