package io.segmenta.api.pipeline;

import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a pipeline run is asked to do.
 *
 * @param source the data source's stage name
 * @param input the file or folder the source reads
 * @param features the feature extractor's stage name, or a feature set: members joined with {@code +}, each
 *        {@code EXTRACTOR} or {@code NAME:EXTRACTOR} ({@link FeatureMember#parse})
 * @param algorithm the clustering algorithm's stage name
 * @param cluster k, seed, runs and iteration cap
 * @param reporters the reporters' stage names (may be empty: then nothing is written)
 * @param outputDir where reporters write; created when missing
 * @param options stage-specific options (e.g. "snapshot"); every key must be read by one of the stages
 * @param memberInputs the inputs of the feature-set members that do not share the run's source and input, by
 *        member name (empty: every member extracts from the one read of {@code input})
 */
public record PipelineSpec(String source, Path input, String features, String algorithm, ClusterRequest cluster,
        List<String> reporters, Path outputDir, Options options, Map<String, FeatureInput> memberInputs) {

    /** A run whose feature-set members all share its source and input (API 1.3 signature). */
    public PipelineSpec(String source, Path input, String features, String algorithm, ClusterRequest cluster,
            List<String> reporters, Path outputDir, Options options) {
        this(source, input, features, algorithm, cluster, reporters, outputDir, options, Map.of());
    }

    public PipelineSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(cluster, "cluster");
        reporters = List.copyOf(reporters);
        Objects.requireNonNull(outputDir, "outputDir");
        options = options == null ? Options.empty() : options;
        memberInputs = memberInputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(memberInputs));
    }

    /**
     * The members of the feature set, in order (one for a single extractor).
     *
     * @throws io.segmenta.api.SegmentaException when {@code features} is not a valid feature set
     */
    public List<FeatureMember> members() {
        return FeatureMember.parse(features);
    }

    /** The same run with other options (the engine fills in configured defaults). */
    public PipelineSpec withOptions(Options other) {
        return new PipelineSpec(source, input, features, algorithm, cluster, reporters, outputDir, other, memberInputs);
    }

    /** The same run with another k, seed, runs and iteration cap. */
    public PipelineSpec withCluster(ClusterRequest other) {
        return new PipelineSpec(source, input, features, algorithm, other, reporters, outputDir, options, memberInputs);
    }
}
