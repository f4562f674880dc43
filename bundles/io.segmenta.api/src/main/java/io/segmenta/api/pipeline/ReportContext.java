package io.segmenta.api.pipeline;

import io.segmenta.api.data.TransactionField;
import io.segmenta.api.stage.FeatureInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a reader needs to read a run's figures, which the figures themselves do not say: when the run was made,
 * the moment recency is measured to, the currency of the amounts, the source's word for region and what each
 * feature means (its label, definition and which way is good). The engine gathers it from the source, the
 * extractors and the run's options; reporters show it.
 *
 * @param ranAt when the run was made; empty in results built without the engine (fixtures, old constructors)
 * @param snapshot the moment recency is measured to (local time of the data), when the features have a recency
 * @param currency the ISO 4217 code of the amounts, when known (the option {@code currency}, else the source's)
 * @param regionWord the source's word for the field {@code region}, in lower case ("country", "state")
 * @param features what the features mean, as their extractors declared it (undeclared ones are not listed)
 * @since 1.4
 */
public record ReportContext(Optional<Instant> ranAt, Optional<LocalDateTime> snapshot, Optional<String> currency,
        String regionWord, List<FeatureInfo> features) {

    /** The context of a result that says nothing about its run: no dates, no currency, "region", no features. */
    public static final ReportContext NONE = new ReportContext(Optional.empty(), Optional.empty(), Optional.empty(),
            "region", List.of());

    public ReportContext {
        ranAt = ranAt == null ? Optional.empty() : ranAt;
        snapshot = snapshot == null ? Optional.empty() : snapshot;
        currency = currency == null ? Optional.empty() : currency;
        regionWord = regionWord == null || regionWord.isBlank() ? "region" : regionWord.toLowerCase(Locale.ROOT);
        features = List.copyOf(features);
    }

    /**
     * What a feature means: as declared, else, for the region columns, the source's word ("Country", "Seller
     * state"), else its name in plain words and neutral.
     */
    public FeatureInfo feature(String name) {
        for (FeatureInfo f : features) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        if (name.equals(TransactionField.REGION.columnName())) {
            return FeatureInfo.neutral(name, regionLabel(), "");
        }
        if (name.equals("seller_" + TransactionField.REGION.columnName())) {
            return FeatureInfo.neutral(name, "Seller " + regionWord, "");
        }
        return FeatureInfo.of(name);
    }

    /** A feature's label in plain words. */
    public String label(String name) {
        return feature(name).label();
    }

    /** The source's word for region, capitalised ("Country"). */
    public String regionLabel() {
        return regionWord.substring(0, 1).toUpperCase(Locale.ROOT) + regionWord.substring(1);
    }

    /** The same context with the given feature descriptions. */
    public ReportContext withFeatures(List<FeatureInfo> described) {
        return new ReportContext(ranAt, snapshot, currency, regionWord, described);
    }
}
