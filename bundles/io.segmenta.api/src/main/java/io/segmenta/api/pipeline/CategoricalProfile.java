package io.segmenta.api.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * How one categorical feature is distributed in a segment and in the whole population, columnar: level
 * {@code i} makes up {@code segmentShares[i]} of the segment and {@code populationShares[i]} of all entities.
 * Shares count every entity, so a feature with missing values carries a level for them (the engine calls it
 * {@value #MISSING}) and the shares of each column sum to 1.
 *
 * @param feature the categorical feature's name
 * @param levels the levels, most common in the population first
 * @param segmentShares the share (0 to 1) of the segment's entities at each level; NaN for an empty segment
 * @param populationShares the share (0 to 1) of all entities at each level
 */
public record CategoricalProfile(String feature, List<String> levels, double[] segmentShares,
        double[] populationShares) {
    /** The level standing for a missing value. */
    public static final String MISSING = "(missing)";

    public CategoricalProfile {
        Objects.requireNonNull(feature, "feature");
        levels = List.copyOf(levels);
        segmentShares = segmentShares.clone();
        populationShares = populationShares.clone();
        if (segmentShares.length != levels.size() || populationShares.length != levels.size()) {
            throw new IllegalArgumentException(feature + ": " + levels.size() + " levels, " + segmentShares.length
                    + " segment shares, " + populationShares.length + " population shares");
        }
    }

    @Override
    public double[] segmentShares() {
        return segmentShares.clone();
    }

    @Override
    public double[] populationShares() {
        return populationShares.clone();
    }
}
