package io.segmenta.api.pipeline;

import java.util.List;

/**
 * The result of running an algorithm over a range of k.
 *
 * @param spec the pipeline (its k is not used)
 * @param candidates one entry per k tried, in increasing k
 * @param elbowK the k at the knee of the cost curve, or 0 when the curve has no knee
 * @param recommendedK the k recommended
 * @param reason one or two sentences saying why {@code recommendedK} was chosen
 * @param rows the number of entities clustered
 * @param silhouetteSample how many rows the silhouette was computed on ({@code rows} when exact)
 */
public record KSelection(PipelineSpec spec, List<KCandidate> candidates, int elbowK, int recommendedK, String reason,
        int rows, int silhouetteSample) {

    public KSelection {
        candidates = List.copyOf(candidates);
    }
}
