package io.segmenta.api.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The named pipelines defined as configuration (ConfigAdmin factory configurations of PID
 * {@code io.segmenta.pipeline}, e.g. {@code .cfg} files that FileInstall watches): listed with their state,
 * run by name, some on a schedule; the runs are kept as a history. Only the pipelines bundle implements it.
 */
@ProviderType
public interface PipelineCatalog {

    /** Every pipeline defined now, by name. */
    List<NamedPipeline> pipelines();

    /**
     * Runs a pipeline by name with the engine: when the definition gives a range of k, k is first chosen as
     * {@link PipelineEngine#selectK} recommends it. The run is added to the history.
     *
     * @throws io.segmenta.api.SegmentaException for an unknown name (listing the defined ones), a definition
     *         that is invalid or whose stages are not all registered, and every error of
     *         {@link PipelineEngine#run}
     */
    PipelineResult run(String name, ProgressListener listener);

    /**
     * The most recent runs, oldest first (manual and scheduled); kept on disk, so the runs before a restart are
     * there too.
     */
    List<PipelineRun> history();

    /**
     * The run folder of the latest successful run of a pipeline that wrote reports, as the history records it
     * (for comparing a run with the previous one: call it before the new run, which may write into the same
     * folder). Empty when the pipeline has no such run in the history.
     */
    default Optional<Path> previousRunFolder(String pipeline) {
        List<PipelineRun> runs = history();
        for (int i = runs.size() - 1; i >= 0; i--) {
            PipelineRun r = runs.get(i);
            if (r.pipeline().equals(pipeline) && r.succeeded() && r.folder() != null) {
                return Optional.of(r.folder());
            }
        }
        return Optional.empty();
    }
}
