package io.segmenta.cluster.kprototypes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.testing.RecordingContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The reference case of the issue: DQLab's customer_segments.txt (50 customers, seed 002), as clustered with
 * Python kmodes' KPrototypes by the notebook: categorical Jenis Kelamin, Profesi, Tipe Residen; Umur and
 * NilaiBelanjaSetahun standardised (sklearn StandardScaler: mean 0, population standard deviation 1); k = 5,
 * n_init = 10. kmodes reaches cost 26.548 with gamma 0.5 (its automatic value here) and cluster sizes
 * 14/12/11/8/5, as the issue printed it. kmodes cannot be installed in this build (no PyPI); its 0.12.2 source,
 * run outside the build (docs/performance.md, "K-Prototypes against kmodes"), gives the same sizes and cost
 * 26.54795154702333 with its automatic gamma 0.49999999999999994 and random states 0, 2, 42 and 75 alike. We must
 * reach a cost no higher.
 */
class CustomerSegmentsReferenceTest {
    /** kmodes 0.12.2's cost on this file (every digit Python prints). */
    private static final double KMODES_COST = 26.54795154702333;
    /** Gamma 0.5 here against kmodes' 0.49999999999999994, and sums in another order. */
    private static final double TOLERANCE = 1e-9;

    @Test
    void reachesKmodesCostOnTheCustomerSegmentsFile() throws IOException {
        FeatureMatrix features = load();
        RecordingContext context = new RecordingContext(Map.of("gamma", "0.5"), Integer.MAX_VALUE);
        KPrototypesModel model = (KPrototypesModel) new KPrototypesClusterer()
                .fit(features, new ClusterRequest(5, ClusterRequest.DEFAULT_SEED, 10, 100), context);

        int[] sizes = new int[5];
        for (int label : model.labels()) {
            sizes[label]++;
        }
        System.out.println("customer_segments k=5 runs=10 gamma=0.5: cost " + model.cost() + ", sizes "
                + Arrays.toString(sizes) + " (kmodes: " + KMODES_COST + ", [14, 12, 11, 8, 5])");
        assertTrue(model.cost() <= KMODES_COST + TOLERANCE,
                "cost " + model.cost() + " is above kmodes' " + KMODES_COST);
        // the same partition as kmodes' (every seed and both initialisations reach it on this small file)
        assertArrayEquals(new int[] {14, 12, 11, 8, 5}, sizes);
        KPrototypesModel huang = (KPrototypesModel) new KPrototypesClusterer().fit(features,
                new ClusterRequest(5, 75, 10, 100),
                new RecordingContext(Map.of("gamma", "0.5", "init", "huang"), Integer.MAX_VALUE));
        assertTrue(huang.cost() <= KMODES_COST + TOLERANCE, "huang: cost " + huang.cost());
        // the automatic gamma is the same 0.5 on standardised columns
        RecordingContext automatic = new RecordingContext();
        KPrototypesModel auto = (KPrototypesModel) new KPrototypesClusterer()
                .fit(features, new ClusterRequest(5, ClusterRequest.DEFAULT_SEED, 10, 100), automatic);
        assertEquals(0.5, auto.gamma(), 1e-12);
        assertEquals(model.cost(), auto.cost(), 1e-9);
    }

    static FeatureMatrix load() throws IOException {
        String shared = System.getProperty("segmenta.shared.dir");
        assumeTrue(shared != null, "system property segmenta.shared.dir is not set; skipping the reference test");
        Path file = Path.of(shared, "data", "customer-segments", "customer_segments.txt.gz");
        assumeTrue(Files.isRegularFile(file), file + " is absent; skipping the kmodes reference test");
        List<String> ids = new ArrayList<>();
        List<String> gender = new ArrayList<>();
        List<String> profession = new ArrayList<>();
        List<String> residence = new ArrayList<>();
        List<Double> age = new ArrayList<>();
        List<Double> spend = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            assertEquals("Customer_ID\tNama Pelanggan\tJenis Kelamin\tUmur\tProfesi\tTipe Residen\t"
                    + "NilaiBelanjaSetahun", header);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    continue; // the file ends with one empty line (SOURCE.txt)
                }
                String[] f = line.split("\t", -1);
                assertEquals(7, f.length, line);
                ids.add(f[0]);
                gender.add(f[2]);
                age.add(Double.parseDouble(f[3]));
                profession.add(f[4]);
                residence.add(f[5]);
                spend.add(Double.parseDouble(f[6]));
            }
        }
        assertEquals(50, ids.size());
        return new FeatureMatrix(EntityKind.CUSTOMER, ids,
                List.of(new NumericColumn("Umur", zScores(age)),
                        new NumericColumn("NilaiBelanjaSetahun", zScores(spend))),
                List.of(column("Jenis Kelamin", gender), column("Profesi", profession),
                        column("Tipe Residen", residence)),
                null);
    }

    /** StandardScaler: (x - mean) / population standard deviation. */
    private static double[] zScores(List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / n);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (values.get(i) - mean) / std;
        }
        return z;
    }

    private static CategoricalColumn column(String name, List<String> values) {
        return Mixed.categorical(name, values.toArray(String[]::new));
    }
}
