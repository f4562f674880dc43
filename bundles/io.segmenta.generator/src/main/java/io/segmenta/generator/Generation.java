package io.segmenta.generator;

import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one generation of a format, written customer by customer: a format sets up its files (headers,
 * rows that come before the customers), then writes every customer's rows and planted segment. Its lines are
 * counted by {@link #progress}. The generators themselves hold no state, so they are thread-safe.
 */
abstract class Generation {
    static final String LINES = "lines";
    static final String CUSTOMERS = "customers";

    final GeneratorRequest request;
    final PlantedSegments.Scales scales;
    final LineProgress progress;

    Generation(String generator, GeneratorRequest request, StageContext context, PlantedSegments.Scales scales) {
        this.request = request;
        this.scales = scales;
        this.progress = new LineProgress(context, generator, scales.expectedLines());
    }

    /**
     * Writes the sample.
     *
     * @param files the format's data files in the order of their names, then {@code planted-segments.csv}
     */
    final void write(List<AsciiOut> files) throws IOException {
        AsciiOut segments = files.get(files.size() - 1);
        start(files.subList(0, files.size() - 1));
        PlantedSegments.header(segments);
        for (int c = 0; c < request.customers(); c++) {
            customer(c, segments);
        }
    }

    /** Keeps the data files and writes what comes before the customers: headers, and e.g. a seller list. */
    abstract void start(List<AsciiOut> dataFiles) throws IOException;

    /** Writes a customer's rows and its row of {@code planted-segments.csv}. */
    abstract void customer(int index, AsciiOut segments) throws IOException;

    /** The lines written so far. */
    final long lines() {
        return progress.lines();
    }

    /** Figures of what was written, in the order to show them: lines and customers, then the format's. */
    final Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(LINES, progress.lines());
        counts.put(CUSTOMERS, (long) request.customers());
        addCounts(counts);
        return counts;
    }

    /** Adds the format's figures (orders, each kind of dirt) to {@link #counts()}. */
    abstract void addCounts(Map<String, Long> counts);
}
