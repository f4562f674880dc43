package io.segmenta.benchmarks;

import static io.segmenta.benchmarks.Json.field;
import static io.segmenta.benchmarks.Json.num;
import static io.segmenta.benchmarks.Json.string;

import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.benchmarks.StageBenchmark.Arguments;
import io.segmenta.benchmarks.StageBenchmark.Iteration;
import io.segmenta.benchmarks.StageBenchmark.Machine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** The figures of the measured iterations: a table for people and one JSON line for scripts. */
final class Report {
    private final Arguments arguments;
    private final Path input;
    private final Machine machine;
    private final String loadAfter;
    private final long discoveryNanos;
    private final List<Iteration> warmups;
    private final List<Iteration> measured;
    private final List<String> stepNames;
    private final long[] baseline;

    Report(Arguments arguments, Path input, Machine machine, String loadAfter, long discoveryNanos,
            List<Iteration> warmups, List<Iteration> measured, long[] baseline) {
        this.arguments = arguments;
        this.input = input;
        this.machine = machine;
        this.loadAfter = loadAfter;
        this.discoveryNanos = discoveryNanos;
        this.warmups = warmups;
        this.measured = measured;
        this.baseline = baseline.clone();
        Arrays.sort(this.baseline);
        this.stepNames = measured.get(0).steps().stream().map(Report::stepName).toList();
        // the engine runs the same steps every time; anything else would make the columns meaningless
        for (Iteration it : measured) {
            List<String> names = it.steps().stream().map(Report::stepName).toList();
            if (!names.equals(stepNames)) {
                throw new IllegalStateException("the steps differ between iterations: " + stepNames + " and " + names);
            }
        }
    }

    /** "source uk-retail", "scaling (engine)". */
    static String stepName(StageTiming t) {
        return t.kind() == null ? t.name() + " (engine)" : t.kind().name().toLowerCase(Locale.ROOT) + " " + t.name();
    }

    /** Whether every measured and warm-up iteration gave the same rows, entities and quality figures. */
    boolean deterministic() {
        Iteration first = measured.get(0);
        return Stream.concat(warmups.stream(), measured.stream()).allMatch(it ->
                it.rowsRead() == first.rowsRead() && it.rowsKept() == first.rowsKept()
                        && it.entities() == first.entities() && it.quality().equals(first.quality()));
    }

    void printTable(PrintStream out) {
        long totalMedian = median(Iteration::wallNanos);
        out.println();
        out.printf(Locale.ROOT, "%-26s %10s %10s %10s %12s %8s%n", "step", "median ms", "min ms", "max ms",
                "CPU ms (med)", "share");
        out.println("-".repeat(26 + 11 * 3 + 13 + 9));
        for (int s = 0; s < stepNames.size(); s++) {
            int step = s;
            long med = median(it -> it.steps().get(step).nanos());
            out.printf(Locale.ROOT, "%-26s %10s %10s %10s %12s %7.1f%%%n", stepNames.get(s), StageBenchmark.ms(med),
                    StageBenchmark.ms(min(it -> it.steps().get(step).nanos())),
                    StageBenchmark.ms(max(it -> it.steps().get(step).nanos())),
                    StageBenchmark.ms(median(it -> it.stepCpuNanos()[step])), 100.0 * med / totalMedian);
        }
        out.println("-".repeat(26 + 11 * 3 + 13 + 9));
        out.printf(Locale.ROOT, "%-26s %10s %10s %10s %12s%n", "sum of steps", StageBenchmark.ms(median(Report::stepSum)),
                StageBenchmark.ms(min(Report::stepSum)), StageBenchmark.ms(max(Report::stepSum)), "");
        out.printf(Locale.ROOT, "%-26s %10s %10s %10s %12s %7.1f%%%n", "total (engine.run, wall)",
                StageBenchmark.ms(totalMedian), StageBenchmark.ms(min(Iteration::wallNanos)),
                StageBenchmark.ms(max(Iteration::wallNanos)), StageBenchmark.ms(median(Iteration::cpuNanos)), 100.0);
        // getProcessCpuTime counts every thread of the JVM (JIT compilers and GC too), and on Linux in clock
        // ticks: short steps read as 0 or 10 ms
        out.println("CPU ms: process CPU time of all JVM threads (JIT and GC included), in OS clock ticks"
                + " (10 ms on Linux); CPU above wall time means several threads worked.");
        out.println();

        Iteration first = measured.get(0);
        out.printf(Locale.ROOT, "source throughput   %,.0f rows/s at the median (%,d rows read, %,d kept, %,d customers)%n",
                sourceRowsPerSecond(), first.rowsRead(), first.rowsKept(), first.entities());
        out.printf(Locale.ROOT, "read-only baseline  median %s ms, min %s, max %s (gunzip + UTF-8 decode of the input, no CSV"
                + " parsing)%n", StageBenchmark.ms(baselineMedian()), StageBenchmark.ms(baseline[0]),
                StageBenchmark.ms(baseline[baseline.length - 1]));
        out.printf(Locale.ROOT, "peak heap           median %d MiB, min %d, max %d (sum of the heap pools' peaks)%n",
                StageBenchmark.mib(median(Iteration::peakHeapBytes)), StageBenchmark.mib(min(Iteration::peakHeapBytes)),
                StageBenchmark.mib(max(Iteration::peakHeapBytes)));
        out.printf(Locale.ROOT, "live heap after run %d MiB (median; after a full GC, result still referenced)%n",
                StageBenchmark.mib(median(Iteration::liveHeapBytes)));
        out.printf(Locale.ROOT, "GC during a run     %d collections, %d ms (medians)%n", median(Iteration::gcCount),
                median(Iteration::gcMillis));
        out.printf(Locale.ROOT, "warm-up runs        %s%n", warmups.isEmpty() ? "none"
                : String.join(", ", warmups.stream().map(it -> StageBenchmark.ms(it.wallNanos())).toList()) + " ms");
        out.printf(Locale.ROOT, "stage discovery     %s ms (ServiceLoader, once)%n", StageBenchmark.ms(discoveryNanos));
        ClusterQuality q = first.quality();
        out.printf(Locale.ROOT, "result              inertia %.4f, silhouette %.4f, Davies-Bouldin %.4f, "
                + "Calinski-Harabasz %.1f; %s across iterations%n", q.inertia(), q.silhouette(), q.daviesBouldin(),
                q.calinskiHarabasz(), deterministic() ? "identical" : "NOT IDENTICAL");
        out.printf(Locale.ROOT, "machine             %d cores, load average %s before, %s after%n", machine.cores(),
                machine.loadAverage(), loadAfter);
        out.println();
    }

    double sourceRowsPerSecond() {
        return measured.get(0).rowsRead() / (median(it -> it.steps().get(0).nanos()) / 1e9);
    }

    /** The figures as one line of JSON (written by hand: no JSON library for one line). */
    String json() {
        StringBuilder j = new StringBuilder(1024).append('{');
        field(j, "benchmark", "segmenta-stage-benchmark").append(',');
        field(j, "input", input.toAbsolutePath().normalize().toString()).append(',');
        j.append("\"pipeline\":{");
        field(j, "source", "uk-retail").append(',');
        field(j, "features", "rfm").append(',');
        field(j, "algorithm", "kmeans").append(',');
        j.append("\"k\":").append(StageBenchmark.K).append(",\"seed\":").append(StageBenchmark.SEED)
                .append(",\"runs\":").append(StageBenchmark.RUNS).append(',');
        field(j, "reporter", "csv").append("},");
        j.append("\"warmup\":").append(arguments.warmup()).append(",\"iterations\":").append(arguments.iterations())
                .append(',');
        j.append("\"steps\":[");
        for (int s = 0; s < stepNames.size(); s++) {
            int step = s;
            if (s > 0) {
                j.append(',');
            }
            j.append('{');
            field(j, "step", stepNames.get(s)).append(',');
            j.append("\"medianMs\":").append(num(median(it -> it.steps().get(step).nanos()) / 1e6))
                    .append(",\"minMs\":").append(num(min(it -> it.steps().get(step).nanos()) / 1e6))
                    .append(",\"maxMs\":").append(num(max(it -> it.steps().get(step).nanos()) / 1e6))
                    .append(",\"cpuMedianMs\":").append(num(median(it -> it.stepCpuNanos()[step]) / 1e6))
                    .append('}');
        }
        j.append("],");
        j.append("\"totalMs\":{\"median\":").append(num(median(Iteration::wallNanos) / 1e6))
                .append(",\"min\":").append(num(min(Iteration::wallNanos) / 1e6))
                .append(",\"max\":").append(num(max(Iteration::wallNanos) / 1e6))
                .append(",\"cpuMedian\":").append(num(median(Iteration::cpuNanos) / 1e6)).append("},");
        j.append("\"warmupTotalsMs\":[");
        for (int i = 0; i < warmups.size(); i++) {
            j.append(i > 0 ? "," : "").append(num(warmups.get(i).wallNanos() / 1e6));
        }
        j.append("],");
        Iteration first = measured.get(0);
        j.append("\"rowsRead\":").append(first.rowsRead()).append(",\"rowsKept\":").append(first.rowsKept())
                .append(",\"customers\":").append(first.entities())
                .append(",\"sourceRowsPerSecond\":").append(Math.round(sourceRowsPerSecond())).append(',');
        j.append("\"readBaselineMs\":{\"median\":").append(num(baselineMedian() / 1e6))
                .append(",\"min\":").append(num(baseline[0] / 1e6))
                .append(",\"max\":").append(num(baseline[baseline.length - 1] / 1e6)).append("},");
        j.append("\"peakHeapBytes\":{\"median\":").append(median(Iteration::peakHeapBytes))
                .append(",\"min\":").append(min(Iteration::peakHeapBytes))
                .append(",\"max\":").append(max(Iteration::peakHeapBytes)).append("},");
        j.append("\"liveHeapAfterRunBytes\":").append(median(Iteration::liveHeapBytes)).append(',');
        j.append("\"gcCountMedian\":").append(median(Iteration::gcCount))
                .append(",\"gcMsMedian\":").append(median(Iteration::gcMillis)).append(',');
        j.append("\"stageDiscoveryMs\":").append(num(discoveryNanos / 1e6)).append(',');
        ClusterQuality q = first.quality();
        j.append("\"quality\":{\"inertia\":").append(num(q.inertia())).append(",\"silhouette\":")
                .append(num(q.silhouette())).append(",\"daviesBouldin\":").append(num(q.daviesBouldin()))
                .append(",\"calinskiHarabasz\":").append(num(q.calinskiHarabasz())).append("},");
        j.append("\"deterministic\":").append(deterministic()).append(',');
        j.append("\"machine\":{");
        field(j, "jvm", machine.jvm()).append(',');
        field(j, "os", machine.os()).append(',');
        j.append("\"cores\":").append(machine.cores()).append(",\"maxHeapBytes\":").append(machine.maxHeapBytes())
                .append(',');
        field(j, "gc", machine.collectors()).append(',');
        field(j, "loadAverageBefore", machine.loadAverage()).append(',');
        field(j, "loadAverageAfter", loadAfter).append('}');
        return j.append('}').toString();
    }

    private static long stepSum(Iteration it) {
        return it.steps().stream().mapToLong(StageTiming::nanos).sum();
    }

    private long median(ToLongFunction<Iteration> f) {
        return median(measured.stream().mapToLong(f).sorted().toArray());
    }

    private long baselineMedian() {
        return median(baseline);
    }

    /** The median of sorted values; an even count takes the mean of the two middle ones. */
    private static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private long min(ToLongFunction<Iteration> f) {
        return measured.stream().mapToLong(f).min().orElseThrow();
    }

    private long max(ToLongFunction<Iteration> f) {
        return measured.stream().mapToLong(f).max().orElseThrow();
    }



}
