package io.segmenta.benchmarks;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.Options;
import io.segmenta.benchmarks.SourceBenchmark.QuietContext;
import io.segmenta.benchmarks.StageBenchmark.Machine;
import io.segmenta.benchmarks.StageBenchmark.UsageException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times the {@code clv} extractor (BG/NBD and Gamma-Gamma fits, then every customer scored: P(alive), expected
 * purchases, expected value, CLV over a year) on generated transactions of {@code --customers} customers
 * (default 100,000): each customer's purchases drawn from BG/NBD (r 0.5, alpha 10 days, a 0.8, b 2.5; first
 * purchase uniform in a year, observed to its end), one order line per purchase with a Gamma-distributed amount.
 *
 * <pre>
 * ClvBenchmark [--customers N] [--warmup W] [--iterations I] [--seed S]
 * </pre>
 *
 * Prints each call's seconds and, as the last line, one JSON object with the median. Exit codes: 0 done, 2 usage
 * error.
 */
public final class ClvBenchmark {
    static final String STAGE = "clv";
    private static final String USAGE = "usage: ClvBenchmark [--customers N] [--warmup W] [--iterations I] [--seed S]";

    private ClvBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.exit("ClvBenchmark", args, ClvBenchmark::run);
    }

    static int run(String[] args, PrintStream out) {
        int customers = 100_000;
        int warmup = 2;
        int iterations = 5;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--customers" -> customers = positive(args[i], value);
                case "--warmup" -> warmup = positive(args[i], value);
                case "--iterations" -> iterations = positive(args[i], value);
                case "--seed" -> seed = positive(args[i], value);
                case "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> throw new UsageException("unknown argument " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        FeatureExtractor clv = BenchmarkMain.service(FeatureExtractor.class, FeatureExtractor::name, STAGE,
                "io.segmenta.feature.clv");
        Machine machine = Machine.describe();
        TransactionTable table = generate(customers, seed);
        out.println("Segmenta clv benchmark");
        out.println("  JVM      " + machine.jvm());
        out.println("  machine  " + machine.cores() + " cores, " + machine.os() + ", load " + machine.loadAverage());
        out.printf(Locale.ROOT, "  data     %,d customers, %,d order lines (BG/NBD draws, seed %d)%n", customers,
                table.rowCount(), seed);
        long[] measured = new long[iterations];
        long[] cpu = new long[iterations];
        for (int i = 0; i < warmup + iterations; i++) {
            QuietContext context = new QuietContext(new Options(Map.of("time-unit", "week")));
            long cpuStart = Machine.processCpuNanos();
            long start = System.nanoTime();
            FeatureMatrix m = clv.extract(table, context);
            long nanos = System.nanoTime() - start;
            long cpuNanos = Machine.processCpuNanos() - cpuStart;
            boolean isWarmup = i < warmup;
            if (!isWarmup) {
                measured[i - warmup] = nanos;
                cpu[i - warmup] = cpuNanos;
            }
            out.printf(Locale.ROOT, "  %s %d: %.3f s wall, %.3f s CPU for %,d customers%n",
                    isWarmup ? "warm-up " : "measured", isWarmup ? i + 1 : i - warmup + 1, nanos / 1e9,
                    cpuNanos / 1e9, m.rowCount());
            context.printInfoOnce(STAGE, out);
        }
        long median = SourceBenchmark.median(measured);
        out.printf(Locale.ROOT, "{\"benchmark\":\"clv\",\"customers\":%d,\"rows\":%d,\"medianSeconds\":%.3f,"
                + "\"medianCpuSeconds\":%.3f,\"cores\":%d,\"load\":\"%s\"}%n", customers, table.rowCount(),
                median / 1e9, SourceBenchmark.median(cpu) / 1e9, machine.cores(), Machine.loadAverageNow());
        return 0;
    }

    private static int positive(String name, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new UsageException(name + " needs a whole number >= 0, not " + value);
    }

    /** BG/NBD purchase days over one year (2024), one order line per purchase. */
    static TransactionTable generate(int customers, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long yearStart = TimestampColumn.toEpochSeconds(java.time.LocalDateTime.of(2024, 1, 1, 10, 0));
        List<Integer> customer = new ArrayList<>();
        List<Long> time = new ArrayList<>();
        List<Double> amount = new ArrayList<>();
        List<String> ids = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            ids.add("C" + c);
            double lambda = gamma(rng, 0.5) / 10; // per day
            double p = beta(rng, 0.8, 2.5);
            double spend = 20 * gamma(rng, 3) / 3;
            double first = rng.nextDouble() * 365;
            double t = first;
            int bought = 0;
            while (t < 365 && (bought == 0 || rng.nextDouble() >= p)) {
                customer.add(c);
                time.add(yearStart + (long) t * 86_400L);
                amount.add(spend * gamma(rng, 4) / 4);
                bought++;
                t += -Math.log(1 - rng.nextDouble()) / Math.max(lambda, 1e-9);
            }
        }
        int n = customer.size();
        int[] codes = new int[n];
        int[] orders = new int[n];
        long[] seconds = new long[n];
        double[] amounts = new double[n];
        double[] quantity = new double[n];
        List<String> orderIds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            codes[i] = customer.get(i);
            orders[i] = i;
            orderIds.add("O" + i);
            seconds[i] = time.get(i);
            amounts[i] = amount.get(i);
            quantity[i] = 1;
        }
        return new TransactionTable(List.of(
                new CategoricalColumn(TransactionField.CUSTOMER.columnName(), codes, ids),
                new CategoricalColumn(TransactionField.ORDER.columnName(), orders, orderIds),
                new TimestampColumn(TransactionField.TIMESTAMP.columnName(), seconds),
                new NumericColumn(TransactionField.QUANTITY.columnName(), quantity),
                new NumericColumn(TransactionField.AMOUNT.columnName(), amounts)));
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (shape below 1 through the boost u^(1/shape)). */
    private static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1) {
            return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(rng);
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(rng.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(SplittableRandom rng, double a, double b) {
        double x = gamma(rng, a);
        return x / (x + gamma(rng, b));
    }

    private static double normal(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
