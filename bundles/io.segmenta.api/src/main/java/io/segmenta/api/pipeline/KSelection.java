package io.segmenta.api.pipeline;

import java.util.List;

/**
 * The result of running an algorithm over a range of k.
 *
 * @param spec the pipeline (its k is not used)
 * @param candidates one entry per k tried, in increasing k
 * @param elbowK the k at the knee of the cost curve, or 0 when the curve has no knee
 * @param recommendedK the k recommended
 * @param reason one or two sentences saying why {@code recommendedK} was chosen, naming the runner-up
 * @param rows the number of entities clustered
 * @param silhouetteSample how many rows the silhouette was computed on ({@code rows} when exact)
 * @param runnerUpK the k that came second by the same rule, or 0 when there is none (a range of one k)
 * @param minK the smallest k the rule would choose (engine option {@link EngineOptions#MIN_K}); smaller k are
 *        measured and shown but chosen only when the range has no other
 */
public record KSelection(PipelineSpec spec, List<KCandidate> candidates, int elbowK, int recommendedK, String reason,
        int rows, int silhouetteSample, int runnerUpK, int minK) {

    public KSelection {
        candidates = List.copyOf(candidates);
    }

    /** A selection without runner-up or minimum k (as before they were recorded). */
    public KSelection(PipelineSpec spec, List<KCandidate> candidates, int elbowK, int recommendedK, String reason,
            int rows, int silhouetteSample) {
        this(spec, candidates, elbowK, recommendedK, reason, rows, silhouetteSample, 0, 0);
    }
}
