package io.segmenta.api.stage;

import io.segmenta.api.data.SourceData;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Reads an export and turns it into the canonical transactions table, accounting for every row. */
public interface DataSource extends Stage {

    @Override
    default StageKind kind() {
        return StageKind.SOURCE;
    }

    /**
     * The optional transaction columns this source can provide (names as in
     * {@link io.segmenta.api.data.TransactionField#columnName()}), so that a pipeline asking for features the
     * source cannot feed fails before reading. An empty set means "not declared": the engine then checks the
     * table after reading. A source whose columns depend on its input (a mapping, optional files) declares
     * the columns it can provide at most.
     */
    default Set<String> providedColumns() {
        return Set.of();
    }

    /**
     * Reads the input.
     *
     * @param input a file or folder, as the source documents
     * @throws io.segmenta.api.SegmentaException for a missing or malformed input
     */
    SourceData read(Path input, StageContext context);

    /**
     * The export's own word for what the canonical field {@code region} holds ("country" for a file of
     * countries, "state", "province"), in lower case, for reports to use instead of "region".
     *
     * @since 1.4
     */
    default String regionWord() {
        return "region";
    }

    /**
     * The currency the export's amounts are in (an ISO 4217 code such as {@code GBP}), when the export has one
     * currency; empty when unknown. Reports show it beside amounts unless the run's option {@code currency} says
     * otherwise.
     *
     * @since 1.4
     */
    default Optional<String> currency() {
        return Optional.empty();
    }
}
