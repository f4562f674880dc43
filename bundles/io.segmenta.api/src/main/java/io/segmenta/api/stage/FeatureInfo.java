package io.segmenta.api.stage;

import java.util.Locale;
import java.util.Objects;

/**
 * What a feature means to a reader, as its extractor declares it ({@link FeatureExtractor#featureInfo()}): a
 * label in plain words, a short definition and which way is good, so that reports name it plainly, define it
 * where it appears and colour it the right way round (for recency, fewer days is better).
 *
 * @param name the column name the extractor writes ({@code avg_order_value})
 * @param label the name a reader sees ({@code Average order value})
 * @param definition one short sentence saying what the figure is; empty when not declared
 * @param direction whether a higher value is better, worse, or neither
 * @since 1.4
 */
public record FeatureInfo(String name, String label, String definition, Direction direction) {

    /** Which way a feature is good for the business. */
    public enum Direction {
        /** More is better (spend, orders). */
        HIGHER_IS_BETTER,
        /** Less is better (days since the last order, return rate). */
        LOWER_IS_BETTER,
        /** Neither: a description, not a merit (age of the account, number of categories). */
        NEUTRAL
    }

    public FeatureInfo {
        Objects.requireNonNull(name, "name");
        label = label == null || label.isBlank() ? plainWords(name) : label;
        definition = definition == null ? "" : definition;
        direction = direction == null ? Direction.NEUTRAL : direction;
    }

    /** A feature no extractor described: its name in plain words, no definition, neutral. */
    public static FeatureInfo of(String name) {
        return new FeatureInfo(name, null, "", Direction.NEUTRAL);
    }

    /** A feature where more is better. */
    public static FeatureInfo higherIsBetter(String name, String label, String definition) {
        return new FeatureInfo(name, label, definition, Direction.HIGHER_IS_BETTER);
    }

    /** A feature where less is better. */
    public static FeatureInfo lowerIsBetter(String name, String label, String definition) {
        return new FeatureInfo(name, label, definition, Direction.LOWER_IS_BETTER);
    }

    /** A feature that is neither good nor bad. */
    public static FeatureInfo neutral(String name, String label, String definition) {
        return new FeatureInfo(name, label, definition, Direction.NEUTRAL);
    }

    /** The same feature under another column name (a feature set prefixes a clashing name with its member). */
    public FeatureInfo named(String column) {
        return new FeatureInfo(column, label, definition, direction);
    }

    /**
     * A column name in plain words: separators ({@code _ - .}) become spaces, camel case is split, the first
     * letter is capitalised and the rest kept ({@code avg_order_value} becomes "Avg order value").
     */
    public static String plainWords(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.]+", " ").trim();
        if (spaced.isEmpty()) {
            return name;
        }
        String lower = spaced.equals(spaced.toUpperCase(Locale.ROOT)) ? spaced : spaced.toLowerCase(Locale.ROOT);
        return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }
}
