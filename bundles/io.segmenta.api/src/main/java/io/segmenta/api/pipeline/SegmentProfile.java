package io.segmenta.api.pipeline;

import java.util.List;

/**
 * One segment described in the units of the raw (unscaled) features.
 *
 * @param segment the segment number (0 to k-1)
 * @param size how many entities it holds
 * @param share its share of all entities (0 to 1)
 * @param valueShare its share of the value column's total, e.g. of revenue (0 to 1), or NaN without one
 * @param features the raw numeric feature names, in the order of {@code means} and {@code medians}
 * @param means the mean of each raw feature in the segment
 * @param medians the median of each raw feature in the segment
 */
public record SegmentProfile(int segment, int size, double share, double valueShare, List<String> features,
        double[] means, double[] medians) {

    public SegmentProfile {
        features = List.copyOf(features);
        means = means.clone();
        medians = medians.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] medians() {
        return medians.clone();
    }
}
