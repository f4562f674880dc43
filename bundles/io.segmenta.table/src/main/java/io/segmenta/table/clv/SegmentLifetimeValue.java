package io.segmenta.table.clv;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.FeatureFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One segment's lifetime-value figures, as the CSV, JSON, Excel and HTML reports show them. They are read from the
 * segment profiles, whose means the engine has computed once for every raw feature, at the columns the feature
 * fit declares ({@link FeatureFit#outputs()}; in a feature set they may carry the member's prefix); the total is
 * the mean times the size. An empty segment has NaN means (no customer to average) and a total of 0.
 *
 * @param segment the segment number
 * @param size its entities
 * @param meanExpectedPurchases the mean expected purchases over the fit's horizon
 * @param meanProbabilityAlive the mean probability of being alive at the fit's end
 * @param meanLifetimeValue the mean CLV over the horizon
 * @param totalLifetimeValue the segment's summed CLV
 */
public record SegmentLifetimeValue(int segment, int size, double meanExpectedPurchases,
        double meanProbabilityAlive, double meanLifetimeValue, double totalLifetimeValue) {

    /** The three roles, in the order the reports show them. */
    static final List<String> ROLES = List.of(FeatureFit.EXPECTED_PURCHASES, FeatureFit.PROBABILITY_ALIVE,
            FeatureFit.LIFETIME_VALUE);

    /**
     * The figures of every segment, in segment order; empty when the run has no feature fit, or its fit does not
     * declare the expected-purchases, P(alive) and CLV columns, or the profiles lack them.
     */
    public static Optional<List<SegmentLifetimeValue>> of(PipelineResult result) {
        if (result.featureFit().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> outputs = result.featureFit().get().outputs();
        if (!outputs.keySet().containsAll(ROLES)) {
            return Optional.empty();
        }
        List<SegmentLifetimeValue> segments = new ArrayList<>(result.segments().size());
        for (SegmentProfile s : result.segments()) {
            int[] at = new int[ROLES.size()];
            for (int j = 0; j < at.length; j++) {
                at[j] = s.features().indexOf(outputs.get(ROLES.get(j)));
                if (at[j] < 0) {
                    return Optional.empty();
                }
            }
            double[] means = s.means();
            double clv = means[at[2]];
            segments.add(new SegmentLifetimeValue(s.segment(), s.size(), means[at[0]], means[at[1]], clv,
                    s.size() == 0 ? 0 : clv * s.size()));
        }
        return Optional.of(List.copyOf(segments));
    }
}
