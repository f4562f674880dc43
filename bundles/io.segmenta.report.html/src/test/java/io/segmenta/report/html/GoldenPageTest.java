package io.segmenta.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.pipeline.ClusterQuality;
import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentSilhouette;
import io.segmenta.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page recorded (SHA-256, the output folder written as DIR) before the reporter was cut into one class per
 * section: the same result must keep giving the same page, character for character.
 */
class GoldenPageTest {
    @TempDir
    Path dir;

    @Test
    void thePageOfTheThreeCustomerFixtureIsAsRecorded() {
        assertEquals("049bea835438d84b1c9481c8dcda4ba8aa33348031152d7069ce6f03ae3b589c",
                sha256(HtmlReporter.page(Fixtures.threeCustomers(dir), "ECHARTS")));
    }

    @Test
    void thePageWithAChosenKAndSilhouettesIsAsRecorded() {
        PipelineResult r = Fixtures.threeCustomers(dir);
        KSelection selection = new KSelection(r.spec(), List.of(
                new KCandidate(2, 900.0, 0.41, 0.95, 1200.0, 3_000_000L),
                new KCandidate(3, 500.0, Double.NaN, 0.80, 1500.0, 4_000_000L),
                new KCandidate(4, 420.0, 0.38, 0.90, 1400.0, 5_000_000L)),
                3, 2, "k = 2: because <it> is the test", 2, 3);
        ClusterQuality q = r.quality();
        ClusterQuality withSilhouettes = new ClusterQuality(q.inertia(), q.silhouette(), q.daviesBouldin(),
                q.calinskiHarabasz(), 3, List.of(new SegmentSilhouette(0, 2, 0.35, 0.0, new double[] {0.5, 0.2}),
                        new SegmentSilhouette(1, 1, -0.1, 1.0, new double[] {-0.1}),
                        new SegmentSilhouette(2, 0, Double.NaN, 0.0, new double[0])));
        PipelineResult chosen = new PipelineResult(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(),
                r.model(), withSilhouettes, r.segments(), r.timings(), r.stageVersions(), r.outputs(),
                Optional.of(selection));
        assertEquals("2c3818685ac631b242c610f6c1d3ae8ee12f551740d89aba1f97d76b50d15b97",
                sha256(HtmlReporter.page(chosen, "ECHARTS")));
    }

    private String sha256(String page) {
        try {
            byte[] text = page.replace(dir.toString(), "DIR").getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
