package io.segmenta.engine.internal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.pipeline.KCandidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KRecommendationTest {
    private static KCandidate c(int k, double silhouette) {
        return new KCandidate(k, 100.0 / k, silhouette, 1, 1, 0);
    }

    private final List<KCandidate> candidates = List.of(c(2, 0.30), c(3, 0.341), c(4, 0.337), c(5, 0.20));

    @Test
    void elbowWithinToleranceOfTheBestSilhouetteIsRecommended() {
        KRecommendation r = KRecommendation.of(candidates, 4);
        assertEquals(4, r.k());
        assertEquals("k = 4: the elbow of the cost curve (Kneedle), and its silhouette 0.337 is within 0.02 of the "
                + "best (0.341 at k = 3)", r.reason());
    }

    @Test
    void elbowWithTheBestSilhouette() {
        KRecommendation r = KRecommendation.of(candidates, 3);
        assertEquals(3, r.k());
        assertEquals("k = 3: the elbow of the cost curve (Kneedle), and it has the best silhouette (0.341)",
                r.reason());
    }

    @Test
    void elbowFarBelowTheBestSilhouetteLosesToIt() {
        KRecommendation r = KRecommendation.of(candidates, 5);
        assertEquals(3, r.k());
        assertEquals("k = 3: the best silhouette (0.341); the elbow of the cost curve (Kneedle) at k = 5 has a "
                + "silhouette of 0.200, more than 0.02 below it", r.reason());
    }

    @Test
    void withoutElbowTheBestSilhouetteAndTiesGoToTheSmallerK() {
        KRecommendation r = KRecommendation.of(List.of(c(2, 0.4), c(3, 0.5), c(4, 0.5)), 0);
        assertEquals(3, r.k());
        assertEquals("k = 3: the best silhouette (0.500); the cost curve has no clear elbow (Kneedle)", r.reason());
    }

    @Test
    void withoutAnySilhouette() {
        List<KCandidate> undefined = List.of(c(2, Double.NaN), c(3, Double.NaN));
        assertEquals(3, KRecommendation.of(undefined, 3).k());
        assertEquals(2, KRecommendation.of(undefined, 0).k());
    }
}
