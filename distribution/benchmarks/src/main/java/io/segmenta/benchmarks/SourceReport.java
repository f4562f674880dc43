package io.segmenta.benchmarks;

import static io.segmenta.benchmarks.Json.field;
import static io.segmenta.benchmarks.Json.num;

import io.segmenta.benchmarks.SourceBenchmark.Arguments;
import io.segmenta.benchmarks.SourceBenchmark.Generation;
import io.segmenta.benchmarks.SourceBenchmark.Read;
import io.segmenta.benchmarks.SourceBenchmark.ReadRun;
import io.segmenta.benchmarks.StageBenchmark.Machine;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The source benchmark's figures: a table for people and one JSON line for scripts. */
final class SourceReport {
    private final Arguments arguments;
    private final Machine machine;
    private final String xmx;
    private final String loadAfter;
    private final List<Generation> generations;
    private final Map<Read, List<ReadRun>> runs;

    SourceReport(Arguments arguments, Machine machine, String xmx, String loadAfter, List<Generation> generations,
            Map<Read, List<ReadRun>> runs) {
        this.arguments = arguments;
        this.machine = machine;
        this.xmx = xmx;
        this.loadAfter = loadAfter;
        this.generations = generations;
        this.runs = runs;
    }

    /** Whether every read finished within the maximum heap. */
    boolean allFit() {
        return runs.values().stream().flatMap(List::stream).noneMatch(ReadRun::outOfMemory);
    }

    private static boolean fits(List<ReadRun> list) {
        return list.stream().noneMatch(ReadRun::outOfMemory);
    }

    private static long median(List<ReadRun> list, ToLongFunction<ReadRun> f) {
        return SourceBenchmark.median(list.stream().mapToLong(f).toArray());
    }

    private static long max(List<ReadRun> list, ToLongFunction<ReadRun> f) {
        return list.stream().mapToLong(f).max().orElseThrow();
    }

    private Generation generation(Read r) {
        return generations.get(r.format().ordinal());
    }

    void printTable(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-11s %12s %12s %9s %9s %11s %8s %8s %9s %10s %9s %10s%n", "source", "rows read",
                "rows kept", "median s", "min s", "rows/s", "MB/s", "CPU s", "peak MiB", "pools MiB", "table MiB",
                "GC n/ms");
        String rule = "-".repeat(11 + 13 * 2 + 10 * 2 + 12 + 9 * 2 + 10 + 11 + 10 + 11);
        out.println(rule);
        for (Map.Entry<Read, List<ReadRun>> e : runs.entrySet()) {
            Read r = e.getKey();
            List<ReadRun> list = e.getValue();
            if (!fits(list)) {
                out.printf(Locale.ROOT, "%-11s OutOfMemoryError: the read did not fit in the maximum heap of %d MiB%n",
                        r.source(), StageBenchmark.mib(machine.maxHeapBytes()));
                continue;
            }
            long med = median(list, ReadRun::nanos);
            ReadRun first = list.get(0);
            out.printf(Locale.ROOT, "%-11s %,12d %,12d %9.2f %9.2f %,11.0f %8.1f %8.2f %9d %10d %9d %10s%n", r.source(),
                    first.rowsRead(), first.rowsKept(), med / 1e9, list.stream().mapToLong(ReadRun::nanos).min()
                            .orElseThrow() / 1e9, first.rowsRead() / (med / 1e9),
                    generation(r).bytes() / 1e6 / (med / 1e9), median(list, ReadRun::cpuNanos) / 1e9,
                    StageBenchmark.mib(max(list, ReadRun::peakUsedBytes)),
                    StageBenchmark.mib(max(list, ReadRun::peakHeapBytes)),
                    StageBenchmark.mib(median(list, ReadRun::footprintBytes)),
                    median(list, ReadRun::gcCount) + "/" + median(list, ReadRun::gcMillis));
        }
        out.println(rule);
        out.println("rows/s and MB/s: rows read (the source's unit) and input bytes per second of the median read;"
                + " CPU s: process CPU time (all JVM threads, GC included); peak MiB: the most heap used at any"
                + " moment of any read (garbage included; from the GC notifications: heap used just before each"
                + " collection, and at the end); pools MiB: the largest sum of the heap pools' own peaks (pools peak"
                + " at different moments, so this overstates and may exceed the maximum heap); table MiB: heap used"
                + " after a full GC with the SourceData still referenced, minus the heap used before the read (the table's"
                + " footprint); GC n/ms: collections and their time during the median read.");
        out.println();
        out.printf(Locale.ROOT, "%-11s %12s %14s %9s %11s %8s%n", "generator", "lines", "bytes", "seconds", "lines/s",
                "MB/s");
        for (Generation g : generations) {
            out.printf(Locale.ROOT, "%-11s %,12d %,14d %9.1f %,11.0f %8.1f%n", g.format().generator, g.lines(),
                    g.bytes(), g.nanos() / 1e9, g.lines() / (g.nanos() / 1e9), g.bytes() / 1e6 / (g.nanos() / 1e9));
        }
        out.println();
        out.printf(Locale.ROOT, "max heap %d MiB (%s): %s%n", StageBenchmark.mib(machine.maxHeapBytes()), xmx,
                allFit() ? "every read fitted, the " + String.format(Locale.ROOT, "%,d", arguments.lines())
                        + "-line UK file included" : "SOME READS RAN OUT OF HEAP");
        out.printf(Locale.ROOT, "machine  %d cores, load average %s before, %s after%n", machine.cores(),
                machine.loadAverage(), loadAfter);
        out.println();
    }

    /** The figures as one line of JSON (written by hand: no JSON library for one line). */
    String json() {
        StringBuilder j = new StringBuilder(2048).append('{');
        field(j, "benchmark", "segmenta-source-benchmark").append(',');
        j.append("\"lines\":").append(arguments.lines()).append(",\"otherLines\":").append(arguments.otherLines())
                .append(",\"iterations\":").append(arguments.iterations()).append(",\"seed\":")
                .append(arguments.seed()).append(',');
        j.append("\"generators\":[");
        for (int i = 0; i < generations.size(); i++) {
            Generation g = generations.get(i);
            j.append(i > 0 ? "," : "").append('{');
            field(j, "generator", g.format().generator).append(',');
            j.append("\"lines\":").append(g.lines()).append(",\"bytes\":").append(g.bytes())
                    .append(",\"seconds\":").append(num(g.nanos() / 1e9))
                    .append(",\"linesPerSecond\":").append(Math.round(g.lines() / (g.nanos() / 1e9))).append('}');
        }
        j.append("],\"sources\":[");
        boolean firstEntry = true;
        for (Map.Entry<Read, List<ReadRun>> e : runs.entrySet()) {
            Read r = e.getKey();
            List<ReadRun> list = e.getValue();
            j.append(firstEntry ? "" : ",").append('{');
            firstEntry = false;
            field(j, "source", r.source()).append(',');
            field(j, "input", r.format().generator).append(',');
            j.append("\"inputBytes\":").append(generation(r).bytes()).append(',');
            j.append("\"fitsInMaxHeap\":").append(fits(list));
            if (fits(list)) {
                long med = median(list, ReadRun::nanos);
                ReadRun first = list.get(0);
                j.append(",\"rowsRead\":").append(first.rowsRead()).append(",\"rowsKept\":").append(first.rowsKept())
                        .append(",\"rowsRejected\":").append(first.rejected())
                        .append(",\"secondsMedian\":").append(num(med / 1e9))
                        .append(",\"secondsAll\":[");
                for (int i = 0; i < list.size(); i++) {
                    j.append(i > 0 ? "," : "").append(num(list.get(i).nanos() / 1e9));
                }
                j.append("],\"rowsPerSecond\":").append(Math.round(first.rowsRead() / (med / 1e9)))
                        .append(",\"cpuSecondsMedian\":").append(num(median(list, ReadRun::cpuNanos) / 1e9))
                        .append(",\"peakUsedHeapBytesMax\":").append(max(list, ReadRun::peakUsedBytes))
                        .append(",\"poolPeakSumBytesMax\":").append(max(list, ReadRun::peakHeapBytes))
                        .append(",\"tableHeapBytes\":").append(median(list, ReadRun::footprintBytes))
                        .append(",\"liveHeapAfterReadBytes\":").append(median(list, ReadRun::liveHeapBytes))
                        .append(",\"gcCountMedian\":").append(median(list, ReadRun::gcCount))
                        .append(",\"gcMsMedian\":").append(median(list, ReadRun::gcMillis));
            }
            j.append('}');
        }
        j.append("],\"allFitInMaxHeap\":").append(allFit()).append(',');
        j.append("\"machine\":{");
        field(j, "jvm", machine.jvm()).append(',');
        field(j, "os", machine.os()).append(',');
        j.append("\"cores\":").append(machine.cores()).append(",\"maxHeapBytes\":").append(machine.maxHeapBytes())
                .append(',');
        field(j, "xmx", xmx).append(',');
        field(j, "gc", machine.collectors()).append(',');
        field(j, "loadAverageBefore", machine.loadAverage()).append(',');
        field(j, "loadAverageAfter", loadAfter).append('}');
        return j.append('}').toString();
    }


}
