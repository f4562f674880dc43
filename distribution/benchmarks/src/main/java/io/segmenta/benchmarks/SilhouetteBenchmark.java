package io.segmenta.benchmarks;

import io.segmenta.benchmarks.StageBenchmark.Machine;
import io.segmenta.benchmarks.StageBenchmark.UsageException;
import io.segmenta.engine.internal.metrics.Clustering;
import io.segmenta.engine.internal.metrics.Silhouette;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Times the engine's exact silhouette ({@link Silhouette#mean}, as the pipeline's quality step calls it) against
 * scikit-learn's {@code silhouette_score} on the same matrix, and reports both scores, their difference and the
 * time ratio, at each of {@code --rows} (default 20,000 and 100,000).
 *
 * <pre>
 * SilhouetteBenchmark [--rows N[,N...]] [--columns D] [--clusters K] [--warmup W] [--iterations I]
 *                     [--threads T] [--seed S] [--python PATH] [--no-reference]
 * </pre>
 *
 * For each size it generates K Gaussian blobs ({@link #blobs}) with their labels, writes them to a CSV in a
 * temporary folder (every value with {@link Double#toString}, which reads back as the same double), and times W
 * discarded and I measured pairs of calls: one of the Java silhouette on T threads, then one of
 * {@code python/silhouette.py} (from this jar; source in src/main/python) on that CSV, in a new process each
 * time, so that both sides of a pair see the same load on a shared machine. The script prints the score, its
 * seconds and a SHA-256 of the matrix and labels it parsed; the benchmark checks that digest against its own,
 * so that a difference in score cannot come from different input.
 * <p>
 * When the interpreter cannot be started, or numpy or scikit-learn cannot be imported (the script's exit status
 * 3), the Java figures are still reported and the reference is marked as skipped, with the reason.
 * <p>
 * Exit codes: 0 done (the reference included, or skipped), 1 the reference failed otherwise or scored different
 * input, 2 usage error.
 */
public final class SilhouetteBenchmark {
    static final int[] DEFAULT_ROWS = {20_000, 100_000};
    static final int DEFAULT_COLUMNS = 5;
    static final int DEFAULT_CLUSTERS = 5;
    static final long SEED = 42L;
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    static final String SCRIPT_RESOURCE = "python/silhouette.py";
    /** The blobs' centres are drawn in [-CENTRE_BOX, CENTRE_BOX] on every axis, as scikit-learn's make_blobs. */
    static final double CENTRE_BOX = 10.0;
    /**
     * The blobs' standard deviation: twice make_blobs' default, so that they overlap a little and the score is
     * not close to 1, where most of a row's distances would barely matter.
     */
    static final double BLOB_STD = 2.0;
    /** The script's exit status when numpy or scikit-learn is missing. */
    static final int SCRIPT_SKIPPED = PythonScript.SKIPPED;

    private static final String USAGE = "usage: SilhouetteBenchmark [--rows N[,N...]] [--columns D] [--clusters K]"
            + " [--warmup W] [--iterations I] [--threads T] [--seed S] [--python PATH] [--no-reference]\n"
            + "  --rows N,...    points of the generated matrices (default 20000,100000)\n"
            + "  --columns D     numeric columns (default " + DEFAULT_COLUMNS + ")\n"
            + "  --clusters K    Gaussian blobs, the labels (default " + DEFAULT_CLUSTERS + ")\n"
            + "  --warmup W      discarded pairs of calls (Java, then Python) first (default 1)\n"
            + "  --iterations I  measured pairs of calls; the median of each side is reported (default 3)\n"
            + "  --threads T     threads of the Java silhouette (default: the available processors)\n"
            + "  --seed S        the data's seed (default " + SEED + ")\n"
            + "  --python PATH   the interpreter with numpy and scikit-learn (default " + DEFAULT_PYTHON + ")\n"
            + "  --no-reference  time the Java silhouette only";

    private SilhouetteBenchmark() {
    }

    record Arguments(int[] rows, int columns, int clusters, int warmup, int iterations, int threads, long seed,
            String python, boolean reference) {
    }

    /**
     * scikit-learn's side: {@code status} is "ok", "skipped" or "failed"; {@code reason} says why when not ok.
     */
    record Reference(String status, String reason, double score, List<Double> seconds, double secondsMedian,
            double loadSeconds, String sha256, String versions, String blasThreads) {
        /** The calls of one size (one measured call each), as one reference: the median of their seconds. */
        static Reference measured(List<Reference> calls) {
            List<Double> seconds = calls.stream().map(Reference::secondsMedian).toList();
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int m = sorted.length;
            double median = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
            Reference last = calls.get(m - 1);
            return new Reference("ok", null, last.score(), seconds, median, last.loadSeconds(), last.sha256(),
                    last.versions(), last.blasThreads());
        }

        static Reference notRun(String status, String reason) {
            return new Reference(status, reason, Double.NaN, List.of(), Double.NaN, Double.NaN, null, null, null);
        }

        boolean ok() {
            return status.equals("ok");
        }
    }

    /** One size: the Java figures and the reference. */
    record Size(int rows, String sha256, long csvBytes, double score, List<Long> warmupNanos, List<Long> nanos,
            long cpuNanosMedian, Reference reference) {
        long medianNanos() {
            return SourceBenchmark.median(nanos.stream().mapToLong(Long::longValue).toArray());
        }

        boolean sameInput() {
            return reference.ok() && sha256.equals(reference.sha256());
        }

        double difference() {
            return Math.abs(score - reference.score());
        }

        /** How many times longer scikit-learn takes than the Java silhouette. */
        double ratio() {
            return reference.secondsMedian() / (medianNanos() / 1e9);
        }
    }

    public static void main(String[] args) {
        BenchmarkMain.exit("SilhouetteBenchmark", args, SilhouetteBenchmark::run);
    }

    static int run(String[] args, PrintStream out) {
        Arguments arguments = parse(args);
        if (arguments == null) {
            out.println(USAGE);
            return 0;
        }
        Machine machine = Machine.describe();
        out.println("Segmenta exact silhouette benchmark (Java vs scikit-learn)");
        out.println("  JVM      " + machine.jvm());
        out.println("  machine  " + machine.cores() + " cores, " + machine.os());
        out.println("  load     " + machine.loadAverage() + " (1-minute load average at start)");
        out.println("  data     " + arguments.clusters() + " Gaussian blobs (std " + BLOB_STD + ", centres in +-"
                + CENTRE_BOX + ") in " + arguments.columns() + " columns, seed " + arguments.seed()
                + "; the planted labels are scored");
        out.println("  java     " + Silhouette.class.getName() + ".mean, " + arguments.threads() + " thread(s); "
                + arguments.warmup() + " warm-up and " + arguments.iterations()
                + " measured pair(s) of calls per size");
        out.println("  python   " + (arguments.reference() ? arguments.python()
                + " src/main/python/silhouette.py: sklearn.metrics.silhouette_score(X, labels, metric=\"euclidean\"),"
                + " one call after each Java call" : "not run (--no-reference)"));
        out.flush();

        Path work = createTempDir();
        Thread cleanup = new Thread(() -> deleteTree(work), "delete " + work);
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<Size> sizes = new ArrayList<>();
        try {
            Path script = arguments.reference() ? extractScript(work) : null;
            Reference skipped = null;
            for (int n : arguments.rows()) {
                Size size = size(n, arguments, work, script, skipped, out);
                sizes.add(size);
                if (size.reference().status().equals("skipped")) {
                    // a missing interpreter or library stays missing: do not ask again for every size
                    skipped = size.reference();
                }
            }
        } finally {
            deleteTree(work);
        }
        String loadAfter = Machine.loadAverageNow();
        printTable(out, arguments, sizes, machine, loadAfter);
        out.println(json(arguments, sizes, machine, loadAfter));
        out.flush();
        boolean failed = sizes.stream().anyMatch(s -> s.reference().status().equals("failed")
                || (s.reference().ok() && !s.sameInput()));
        return failed ? 1 : 0;
    }

    private static Size size(int n, Arguments arguments, Path work, Path script, Reference skipped,
            PrintStream out) {
        int d = arguments.columns();
        int k = arguments.clusters();
        int[] labels = new int[n];
        double[] x = blobs(n, d, k, arguments.seed(), labels);
        Path csv = work.resolve("blobs-" + n + ".csv");
        long csvBytes = writeCsv(csv, x, n, d, labels);
        String sha256 = sha256(x, labels);
        Clustering clustering = new Clustering(x, n, d, labels, k);

        List<Long> warmups = new ArrayList<>();
        List<Long> measured = new ArrayList<>();
        long[] cpu = new long[arguments.iterations()];
        double score = Double.NaN;
        // in pairs, one Java call and then one scikit-learn call, so that both see the same load on a shared machine
        List<Reference> calls = new ArrayList<>();
        Reference stop = !arguments.reference() ? Reference.notRun("skipped", "--no-reference") : skipped;
        for (int i = 0; i < arguments.warmup() + arguments.iterations(); i++) {
            long cpuStart = Machine.processCpuNanos();
            long start = System.nanoTime();
            double s = Silhouette.mean(clustering, arguments.threads(), () -> false);
            long nanos = System.nanoTime() - start;
            long cpuNanos = Machine.processCpuNanos() - cpuStart;
            boolean warmup = i < arguments.warmup();
            if (warmup) {
                warmups.add(nanos);
            } else {
                measured.add(nanos);
                cpu[i - arguments.warmup()] = cpuNanos;
            }
            if (i > 0 && Double.compare(s, score) != 0) {
                // the sums are added in an order fixed by the data alone: every call must give the same bits
                throw new IllegalStateException("the Java silhouette gave " + score + " and then " + s);
            }
            score = s;
            out.printf(Locale.ROOT, "  %,9d points java   %s %d: %.3f s, silhouette %s%n", n,
                    warmup ? "warm-up " : "measured", warmup ? i + 1 : i - arguments.warmup() + 1, nanos / 1e9,
                    Double.toString(s));
            if (stop == null) {
                Reference call = reference(arguments, script, csv);
                if (call.ok()) {
                    calls.add(call);
                    out.printf(Locale.ROOT, "  %,9d points python %s %d: %.3f s, silhouette %s%n", n,
                            warmup ? "warm-up " : "measured", warmup ? i + 1 : i - arguments.warmup() + 1,
                            call.secondsMedian(), Double.toString(call.score()));
                } else {
                    stop = call;
                }
            }
            out.flush();
        }
        Reference reference = stop != null ? stop : Reference.measured(calls.subList(arguments.warmup(), calls.size()));
        out.printf(Locale.ROOT, "  %,9d points python %s%n", n, reference.ok()
                ? String.format(Locale.ROOT, "median %.3f s (%s), silhouette %s", reference.secondsMedian(),
                        reference.seconds().stream().map(t -> String.format(Locale.ROOT, "%.3f", t))
                                .collect(Collectors.joining(", ")), Double.toString(reference.score()))
                : reference.status().toUpperCase(Locale.ROOT) + ": " + reference.reason());
        out.flush();
        return new Size(n, sha256, csvBytes, score, warmups, measured, SourceBenchmark.median(cpu), reference);
    }

    /**
     * k Gaussian blobs as scikit-learn's make_blobs makes them (not the same numbers: the generators differ):
     * centres uniform in the box, each row a uniformly drawn blob's centre plus Gaussian noise of
     * {@link #BLOB_STD} on every column. Fills {@code labels} with each row's blob.
     *
     * @return the rows, flat and row-major
     */
    static double[] blobs(int n, int d, int k, long seed, int[] labels) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] centres = new double[k * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = random.nextDouble(-CENTRE_BOX, CENTRE_BOX);
        }
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(k);
            labels[i] = c;
            for (int t = 0; t < d; t++) {
                x[i * d + t] = centres[c * d + t] + BLOB_STD * random.nextGaussian();
            }
        }
        return x;
    }

    // -------------------------------------------------------------------------------------------------------
    // the reference

    /** Copies the script out of the jar, so that it runs wherever the jar is. */
    private static Path extractScript(Path work) {
        return PythonScript.extract(SCRIPT_RESOURCE, work);
    }

    private static Reference reference(Arguments arguments, Path script, Path csv) {
        if (script == null) {
            return Reference.notRun("skipped", SCRIPT_RESOURCE + " is not in the jar (built without "
                    + "src/main/python?)");
        }
        // one call per process: the benchmark alternates the two sides
        PythonScript.Outcome run = PythonScript.run(List.of(arguments.python(), script.toString(), csv.toString(),
                "--warmup", "0", "--iterations", "1"));
        if (!run.finished()) {
            return Reference.notRun(run.notStarted() ? "skipped" : "failed", run.failure());
        }
        String json = run.json();
        int status = run.status();
        if (status == SCRIPT_SKIPPED) {
            String why = text(json, "skipped");
            return Reference.notRun("skipped", arguments.python() + ": " + (why != null ? why
                    : "numpy or scikit-learn is missing"));
        }
        if (status != 0) {
            return Reference.notRun("failed", script.getFileName() + " exited with status " + status
                    + " (its messages are above)");
        }
        double score = number(json, "score");
        double median = number(json, "secondsMedian");
        if (Double.isNaN(score) || Double.isNaN(median)) {
            return Reference.notRun("failed", script.getFileName() + " printed no score: " + json);
        }
        List<Double> seconds = PythonScript.numbers(json, "seconds");
        String versions = "Python " + text(json, "python") + ", numpy " + text(json, "numpy") + ", scikit-learn "
                + text(json, "sklearn");
        Matcher threads = Pattern.compile("\"api\": \"(\\w+)\", \"threads\": (\\d+)").matcher(json);
        List<String> blas = new ArrayList<>();
        while (threads.find()) {
            blas.add(threads.group(1) + " " + threads.group(2) + " thread(s)");
        }
        return new Reference("ok", null, score, seconds, median, number(json, "loadSeconds"), text(json, "sha256"),
                versions, blas.isEmpty() ? "unknown" : String.join(", ", blas));
    }

    // The script's JSON is fixed (json.dumps of flat values): PythonScript's patterns read it.

    private static double number(String json, String field) {
        return PythonScript.number(json, field);
    }

    private static String text(String json, String field) {
        return PythonScript.text(json, field);
    }

    // -------------------------------------------------------------------------------------------------------
    // files

    /** Label, then the columns, one row per line; Double.toString, so that Python reads the same doubles. */
    private static long writeCsv(Path csv, double[] x, int n, int d, int[] labels) {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
            w.write("label");
            for (int t = 0; t < d; t++) {
                w.write(",x" + t);
            }
            w.write('\n');
            StringBuilder line = new StringBuilder(32 * (d + 1));
            for (int i = 0; i < n; i++) {
                line.setLength(0);
                line.append(labels[i]);
                for (int t = 0; t < d; t++) {
                    line.append(',').append(Double.toString(x[i * d + t]));
                }
                w.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
        try {
            return Files.size(csv);
        } catch (IOException e) {
            return -1;
        }
    }

    /** SHA-256 of the rows (row-major, little-endian doubles) then the labels (little-endian longs), as the script. */
    static String sha256(double[] x, int[] labels) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x) {
            if (!buffer.hasRemaining()) {
                digest.update(buffer.flip());
                buffer.clear();
            }
            buffer.putDouble(v);
        }
        for (int l : labels) {
            if (!buffer.hasRemaining()) {
                digest.update(buffer.flip());
                buffer.clear();
            }
            buffer.putLong(l);
        }
        digest.update(buffer.flip());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("segmenta-silhouette-benchmark-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // the figures are still valid; say what was left behind
            System.err.println("SilhouetteBenchmark: could not delete " + dir + ": " + e.getMessage());
        }
    }

    // -------------------------------------------------------------------------------------------------------
    // report

    private static void printTable(PrintStream out, Arguments arguments, List<Size> sizes, Machine machine,
            String loadAfter) {
        out.println();
        out.printf(Locale.ROOT, "%9s %10s %9s %9s %11s %10s %20s %20s %10s %6s%n", "points", "distances", "java s",
                "java CPU", "sklearn s", "ratio", "java silhouette", "sklearn silhouette", "|diff|", "input");
        String rule = "-".repeat(9 + 11 + 10 * 2 + 12 + 11 + 21 * 2 + 11 + 7);
        out.println(rule);
        for (Size s : sizes) {
            Reference r = s.reference();
            out.printf(Locale.ROOT, "%,9d %10.2e %9.3f %9.2f %11s %10s %20s %20s %10s %6s%n", s.rows(),
                    (double) s.rows() * s.rows(), s.medianNanos() / 1e9, s.cpuNanosMedian() / 1e9,
                    r.ok() ? String.format(Locale.ROOT, "%.3f", r.secondsMedian()) : r.status(),
                    r.ok() ? String.format(Locale.ROOT, "%.2f", s.ratio()) : "-", Double.toString(s.score()),
                    r.ok() ? Double.toString(r.score()) : "-",
                    r.ok() ? String.format(Locale.ROOT, "%.1e", s.difference()) : "-",
                    r.ok() ? (s.sameInput() ? "same" : "DIFF") : "-");
        }
        out.println(rule);
        out.println("java s, sklearn s: median wall seconds of the measured calls (the silhouette alone: not the CSV,"
                + " not Python's start or numpy's parsing); java CPU: process CPU seconds of the median call;"
                + " ratio: sklearn s / java s; |diff|: absolute difference of the two scores; input: whether the"
                + " script's SHA-256 of the matrix and labels it parsed matches the Java side's.");
        for (Size s : sizes) {
            Reference r = s.reference();
            out.printf(Locale.ROOT, "%,d points: CSV %,d bytes; java warm-up %s s", s.rows(), s.csvBytes(),
                    s.warmupNanos().stream().map(t -> String.format(Locale.ROOT, "%.3f", t / 1e9))
                            .collect(Collectors.joining(", ")));
            if (r.ok()) {
                out.printf(Locale.ROOT, "; sklearn calls %s s, numpy loadtxt %.2f s", r.seconds().stream()
                        .map(t -> String.format(Locale.ROOT, "%.3f", t)).collect(Collectors.joining(", ")),
                        r.loadSeconds());
            }
            out.println();
        }
        Reference any = sizes.stream().map(Size::reference).filter(Reference::ok).findFirst().orElse(null);
        if (any != null) {
            out.println("reference: " + arguments.python() + ", " + any.versions() + ", BLAS " + any.blasThreads());
        } else if (!sizes.isEmpty()) {
            out.println("REFERENCE SKIPPED: " + sizes.get(0).reference().reason() + "; only the Java silhouette was"
                    + " timed");
        }
        out.printf(Locale.ROOT, "machine  %d cores, load average %s before, %s after%n", machine.cores(),
                machine.loadAverage(), loadAfter);
        out.println();
    }

    static String json(Arguments arguments, List<Size> sizes, Machine machine, String loadAfter) {
        StringBuilder j = new StringBuilder(1024).append("{\"benchmark\":\"segmenta-silhouette-benchmark\"");
        j.append(",\"columns\":").append(arguments.columns()).append(",\"clusters\":").append(arguments.clusters())
                .append(",\"seed\":").append(arguments.seed()).append(",\"warmup\":").append(arguments.warmup())
                .append(",\"iterations\":").append(arguments.iterations()).append(",\"threads\":")
                .append(arguments.threads()).append(",\"sizes\":[");
        for (int i = 0; i < sizes.size(); i++) {
            Size s = sizes.get(i);
            Reference r = s.reference();
            j.append(i > 0 ? "," : "").append("{\"rows\":").append(s.rows())
                    .append(",\"javaScore\":").append(KPrototypesBenchmark.full(s.score()))
                    .append(",\"javaSecondsMedian\":").append(Json.num(s.medianNanos() / 1e9))
                    .append(",\"javaSecondsAll\":[").append(s.nanos().stream()
                            .map(t -> Json.num(t / 1e9)).collect(Collectors.joining(",")))
                    .append("],\"javaWarmupSeconds\":[").append(s.warmupNanos().stream()
                            .map(t -> Json.num(t / 1e9)).collect(Collectors.joining(",")))
                    .append("],\"javaCpuSecondsMedian\":").append(Json.num(s.cpuNanosMedian() / 1e9))
                    .append(",\"reference\":");
            Json.string(j, r.status());
            if (r.ok()) {
                j.append(",\"sklearnScore\":").append(KPrototypesBenchmark.full(r.score()))
                        .append(",\"sklearnSecondsMedian\":").append(Json.num(r.secondsMedian()))
                        .append(",\"sklearnSecondsAll\":[").append(r.seconds().stream()
                                .map(Json::num).collect(Collectors.joining(",")))
                        .append("],\"ratioSklearnToJava\":").append(Json.num(s.ratio()))
                        .append(",\"absoluteDifference\":").append(KPrototypesBenchmark.full(s.difference()))
                        .append(",\"sameInput\":").append(s.sameInput());
            } else {
                j.append(",\"reason\":");
                Json.string(j, r.reason());
            }
            j.append('}');
        }
        j.append("],\"python\":");
        Reference any = sizes.stream().map(Size::reference).filter(Reference::ok).findFirst().orElse(null);
        Json.string(j, arguments.python());
        if (any != null) {
            j.append(",\"pythonVersions\":");
            Json.string(j, any.versions()).append(",\"blas\":");
            Json.string(j, any.blasThreads());
        }
        j.append(",\"machine\":{\"jvm\":");
        Json.string(j, machine.jvm()).append(",\"os\":");
        Json.string(j, machine.os()).append(",\"cores\":").append(machine.cores()).append(",\"loadAverageBefore\":");
        Json.string(j, machine.loadAverage()).append(",\"loadAverageAfter\":");
        Json.string(j, loadAfter).append("}}");
        return j.toString();
    }

    // -------------------------------------------------------------------------------------------------------
    // arguments

    /** @return null when help was asked for */
    static Arguments parse(String[] args) {
        int[] rows = DEFAULT_ROWS;
        int columns = DEFAULT_COLUMNS;
        int clusters = DEFAULT_CLUSTERS;
        int warmup = 1;
        int iterations = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        long seed = SEED;
        String python = DEFAULT_PYTHON;
        boolean reference = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--rows" -> rows = KPrototypesBenchmark.rowList(a, SourceBenchmark.value(args, ++i, a));
                case "--columns" -> columns = small(a, SourceBenchmark.value(args, ++i, a), 1);
                case "--clusters" -> clusters = small(a, SourceBenchmark.value(args, ++i, a), 2);
                case "--warmup" -> warmup = small(a, SourceBenchmark.value(args, ++i, a), 0);
                case "--iterations" -> iterations = small(a, SourceBenchmark.value(args, ++i, a), 1);
                case "--threads" -> threads = small(a, SourceBenchmark.value(args, ++i, a), 1);
                case "--seed" -> seed = SourceBenchmark.number(a, SourceBenchmark.value(args, ++i, a), Long.MIN_VALUE);
                case "--python" -> python = SourceBenchmark.value(args, ++i, a);
                case "--no-reference" -> reference = false;
                default -> throw new UsageException("unknown argument " + a + " (see --help)");
            }
        }
        for (int n : rows) {
            if ((long) n * columns > Integer.MAX_VALUE - 8) {
                throw new UsageException(n + " points x " + columns + " columns do not fit in one array");
            }
            if (n <= clusters) {
                throw new UsageException("the silhouette needs more points than clusters: " + n + " points, "
                        + clusters + " clusters");
            }
        }
        return new Arguments(rows, columns, clusters, warmup, iterations, threads, seed, python, reference);
    }

    private static int small(String option, String value, int min) {
        return (int) Math.min(SourceBenchmark.number(option, value, min), 1000);
    }
}
