package io.segmenta.table.grouping;

import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageOption;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The {@value #OPTION} option every extractor with a recency reads: the date recency is measured to. Without it,
 * {@link Grouping#recency} measures to 24 hours after the last transaction (the usual RFM recipe).
 */
public final class Snapshot {
    /** The option's name. */
    public static final String OPTION = "snapshot";

    private Snapshot() {
    }

    /** The option as the extractors list it. */
    public static StageOption option() {
        return new StageOption(OPTION, "date recency is measured to, from its midnight (yyyy-MM-dd)",
                "24 hours after the last transaction");
    }

    /** The date given, if any; a bad date fails here, before any work. */
    public static Optional<LocalDate> of(Options options) {
        return options.date(OPTION);
    }
}
