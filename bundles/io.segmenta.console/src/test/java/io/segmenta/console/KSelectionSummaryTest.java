package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KSelectionSummaryTest {
    private static final PipelineSpec SPEC = new PipelineSpec("uk-retail", Path.of("in.csv"), "rfm", "kmeans",
            new ClusterRequest(4, 42, 10, 300), List.of(), Path.of("out"), Options.empty());
    private static final List<KCandidate> CANDIDATES = List.of(
            new KCandidate(2, 9000.5, 0.41, 0.95, 1200.25, 3_000_000L),
            new KCandidate(3, 5000, 0.4512, 0.8, 1500, 12_000_000L),
            new KCandidate(4, 4200, 0.38, 0.9, 1400, 15_400_000L));

    @Test
    void tableMarksTheElbowAndTheRecommendation() {
        KSelection s = new KSelection(SPEC, CANDIDATES, 3, 2, "k = 2: because", 100_000, 20_000);
        assertEquals("""
                Choosing k: kmeans on 100,000 rows of rfm features (seed 42, 10 runs)
                  k      cost  silhouette  Davies-Bouldin  Calinski-Harabasz    time
                  2  9,000.50      0.4100          0.9500            1,200.3  3.0 ms  <- recommended
                  3  5,000.00      0.4512          0.8000            1,500.0   12 ms  <- elbow
                  4  4,200.00      0.3800          0.9000            1,400.0   15 ms
                  cost: lower is tighter; silhouette: -1 to 1, higher is better; Davies-Bouldin: lower is better;\
                 Calinski-Harabasz: higher is better
                Recommended k = 2: because
                Silhouette on a uniform random sample of 20,000 of 100,000 rows (seed 42; option silhouette-sample=N\
                 or exact)
                """, KSelectionSummary.render(s));
    }

    @Test
    void noElbowAndExactSilhouette() {
        KSelection s = new KSelection(SPEC, CANDIDATES, 0, 3, "k = 3: best", 500, 500);
        String text = KSelectionSummary.render(s);
        assertEquals(List.of("  3  5,000.00      0.4512          0.8000            1,500.0   12 ms  <- recommended",
                "Elbow: none found (Kneedle)", "Recommended k = 3: best"),
                List.of(text.lines().toList().get(3), text.lines().toList().get(6), text.lines().toList().get(7)));
        assertEquals(8, text.lines().count());
    }

    @Test
    void stabilityAndTheRunnerUpAreShownWhenMeasured() {
        List<KCandidate> measured = List.of(new KCandidate(2, 9000.5, 0.41, 0.95, 1200.25, 3_000_000L, 0.998),
                new KCandidate(3, 5000, 0.4512, 0.8, 1500, 12_000_000L, 0.95),
                new KCandidate(4, 4200, 0.38, 0.9, 1400, 15_400_000L, 0.7));
        KSelection s = new KSelection(SPEC, measured, 3, 3, "k = 3: stable. Runner-up: k = 4.", 500, 500, 4, 3);
        assertEquals("""
                Choosing k: kmeans on 500 rows of rfm features (seed 42, 10 runs)
                  k      cost  silhouette  stability  Davies-Bouldin  Calinski-Harabasz    time
                  2  9,000.50      0.4100      0.998          0.9500            1,200.3  3.0 ms
                  3  5,000.00      0.4512      0.950          0.8000            1,500.0   12 ms  <- elbow, recommended
                  4  4,200.00      0.3800      0.700          0.9000            1,400.0   15 ms  <- runner-up
                  cost: lower is tighter; silhouette: -1 to 1, higher is better; stability: agreement of refits on\
                 subsamples (adjusted Rand index), 1 is best; Davies-Bouldin: lower is better; Calinski-Harabasz:\
                 higher is better
                Recommended k = 3: stable. Runner-up: k = 4.
                """, KSelectionSummary.render(s));
    }
}
