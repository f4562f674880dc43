package io.segmenta.engine.internal.selection;

import io.segmenta.api.pipeline.KCandidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which k to recommend (docs/user-guide.md, "How k is chosen"). Every k of the range is judged on its own
 * figures, never on its place in the range, so that widening the range changes the choice only when a new k is
 * better:
 * <ol>
 * <li>only k of at least {@code minK} are eligible (two segments rarely serve targeting, however high their
 * silhouette); when the range has none, every k is;</li>
 * <li>of the eligible k, those whose segments are stable (mean adjusted Rand index of refits on subsamples at
 * least {@link #STABLE}) are preferred, and of them the smallest k whose silhouette is within
 * {@link #SILHOUETTE_NOISE} of their best; the runner-up is the best of the others by silhouette;</li>
 * <li>when no eligible k is stable, the most stable one is chosen, and the runner-up is the next most stable;
 * when stability was not measured, the best silhouette decides alone.</li>
 * </ol>
 * The elbow of the cost curve is reported beside the choice but does not decide it: where it lies depends on the
 * range tried.
 *
 * @param k the k recommended
 * @param runnerUpK the k that came second, or 0 when the range has one k
 * @param reason why, with the figures, naming the runner-up
 */
public record KRecommendation(int k, int runnerUpK, String reason) {
    /**
     * The adjusted Rand index from which refits count as finding the same segments: 0.8 is the usual mark of
     * "good agreement" between partitions; below it, a sizeable share of customers changes segment when the
     * data moves slightly.
     */
    public static final double STABLE = 0.8;
    /**
     * Silhouettes closer than this are not told apart (a sampled silhouette is good to about ±0.01, see
     * {@link io.segmenta.api.pipeline.EngineOptions#DEFAULT_SILHOUETTE_SAMPLE}); the smaller k then wins.
     */
    public static final double SILHOUETTE_NOISE = 0.01;

    /**
     * @param candidates in increasing k, at least one
     * @param elbowK the elbow's k, or 0 when there is none
     * @param minK the smallest k recommended when the range has one
     */
    public static KRecommendation of(List<KCandidate> candidates, int elbowK, int minK) {
        List<KCandidate> eligible = new ArrayList<>();
        for (KCandidate c : candidates) {
            if (c.k() >= minK) {
                eligible.add(c);
            }
        }
        boolean noneEligible = eligible.isEmpty();
        if (noneEligible) {
            eligible.addAll(candidates);
        }
        List<KCandidate> stable = eligible.stream().filter(c -> c.stability() >= STABLE).toList();
        boolean measured = eligible.stream().anyMatch(c -> !Double.isNaN(c.stability()));
        Comparator<KCandidate> bySilhouette = Comparator.comparingDouble(KRecommendation::silhouetteOrLowest)
                .reversed().thenComparingInt(KCandidate::k);
        Comparator<KCandidate> byStability = Comparator.comparingDouble(KRecommendation::stabilityOrLowest)
                .reversed().thenComparingInt(KCandidate::k);
        List<KCandidate> ranked;
        StringBuilder why = new StringBuilder();
        String among = noneEligible ? "of the range" : "of at least " + minK;
        if (!measured) {
            ranked = eligible.stream().sorted(bySilhouette).toList();
            why.append("the best silhouette of the k ").append(among).append(" (").append(f(ranked.get(0).silhouette()))
                    .append("); stability was not measured");
        } else if (!stable.isEmpty()) {
            List<KCandidate> bySil = stable.stream().sorted(bySilhouette).toList();
            KCandidate best = bySil.get(0);
            // the smallest stable k within the silhouette's noise of the best: more segments must earn their place
            KCandidate chosen = stable.stream()
                    .filter(c -> silhouetteOrLowest(c) >= silhouetteOrLowest(best) - SILHOUETTE_NOISE)
                    .min(Comparator.comparingInt(KCandidate::k)).orElse(best);
            ranked = new ArrayList<>();
            ranked.add(chosen);
            bySil.stream().filter(c -> c != chosen).forEach(ranked::add);
            eligible.stream().filter(c -> !(c.stability() >= STABLE)).sorted(byStability).forEach(ranked::add);
            why.append(chosen == best ? "the best silhouette (" + f(chosen.silhouette()) + ")"
                    : "the smallest k whose silhouette (" + f4(chosen.silhouette()) + ") is within " + SILHOUETTE_NOISE
                            + " of the best (" + f4(best.silhouette()) + " at k = " + best.k() + ")")
                    .append(" of the k ").append(among)
                    .append(" whose segments are stable (refits on subsamples agree with an adjusted Rand index of ")
                    .append(f(chosen.stability())).append(", at least ").append(STABLE).append(')');
        } else {
            ranked = eligible.stream().sorted(byStability).toList();
            why.append("the most stable k ").append(among).append(" (adjusted Rand index of refits on subsamples ")
                    .append(f(ranked.get(0).stability())).append("), though none reaches ").append(STABLE)
                    .append(": treat these segments as tentative");
        }
        KCandidate chosen = ranked.get(0);
        KCandidate runnerUp = ranked.size() > 1 ? ranked.get(1) : null;
        StringBuilder reason = new StringBuilder("k = ").append(chosen.k()).append(": ").append(why).append('.');
        if (runnerUp != null) {
            reason.append(" Runner-up: k = ").append(runnerUp.k()).append(" (").append(figures(runnerUp)).append(").");
        }
        KCandidate bestOverall = candidates.stream().sorted(bySilhouette).findFirst().orElseThrow();
        if (bestOverall.k() < minK && !noneEligible && !Double.isNaN(bestOverall.silhouette())) {
            reason.append(" k = ").append(bestOverall.k()).append(" has the best silhouette overall (")
                    .append(f(bestOverall.silhouette())).append(") but is below the minimum useful k (option min-k = ")
                    .append(minK).append(").");
        }
        if (noneEligible) {
            reason.append(" No k of the range reaches the minimum useful k (option min-k = ").append(minK)
                    .append(").");
        }
        reason.append(elbowK > 0 ? " The elbow of the cost curve is at k = " + elbowK + "."
                : " The cost curve has no clear elbow.");
        return new KRecommendation(chosen.k(), runnerUp == null ? 0 : runnerUp.k(), reason.toString());
    }

    private static String figures(KCandidate c) {
        return "silhouette " + f(c.silhouette()) + (Double.isNaN(c.stability()) ? ""
                : ", stability " + f(c.stability()));
    }

    private static double silhouetteOrLowest(KCandidate c) {
        return Double.isNaN(c.silhouette()) ? Double.NEGATIVE_INFINITY : c.silhouette();
    }

    private static double stabilityOrLowest(KCandidate c) {
        return Double.isNaN(c.stability()) ? Double.NEGATIVE_INFINITY : c.stability();
    }

    /** Four decimals where two silhouettes may agree to three. */
    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.3f", v);
    }
}
