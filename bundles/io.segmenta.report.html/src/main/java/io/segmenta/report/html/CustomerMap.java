package io.segmenta.report.html;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.segmenta.api.data.FeatureMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/** The map of the entities: their first two principal components, sampled beyond a number of points. */
final class CustomerMap {
    private CustomerMap() {
    }

    /** The projected points per segment, a seeded uniform sample beyond {@link HtmlReporter#MAP_POINTS}. */
    static JsonObject of(FeatureMatrix scaled, int[] labels, long seed) {
        int n = scaled.rowCount();
        int[] rows = sample(n, Math.min(n, HtmlReporter.MAP_POINTS), seed);
        double[][] columns = new double[scaled.numeric().size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = scaled.numeric().get(j).values();
        }
        Projection.Components pc = Projection.fit(columns, rows);
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        JsonArray perSegment = new JsonArray();
        for (int c = 0; c < k; c++) {
            perSegment.add(new JsonArray());
        }
        for (int r : rows) {
            JsonArray point = new JsonArray();
            point.add(ChartData.round(Projection.project(columns, pc.vectors()[0], r)));
            point.add(ChartData.round(Projection.project(columns, pc.vectors()[1], r)));
            perSegment.get(labels[r]).getAsJsonArray().add(point);
        }
        JsonObject o = new JsonObject();
        o.add("points", perSegment);
        o.addProperty("explained1", ChartData.round(pc.explained()[0] * 100));
        o.addProperty("explained2", ChartData.round(pc.explained()[1] * 100));
        o.addProperty("shown", rows.length);
        o.addProperty("of", n);
        return o;
    }

    /** {@code size} distinct rows of {@code n}, uniformly, in increasing order (a partial Fisher-Yates shuffle). */
    static int[] sample(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size && size < n; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] rows = Arrays.copyOf(all, size);
        Arrays.sort(rows);
        return rows;
    }
}
