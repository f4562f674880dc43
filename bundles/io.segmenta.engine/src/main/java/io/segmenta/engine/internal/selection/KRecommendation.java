package io.segmenta.engine.internal.selection;

import io.segmenta.api.pipeline.KCandidate;
import java.util.List;
import java.util.Locale;

/**
 * Which k to recommend, by a rule simple enough to explain in one sentence: the elbow of the cost curve when
 * it has one and its silhouette is within {@link #TOLERANCE} of the best silhouette (the elbow is what
 * analysts look for, the silhouette keeps it honest); otherwise the k with the best silhouette (the smaller k
 * on a tie). When no silhouette is defined, the elbow, or else the smallest k.
 *
 * @param k the k recommended
 * @param reason why, with the figures
 */
public record KRecommendation(int k, String reason) {
    /** How far below the best silhouette the elbow's may be and still be recommended. */
    public static final double TOLERANCE = 0.02;

    /**
     * @param candidates in increasing k, at least one
     * @param elbowK the elbow's k, or 0 when there is none
     */
    public static KRecommendation of(List<KCandidate> candidates, int elbowK) {
        KCandidate best = null;
        KCandidate elbow = null;
        for (KCandidate c : candidates) {
            if (!Double.isNaN(c.silhouette()) && (best == null || c.silhouette() > best.silhouette())) {
                best = c;
            }
            if (c.k() == elbowK) {
                elbow = c;
            }
        }
        if (best == null) {
            return elbow != null
                    ? new KRecommendation(elbow.k(), "k = " + elbow.k()
                            + ": the elbow of the cost curve (Kneedle); no silhouette is defined to compare with")
                    : new KRecommendation(candidates.get(0).k(), "k = " + candidates.get(0).k()
                            + ": the smallest k tried; the cost curve has no elbow and no silhouette is defined");
        }
        if (elbow != null && elbow == best) {
            return new KRecommendation(elbow.k(), "k = " + elbow.k()
                    + ": the elbow of the cost curve (Kneedle), and it has the best silhouette ("
                    + f(best.silhouette()) + ")");
        }
        if (elbow != null && elbow.silhouette() >= best.silhouette() - TOLERANCE) {
            return new KRecommendation(elbow.k(), "k = " + elbow.k()
                    + ": the elbow of the cost curve (Kneedle), and its silhouette " + f(elbow.silhouette())
                    + " is within " + TOLERANCE + " of the best (" + f(best.silhouette()) + " at k = " + best.k()
                    + ")");
        }
        String why = elbow == null ? "the cost curve has no clear elbow (Kneedle)"
                : "the elbow of the cost curve (Kneedle) at k = " + elbow.k() + " has a silhouette of "
                        + f(elbow.silhouette()) + ", more than " + TOLERANCE + " below it";
        return new KRecommendation(best.k(), "k = " + best.k() + ": the best silhouette (" + f(best.silhouette())
                + "); " + why);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.3f", v);
    }
}
