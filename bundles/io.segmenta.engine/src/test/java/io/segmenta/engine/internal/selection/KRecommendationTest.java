package io.segmenta.engine.internal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.pipeline.KCandidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KRecommendationTest {
    private static KCandidate c(int k, double silhouette, double stability) {
        return new KCandidate(k, 100.0 / k, silhouette, 1, 1, 0, stability);
    }

    private static void assertChoice(KRecommendation r, int k, int runnerUp, String reason) {
        assertEquals(k, r.k(), r.reason());
        assertEquals(runnerUp, r.runnerUpK(), r.reason());
        assertEquals(reason, r.reason());
    }

    /** RFM-like figures: the silhouette prefers two blobs, k = 3 is unstable, 4 and 5 are stable. */
    private final List<KCandidate> rfmLike = List.of(c(2, 0.43, 0.99), c(3, 0.36, 0.62), c(4, 0.34, 0.91),
            c(5, 0.31, 0.88), c(6, 0.30, 0.70));

    @Test
    void theBestSilhouetteAmongStableKFromTheMinimum() {
        assertChoice(KRecommendation.of(rfmLike, 4, 3), 4, 5,
                "k = 4: the best silhouette (0.340) of the k of at least 3 whose segments are stable (refits on "
                + "subsamples agree with an adjusted Rand index of 0.910, at least 0.8). Runner-up: k = 5 (silhouette "
                + "0.310, stability 0.880). k = 2 has the best silhouette overall (0.430) but is below the minimum "
                + "useful k (option min-k = 3). The elbow of the cost curve is at k = 4.");
    }

    @Test
    void minKTwoLetsTwoBlobsWin() {
        assertChoice(KRecommendation.of(rfmLike, 0, 2), 2, 4,
                "k = 2: the best silhouette (0.430) of the k of at least 2 whose segments are stable (refits on "
                + "subsamples agree with an adjusted Rand index of 0.990, at least 0.8). Runner-up: k = 4 (silhouette "
                + "0.340, stability 0.910). The cost curve has no clear elbow.");
    }

    /** Figures of generated data with 5 planted segments: k = 6 splits one by a hair of silhouette. */
    @Test
    void aSilhouetteWithinItsNoiseDoesNotBuyAnotherSegment() {
        List<KCandidate> planted = List.of(c(2, 0.587, 1), c(3, 0.631, 1), c(4, 0.700, 1), c(5, 0.718, 1),
                c(6, 0.721, 0.921), c(7, 0.649, 0.844));
        assertChoice(KRecommendation.of(planted, 4, 3), 5, 6,
                "k = 5: the smallest k whose silhouette (0.7180) is within 0.01 of the best (0.7210 at k = 6) of "
                + "the k of at least 3 whose segments are stable (refits on subsamples agree with an adjusted Rand "
                + "index of 1.000, at least 0.8). Runner-up: k = 6 (silhouette 0.721, stability 0.921). The elbow of "
                + "the cost curve is at k = 4.");
    }

    /** Widening the range adds k but does not move the choice unless a new k is better. */
    @Test
    void theChoiceDoesNotMoveWithTheRange() {
        List<KCandidate> wider = new java.util.ArrayList<>(rfmLike);
        wider.add(c(7, 0.28, 0.95));
        wider.add(c(8, 0.27, 0.60));
        assertEquals(4, KRecommendation.of(wider, 6, 3).k());
        assertEquals(4, KRecommendation.of(rfmLike.subList(0, 4), 3, 3).k());
    }

    @Test
    void withoutAStableKTheMostStableIsTentative() {
        assertChoice(KRecommendation.of(List.of(c(2, 0.5, 0.9), c(3, 0.4, 0.5), c(4, 0.35, 0.7),
                c(5, 0.3, 0.6)), 0, 3), 4, 5,
                "k = 4: the most stable k of at least 3 (adjusted Rand index of refits on subsamples 0.700), "
                + "though none reaches 0.8: treat these segments as tentative. Runner-up: k = 5 (silhouette 0.300, "
                + "stability 0.600). k = 2 has the best silhouette overall (0.500) but is below the minimum useful k "
                + "(option min-k = 3). The cost curve has no clear elbow.");
    }

    @Test
    void aRangeBelowTheMinimumStillChoosesAndSaysSo() {
        assertChoice(KRecommendation.of(List.of(c(2, 0.5, 0.9)), 0, 3), 2, 0,
                "k = 2: the best silhouette (0.500) of the k of the range whose segments are stable (refits on "
                + "subsamples agree with an adjusted Rand index of 0.900, at least 0.8). No k of the range reaches "
                + "the minimum useful k (option min-k = 3). The cost curve has no clear elbow.");
    }

    @Test
    void withoutStabilityTheSilhouetteDecidesAndTiesGoToTheSmallerK() {
        List<KCandidate> unmeasured = List.of(new KCandidate(2, 9, 0.6, 1, 1, 0), new KCandidate(3, 8, 0.5, 1, 1, 0),
                new KCandidate(4, 7, 0.5, 1, 1, 0));
        assertChoice(KRecommendation.of(unmeasured, 3, 3), 3, 4,
                "k = 3: the best silhouette of the k of at least 3 (0.500); stability was not measured. "
                + "Runner-up: k = 4 (silhouette 0.500). k = 2 has the best silhouette overall (0.600) but is below "
                + "the minimum useful k (option min-k = 3). The elbow of the cost curve is at k = 3.");
    }
}
