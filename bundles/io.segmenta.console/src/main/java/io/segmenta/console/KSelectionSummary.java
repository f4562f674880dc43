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
        TextTable table = new TextTable(true, true, true, true, true, true, false)
                .add("k", "cost", "silhouette", "Davies-Bouldin", "Calinski-Harabasz", "time", "");
        for (KCandidate c : s.candidates()) {
            String mark = c.k() == s.elbowK() && c.k() == s.recommendedK() ? "<- elbow, recommended"
                    : c.k() == s.elbowK() ? "<- elbow"
                    : c.k() == s.recommendedK() ? "<- recommended" : "";
            table.add(Integer.toString(c.k()), Numbers.fixed(c.cost(), 2), Numbers.fixed(c.silhouette(), 4),
                    Numbers.fixed(c.daviesBouldin(), 4), Numbers.fixed(c.calinskiHarabasz(), 1),
                    Numbers.millis(c.nanos()), mark);
        }
        table.render(out, "  ");
        out.append("  cost: lower is tighter; silhouette: -1 to 1, higher is better; Davies-Bouldin: lower is better;"
                + " Calinski-Harabasz: higher is better\n");
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
