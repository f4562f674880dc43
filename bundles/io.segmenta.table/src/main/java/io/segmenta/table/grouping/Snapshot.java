package io.segmenta.table.grouping;

import io.segmenta.api.stage.FeatureInfo;
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

    /**
     * The feature {@code recency} as every extractor measuring it to the snapshot describes it to readers: days
     * since the last order, fewer is better.
     *
     * @param entity what a row is ("customer", "seller")
     */
    public static FeatureInfo recencyInfo(String entity) {
        return FeatureInfo.lowerIsBetter("recency", "Days since last order",
                "days from the " + entity + "'s last order to the snapshot date (fewer is better)");
    }

    /** The date given, if any; a bad date fails here, before any work. */
    public static Optional<LocalDate> of(Options options) {
        return options.date(OPTION);
    }
}
