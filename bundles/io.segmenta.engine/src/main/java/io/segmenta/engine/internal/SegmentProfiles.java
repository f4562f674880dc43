package io.segmenta.engine.internal;

import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.SegmentProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Describes each segment in the units of the raw features, as a marketer reads them: size, share of all
 * entities, share of the value column's total (e.g. of revenue), and the mean and median of each raw
 * numeric feature. The median of an even number of values is the mean of the two middle ones, as pandas
 * computes it.
 */
public final class SegmentProfiles {

    private SegmentProfiles() {
    }

    /**
     * @param raw the unscaled features
     * @param labels the segment of each row, 0 to {@code k - 1}
     * @param k the number of segments; an empty segment gets size 0 and NaN means and medians
     */
    public static List<SegmentProfile> compute(FeatureMatrix raw, int[] labels, int k) {
        int n = raw.rowCount();
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " rows");
        }
        // rows grouped by segment (a counting sort): members of s are order[start[s] .. start[s + 1])
        int[] start = new int[k + 1];
        for (int l : labels) {
            if (l < 0 || l >= k) {
                throw new IllegalArgumentException("label " + l + " is not in 0.." + (k - 1));
            }
            start[l + 1]++;
        }
        for (int s = 0; s < k; s++) {
            start[s + 1] += start[s];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(start, k);
        for (int i = 0; i < n; i++) {
            order[fill[labels[i]]++] = i;
        }

        List<NumericColumn> columns = raw.numeric();
        int d = columns.size();
        double[][] means = new double[k][d];
        double[][] medians = new double[k][d];
        int largest = 0;
        for (int s = 0; s < k; s++) {
            largest = Math.max(largest, start[s + 1] - start[s]);
        }
        double[] scratch = new double[largest];
        for (int j = 0; j < d; j++) {
            double[] v = columns.get(j).values();
            for (int s = 0; s < k; s++) {
                int m = start[s + 1] - start[s];
                double sum = 0;
                for (int p = 0; p < m; p++) {
                    double value = v[order[start[s] + p]];
                    scratch[p] = value;
                    sum += value;
                }
                means[s][j] = m == 0 ? Double.NaN : sum / m;
                medians[s][j] = median(scratch, m);
            }
        }

        double[] valueShares = valueShares(raw, labels, k);
        List<String> names = raw.numericNames();
        List<SegmentProfile> profiles = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            int size = start[s + 1] - start[s];
            profiles.add(new SegmentProfile(s, size, n == 0 ? Double.NaN : (double) size / n, valueShares[s], names,
                    means[s], medians[s]));
        }
        return profiles;
    }

    /** Each segment's share of the value column's total; NaN without a value column or when the total is 0. */
    private static double[] valueShares(FeatureMatrix raw, int[] labels, int k) {
        double[] shares = new double[k];
        if (raw.value().isEmpty()) {
            Arrays.fill(shares, Double.NaN);
            return shares;
        }
        double[] value = raw.value().get().values();
        double total = 0;
        for (int i = 0; i < value.length; i++) {
            shares[labels[i]] += value[i];
            total += value[i];
        }
        for (int s = 0; s < k; s++) {
            shares[s] = total == 0 ? Double.NaN : shares[s] / total;
        }
        return shares;
    }

    /** The median of {@code a[0..m)}; sorts that range. NaN when {@code m == 0}. */
    static double median(double[] a, int m) {
        if (m == 0) {
            return Double.NaN;
        }
        Arrays.sort(a, 0, m);
        int mid = m >>> 1;
        return (m & 1) == 1 ? a[mid] : (a[mid - 1] + a[mid]) / 2;
    }
}
