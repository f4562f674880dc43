package io.segmenta.benchmarks;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.Options;
import io.segmenta.benchmarks.StageBenchmark.UsageException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The throughput of one source on one given file (e.g. the x10 UK file of ../shared/bench/scale_uk.py): W warm-up
 * and N measured reads, each timed with its process CPU, in MB of the file per second. Run it on the class path of
 * any Segmenta build (its {@code lib/} folder) to compare two builds on the same file:
 *
 * <pre>
 * java -cp "distribution/benchmarks/target/benchmarks.jar:SEGMENTA/lib/*" io.segmenta.benchmarks.ReadBenchmark \
 *     FILE [--source uk-retail] [--warmup W] [--iterations N] [--fields all|run|required|FIELD,...]
 * </pre>
 *
 * {@code --fields} says which transaction fields the source is told the run reads ({@code
 * StageContext.transactionFields()}): {@code all} (the default, what a source was always asked for), {@code run}
 * (what a run of rfm with the built-in reporters reads: the required fields, region, category, product and seller),
 * {@code required} (what select-k of rfm reads) or a list of field names. A build whose API predates the
 * contract reads everything whatever it says.
 */
public final class ReadBenchmark {
    private ReadBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.exit("ReadBenchmark", args, ReadBenchmark::run);
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0) {
            throw new UsageException("usage: ReadBenchmark FILE [--source NAME] [--warmup W] [--iterations N]"
                    + " [--fields all|run|required|FIELD,...]");
        }
        Path file = Path.of(args[0]);
        String name = "uk-retail";
        int warmup = 1;
        int iterations = 3;
        String fieldsText = "all";
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--source" -> name = args[i + 1];
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
                case "--fields" -> fieldsText = args[i + 1];
                default -> throw new UsageException("unknown option " + args[i]);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        Set<TransactionField> fields = fields(fieldsText);
        DataSource source = BenchmarkMain.service(DataSource.class, DataSource::name, name, "its bundle");
        double megabytes = file.toFile().length() / 1e6;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] seconds = new double[iterations];
        out.printf(Locale.ROOT, "%s on %s (%.1f MB), %d processors, heap max %d MiB, load %.2f, fields %s%n", name,
                file, megabytes, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                os.getSystemLoadAverage(), fieldsText);
        for (int i = -warmup; i < iterations; i++) {
            System.gc();
            long cpu = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            SourceData data = source.read(file, new SourceBenchmark.QuietContext(Options.empty(), fields));
            double s = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            DataQuality q = data.quality();
            out.printf(Locale.ROOT, "%s %d: %.3f s, %.1f MB/s, CPU %.2f s, %,d rows read, %,d kept, %,d duplicates,"
                    + " %d columns%n", i < 0 ? "warm-up" : "read", i < 0 ? i + warmup + 1 : i + 1, s, megabytes / s,
                    cpuSeconds, q.rowsRead(), q.rowsKept(), q.duplicateRows(), data.transactions().columns().size());
            if (i >= 0) {
                seconds[i] = s;
            }
        }
        Arrays.sort(seconds);
        double median = iterations % 2 == 1 ? seconds[iterations / 2]
                : (seconds[iterations / 2 - 1] + seconds[iterations / 2]) / 2;
        out.printf(Locale.ROOT, "median %.3f s, %.1f MB/s; load %.2f%n", median, megabytes / median,
                os.getSystemLoadAverage());
        return 0;
    }

    /** The fields of option --fields. */
    static Set<TransactionField> fields(String text) {
        Set<TransactionField> fields = EnumSet.noneOf(TransactionField.class);
        for (TransactionField f : TransactionField.values()) {
            if (f.required()) {
                fields.add(f);
            }
        }
        switch (text) {
            case "all" -> fields.addAll(EnumSet.allOf(TransactionField.class));
            case "run" -> fields.addAll(List.of(TransactionField.REGION, TransactionField.CATEGORY,
                    TransactionField.PRODUCT, TransactionField.SELLER));
            case "required" -> {
                // the required ones only
            }
            default -> {
                for (String name : text.split(",")) {
                    try {
                        fields.add(TransactionField.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--fields: '" + name + "' is not all, run, required or a field"
                                + " name such as product");
                    }
                }
            }
        }
        return fields;
    }
}
