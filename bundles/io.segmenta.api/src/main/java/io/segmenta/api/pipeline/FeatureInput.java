package io.segmenta.api.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The input of a feature-set member that does not share the run's ({@code input.NAME}, {@code source.NAME}):
 * the member's extractor then runs on a read of its own.
 *
 * @param source the source stage to read it with; empty: the run's source
 * @param input the file or folder it reads
 */
public record FeatureInput(Optional<String> source, Path input) {
    public FeatureInput {
        source = source == null ? Optional.empty() : source;
        Objects.requireNonNull(input, "input");
    }
}
