package io.segmenta.api.pipeline;

import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a pipeline run is asked to do.
 *
 * @param source the data source's stage name
 * @param input the file or folder the source reads
 * @param features the feature extractor's stage name
 * @param algorithm the clustering algorithm's stage name
 * @param cluster k, seed, runs and iteration cap
 * @param reporters the reporters' stage names (may be empty: then nothing is written)
 * @param outputDir where reporters write; created when missing
 * @param options stage-specific options (e.g. "snapshot"); every key must be read by one of the stages
 */
public record PipelineSpec(String source, Path input, String features, String algorithm, ClusterRequest cluster,
        List<String> reporters, Path outputDir, Options options) {

    public PipelineSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(cluster, "cluster");
        reporters = List.copyOf(reporters);
        Objects.requireNonNull(outputDir, "outputDir");
        options = options == null ? Options.empty() : options;
    }
}
