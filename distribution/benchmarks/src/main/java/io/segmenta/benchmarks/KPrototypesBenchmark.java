package io.segmenta.benchmarks;

import static io.segmenta.benchmarks.JvmCounters.gcCount;
import static io.segmenta.benchmarks.JvmCounters.gcMillis;
import static io.segmenta.benchmarks.Json.num;
import static io.segmenta.benchmarks.JvmCounters.used;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.Options;
import io.segmenta.benchmarks.SourceBenchmark.HeapAtGc;
import io.segmenta.benchmarks.SourceBenchmark.QuietContext;
import io.segmenta.benchmarks.StageBenchmark.Machine;
import io.segmenta.benchmarks.StageBenchmark.UsageException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Times K-Prototypes fits on generated mixed data ({@link PlantedMixed}: 3 numeric and 3 categorical columns,
 * 5 planted clusters) at each of {@code --rows} (default 100,000 and 1,000,000), with k = 5, Cao
 * initialisation and the automatic gamma, as the stage's defaults give. The clusterer is the {@link Clusterer}
 * named {@code kprototypes} that {@link ServiceLoader} finds on the class path, as the engine finds it.
 *
 * <pre>
 * KPrototypesBenchmark [--rows N[,N...]] [--warmup W] [--iterations I] [--runs R] [--seed S]
 * </pre>
 *
 * For each size: W discarded fits, then I measured ones on the same matrix; each fit starts after a
 * {@code System.gc()}. Per fit: wall and process CPU seconds, the peak of heap used during the fit (garbage
 * included, from the collectors' notifications as in {@link SourceBenchmark}) and the heap in use before it
 * (the matrix), GC count and time; and, from the model, the passes of the best run, the cost, gamma and the
 * adjusted Rand index of its labels against the planted clusters. Prints a table and, as the last line, one
 * JSON object.
 * <p>
 * Exit codes: 0 done, 1 the fits of one size disagreed (the fit is seeded: they must not) or anything else
 * failed, 2 usage error.
 */
public final class KPrototypesBenchmark {
    static final String STAGE = "kprototypes";
    static final int[] DEFAULT_ROWS = {100_000, 1_000_000};
    /** The prototype benchmark's data seed, kept so that its figures stay comparable. */
    static final long DATA_SEED = 2026L;
    static final int MAX_ITERATIONS = ClusterRequest.DEFAULT_MAX_ITERATIONS;

    private static final String USAGE = "usage: KPrototypesBenchmark [--rows N[,N...]] [--warmup W] [--iterations I]"
            + " [--runs R] [--seed S]\n"
            + "  --rows N,...    row counts of the generated matrices (default 100000,1000000)\n"
            + "  --warmup W      discarded fits per size first (default 3)\n"
            + "  --iterations I  measured fits per size; the median is reported (default 5)\n"
            + "  --runs R        seeded runs per fit, the best kept (default 1; the engine's default is "
            + ClusterRequest.DEFAULT_RUNS + ")\n"
            + "  --seed S        the data's seed (default " + DATA_SEED + "); the fit's seed is "
            + ClusterRequest.DEFAULT_SEED;

    private KPrototypesBenchmark() {
    }

    record Arguments(int[] rows, int warmup, int iterations, int runs, long seed) {
    }

    /** One fit with its measurements and what the model says. */
    record Fit(long nanos, long cpuNanos, long peakUsedBytes, long baselineBytes, long gcCount, long gcMillis,
            int iterations, double cost, double gamma, double ari) {
    }

    /** The fits of one size. */
    record Size(int rows, long generateNanos, List<Fit> warmups, List<Fit> measured) {
        long median(java.util.function.ToLongFunction<Fit> f) {
            return SourceBenchmark.median(measured.stream().mapToLong(f).toArray());
        }

        Fit first() {
            return measured.get(0);
        }

        /** Seeded fits of the same matrix must give the same model; a difference would be a bug worth seeing. */
        boolean consistent() {
            Fit f = first();
            return measured.stream().allMatch(m -> m.cost() == f.cost() && m.iterations() == f.iterations()
                    && m.ari() == f.ari());
        }
    }

    public static void main(String[] args) {
        BenchmarkMain.exit("KPrototypesBenchmark", args, KPrototypesBenchmark::run);
    }

    static int run(String[] args, PrintStream out) {
        Arguments arguments = parse(args);
        if (arguments == null) {
            out.println(USAGE);
            return 0;
        }
        Clusterer clusterer = BenchmarkMain.service(Clusterer.class, Clusterer::name, STAGE,
                "io.segmenta.cluster.kprototypes");
        Machine machine = Machine.describe();
        out.println("Segmenta K-Prototypes benchmark");
        out.println("  JVM      " + machine.jvm());
        out.println("  heap     max " + StageBenchmark.mib(machine.maxHeapBytes()) + " MiB, GC " + machine.collectors());
        out.println("  machine  " + machine.cores() + " cores, " + machine.os());
        out.println("  load     " + machine.loadAverage() + " (1-minute load average at start)");
        out.println("  fit      " + clusterer.getClass().getName() + ": k " + PlantedMixed.CLUSTERS + ", "
                + arguments.runs() + " run(s), at most " + MAX_ITERATIONS + " passes, seed "
                + ClusterRequest.DEFAULT_SEED + ", init cao, automatic gamma");
        out.println("  data     " + PlantedMixed.NUMERIC + " numeric + " + PlantedMixed.CATEGORICAL
                + " categorical columns (" + PlantedMixed.LEVELS + " levels), " + PlantedMixed.CLUSTERS
                + " planted clusters, seed " + arguments.seed() + "; " + arguments.warmup() + " warm-up and "
                + arguments.iterations() + " measured fit(s) per size");
        out.flush();

        ClusterRequest request = new ClusterRequest(PlantedMixed.CLUSTERS, ClusterRequest.DEFAULT_SEED,
                arguments.runs(), MAX_ITERATIONS);
        List<Size> sizes = new ArrayList<>();
        for (int n : arguments.rows()) {
            long start = System.nanoTime();
            PlantedMixed data = PlantedMixed.generate(n, arguments.seed());
            long generateNanos = System.nanoTime() - start;
            List<Fit> warmups = new ArrayList<>();
            List<Fit> measured = new ArrayList<>();
            for (int i = 0; i < arguments.warmup() + arguments.iterations(); i++) {
                boolean warmup = i < arguments.warmup();
                Fit fit = fit(clusterer, data, request, out);
                (warmup ? warmups : measured).add(fit);
                out.printf(Locale.ROOT, "  %,9d rows %s %d: %.3f s, %d passes, cost %.6f, ARI %.6f, peak %d MiB%n", n,
                        warmup ? "warm-up " : "measured", warmup ? i + 1 : i - arguments.warmup() + 1,
                        fit.nanos() / 1e9, fit.iterations(), fit.cost(), fit.ari(),
                        StageBenchmark.mib(fit.peakUsedBytes()));
                out.flush();
            }
            sizes.add(new Size(n, generateNanos, warmups, measured));
        }
        String loadAfter = Machine.loadAverageNow();
        printTable(out, sizes, machine, loadAfter);
        out.println(json(arguments, sizes, machine, loadAfter));
        out.flush();
        return sizes.stream().allMatch(Size::consistent) ? 0 : 1;
    }

    private static final HeapAtGc HEAP_AT_GC = HeapAtGc.install();

    private static Fit fit(Clusterer clusterer, PlantedMixed data, ClusterRequest request, PrintStream out) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        // the previous fit's model is garbage by now: start from a collected heap, so that the peak is this fit's
        System.gc();
        long baseline = used(heapPools);
        HEAP_AT_GC.awaitNotifications();
        HEAP_AT_GC.reset(baseline);
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        QuietContext context = new QuietContext(Options.empty());
        FeatureMatrix features = data.matrix();
        long cpuStart = Machine.processCpuNanos();
        long start = System.nanoTime();
        ClusterModel model = clusterer.fit(features, request, context);
        long nanos = System.nanoTime() - start;
        long cpu = Machine.processCpuNanos() - cpuStart;
        long gcCount = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;
        long usedAtEnd = used(heapPools);
        HEAP_AT_GC.awaitNotifications();
        long peak = Math.max(HEAP_AT_GC.peak(), usedAtEnd);
        // once per size: gamma and any iteration-cap warning depend on the matrix
        context.printInfoOnce(STAGE + ", " + String.format(Locale.ROOT, "%,d", features.rowCount()) + " rows", out);
        double ari = PlantedMixed.adjustedRand(data.planted(), model.labels());
        Number iterations = modelFigure(model, "iterations");
        Number gamma = modelFigure(model, "gamma");
        return new Fit(nanos, cpu, peak, baseline, gcCount, gcMillis, iterations == null ? -1 : iterations.intValue(),
                model.cost(), gamma == null ? Double.NaN : gamma.doubleValue(), ari);
    }

    /**
     * A figure the K-Prototypes model has but the API's {@link ClusterModel} does not (its passes, its gamma):
     * the model class is package-private in its bundle, and on the plain class path reflection may read it. Null
     * when the model no longer has that method, so that the benchmark still times fits.
     */
    static Number modelFigure(ClusterModel model, String method) {
        try {
            Method m = model.getClass().getDeclaredMethod(method);
            m.setAccessible(true);
            return (Number) m.invoke(model);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }




    // -------------------------------------------------------------------------------------------------------
    // report

    private static void printTable(PrintStream out, List<Size> sizes, Machine machine, String loadAfter) {
        out.println();
        out.printf(Locale.ROOT, "%10s %9s %9s %9s %8s %7s %16s %10s %9s %9s %9s %9s%n", "rows", "median s", "min s",
                "max s", "CPU s", "passes", "cost", "gamma", "ARI", "peak MiB", "input MiB", "GC n/ms");
        String rule = "-".repeat(10 + 10 * 3 + 9 + 8 + 17 + 11 + 10 * 4);
        out.println(rule);
        for (Size s : sizes) {
            Fit f = s.first();
            out.printf(Locale.ROOT, "%,10d %9.3f %9.3f %9.3f %8.2f %7d %16.4f %10.6f %9.6f %9d %9d %9s%n", s.rows(),
                    s.median(Fit::nanos) / 1e9, s.measured().stream().mapToLong(Fit::nanos).min().orElseThrow() / 1e9,
                    s.measured().stream().mapToLong(Fit::nanos).max().orElseThrow() / 1e9,
                    s.median(Fit::cpuNanos) / 1e9, f.iterations(), f.cost(), f.gamma(), f.ari(),
                    StageBenchmark.mib(s.measured().stream().mapToLong(Fit::peakUsedBytes).max().orElseThrow()),
                    StageBenchmark.mib(s.median(Fit::baselineBytes)),
                    s.median(Fit::gcCount) + "/" + s.median(Fit::gcMillis));
        }
        out.println(rule);
        out.println("median/min/max s: wall seconds per fit over the measured fits; CPU s: process CPU time of the"
                + " median fit (all JVM threads, GC included); passes, cost, gamma: the best run's, from the model;"
                + " ARI: adjusted Rand index of the model's labels against the planted clusters; peak MiB: the most"
                + " heap used at any moment of any fit (garbage and the input matrix included); input MiB: heap in"
                + " use after a full GC before the fit (the matrix and the harness); GC n/ms: collections and their"
                + " time during the median fit.");
        for (Size s : sizes) {
            out.printf(Locale.ROOT, "%,d rows: generated in %.2f s; warm-up fits %s s%s%n", s.rows(),
                    s.generateNanos() / 1e9, s.warmups().stream().map(f -> String.format(Locale.ROOT, "%.3f",
                            f.nanos() / 1e9)).collect(Collectors.joining(", ")),
                    s.consistent() ? "; every measured fit gave the same model" : "; THE MEASURED FITS DIFFERED");
        }
        out.printf(Locale.ROOT, "machine  %d cores, load average %s before, %s after%n", machine.cores(),
                machine.loadAverage(), loadAfter);
        out.println();
    }

    /** The figures as one line of JSON (written by hand: no JSON library for one line). */
    static String json(Arguments arguments, List<Size> sizes, Machine machine, String loadAfter) {
        StringBuilder j = new StringBuilder(1024).append("{\"benchmark\":\"segmenta-kprototypes-benchmark\"");
        j.append(",\"k\":").append(PlantedMixed.CLUSTERS).append(",\"runs\":").append(arguments.runs())
                .append(",\"maxIterations\":").append(MAX_ITERATIONS).append(",\"fitSeed\":")
                .append(ClusterRequest.DEFAULT_SEED).append(",\"dataSeed\":").append(arguments.seed())
                .append(",\"warmup\":").append(arguments.warmup()).append(",\"iterations\":")
                .append(arguments.iterations()).append(",\"sizes\":[");
        for (int i = 0; i < sizes.size(); i++) {
            Size s = sizes.get(i);
            Fit f = s.first();
            j.append(i > 0 ? "," : "").append("{\"rows\":").append(s.rows())
                    .append(",\"secondsMedian\":").append(num(s.median(Fit::nanos) / 1e9)).append(",\"secondsAll\":[")
                    .append(s.measured().stream().map(m -> num(m.nanos() / 1e9)).collect(Collectors.joining(",")))
                    .append("],\"warmupSeconds\":[")
                    .append(s.warmups().stream().map(m -> num(m.nanos() / 1e9)).collect(Collectors.joining(",")))
                    .append("],\"cpuSecondsMedian\":").append(num(s.median(Fit::cpuNanos) / 1e9))
                    .append(",\"passes\":").append(f.iterations())
                    .append(",\"cost\":").append(full(f.cost()))
                    .append(",\"gamma\":").append(full(f.gamma()))
                    .append(",\"adjustedRandIndex\":").append(full(f.ari()))
                    .append(",\"peakUsedHeapBytesMax\":")
                    .append(s.measured().stream().mapToLong(Fit::peakUsedBytes).max().orElseThrow())
                    .append(",\"heapBeforeFitBytes\":").append(s.median(Fit::baselineBytes))
                    .append(",\"gcCountMedian\":").append(s.median(Fit::gcCount))
                    .append(",\"gcMsMedian\":").append(s.median(Fit::gcMillis))
                    .append(",\"consistent\":").append(s.consistent()).append('}');
        }
        j.append("],\"machine\":{\"jvm\":");
        Json.string(j, machine.jvm()).append(",\"os\":");
        Json.string(j, machine.os()).append(",\"cores\":").append(machine.cores()).append(",\"maxHeapBytes\":")
                .append(machine.maxHeapBytes()).append(",\"gc\":");
        Json.string(j, machine.collectors()).append(",\"loadAverageBefore\":");
        Json.string(j, machine.loadAverage()).append(",\"loadAverageAfter\":");
        Json.string(j, loadAfter).append("}}");
        return j.toString();
    }


    /** A JSON number with every digit (Double.toString round-trips); NaN and infinities become null. */
    static String full(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    // -------------------------------------------------------------------------------------------------------
    // arguments

    /** @return null when help was asked for */
    static Arguments parse(String[] args) {
        int[] rows = DEFAULT_ROWS;
        // a fit of 100,000 rows takes well under a second: more fits cost little and steady the median
        int warmup = 3;
        int iterations = 5;
        int runs = 1;
        long seed = DATA_SEED;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--rows" -> rows = rowList(a, SourceBenchmark.value(args, ++i, a));
                case "--warmup" -> warmup = (int) Math.min(SourceBenchmark.number(a, SourceBenchmark.value(args, ++i,
                        a), 0), 1000);
                case "--iterations" -> iterations = (int) Math.min(SourceBenchmark.number(a,
                        SourceBenchmark.value(args, ++i, a), 1), 1000);
                case "--runs" -> runs = (int) Math.min(SourceBenchmark.number(a, SourceBenchmark.value(args, ++i, a),
                        1), 1000);
                case "--seed" -> seed = SourceBenchmark.number(a, SourceBenchmark.value(args, ++i, a), Long.MIN_VALUE);
                default -> throw new UsageException("unknown argument " + a + " (see --help)");
            }
        }
        return new Arguments(rows, warmup, iterations, runs, seed);
    }

    /** Comma-separated row counts, each at least k (a fit needs k rows) and an int. */
    static int[] rowList(String option, String value) {
        int[] rows = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(s -> SourceBenchmark.number(option, s, PlantedMixed.CLUSTERS)).mapToInt(n -> {
                    if (n > Integer.MAX_VALUE / PlantedMixed.NUMERIC) {
                        throw new UsageException(option + ": " + n + " rows is more than the fit's arrays hold");
                    }
                    return (int) n;
                }).toArray();
        if (rows.length == 0) {
            throw new UsageException(option + " needs at least one row count");
        }
        return rows;
    }
}
