package io.segmenta.api.stage;

import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.PipelineResult;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
     * The canonical transaction fields this reporter reads from the run's transactions
     * ({@code result.source().transactions()}) itself, besides what the engine computed for it (business figures,
     * trends, profiles), so that the source builds only the columns a run reads (see
     * {@link FeatureExtractor#fieldsRead()}). By default every field, so a reporter that does not say gets the
     * whole table as before; one that reads only the result's figures returns an empty set.
     *
     * @since 1.4
     */
    default Set<TransactionField> fieldsRead() {
        return EnumSet.allOf(TransactionField.class);
    }

    /**
     * @param outputDir an existing folder
     * @return the files written
     */
    List<Path> report(PipelineResult result, Path outputDir, StageContext context);
}
