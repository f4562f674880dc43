package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

/**
 * bin/segmenta on the real UCI Online Retail export (/work/shared/data, found through the system property
 * segmenta.shared.dir; skipped when it is absent), against a scikit-learn reference.
 * <p>
 * The reference figures come from scikit-learn 1.2: KMeans(n_clusters=4, n_init=10) on the RFM features of the
 * same cleaned data (log1p, then StandardScaler); the script is src/test/reference/uk_retail_kmeans_reference.py.
 * K-Means finds a local optimum, so the inertia may not be more than 0.5 % above the reference's; the other
 * figures describe the same partition and must be within 0.5 % of it.
 */
public class RealDataIT {
    private static final long TIMEOUT_SECONDS = 300;
    private static final double TOLERANCE = 0.005;

    private static final double REFERENCE_INERTIA = 3938.98;
    private static final double REFERENCE_SILHOUETTE = 0.3375;
    private static final double REFERENCE_DAVIES_BOULDIN = 1.0086;
    private static final double REFERENCE_CALINSKI_HARABASZ = 3328.47;

    @Test
    public void segmentsTheRealDataLikeScikitLearn() throws Exception {
        String shared = System.getProperty("segmenta.shared.dir");
        Path data = shared == null ? null : Path.of(shared, "data/uk-retail/online-retail-dataset.csv.gz");
        assumeTrue("skipped: the real data is not here (" + data + "; set segmenta.shared.dir to the shared folder)",
                data != null && Files.isRegularFile(data));

        Path work = Distribution.workDir("real-data");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                data.toString(), "--features", "rfm", "--algorithm", "kmeans", "--k", "4", "--out", "out");
        assertEquals(launch.toString(), 0, launch.exitCode);

        Map<String, String> summary = Distribution.checkReports(work.resolve("out"), 4);
        assertEquals("541909", summary.get("rows read"));
        assertEquals("397884", summary.get("rows kept"));
        assertEquals("4338", summary.get("customers"));

        double inertia = Double.parseDouble(summary.get("inertia"));
        assertTrue("inertia " + inertia + " is more than 0.5 % above scikit-learn's " + REFERENCE_INERTIA,
                inertia <= REFERENCE_INERTIA * (1 + TOLERANCE));
        assertClose("silhouette", REFERENCE_SILHOUETTE, summary);
        assertClose("davies_bouldin", REFERENCE_DAVIES_BOULDIN, summary);
        assertClose("calinski_harabasz", REFERENCE_CALINSKI_HARABASZ, summary);
    }

    private static void assertClose(String key, double reference, Map<String, String> summary) {
        double value = Double.parseDouble(summary.get(key));
        assertTrue(key + " " + value + " is not within 0.5 % of scikit-learn's " + reference,
                Math.abs(value - reference) <= TOLERANCE * Math.abs(reference));
    }
}
