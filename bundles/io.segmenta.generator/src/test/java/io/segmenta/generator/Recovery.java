package io.segmenta.generator;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.SourceData;
import io.segmenta.api.stage.ClusterModel;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.cluster.kmeans.KMeansClusterer;
import io.segmenta.feature.rfm.RfmFeatures;
import io.segmenta.testing.AdjustedRandIndex;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well the pipeline finds planted segments: RFM, then log1p and population z-scores per column (as the
 * engine scales RFM), then K-Means with k planted segments; the adjusted Rand index of found against planted.
 */
final class Recovery {
    private Recovery() {
    }

    /**
     * @throws AssertionError when a customer of the source is not in the planted file
     */
    static double adjustedRandIndex(SourceData data, Path plantedSegments, int k) throws IOException {
        FeatureMatrix rfm = new RfmFeatures().extract(data.transactions(), new RecordingContext());
        List<NumericColumn> scaled = new ArrayList<>();
        for (NumericColumn column : rfm.numeric()) {
            scaled.add(new NumericColumn(column.name(), logZ(column.values())));
        }
        ClusterModel model = new KMeansClusterer().fit(rfm.withNumeric(scaled), new ClusterRequest(k, 42, 10, 300),
                new RecordingContext());
        Map<String, String> planted = new HashMap<>();
        List<String> rows = Files.readAllLines(plantedSegments, StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            planted.put(f[0], f[1]);
        }
        List<String> truth = new ArrayList<>();
        for (String id : rfm.ids()) {
            String segment = planted.get(id);
            if (segment == null) {
                throw new AssertionError("customer " + id + " of the source is not planted");
            }
            truth.add(segment);
        }
        if (truth.size() != planted.size()) {
            throw new AssertionError(planted.size() + " customers planted, " + truth.size() + " read");
        }
        List<Integer> found = new ArrayList<>();
        for (int label : model.labels()) {
            found.add(label);
        }
        return AdjustedRandIndex.of(truth, found);
    }

    private static double[] logZ(double[] values) {
        double[] x = new double[values.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log1p(values[i]);
            sum += x[i];
        }
        double mean = sum / x.length;
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] = sd == 0 ? 0 : (x[i] - mean) / sd;
        }
        return x;
    }
}
