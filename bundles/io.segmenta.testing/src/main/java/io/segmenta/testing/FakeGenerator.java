package io.segmenta.testing;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sample generator that records what it was asked, reports progress twice and writes two tiny files
 * ({@code NAME.csv} and {@code planted-segments.csv}); its counts are "lines" = the request's customers
 * times 3, "customers", and "duplicates" = 1.
 */
public final class FakeGenerator implements SampleGenerator {
    private final String name;
    /** The output folder and request of the last call; null until then. */
    public Path lastOutput;
    public GeneratorRequest lastRequest;

    public FakeGenerator(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "fake " + name + " sample";
    }

    @Override
    public GeneratedSample generate(Path outputDir, GeneratorRequest request, StageContext context) {
        lastOutput = outputDir;
        lastRequest = request;
        if (request.customers() > 1_000_000) {
            throw new SegmentaException("too many customers for the fake");
        }
        long lines = request.customers() * 3L;
        context.progress(lines / 2, lines, "lines");
        context.progress(lines, lines, "lines");
        try {
            Files.createDirectories(outputDir);
            Path data = Files.writeString(outputDir.resolve(name + ".csv"), "id\n");
            Path segments = Files.writeString(outputDir.resolve("planted-segments.csv"), "customer_id,planted_segment\n");
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("lines", lines);
            counts.put("customers", (long) request.customers());
            counts.put("duplicates", 1L);
            return new GeneratedSample(java.util.List.of(data), segments, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
