package io.segmenta.api.stage;

import io.segmenta.api.pipeline.PipelineResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the result of a run for people or other programs. A reporter never leaves an output half-written:
 * it writes to a temporary name in the output folder and moves the file into place when complete.
 */
public interface Reporter extends Stage {

    @Override
    default StageKind kind() {
        return StageKind.REPORTER;
    }

    /**
     * @param outputDir an existing folder
     * @return the files written
     */
    List<Path> report(PipelineResult result, Path outputDir, StageContext context);
}
