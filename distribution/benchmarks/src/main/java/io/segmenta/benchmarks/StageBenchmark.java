package io.segmenta.benchmarks;

import static io.segmenta.benchmarks.JvmCounters.gcCount;
import static io.segmenta.benchmarks.JvmCounters.gcMillis;

import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Times every step of the pipeline {@code uk-retail -> rfm -> kmeans (k 4, seed 42, 10 runs) -> csv} on the
 * UCI Online Retail file, end to end through the real engine and stages (found with {@link ServiceLoader},
 * as {@code bin/segmenta} finds them), and prints a table and one JSON line.
 *
 * <pre>
 * StageBenchmark [FILE] [--warmup W] [--iterations N]
 * </pre>
 *
 * FILE defaults to {@code ../shared/data/uk-retail/online-retail-dataset.csv.gz} under the directory in system
 * property {@code segmenta.project.dir} (run.sh sets it to the repository root), else under the current one.
 * <p>
 * Step times are the engine's own {@link PipelineResult#timings()}. Around them the harness measures, per
 * iteration: wall time of {@link PipelineEngine#run}, process CPU time (in total and per step, through the
 * progress listener, so that steps using several threads show it), GC count and time, and the peak heap: the
 * sum of the heap pools' peak usage, reset before each iteration after a {@code System.gc()} so that each
 * iteration starts from the same, collected heap. Warm-up iterations run the same code and are discarded.
 * Last, as a floor for the source step, it times reading the input without parsing it ({@link #readBaseline}),
 * with the same numbers of warm-up and measured iterations.
 * <p>
 * Exit codes: 0 done, 2 usage or input error (one line on standard error), 1 anything else.
 */
public final class StageBenchmark {
    static final String DEFAULT_INPUT = "../shared/data/uk-retail/online-retail-dataset.csv.gz";
    static final String PROJECT_DIR_PROPERTY = "segmenta.project.dir";
    static final int K = 4;
    static final long SEED = 42L;
    static final int RUNS = 10;

    private static final String USAGE = "usage: StageBenchmark [FILE] [--warmup W] [--iterations N]\n"
            + "  FILE            the UCI Online Retail CSV, plain or .gz (default: <repo>/" + DEFAULT_INPUT + ")\n"
            + "  --warmup W      discarded iterations first (default 2)\n"
            + "  --iterations N  measured iterations (default 5)";

    private StageBenchmark() {
    }

    /** What the command line asked for. */
    record Arguments(Path input, int warmup, int iterations) {
    }

    /** Figures of one iteration. */
    record Iteration(List<StageTiming> steps, long[] stepCpuNanos, long wallNanos, long cpuNanos, long peakHeapBytes,
            long liveHeapBytes, long gcCount, long gcMillis, long rowsRead, long rowsKept, int entities,
            ClusterQuality quality) {
    }

    public static void main(String[] args) {
        BenchmarkMain.exit("StageBenchmark", args, StageBenchmark::run);
    }

    static int run(String[] args, PrintStream out) {
        Arguments arguments = parse(args);
        if (arguments == null) {
            out.println(USAGE);
            return 0;
        }
        Path input = arguments.input();
        if (!Files.isRegularFile(input)) {
            throw new UsageException("data file not found: " + input.toAbsolutePath().normalize()
                    + " (the UCI Online Retail CSV, plain or .gz; pass its path as the first argument)");
        }
        if (!Files.isReadable(input)) {
            throw new UsageException("data file not readable: " + input.toAbsolutePath().normalize());
        }

        long discoveryStart = System.nanoTime();
        PipelineEngine engine = ServiceLoader.load(PipelineEngine.class).stream()
                .sorted(Comparator.comparing(p -> p.type().getName()))
                .map(ServiceLoader.Provider::get)
                .findFirst()
                .orElseThrow(() -> new UsageException("no PipelineEngine on the class path (is io.segmenta.engine "
                        + "in target/lib/?)"));
        int stageCount = engine.stages().size(); // the engine loads its stages on first use: time that once
        long discoveryNanos = System.nanoTime() - discoveryStart;

        Path outputDir = createTempDir();
        PipelineSpec spec = new PipelineSpec("uk-retail", input, "rfm", "kmeans",
                new ClusterRequest(K, SEED, RUNS, ClusterRequest.DEFAULT_MAX_ITERATIONS), List.of("csv"), outputDir,
                Options.empty());

        Machine machine = Machine.describe();
        out.println("Segmenta stage benchmark");
        out.println("  input    " + input.toAbsolutePath().normalize() + " (" + fileSize(input) + " bytes)");
        out.println("  pipeline uk-retail -> rfm -> kmeans (k " + K + ", seed " + SEED + ", runs " + RUNS
                + ", max iterations " + ClusterRequest.DEFAULT_MAX_ITERATIONS + ") -> csv (" + outputDir + ")");
        out.println("  engine   " + engine.getClass().getName() + ", " + stageCount + " stages found in "
                + ms(discoveryNanos) + " ms");
        out.println("  JVM      " + machine.jvm());
        out.println("  machine  " + machine.cores() + " cores, " + machine.os() + ", max heap "
                + mib(machine.maxHeapBytes()) + " MiB, GC " + machine.collectors());
        out.println("  load     " + machine.loadAverage() + " (1-minute load average at start)");
        out.println("  runs     " + arguments.warmup() + " warm-up + " + arguments.iterations() + " measured");
        out.flush();

        List<Iteration> warmups = new ArrayList<>();
        List<Iteration> measured = new ArrayList<>();
        try {
            for (int i = 0; i < arguments.warmup() + arguments.iterations(); i++) {
                boolean warmup = i < arguments.warmup();
                Iteration it = iterate(engine, spec);
                (warmup ? warmups : measured).add(it);
                out.println("  " + (warmup ? "warm-up " + (i + 1) : "iteration " + (i - arguments.warmup() + 1))
                        + ": " + ms(it.wallNanos()) + " ms");
                out.flush();
            }
        } finally {
            deleteTree(outputDir);
        }
        // a floor for the source step: the same decompression and decoding, without CSV parsing
        long[] baseline = new long[arguments.iterations()];
        for (int i = 0; i < arguments.warmup() + arguments.iterations(); i++) {
            long nanos = readBaseline(input);
            if (i >= arguments.warmup()) {
                baseline[i - arguments.warmup()] = nanos;
            }
        }
        String loadAfter = Machine.loadAverageNow();

        Report report = new Report(arguments, input, machine, loadAfter, discoveryNanos, warmups, measured, baseline);
        report.printTable(out);
        out.println(report.json());
        out.flush();
        return 0;
    }

    /** One run of the pipeline with its measurements. */
    private static Iteration iterate(PipelineEngine engine, PipelineSpec spec) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        // start each iteration from a collected heap (the previous result is unreachable by now), so that
        // the peak is this iteration's and not partly the garbage of the one before
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        StepCpu stepCpu = new StepCpu();

        long cpuStart = Machine.processCpuNanos();
        long start = System.nanoTime();
        PipelineResult result = engine.run(spec, stepCpu);
        long wall = System.nanoTime() - start;
        long cpu = Machine.processCpuNanos() - cpuStart;

        long gcCount = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        // what the result keeps alive (the transactions table, features, model): the heap after a full
        // collection while the result is still referenced
        System.gc();
        long live = heapPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        Iteration it = new Iteration(result.timings(), stepCpu.nanos(result.timings().size()), wall, cpu, peak, live,
                gcCount, gcMillis, result.source().quality().rowsRead(), result.source().quality().rowsKept(),
                result.features().rowCount(), result.quality());
        Reference.reachabilityFence(result);
        return it;
    }

    /**
     * Reads the input as the uk-retail source opens it (64 KiB buffers, gunzip when it starts with the gzip
     * magic bytes, UTF-8) into a reused char buffer, counting lines so the work cannot be skipped; no CSV
     * parsing and no object per line. Returns the nanoseconds taken.
     */
    static long readBaseline(Path input) {
        int buffer = 1 << 16;
        long start = System.nanoTime();
        long lines = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(input), buffer)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream bytes = gzip ? new GZIPInputStream(raw, buffer) : raw;
            Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8);
            char[] chars = new char[buffer];
            for (int n = text.read(chars); n >= 0; n = text.read(chars)) {
                for (int i = 0; i < n; i++) {
                    if (chars[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + input + ": " + e.getMessage());
        }
        long nanos = System.nanoTime() - start;
        if (lines == 0) {
            throw new UsageException(input + " has no lines");
        }
        return nanos;
    }

    /**
     * Process CPU time per step, from the engine's step callbacks (which come from the thread running the
     * pipeline, in step order, one {@code stepFinished} per entry of {@link PipelineResult#timings()}).
     */
    private static final class StepCpu implements ProgressListener {
        private long[] nanos = new long[8];
        private int finished;
        private long startedAt;

        @Override
        public void stepStarted(StageKind kind, String name) {
            startedAt = Machine.processCpuNanos();
        }

        @Override
        public void stepFinished(StageKind kind, String name, long stepNanos) {
            if (finished == nanos.length) {
                nanos = Arrays.copyOf(nanos, finished * 2);
            }
            nanos[finished++] = Machine.processCpuNanos() - startedAt;
        }

        long[] nanos(int steps) {
            if (finished != steps) {
                throw new IllegalStateException("the engine reported " + finished + " finished steps but " + steps
                        + " timings");
            }
            return Arrays.copyOf(nanos, steps);
        }
    }



    // -------------------------------------------------------------------------------------------------------
    // arguments

    /** @return null when help was asked for */
    static Arguments parse(String[] args) {
        Path input = null;
        int warmup = 2;
        int iterations = 5;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--warmup" -> warmup = count(a, value(args, ++i, a), 0);
                case "--iterations" -> iterations = count(a, value(args, ++i, a), 1);
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option " + a + " (see --help)");
                    }
                    if (input != null) {
                        throw new UsageException("one data file only, got " + input + " and " + a);
                    }
                    input = Path.of(a);
                }
            }
        }
        if (input == null) {
            input = Path.of(System.getProperty(PROJECT_DIR_PROPERTY, ".")).resolve(DEFAULT_INPUT);
        }
        return new Arguments(input, warmup, iterations);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int count(String option, String value, int min) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + value + "' is not a whole number");
        }
        if (n < min) {
            throw new UsageException(option + " must be at least " + min + ", was " + n);
        }
        return n;
    }

    /** A command-line or environment problem: one line, no stack trace. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    // -------------------------------------------------------------------------------------------------------
    // files

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("segmenta-benchmark-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary output folder", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // the figures are still valid; say what was left behind
            System.err.println("StageBenchmark: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static long mib(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    // -------------------------------------------------------------------------------------------------------
    // the machine

    /** What the figures were measured on. */
    record Machine(String jvm, String os, int cores, long maxHeapBytes, String collectors, String loadAverage) {

        static Machine describe() {
            String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + " (" + System.getProperty("java.vm.vendor") + ")";
            String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch");
            String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
            return new Machine(jvm, os, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                    collectors, loadAverageNow());
        }

        /** The system's 1-minute load average, or "n/a" where the platform has none. */
        static String loadAverageNow() {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
        }

        /** CPU time of the whole process (all threads), or 0 where the JVM does not tell. */
        static long processCpuNanos() {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                long t = sun.getProcessCpuTime();
                return Math.max(t, 0);
            }
            return 0;
        }
    }
}
