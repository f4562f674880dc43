package io.segmenta.console;

import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineSpec;

/**
 * Renders the result of choosing k for people: one row per k with the cost and the three quality figures,
 * the elbow and the recommended k marked, the reason for the recommendation, and a note when the silhouette
 * was computed on a sample.
 */
public final class KSelectionSummary {
    private KSelectionSummary() {
    }

    public static String render(KSelection s) {
        PipelineSpec spec = s.spec();
        StringBuilder out = new StringBuilder();
        out.append("Choosing k: ").append(spec.algorithm()).append(" on ").append(Numbers.grouped(s.rows()))
                .append(" rows of ").append(spec.features()).append(" features (seed ").append(spec.cluster().seed())
                .append(", ").append(spec.cluster().runs()).append(spec.cluster().runs() == 1 ? " run" : " runs")
                .append(")\n");
        // selections made before stability was measured keep their old table
        boolean stability = s.candidates().stream().anyMatch(c -> !Double.isNaN(c.stability()));
        TextTable table = stability ? new TextTable(true, true, true, true, true, true, true, false)
                .add("k", "cost", "silhouette", "stability", "Davies-Bouldin", "Calinski-Harabasz", "time", "")
                : new TextTable(true, true, true, true, true, true, false)
                        .add("k", "cost", "silhouette", "Davies-Bouldin", "Calinski-Harabasz", "time", "");
        for (KCandidate c : s.candidates()) {
            String mark = String.join(", ", java.util.stream.Stream.of(c.k() == s.elbowK() ? "elbow" : "",
                    c.k() == s.recommendedK() ? "recommended" : "", c.k() == s.runnerUpK() ? "runner-up" : "")
                    .filter(m -> !m.isEmpty()).toList());
            mark = mark.isEmpty() ? "" : "<- " + mark;
            if (stability) {
                table.add(Integer.toString(c.k()), Numbers.fixed(c.cost(), 2), Numbers.fixed(c.silhouette(), 4),
                        Numbers.fixed(c.stability(), 3), Numbers.fixed(c.daviesBouldin(), 4),
                        Numbers.fixed(c.calinskiHarabasz(), 1), Numbers.millis(c.nanos()), mark);
            } else {
                table.add(Integer.toString(c.k()), Numbers.fixed(c.cost(), 2), Numbers.fixed(c.silhouette(), 4),
                        Numbers.fixed(c.daviesBouldin(), 4), Numbers.fixed(c.calinskiHarabasz(), 1),
                        Numbers.millis(c.nanos()), mark);
            }
        }
        table.render(out, "  ");
        out.append("  cost: lower is tighter; silhouette: -1 to 1, higher is better;")
                .append(stability ? " stability: agreement of refits on subsamples (adjusted Rand index), 1 is best;"
                        : "")
                .append(" Davies-Bouldin: lower is better; Calinski-Harabasz: higher is better\n");
        if (s.elbowK() == 0) {
            out.append("Elbow: none found (Kneedle)\n");
        }
        out.append("Recommended ").append(s.reason()).append('\n');
        if (s.silhouetteSample() < s.rows()) {
            out.append("Silhouette on a uniform random sample of ").append(Numbers.grouped(s.silhouetteSample()))
                    .append(" of ").append(Numbers.grouped(s.rows())).append(" rows (seed ")
                    .append(spec.cluster().seed()).append("; option ")
                    .append(EngineOptions.SILHOUETTE_SAMPLE).append("=N or ").append(EngineOptions.SILHOUETTE_EXACT)
                    .append(")\n");
        }
        return out.toString();
    }
}
