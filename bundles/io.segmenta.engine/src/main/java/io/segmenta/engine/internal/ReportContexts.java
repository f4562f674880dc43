package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.ReportContext;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Gathers a run's {@link ReportContext}: the run's time, the snapshot recency is measured to, the currency (the
 * option, else the source's), the source's word for region, and what each feature of the run means as its
 * extractor declared it (under the column's name, prefixed or not, in a feature set).
 */
final class ReportContexts {
    /** The option every extractor with a recency reads (io.segmenta.table.grouping.Snapshot). */
    static final String SNAPSHOT = "snapshot";
    private static final long SECONDS_PER_DAY = 86_400L;

    private ReportContexts() {
    }

    /** The currency option's value checked: an ISO 4217 code (three letters) or none; empty when not given. */
    static Optional<String> currency(Options options) {
        Optional<String> value = options.get(EngineOptions.CURRENCY).map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        if (v.equalsIgnoreCase(EngineOptions.CURRENCY_NONE)) {
            return Optional.of(EngineOptions.CURRENCY_NONE);
        }
        if (!v.matches("[A-Za-z]{3}")) {
            throw new SegmentaException("option " + EngineOptions.CURRENCY + ": '" + v + "' should be a three-letter"
                    + " currency code such as GBP, EUR, BRL or IDR, or " + EngineOptions.CURRENCY_NONE);
        }
        return Optional.of(v.toUpperCase(Locale.ROOT));
    }

    /** The context of a run on the chosen stages (source and members null for handed-over features). */
    static ReportContext of(Options options, ChosenStages chosen, DataQuality quality, FeatureMatrix raw, Clock clock) {
        DataSource source = chosen.source() == null ? null : (DataSource) chosen.source().stage();
        Optional<String> given = currency(options);
        Optional<String> currency = given.isPresent()
                ? given.filter(c -> !c.equals(EngineOptions.CURRENCY_NONE))
                : source == null ? Optional.empty() : source.currency();
        List<FeatureInfo> described = new ArrayList<>();
        boolean recency = false;
        List<String> columns = new ArrayList<>(raw.numericNames());
        raw.categorical().forEach(c -> columns.add(c.name()));
        for (ChosenMember m : chosen.members()) {
            FeatureExtractor extractor = (FeatureExtractor) m.extractor().stage();
            recency |= extractor.options().stream().map(StageOption::name).anyMatch(SNAPSHOT::equals);
            for (FeatureInfo f : extractor.featureInfo(raw)) {
                for (String column : columns) {
                    boolean own = column.equals(f.name()) || column.equals(m.name() + FeatureJoin.PREFIX_SEPARATOR + f.name());
                    if (own && described.stream().noneMatch(d -> d.name().equals(column))) {
                        described.add(f.named(column));
                    }
                }
            }
        }
        return new ReportContext(Optional.of(clock.instant()), recency ? snapshot(options, quality) : Optional.empty(),
                currency, source == null ? null : source.regionWord(), described);
    }

    /** The snapshot as the extractors measure recency: the option's midnight, else 24 hours after the last row. */
    private static Optional<LocalDateTime> snapshot(Options options, DataQuality quality) {
        Optional<LocalDateTime> given = options.date(SNAPSHOT).map(d -> d.atStartOfDay());
        if (given.isPresent() || quality.lastTimestamp() == TimestampColumn.MISSING) {
            return given;
        }
        return Optional.of(LocalDateTime.ofEpochSecond(quality.lastTimestamp() + SECONDS_PER_DAY, 0, ZoneOffset.UTC));
    }
}
