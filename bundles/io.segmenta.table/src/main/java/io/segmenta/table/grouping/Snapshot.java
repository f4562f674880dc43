package io.segmenta.table.grouping;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@value #OPTION} option every extractor with a recency reads: the date recency is measured to. Without it,
 * {@link Grouping#recency} measures to 24 hours after the last transaction (the usual RFM recipe).
 */
public final class Snapshot {
    /** The option's name. */
    public static final String OPTION = "snapshot";
    /** Seconds in a day: recency is whole days to the snapshot. */
    public static final long SECONDS_PER_DAY = 86_400L;

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

    /**
     * The snapshot in epoch seconds (UTC): 24 hours after the last transaction, or the configured date's midnight,
     * which must not be before that transaction. The one rule of every back-end (this bundle's {@link Grouping} and
     * the Spark back-end's aggregations).
     *
     * @param lastTransaction the last usable row's time, epoch seconds
     * @throws SegmentaException when the configured date is before the last transaction
     */
    public static long epochSecond(Optional<LocalDate> configured, long lastTransaction) {
        if (configured.isEmpty()) {
            return lastTransaction + SECONDS_PER_DAY;
        }
        long snapshot = configured.get().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        if (snapshot < lastTransaction) {
            LocalDateTime last = LocalDateTime.ofEpochSecond(lastTransaction, 0, ZoneOffset.UTC);
            throw new SegmentaException("option " + OPTION + ": " + configured.get() + " is before the last "
                    + "transaction (" + last + "); recency would be negative. Give " + last.toLocalDate().plusDays(1)
                    + " or later, or leave it out");
        }
        return snapshot;
    }
}
