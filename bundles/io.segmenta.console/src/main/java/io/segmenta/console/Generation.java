package io.segmenta.console;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs a sample generator for the shell and the CLI, so that both choose the generator, report progress
 * and print the result the same way.
 */
public final class Generation {
    /** The figures listed first, in this order; the others (the kinds of dirt) follow by name. */
    private static final List<String> FIRST = List.of("lines", "customers", "invoices", "orders");

    private Generation() {
    }

    /**
     * Generates the sample the arguments describe with the generator of that format.
     *
     * @param generators the generators available, in any order
     * @param progress receives the step (named "generate FORMAT"), its progress and its end
     * @return what was written, rendered by {@link #render(String, GeneratedSample)}
     * @throws SegmentaException for bad arguments, an unknown format, or a failed generation
     */
    public static String run(GenerateArguments arguments, Collection<SampleGenerator> generators,
            ProgressListener progress) {
        String format = arguments.format();
        Path out = arguments.out();
        SampleGenerator generator = select(format, generators);
        String step = "generate " + format;
        progress.stepStarted(null, step);
        long start = System.nanoTime();
        GeneratedSample sample = generator.generate(out, arguments.request(), new StageContext() {
            @Override
            public void progress(long done, long total, String unit) {
                progress.progress(null, step, done, total, unit);
            }

            @Override
            public void info(String message) {
                progress.info(null, step, message);
            }

            @Override
            public boolean isCancelled() {
                return Thread.currentThread().isInterrupted();
            }

            @Override
            public Options options() {
                return Options.empty();
            }
        });
        progress.stepFinished(null, step, System.nanoTime() - start);
        return render(format, sample);
    }

    /**
     * The generator of a format.
     *
     * @throws SegmentaException naming the available formats when none has that name
     */
    public static SampleGenerator select(String format, Collection<SampleGenerator> generators) {
        Objects.requireNonNull(format, "format");
        List<String> names = new ArrayList<>();
        for (SampleGenerator g : generators) {
            if (g.name().equals(format)) {
                return g;
            }
            names.add(g.name());
        }
        names.sort(Comparator.naturalOrder());
        throw new SegmentaException("unknown format '" + format + "'; "
                + (names.isEmpty() ? "no sample generator is available" : "formats are " + String.join(", ", names)));
    }

    /** The figures and files of a generated sample, each line ending with '\n'. */
    public static String render(String format, GeneratedSample sample) {
        StringBuilder out = new StringBuilder("Sample (").append(format).append(")\n");
        TextTable table = new TextTable(false, true);
        Map<String, Long> rest = new TreeMap<>(sample.counts());
        for (String name : FIRST) {
            Long value = rest.remove(name);
            if (value != null) {
                table.add(name, Numbers.grouped(value));
            }
        }
        for (Map.Entry<String, Long> e : rest.entrySet()) {
            table.add(e.getKey(), Numbers.grouped(e.getValue()));
        }
        table.render(out, "  ");
        out.append("\nFiles\n");
        for (Path p : sample.files()) {
            out.append("  ").append(p).append('\n');
        }
        out.append("  ").append(sample.plantedSegments()).append(" (planted segments)\n");
        return out.toString();
    }
}
