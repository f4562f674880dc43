package io.segmenta.api.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a generator wrote.
 *
 * @param files the data files, in the layout the matching source reads
 * @param plantedSegments a CSV file {@code customer_id,planted_segment} naming each customer's planted segment
 * @param counts figures of what was written, e.g. "lines", "customers", "orders", and per kind of dirt
 */
public record GeneratedSample(List<Path> files, Path plantedSegments, Map<String, Long> counts) {
    public GeneratedSample {
        files = List.copyOf(files);
        counts = Map.copyOf(counts);
    }
}
