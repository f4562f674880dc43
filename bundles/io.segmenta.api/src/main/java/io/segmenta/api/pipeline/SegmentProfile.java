package io.segmenta.api.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One segment described in the units of the raw (unscaled) features, and compared with the whole population.
 *
 * @param segment the segment number (0 to k-1)
 * @param name a descriptive name, e.g. "High-Spending Regulars": given by the model, the user, or derived by
 *        the engine from the profile
 * @param size how many entities it holds
 * @param share its share of all entities (0 to 1)
 * @param valueShare its share of the value column's total, e.g. of revenue (0 to 1), or NaN without one
 * @param features the raw numeric feature names, in the order of {@code means}, {@code medians} and
 *        {@code populationMeans}
 * @param means the mean of each raw feature in the segment
 * @param medians the median of each raw feature in the segment
 * @param populationMeans the mean of each raw feature over all entities, or NaN where unknown
 * @param categorical the distribution of each categorical feature, in feature order; empty without any
 * @param action the recommended action (added in API 1.4; {@link SegmentAction#NONE} when no rule was applied)
 */
public record SegmentProfile(int segment, String name, int size, double share, double valueShare,
        List<String> features, double[] means, double[] medians, double[] populationMeans,
        List<CategoricalProfile> categorical, SegmentAction action) {

    public SegmentProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        features = List.copyOf(features);
        means = means.clone();
        medians = medians.clone();
        populationMeans = populationMeans.clone();
        categorical = List.copyOf(categorical);
        if (means.length != features.size() || medians.length != features.size()
                || populationMeans.length != features.size()) {
            throw new IllegalArgumentException("segment " + segment + ": " + features.size() + " features, "
                    + means.length + " means, " + medians.length + " medians, " + populationMeans.length
                    + " population means");
        }
    }

    /** The profile without a recommended action (the canonical form before API 1.4). */
    public SegmentProfile(int segment, String name, int size, double share, double valueShare,
            List<String> features, double[] means, double[] medians, double[] populationMeans,
            List<CategoricalProfile> categorical) {
        this(segment, name, size, share, valueShare, features, means, medians, populationMeans, categorical,
                SegmentAction.NONE);
    }

    /**
     * The profile without the population comparison (API 1.1): named "Segment n", population means NaN and no
     * categorical distributions.
     */
    public SegmentProfile(int segment, int size, double share, double valueShare, List<String> features,
            double[] means, double[] medians) {
        this(segment, defaultName(segment), size, share, valueShare, features, means, medians, nan(means.length),
                List.of());
    }

    /** "Segment n": the name of a segment nothing better is known about. */
    public static String defaultName(int segment) {
        return "Segment " + segment;
    }

    /** The same profile under another name. */
    public SegmentProfile withName(String newName) {
        return new SegmentProfile(segment, newName, size, share, valueShare, features, means, medians,
                populationMeans, categorical, action);
    }

    /** The same profile with a recommended action. */
    public SegmentProfile withAction(SegmentAction newAction) {
        return new SegmentProfile(segment, name, size, share, valueShare, features, means, medians,
                populationMeans, categorical, newAction);
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] medians() {
        return medians.clone();
    }

    @Override
    public double[] populationMeans() {
        return populationMeans.clone();
    }

    /**
     * Each feature's segment mean as a percentage of its population mean (marketing's "index": 100 is
     * average, 200 twice the average); NaN where the population mean is 0 or unknown.
     */
    public double[] index() {
        double[] index = new double[means.length];
        for (int j = 0; j < index.length; j++) {
            double p = populationMeans[j];
            index[j] = p == 0 || Double.isNaN(p) ? Double.NaN : means[j] / p * 100;
        }
        return index;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
