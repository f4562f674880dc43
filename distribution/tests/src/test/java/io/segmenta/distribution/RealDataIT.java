package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
        Path data = realData();
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

    /**
     * select-k through the real bundles on the module path: one row per k, and the k = 4 row describes the same
     * partition as the reference run above (within 0.5 %).
     */
    @Test
    public void selectsKOnTheRealData() throws Exception {
        Path data = realData();
        Path work = Distribution.workDir("real-data-select-k");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "select-k", "--source", "uk-retail", "--input",
                data.toString(), "--k-min", "2", "--k-max", "6");
        assertEquals(launch.toString(), 0, launch.exitCode);
        assertTrue(launch.out, launch.out.contains("kmeans on 4,338 rows of rfm features"));
        for (int k = 2; k <= 6; k++) {
            assertTrue("no row for k = " + k + ":\n" + launch.out, row(launch.out, k) != null);
        }
        String[] four = row(launch.out, 4);
        double cost = Double.parseDouble(four[1].replace(",", ""));
        assertTrue("k = 4 cost " + cost + " is more than 0.5 % above scikit-learn's " + REFERENCE_INERTIA,
                cost <= REFERENCE_INERTIA * (1 + TOLERANCE));
        double silhouette = Double.parseDouble(four[2]);
        assertTrue("k = 4 silhouette " + silhouette + " is not within 0.5 % of " + REFERENCE_SILHOUETTE,
                Math.abs(silhouette - REFERENCE_SILHOUETTE) <= TOLERANCE * REFERENCE_SILHOUETTE);
        assertTrue(launch.out, launch.out.contains("Recommended k = "));
        assertFalse("select-k writes nothing", Files.exists(work.resolve("out")));
    }

    /**
     * rfm-segments on the real data gives exactly the pandas recipe's segment sizes, 4,338 customers:
     * src/test/reference/uk_retail_rfm_segments_reference.py (pandas 1.5.3) printed these counts; they hold
     * only if ties are broken by customer id, as pandas' groupby then rank(method='first') does.
     */
    @Test
    public void namesTheRfmSegmentsOfTheRealDataLikePandas() throws Exception {
        Path data = realData();
        Path work = Distribution.workDir("real-data-rfm");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                data.toString(), "--features", "rfm", "--algorithm", "rfm-segments", "--report", "json", "--out",
                "out");
        assertEquals(launch.toString(), 0, launch.exitCode);
        String json = Files.readString(work.resolve("out/summary.json"));
        Map<String, Integer> pandas = Map.ofEntries(Map.entry("Loyal Customers", 817), Map.entry("Hibernating", 708),
                Map.entry("Champions", 633), Map.entry("At Risk", 596), Map.entry("Potential Loyalists", 477),
                Map.entry("Lost", 366), Map.entry("About to Sleep", 351), Map.entry("Need Attention", 188),
                Map.entry("Promising", 95), Map.entry("Can't Lose Them", 65), Map.entry("New Customers", 42));
        String rfm = json.substring(json.indexOf("\"rfm\": {"));
        for (Map.Entry<String, Integer> e : pandas.entrySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\": \"" + java.util.regex.Pattern
                    .quote(e.getKey()) + "\",\\s*\"size\": (\\d+)").matcher(rfm);
            assertTrue("no size for " + e.getKey() + " in " + rfm.substring(0, Math.min(2000, rfm.length())), m.find());
            assertEquals(e.getKey(), (long) e.getValue(), Long.parseLong(m.group(1)));
        }
    }

    /** The table row of k, split on blanks, or null. */
    private static String[] row(String table, int k) {
        for (String line : table.split("\\R")) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 6 && cells[0].equals(Integer.toString(k))) {
                return cells;
            }
        }
        return null;
    }

    static Path realData() {
        String shared = System.getProperty("segmenta.shared.dir");
        Path data = shared == null ? null : Path.of(shared, "data/uk-retail/online-retail-dataset.csv.gz");
        assumeTrue("skipped: the real data is not here (" + data + "; set segmenta.shared.dir to the shared folder)",
                data != null && Files.isRegularFile(data));
        return data;
    }

    private static void assertClose(String key, double reference, Map<String, String> summary) {
        double value = Double.parseDouble(summary.get(key));
        assertTrue(key + " " + value + " is not within 0.5 % of scikit-learn's " + reference,
                Math.abs(value - reference) <= TOLERANCE * Math.abs(reference));
    }
}
