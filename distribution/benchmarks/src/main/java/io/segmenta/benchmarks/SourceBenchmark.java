package io.segmenta.benchmarks;

import static io.segmenta.benchmarks.JvmCounters.gcCount;
import static io.segmenta.benchmarks.JvmCounters.gcMillis;
import static io.segmenta.benchmarks.JvmCounters.used;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.benchmarks.StageBenchmark.Machine;
import io.segmenta.benchmarks.StageBenchmark.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Times reading generated exports with each source: generates, into a temporary folder that is deleted
 * afterwards, the UCI Online Retail format at {@code --lines} lines (default 10,000,000, about 1 GB) and the
 * Olist and PaDi UMKM exports at {@code --other-lines} (default 2,000,000), with the generators found through
 * {@link ServiceLoader}; then reads them with {@code uk-retail}, {@code mapped-csv} (the same UK file through
 * a UK mapping written next to it), {@code olist} and {@code padi-umkm}, and prints rows read and kept,
 * seconds, rows per second and heap figures per source, a table and one JSON line.
 *
 * <pre>
 * SourceBenchmark [--lines N] [--other-lines M] [--iterations I] [--dir DIR] [--seed S]
 * </pre>
 *
 * <b>Heap.</b> Before each read: {@code System.gc()}, the heap used then (the baseline) and
 * {@link MemoryPoolMXBean#resetPeakUsage()} on the heap pools. After it: the peak of heap used (garbage
 * included), from the collectors' notifications ({@link HeapAtGc}); the sum of the pools' own peaks (an upper
 * bound that overstates, as pools peak at different moments); and, after another
 * {@code System.gc()} with the {@link SourceData} still referenced, the heap used minus the baseline: the
 * table's real footprint. run.sh starts this benchmark with {@code -Xmx2g} (unless {@code JAVA_OPTS} sets
 * {@code -Xmx}), so that a finished run proves that reading the 10-million-line file fits in 2 GB; a read that
 * runs out of heap is reported as such and the exit status is 1.
 * <p>
 * Before generating, the bytes per line of each format are measured on a small sample, and the run stops
 * with a one-line message when the files would leave less than a reserve free on the folder's file system
 * (the larger of 1 GiB and 10 % of its size: the disk may be shared).
 * <p>
 * Exit codes: 0 done, 1 a read ran out of heap or anything else failed, 2 usage, disk space or input error.
 */
public final class SourceBenchmark {
    static final long DEFAULT_LINES = 10_000_000L;
    static final long DEFAULT_OTHER_LINES = 2_000_000L;
    static final long SEED = 42L;
    /** Lines of the sample that measures bytes per line before the real files are generated. */
    static final long PROBE_LINES = 20_000L;
    /**
     * Free space left untouched beyond the estimate, at least: the disk may be shared (other builds, other
     * users), and a full file system breaks them, not only this run. The reserve is the larger of this and
     * {@value #DISK_RESERVE_PERCENT} % of the file system's size.
     */
    static final long DISK_RESERVE_MIN_BYTES = 1L << 30;
    static final int DISK_RESERVE_PERCENT = 10;
    /** Longer files have longer ids and numbers than the probe: the estimate is raised by this share. */
    static final double ESTIMATE_SLACK = 0.05;

    /**
     * One generated format: the generator's name, the transaction lines per planted customer (about what each
     * generator plants unscaled, so that its activity scaling stays mild: the real UCI file has about 125 lines
     * per customer, Olist about 1.2 items per customer, PaDi's key accounts order weekly), and the sub-folder.
     */
    enum Format {
        UK("uk-retail", 100, "uk-retail"),
        OLIST("olist", 2, "olist"),
        PADI("padi-umkm", 30, "padi-umkm");

        final String generator;
        final int linesPerCustomer;
        final String folder;

        Format(String generator, int linesPerCustomer, String folder) {
            this.generator = generator;
            this.linesPerCustomer = linesPerCustomer;
            this.folder = folder;
        }

        GeneratorRequest request(long lines, long seed) {
            long customers = Math.max(1, lines / linesPerCustomer);
            if (customers > Integer.MAX_VALUE) {
                throw new UsageException(lines + " lines need more than " + Integer.MAX_VALUE + " customers");
            }
            return new GeneratorRequest((int) customers, lines, seed, true);
        }
    }

    /** One source read: which source, on which format's files, with which options. */
    record Read(String source, Format format, String note) {
    }

    static final List<Read> READS = List.of(
            new Read("uk-retail", Format.UK, "the dedicated UCI source"),
            new Read("mapped-csv", Format.UK, "the same UK file through " + MappingFile.NAME),
            new Read("olist", Format.OLIST, "four CSV tables"),
            new Read("padi-umkm", Format.PADI, "three CSV tables"));

    private static final String USAGE = "usage: SourceBenchmark [--lines N] [--other-lines M] [--iterations I]"
            + " [--dir DIR] [--seed S]\n"
            + "  --lines N        lines of the generated UK (uk-retail) file (default " + DEFAULT_LINES + ")\n"
            + "  --other-lines M  lines of the generated Olist and PaDi UMKM exports (default " + DEFAULT_OTHER_LINES
            + ")\n"
            + "  --iterations I   reads per source; the median is reported (default 3)\n"
            + "  --dir DIR        where the temporary folder goes (default java.io.tmpdir); it is deleted afterwards\n"
            + "  --seed S         the generators' seed (default " + SEED + ")\n"
            + "The maximum heap is the JVM's (run.sh: -Xmx2g unless JAVA_OPTS sets -Xmx).";

    private SourceBenchmark() {
    }

    record Arguments(long lines, long otherLines, int iterations, Path dir, long seed) {
        long lines(Format f) {
            return f == Format.UK ? lines : otherLines;
        }
    }

    /** Generating one format. */
    record Generation(Format format, GeneratedSample sample, long lines, long bytes, long nanos) {
    }

    /** One read with its measurements; {@code outOfMemory} when it failed for lack of heap. */
    record ReadRun(long nanos, long cpuNanos, long peakHeapBytes, long peakUsedBytes, long baselineHeapBytes,
            long liveHeapBytes,
            long gcCount, long gcMillis, long rowsRead, long rowsKept, long rejected, boolean outOfMemory) {
        long footprintBytes() {
            return liveHeapBytes - baselineHeapBytes;
        }
    }

    public static void main(String[] args) {
        BenchmarkMain.exit("SourceBenchmark", args, SourceBenchmark::run);
    }

    static int run(String[] args, PrintStream out) {
        Arguments arguments = parse(args);
        if (arguments == null) {
            out.println(USAGE);
            return 0;
        }
        Map<String, SampleGenerator> generators = new LinkedHashMap<>();
        for (Format f : Format.values()) {
            generators.put(f.generator, BenchmarkMain.service(SampleGenerator.class, SampleGenerator::name,
                    f.generator, "io.segmenta.generator"));
        }
        Map<String, DataSource> sources = new LinkedHashMap<>();
        for (Read r : READS) {
            sources.put(r.source(),
                    BenchmarkMain.service(DataSource.class, DataSource::name, r.source(), "the source bundles"));
        }
        Path dir = arguments.dir();
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--dir: " + dir.toAbsolutePath().normalize() + " is not a folder");
        }
        Machine machine = Machine.describe();
        String xmx = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b).orElse("no -Xmx: the JVM's default");
        out.println("Segmenta source benchmark");
        out.println("  JVM      " + machine.jvm());
        out.println("  heap     max " + StageBenchmark.mib(machine.maxHeapBytes()) + " MiB (" + xmx + "), GC "
                + machine.collectors() + "; every read below had to fit in it");
        out.println("  machine  " + machine.cores() + " cores, " + machine.os());
        out.println("  load     " + machine.loadAverage() + " (1-minute load average at start)");
        out.println("  files    uk-retail " + arguments.lines() + " lines, olist and padi-umkm "
                + arguments.otherLines()
                + " lines each, seed " + arguments.seed() + ", with dirt; " + arguments.iterations()
                + " read(s) per source");
        out.flush();

        Path work = createTempDir(dir);
        // about 2 GB of files: not to be left behind when the run is interrupted (Ctrl-C, kill) either
        Thread cleanup = new Thread(() -> deleteTree(work), "delete " + work);
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<Generation> generations = new ArrayList<>();
        Map<Read, List<ReadRun>> runs = new LinkedHashMap<>();
        try {
            checkDiskSpace(work, arguments, generators, out);
            for (Format f : Format.values()) {
                Generation g = generate(generators.get(f.generator), f, work.resolve(f.folder),
                        f.request(arguments.lines(f), arguments.seed()));
                generations.add(g);
                out.printf(Locale.ROOT, "  generated %-10s %,d lines, %,d bytes in %.1f s (%,.0f lines/s)%n",
                        f.generator, g.lines(), g.bytes(), g.nanos() / 1e9, g.lines() / (g.nanos() / 1e9));
                out.flush();
            }
            Path mapping = MappingFile.write(work);
            for (Read r : READS) {
                Generation g = generations.get(r.format().ordinal());
                Path input = r.format() == Format.UK ? g.sample().files().get(0) : work.resolve(r.format().folder);
                Options options = r.source().equals("mapped-csv")
                        ? new Options(Map.of("mapping", mapping.toString())) : Options.empty();
                List<ReadRun> list = new ArrayList<>();
                for (int i = 0; i < arguments.iterations(); i++) {
                    ReadRun run = read(sources.get(r.source()), input, options, out);
                    list.add(run);
                    out.printf(Locale.ROOT, "  read %-10s %d: %s%n", r.source(), i + 1, run.outOfMemory()
                            ? "OutOfMemoryError" : String.format(Locale.ROOT, "%.1f s, %,d rows kept, peak %d MiB "
                            + "(pools %d), table %d MiB", run.nanos() / 1e9, run.rowsKept(),
                            StageBenchmark.mib(run.peakUsedBytes()), StageBenchmark.mib(run.peakHeapBytes()),
                            StageBenchmark.mib(run.footprintBytes())));
                    out.flush();
                    if (run.outOfMemory()) {
                        break; // another try would run out the same way
                    }
                }
                runs.put(r, list);
            }
        } finally {
            deleteTree(work);
        }
        String loadAfter = Machine.loadAverageNow();

        SourceReport report = new SourceReport(arguments, machine, xmx, loadAfter, generations, runs);
        report.printTable(out);
        out.println(report.json());
        out.flush();
        return report.allFit() ? 0 : 1;
    }

    // -------------------------------------------------------------------------------------------------------
    // generating

    private static Generation generate(SampleGenerator generator, Format format, Path folder,
            GeneratorRequest request) {
        long start = System.nanoTime();
        GeneratedSample sample = generator.generate(folder, request, new QuietContext(Options.empty()));
        long nanos = System.nanoTime() - start;
        long lines = sample.counts().getOrDefault("lines", -1L);
        return new Generation(format, sample, lines, size(sample.files()), nanos);
    }

    /**
     * Generates {@value #PROBE_LINES} lines of each format to learn its bytes per line, and stops when the
     * full files would leave less than the reserve free on the file system of {@code work}.
     */
    private static void checkDiskSpace(Path work, Arguments arguments, Map<String, SampleGenerator> generators,
            PrintStream out) {
        long needed = 0;
        StringBuilder detail = new StringBuilder();
        for (Format f : Format.values()) {
            Path probe = work.resolve("probe-" + f.folder);
            Generation g = generate(generators.get(f.generator), f, probe, f.request(PROBE_LINES, arguments.seed()));
            double bytesPerLine = (double) (g.bytes() + size(List.of(g.sample().plantedSegments()))) / g.lines();
            long estimate = (long) Math.ceil(bytesPerLine * arguments.lines(f) * (1 + ESTIMATE_SLACK));
            needed += estimate;
            detail.append(String.format(Locale.ROOT, "%s%s %.0f B/line: %,d MiB", detail.length() == 0 ? "" : ", ",
                    f.generator, bytesPerLine, StageBenchmark.mib(estimate)));
            deleteTree(probe);
        }
        long usable;
        long total;
        try {
            java.nio.file.FileStore store = Files.getFileStore(work);
            usable = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + work, e);
        }
        long reserve = Math.max(DISK_RESERVE_MIN_BYTES, total / 100 * DISK_RESERVE_PERCENT);
        out.printf(Locale.ROOT, "  disk     %s: %,d MiB free, %,d MiB needed (%s, estimates + %.0f %%) and %,d MiB"
                + " left free (the larger of %d MiB and %d %% of the file system)%n", work, StageBenchmark.mib(usable),
                StageBenchmark.mib(needed), detail, ESTIMATE_SLACK * 100, StageBenchmark.mib(reserve),
                StageBenchmark.mib(DISK_RESERVE_MIN_BYTES), DISK_RESERVE_PERCENT);
        out.flush();
        if (usable - reserve < needed) {
            throw new UsageException("not enough free disk space in " + work.getParent() + ": the generated files need"
                    + " about " + StageBenchmark.mib(needed) + " MiB and " + StageBenchmark.mib(reserve) + " MiB must"
                    + " stay free, " + StageBenchmark.mib(usable) + " MiB are free; use --dir on a larger file system"
                    + " or fewer --lines / --other-lines");
        }
    }

    // -------------------------------------------------------------------------------------------------------
    // reading

    private static ReadRun read(DataSource source, Path input, Options options, PrintStream out) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        // the previous read's table is unreachable by now: start from a collected heap, so that the peak and
        // the footprint are this read's
        System.gc();
        long baseline = used(heapPools);
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        HEAP_AT_GC.awaitNotifications();
        HEAP_AT_GC.reset(baseline);
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        QuietContext context = new QuietContext(options);
        long cpuStart = Machine.processCpuNanos();
        long start = System.nanoTime();
        SourceData data;
        try {
            data = source.read(input, context);
        } catch (OutOfMemoryError e) {
            // the table under construction is unreachable once read() has thrown: the heap is usable again
            long nanos = System.nanoTime() - start;
            long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            HEAP_AT_GC.awaitNotifications();
            return new ReadRun(nanos, 0, peak, HEAP_AT_GC.peak(), baseline, -1, gcCount() - gcCountBefore,
                    gcMillis() - gcMillisBefore,
                    -1, -1, -1, true);
        }
        long nanos = System.nanoTime() - start;
        long cpu = Machine.processCpuNanos() - cpuStart;
        long gcCount = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        // the heap is fullest just before a collection or at the end: the larger of the two is the true peak
        long usedAtEnd = used(heapPools);
        HEAP_AT_GC.awaitNotifications();
        long peakUsed = Math.max(HEAP_AT_GC.peak(), usedAtEnd);
        System.gc();
        long live = used(heapPools);
        DataQuality q = data.quality();
        if (q.rowsRead() != q.rowsKept() + q.rowsRejected()) {
            throw new IllegalStateException(source.name() + " does not account for every row: " + q);
        }
        ReadRun run = new ReadRun(nanos, cpu, peak, peakUsed, baseline, live, gcCount, gcMillis, q.rowsRead(),
                q.rowsKept(),
                q.rowsRejected(), false);
        // the footprint above is measured while the table is still referenced
        Reference.reachabilityFence(data);
        context.printInfoOnce(source.name(), out);
        return run;
    }

    private static final HeapAtGc HEAP_AT_GC = HeapAtGc.install();

    /**
     * The largest heap occupancy seen just before a garbage collection, from the collectors' notifications:
     * the sum of the heap pools' usage before that collection, all taken at the same moment (unlike the sum
     * of the pools' own peaks, which may come from different moments and so overstate). As the heap only
     * fills between collections, this and the usage at the end give the true peak of heap used.
     */
    static final class HeapAtGc implements javax.management.NotificationListener {
        private final java.util.Set<String> heapPools;
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        /** Collections notified, counted like {@link #gcCount()} (which includes those before installing). */
        private final java.util.concurrent.atomic.AtomicLong notified;

        private HeapAtGc(java.util.Set<String> heapPools) {
            this.heapPools = heapPools;
            this.notified = new java.util.concurrent.atomic.AtomicLong(gcCount());
        }

        /**
         * Waits (at most 2 s) until the notifications of every collection so far have been handled: they come
         * on another thread, a little after the collection, and one about the collection before a read must
         * not count in that read's peak, nor one during the read be missed.
         */
        void awaitNotifications() {
            long target = gcCount();
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (notified.get() < target && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        static HeapAtGc install() {
            HeapAtGc listener = new HeapAtGc(ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet()));
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                }
            }
            return listener;
        }

        void reset(long value) {
            peak.set(value);
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void handleNotification(javax.management.Notification notification, Object handback) {
            if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                    .equals(notification.getType())) {
                return;
            }
            com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management
                    .GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData)
                            notification.getUserData());
            long before = 0;
            for (Map.Entry<String, java.lang.management.MemoryUsage> e
                    : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    before += e.getValue().getUsed();
                }
            }
            long value = before;
            peak.accumulateAndGet(value, Math::max);
            notified.incrementAndGet();
        }
    }




    /** A stage context without a console: progress is dropped, information lines are kept to print once. */
    static final class QuietContext implements StageContext {
        private static final java.util.Set<String> PRINTED = new java.util.HashSet<>();
        private final Options options;
        private final java.util.Set<io.segmenta.api.data.TransactionField> fields;
        private final List<String> info = new ArrayList<>();

        QuietContext(Options options) {
            this(options, java.util.EnumSet.allOf(io.segmenta.api.data.TransactionField.class));
        }

        /** @param fields the transaction fields the source is told the run reads (a build before API 1.4 ignores them) */
        QuietContext(Options options, java.util.Set<io.segmenta.api.data.TransactionField> fields) {
            this.options = options;
            this.fields = fields;
        }

        @Override
        public java.util.Set<io.segmenta.api.data.TransactionField> transactionFields() {
            return fields;
        }

        @Override
        public void progress(long done, long total, String unit) {
            // nothing to show: the benchmark prints per read
        }

        @Override
        public void info(String message) {
            info.add(message);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Options options() {
            return options;
        }

        /** The source's information lines (e.g. defaults chosen), printed after its first read only. */
        void printInfoOnce(String source, PrintStream out) {
            if (!info.isEmpty() && PRINTED.add(source)) {
                info.forEach(m -> out.println("    (" + source + " says: " + m + ")"));
            }
        }
    }

    /** The UK mapping of docs/sources/mapped-csv.md (example 1), written into the temporary folder. */
    static final class MappingFile {
        static final String NAME = "uk-retail.properties";
        static final String TEXT = String.join("\n",
                "# UCI Online Retail for the mapped-csv source; docs/sources/mapped-csv.md, example 1",
                "field.customer=CustomerID",
                "field.order=InvoiceNo",
                "field.timestamp=InvoiceDate",
                "field.quantity=Quantity",
                "field.unit_price=UnitPrice",
                "field.product=StockCode",
                "field.region=Country",
                "format.timestamp=yyyy-MM-dd HH:mm:ss",
                "clean.customer-strip-decimal-zero=true",
                "clean.drop-order-prefix=C",
                "clean.drop-nonpositive-quantity=true",
                "clean.drop-nonpositive-amount=true",
                "");

        private MappingFile() {
        }

        static Path write(Path dir) {
            Path file = dir.resolve(NAME);
            try {
                Files.writeString(file, TEXT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            return file;
        }
    }

    // -------------------------------------------------------------------------------------------------------
    // discovery, arguments, files

    /** @return null when help was asked for */
    static Arguments parse(String[] args) {
        long lines = DEFAULT_LINES;
        long otherLines = DEFAULT_OTHER_LINES;
        int iterations = 3;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        long seed = SEED;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--lines" -> lines = number(a, value(args, ++i, a), 1);
                case "--other-lines" -> otherLines = number(a, value(args, ++i, a), 1);
                case "--iterations" -> iterations = (int) Math.min(number(a, value(args, ++i, a), 1), 1000);
                case "--dir" -> dir = Path.of(value(args, ++i, a));
                case "--seed" -> seed = number(a, value(args, ++i, a), Long.MIN_VALUE);
                default -> throw new UsageException("unknown argument " + a + " (see --help)");
            }
        }
        return new Arguments(lines, otherLines, iterations, dir, seed);
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    static long number(String option, String value, long min) {
        long n;
        try {
            n = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + value + "' is not a whole number");
        }
        if (n < min) {
            throw new UsageException(option + " must be at least " + min + ", was " + n);
        }
        return n;
    }

    private static Path createTempDir(Path parent) {
        try {
            return Files.createTempDirectory(parent, "segmenta-source-benchmark-");
        } catch (IOException e) {
            throw new UsageException("cannot create a temporary folder in " + parent + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // the figures are still valid; say what was left behind
            System.err.println("SourceBenchmark: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static long size(List<Path> files) {
        long total = 0;
        for (Path p : files) {
            try {
                total += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of " + p, e);
            }
        }
        return total;
    }

    /** The median of the values (sorted here); an even count takes the mean of the two middle ones. */
    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
