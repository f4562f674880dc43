package io.segmenta.api.stage;

import io.segmenta.api.data.SourceData;
import java.nio.file.Path;

/** Reads an export and turns it into the canonical transactions table, accounting for every row. */
public interface DataSource extends Stage {

    @Override
    default StageKind kind() {
        return StageKind.SOURCE;
    }

    /**
     * Reads the input.
     *
     * @param input a file or folder, as the source documents
     * @throws io.segmenta.api.SegmentaException for a missing or malformed input
     */
    SourceData read(Path input, StageContext context);
}
