package io.segmenta.api.pipeline;

import java.util.Arrays;
import java.util.Objects;

/**
 * The silhouette of one segment's rows, for a silhouette plot: how well each row sits in its segment (1) rather
 * than the nearest other (-1). Computed on the rows the run's silhouette was measured on (all of them, or the
 * sample, see {@link ClusterQuality#silhouetteMeasured()}).
 *
 * @param segment the segment number (0 to k-1)
 * @param measured how many of the segment's rows were measured (0 when the sample holds none of them)
 * @param mean their mean silhouette (scikit-learn's {@code silhouette_samples} averaged), NaN when none was measured
 * @param negativeShare the share of them with a negative silhouette (closer to another segment), 0 to 1
 * @param profile their silhouettes sorted from highest to lowest, thinned to at most {@link #PROFILE_POINTS}
 *        evenly spaced ranks (the first and the last kept), to draw the segment's band of the plot
 */
public record SegmentSilhouette(int segment, int measured, double mean, double negativeShare, double[] profile) {
    /** The most values {@link #profile()} holds. */
    public static final int PROFILE_POINTS = 200;

    public SegmentSilhouette {
        Objects.requireNonNull(profile, "profile");
        profile = profile.clone();
    }

    @Override
    public double[] profile() {
        return profile.clone();
    }

    /** Equal when every component is, the profile compared value by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentSilhouette s && s.segment == segment && s.measured == measured
                && Double.compare(s.mean, mean) == 0 && Double.compare(s.negativeShare, negativeShare) == 0
                && Arrays.equals(s.profile, profile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segment, measured, mean, negativeShare) * 31 + Arrays.hashCode(profile);
    }

    @Override
    public String toString() {
        return "SegmentSilhouette[segment=" + segment + ", measured=" + measured + ", mean=" + mean
                + ", negativeShare=" + negativeShare + ", profile=" + Arrays.toString(profile) + "]";
    }
}
