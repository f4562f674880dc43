package io.segmenta.benchmarks;

import static io.segmenta.benchmarks.Json.num;
import static io.segmenta.benchmarks.KPrototypesBenchmark.full;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.Options;
import io.segmenta.benchmarks.SourceBenchmark.QuietContext;
import io.segmenta.benchmarks.StageBenchmark.Machine;
import io.segmenta.benchmarks.StageBenchmark.UsageException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The engine's K-Prototypes against Python kmodes' {@code KPrototypes(n_clusters=5, init='Cao', n_init=10)} on the
 * same generated mixed data (issue 17, goal 5): time and cost of each, in pairs.
 *
 * <pre>
 * KPrototypesVsKmodes [--rows N] [--pairs P] [--warmup W] [--iterations I] [--seed S] [--python PATH] [--no-reference]
 * </pre>
 *
 * It generates {@link PlantedMixed} data (3 numeric columns on the scale of standardised features, 3 categorical
 * columns of 6 levels, 5 planted clusters; N rows, default 100,000, seed 2026) and writes it to a CSV in a
 * temporary folder (numbers with {@link Double#toString}, which Python reads back as the same doubles; levels as
 * their text, which kmodes encodes in sorted order as the stage does). Gamma is fixed once, as the stage's
 * automatic value (0.5 x the mean population standard deviation of the numeric columns), and given explicitly to
 * both sides, so that both minimise the same cost. Both fit k = 5, Cao's initialisation, 10 runs, at most 100
 * passes (kmodes' {@code max_iter} default).
 * <p>
 * After W discarded fits of the engine, each of P pairs times I engine fits (the clusterer that {@code
 * ServiceLoader} finds, as the engine finds it) and then one kmodes fit ({@code python/kprototypes_kmodes.py}
 * from this jar, source in src/main/python, run with {@code --python}; only {@code fit()} is timed), with the
 * 1-minute load before and after. The script also recomputes the engine's cost with kmodes' own code from the
 * engine's labels, so that both costs come from the same formula. The kmodes fit is seeded, so every pair gives
 * the same kmodes model; only its time varies.
 * <p>
 * When the interpreter cannot start or cannot import kmodes (the script's exit status 3), the engine's fits are
 * still timed and the reference is reported as skipped with the reason; nothing of this runs in {@code mvn verify}.
 * <p>
 * Exit codes: 0 done (the engine's cost no higher than kmodes', or the reference skipped), 1 the engine's cost was
 * higher, its fits disagreed or the reference failed, 2 usage error.
 */
public final class KPrototypesVsKmodes {
    static final int DEFAULT_ROWS = 100_000;
    static final int RUNS = 10;
    static final int MAX_ITERATIONS = 100;
    static final String SCRIPT_RESOURCE = "python/kprototypes_kmodes.py";
    /** The engine's cost may exceed kmodes' by this share only (the two add the same terms in other orders). */
    static final double COST_TOLERANCE = 1e-12;

    private static final String USAGE = "usage: KPrototypesVsKmodes [--rows N] [--pairs P] [--warmup W]"
            + " [--iterations I] [--seed S] [--python PATH] [--no-reference]\n"
            + "  --rows N        rows of the generated matrix (default " + DEFAULT_ROWS + ")\n"
            + "  --pairs P       engine fits then one kmodes fit, P times (default 1; one kmodes fit of 100,000\n"
            + "                  rows takes tens of minutes)\n"
            + "  --warmup W      discarded engine fits first (default 2)\n"
            + "  --iterations I  engine fits per pair; the median is reported (default 3)\n"
            + "  --seed S        the data's seed (default " + KPrototypesBenchmark.DATA_SEED + ")\n"
            + "  --python PATH   the interpreter that imports kmodes 0.12 (default "
            + SilhouetteBenchmark.DEFAULT_PYTHON + "; PYTHONPATH is passed on)\n"
            + "  --no-reference  time the engine only";

    record Arguments(int rows, int pairs, int warmup, int iterations, long seed, String python, boolean reference) {
    }

    /** One pair: the engine's fits, then kmodes' ({@code kmodes} null when skipped or failed). */
    record Pair(String loadBefore, long[] oursNanos, long oursCpuNanosMedian, Kmodes kmodes, String loadAfter) {
        long oursMedian() {
            return SourceBenchmark.median(oursNanos);
        }
    }

    /** What the script reported, and the agreement of its labels with the engine's and the planted ones. */
    record Kmodes(String json, double seconds, double cpuSeconds, double cost, int nIter, double oursCostByKmodes,
            int oursRowsNotNearest, double ariWithOurs, double ariWithPlanted) {
    }

    private KPrototypesVsKmodes() {
    }

    public static void main(String[] args) {
        BenchmarkMain.exit("KPrototypesVsKmodes", args, KPrototypesVsKmodes::run);
    }

    static int run(String[] args, PrintStream out) {
        Arguments arguments = parse(args);
        if (arguments == null) {
            out.println(USAGE);
            return 0;
        }
        Clusterer clusterer = BenchmarkMain.service(Clusterer.class, Clusterer::name, KPrototypesBenchmark.STAGE,
                "io.segmenta.cluster.kprototypes");
        Machine machine = Machine.describe();
        PlantedMixed data = PlantedMixed.generate(arguments.rows(), arguments.seed());
        FeatureMatrix matrix = data.matrix();
        double gamma = halfMeanStd(matrix);
        out.println("Segmenta K-Prototypes against Python kmodes");
        out.println("  JVM      " + machine.jvm() + ", " + machine.cores() + " cores, " + machine.os());
        out.println("  data     " + String.format(Locale.ROOT, "%,d", arguments.rows()) + " rows, "
                + PlantedMixed.NUMERIC + " numeric + " + PlantedMixed.CATEGORICAL + " categorical columns ("
                + PlantedMixed.LEVELS + " levels), " + PlantedMixed.CLUSTERS + " planted clusters, seed "
                + arguments.seed() + "; gamma " + gamma + " for both (0.5 x mean standard deviation)");
        out.println("  fit      k " + PlantedMixed.CLUSTERS + ", init Cao, " + RUNS + " runs, at most " + MAX_ITERATIONS
                + " passes; engine: " + clusterer.getClass().getName() + ", seed " + ClusterRequest.DEFAULT_SEED
                + "; kmodes: KPrototypes(n_clusters=5, init='Cao', n_init=10, gamma=G, random_state="
                + ClusterRequest.DEFAULT_SEED + ")");
        out.flush();

        Path work = createTempDir();
        try {
            Path csv = work.resolve("mixed.csv");
            writeCsv(csv, matrix);
            Path script = arguments.reference() ? PythonScript.extract(SCRIPT_RESOURCE, work) : null;
            ClusterRequest request = new ClusterRequest(PlantedMixed.CLUSTERS, ClusterRequest.DEFAULT_SEED, RUNS,
                    MAX_ITERATIONS);
            Options options = new Options(Map.of("gamma", Double.toString(gamma), "init", "cao"));
            ClusterModel first = null;
            for (int i = 0; i < arguments.warmup(); i++) {
                long start = System.nanoTime();
                first = check(first, clusterer.fit(matrix, request, new QuietContext(options)));
                out.printf(Locale.ROOT, "  engine warm-up %d: %.3f s%n", i + 1, (System.nanoTime() - start) / 1e9);
            }
            String skipped = !arguments.reference() ? "--no-reference"
                    : script == null ? SCRIPT_RESOURCE + " is not in the jar (built without src/main/python?)" : null;
            boolean failed = false;
            List<Pair> pairs = new ArrayList<>();
            for (int p = 1; p <= arguments.pairs(); p++) {
                String loadBefore = Machine.loadAverageNow();
                long[] nanos = new long[arguments.iterations()];
                long[] cpu = new long[arguments.iterations()];
                for (int i = 0; i < nanos.length; i++) {
                    long cpuStart = Machine.processCpuNanos();
                    long start = System.nanoTime();
                    ClusterModel model = clusterer.fit(matrix, request, new QuietContext(options));
                    nanos[i] = System.nanoTime() - start;
                    cpu[i] = Machine.processCpuNanos() - cpuStart;
                    first = check(first, model);
                    out.printf(Locale.ROOT, "  pair %d engine %d: %.3f s (CPU %.2f s), cost %s%n", p, i + 1,
                            nanos[i] / 1e9, cpu[i] / 1e9, Double.toString(model.cost()));
                    out.flush();
                }
                Kmodes kmodes = null;
                if (skipped == null) {
                    Path ours = work.resolve("engine-labels.txt");
                    writeLabels(ours, first.labels());
                    Path theirs = work.resolve("kmodes-labels.txt");
                    out.printf(Locale.ROOT, "  pair %d kmodes: running (load %s) ...%n", p, Machine.loadAverageNow());
                    out.flush();
                    PythonScript.Outcome run = PythonScript.run(List.of(arguments.python(), script.toString(),
                            csv.toString(), "--gamma", Double.toString(gamma), "--seed",
                            Long.toString(ClusterRequest.DEFAULT_SEED), "--n-init", Integer.toString(RUNS),
                            "--max-iter", Integer.toString(MAX_ITERATIONS), "--k",
                            Integer.toString(PlantedMixed.CLUSTERS), "--labels-out", theirs.toString(), "--ours",
                            ours.toString()));
                    if (run.notStarted() || run.status() == PythonScript.SKIPPED) {
                        String why = run.notStarted() ? run.failure() : PythonScript.text(run.json(), "skipped");
                        skipped = arguments.python() + ": " + (why != null ? why : "kmodes is missing");
                    } else if (!run.finished() || run.status() != 0) {
                        out.println("  REFERENCE FAILED: " + (run.finished() ? script.getFileName()
                                + " exited with status " + run.status() + " (its messages are above)" : run.failure()));
                        failed = true;
                    } else {
                        kmodes = kmodes(run.json(), readLabels(theirs, arguments.rows()), first.labels(),
                                data.planted());
                        out.printf(Locale.ROOT, "  pair %d kmodes: %.1f s (CPU %.1f s), %d passes (best run), cost %s%n",
                                p, kmodes.seconds(), kmodes.cpuSeconds(), kmodes.nIter(),
                                Double.toString(kmodes.cost()));
                    }
                    if (skipped != null) {
                        out.println("  REFERENCE SKIPPED: " + skipped + "; only the engine was timed");
                    }
                }
                pairs.add(new Pair(loadBefore, nanos, SourceBenchmark.median(cpu), kmodes, Machine.loadAverageNow()));
                out.flush();
                if (failed) {
                    break;
                }
            }
            boolean costOk = report(out, arguments, machine, gamma, first, pairs, skipped);
            return failed || !costOk ? 1 : 0;
        } finally {
            deleteTree(work);
        }
    }

    /** Seeded fits of the same matrix must give the same model. */
    private static ClusterModel check(ClusterModel first, ClusterModel model) {
        if (first != null && (first.cost() != model.cost() || !Arrays.equals(first.labels(), model.labels()))) {
            throw new IllegalStateException("two seeded fits of the same matrix differed: cost " + first.cost()
                    + " and " + model.cost());
        }
        return first != null ? first : model;
    }

    private static Kmodes kmodes(String json, int[] labels, int[] ours, int[] planted) {
        return new Kmodes(json, PythonScript.number(json, "seconds"), PythonScript.number(json, "cpuSeconds"),
                Double.parseDouble(quoted(json, "cost")),
                (int) PythonScript.number(json, "nIter"), Double.parseDouble(quoted(json, "oursCostByKmodes")),
                (int) PythonScript.number(json, "oursRowsNotNearest"),
                PlantedMixed.adjustedRand(ours, labels), PlantedMixed.adjustedRand(planted, labels));
    }

    /** A number the script writes as text with every digit ({@code repr}). */
    private static String quoted(String json, String field) {
        String v = PythonScript.text(json, field);
        if (v == null) {
            throw new IllegalStateException("the kmodes script printed no " + field + ": " + json);
        }
        return v;
    }

    /** The stage's automatic gamma: 0.5 x the mean over numeric columns of their population standard deviation. */
    static double halfMeanStd(FeatureMatrix matrix) {
        double sum = 0;
        int n = matrix.rowCount();
        for (NumericColumn column : matrix.numeric()) {
            double[] v = column.values();
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= n;
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            sum += Math.sqrt(ss / n);
        }
        return 0.5 * (sum / matrix.numeric().size());
    }

    // -------------------------------------------------------------------------------------------------------
    // report

    /** @return whether the engine's cost is no higher than kmodes' (true when kmodes did not run) */
    private static boolean report(PrintStream out, Arguments arguments, Machine machine, double gamma,
            ClusterModel ours, List<Pair> pairs, String skipped) {
        out.println();
        out.printf(Locale.ROOT, "%4s %11s %10s %10s %10s %10s %8s %9s%n", "pair", "load b/a", "engine s",
                "engine CPU", "kmodes s", "kmodes CPU", "ratio", "CPU ratio");
        boolean costOk = true;
        Kmodes any = null;
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            Kmodes k = p.kmodes();
            out.printf(Locale.ROOT, "%4d %11s %10.3f %10.2f %10s %10s %8s %9s%n", i + 1, p.loadBefore() + "/"
                    + p.loadAfter(), p.oursMedian() / 1e9, p.oursCpuNanosMedian() / 1e9,
                    k == null ? "-" : String.format(Locale.ROOT, "%.1f", k.seconds()),
                    k == null ? "-" : String.format(Locale.ROOT, "%.1f", k.cpuSeconds()),
                    k == null ? "-" : String.format(Locale.ROOT, "%.0fx", k.seconds() / (p.oursMedian() / 1e9)),
                    k == null ? "-" : String.format(Locale.ROOT, "%.0fx",
                            k.cpuSeconds() / (p.oursCpuNanosMedian() / 1e9)));
            if (k != null) {
                any = k;
            }
        }
        out.println("engine s: median wall seconds of the pair's engine fits (10 runs each); engine CPU: process CPU"
                + " seconds of the median fit (all JVM threads); kmodes s and CPU: its fit() alone; ratio: kmodes s /"
                + " engine s; CPU ratio: kmodes CPU / engine CPU.");
        out.println("cost     engine " + Double.toString(ours.cost()) + (any == null ? ""
                : "; engine's partition costed by kmodes' code " + Double.toString(any.oursCostByKmodes())
                        + "; kmodes " + Double.toString(any.cost())));
        if (any != null) {
            double relative = (ours.cost() - any.cost()) / any.cost();
            costOk = relative <= COST_TOLERANCE && any.oursCostByKmodes() <= any.cost() * (1 + COST_TOLERANCE);
            out.printf(Locale.ROOT, "         engine - kmodes = %s (relative %.3e): %s%n",
                    Double.toString(ours.cost() - any.cost()), relative,
                    costOk ? "the engine's cost is the same or lower" : "THE ENGINE'S COST IS HIGHER");
            out.printf(Locale.ROOT, "labels   ARI engine/kmodes %.6f, kmodes/planted %.6f; rows whose nearest engine"
                    + " prototype (kmodes' code) is not their own: %d%n", any.ariWithOurs(), any.ariWithPlanted(),
                    any.oursRowsNotNearest());
            out.println("kmodes   " + PythonScript.text(any.json(), "kmodes") + " from "
                    + PythonScript.text(any.json(), "kmodesPath") + ", numpy " + PythonScript.text(any.json(), "numpy")
                    + ", Python " + PythonScript.text(any.json(), "python"));
        } else if (skipped != null) {
            out.println("REFERENCE SKIPPED: " + skipped);
        }
        out.printf(Locale.ROOT, "machine  %d cores, gamma %s%n", machine.cores(), Double.toString(gamma));
        out.println();
        out.println(json(arguments, gamma, ours, pairs, any, skipped));
        out.flush();
        return costOk;
    }

    static String json(Arguments arguments, double gamma, ClusterModel ours, List<Pair> pairs, Kmodes any,
            String skipped) {
        StringBuilder j = new StringBuilder(1024).append("{\"benchmark\":\"segmenta-kprototypes-vs-kmodes\"");
        j.append(",\"rows\":").append(arguments.rows()).append(",\"k\":").append(PlantedMixed.CLUSTERS)
                .append(",\"runs\":").append(RUNS).append(",\"maxIterations\":").append(MAX_ITERATIONS)
                .append(",\"dataSeed\":").append(arguments.seed()).append(",\"gamma\":").append(full(gamma))
                .append(",\"engineCost\":").append(full(ours.cost())).append(",\"pairs\":[");
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            j.append(i > 0 ? "," : "").append("{\"loadBefore\":");
            Json.string(j, p.loadBefore()).append(",\"loadAfter\":");
            Json.string(j, p.loadAfter()).append(",\"engineSeconds\":[")
                    .append(Arrays.stream(p.oursNanos()).mapToObj(t -> num(t / 1e9)).collect(Collectors.joining(",")))
                    .append("],\"engineSecondsMedian\":").append(num(p.oursMedian() / 1e9))
                    .append(",\"engineCpuSecondsMedian\":").append(num(p.oursCpuNanosMedian() / 1e9));
            if (p.kmodes() != null) {
                j.append(",\"kmodesSeconds\":").append(num(p.kmodes().seconds())).append(",\"kmodesCpuSeconds\":")
                        .append(num(p.kmodes().cpuSeconds())).append(",\"ratio\":")
                        .append(num(p.kmodes().seconds() / (p.oursMedian() / 1e9)));
            }
            j.append('}');
        }
        j.append(']');
        if (any != null) {
            j.append(",\"kmodesCost\":").append(full(any.cost())).append(",\"engineCostByKmodes\":")
                    .append(full(any.oursCostByKmodes())).append(",\"kmodesIterations\":").append(any.nIter())
                    .append(",\"ariEngineKmodes\":").append(full(any.ariWithOurs()))
                    .append(",\"ariKmodesPlanted\":").append(full(any.ariWithPlanted())).append(",\"kmodes\":")
                    .append(any.json());
        } else {
            j.append(",\"reference\":\"skipped\",\"reason\":");
            Json.string(j, skipped == null ? "failed" : skipped);
        }
        return j.append('}').toString();
    }

    // -------------------------------------------------------------------------------------------------------
    // files

    /** Header x0..,c0..; numbers with Double.toString, levels as text. */
    static void writeCsv(Path csv, FeatureMatrix matrix) {
        List<NumericColumn> numeric = matrix.numeric();
        List<CategoricalColumn> categorical = matrix.categorical();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
            w.write(numeric.stream().map(NumericColumn::name).collect(Collectors.joining(",")) + ","
                    + categorical.stream().map(CategoricalColumn::name).collect(Collectors.joining(",")) + "\n");
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < matrix.rowCount(); i++) {
                line.setLength(0);
                for (NumericColumn c : numeric) {
                    line.append(Double.toString(c.values()[i])).append(',');
                }
                for (int t = 0; t < categorical.size(); t++) {
                    CategoricalColumn c = categorical.get(t);
                    line.append(t > 0 ? "," : "").append(c.levels().get(c.codes()[i]));
                }
                w.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    private static void writeLabels(Path file, int[] labels) {
        StringBuilder s = new StringBuilder(labels.length * 2);
        for (int l : labels) {
            s.append(l).append('\n');
        }
        try {
            Files.writeString(file, s, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static int[] readLabels(Path file, int n) {
        try {
            int[] labels = Files.readAllLines(file, StandardCharsets.US_ASCII).stream().map(String::trim)
                    .filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
            if (labels.length != n) {
                throw new IllegalStateException(file + " has " + labels.length + " labels for " + n + " rows");
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("segmenta-kprototypes-vs-kmodes-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("KPrototypesVsKmodes: could not delete " + dir + ": " + e.getMessage());
        }
    }

    // -------------------------------------------------------------------------------------------------------
    // arguments

    /** @return null when help was asked for */
    static Arguments parse(String[] args) {
        int rows = DEFAULT_ROWS;
        int pairs = 1;
        int warmup = 2;
        int iterations = 3;
        long seed = KPrototypesBenchmark.DATA_SEED;
        String python = SilhouetteBenchmark.DEFAULT_PYTHON;
        boolean reference = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--rows" -> rows = KPrototypesBenchmark.rowList(a, SourceBenchmark.value(args, ++i, a))[0];
                case "--pairs" -> pairs = small(a, SourceBenchmark.value(args, ++i, a), 1);
                case "--warmup" -> warmup = small(a, SourceBenchmark.value(args, ++i, a), 0);
                case "--iterations" -> iterations = small(a, SourceBenchmark.value(args, ++i, a), 1);
                case "--seed" -> seed = SourceBenchmark.number(a, SourceBenchmark.value(args, ++i, a), Long.MIN_VALUE);
                case "--python" -> python = SourceBenchmark.value(args, ++i, a);
                case "--no-reference" -> reference = false;
                default -> throw new UsageException("unknown argument " + a + " (see --help)");
            }
        }
        return new Arguments(rows, pairs, warmup, iterations, seed, python, reference);
    }

    private static int small(String option, String value, int min) {
        return (int) Math.min(SourceBenchmark.number(option, value, min), 1000);
    }
}
