package io.segmenta.engine.internal;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.SegmentProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Describes each segment in the units of the raw features, as a marketer reads them: size, share of all
 * entities, share of the value column's total (e.g. of revenue), the mean and median of each raw
 * numeric feature next to its mean over all entities, the distribution of each categorical feature in the
 * segment and overall, and a name ({@link SegmentNamer}). The median of an even number of values is the mean of the two middle ones, as pandas
 * computes it.
 */
public final class SegmentProfiles {

    private SegmentProfiles() {
    }

    /**
     * The profiles, named by the model where it names its segments, by the user's option
     * {@value SegmentNamer#OPTION} where given ({@link SegmentRenames}), and by {@link SegmentNamer}'s rules
     * otherwise; each with the action the run's action rules give it ({@link SegmentActions}).
     *
     * @param modelNames the model's names per segment, or an empty list
     * @param naming the run's renames and action rules, as parsed when the run was planned
     */
    static List<SegmentProfile> compute(FeatureMatrix raw, int[] labels, int k, List<String> modelNames,
            SegmentNaming naming) {
        List<SegmentProfile> profiles = compute(raw, labels, k);
        List<String> ownNames = SegmentNamer.rename(profiles, modelNames, Map.of()).stream()
                .map(SegmentProfile::name).toList();
        Map<Integer, String> renames = naming.renames().resolve(profiles, ownNames, raw.valueColumn());
        return SegmentActions.apply(SegmentNamer.rename(profiles, modelNames, renames), ownNames, naming.actions(),
                raw.valueColumn());
    }

    /**
     * The profiles with the names {@link SegmentNamer} derives from them.
     *
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
        double[] scratch = new double[Math.max(largest, n)];
        double[] populationMeans = new double[d];
        double[] populationMedians = new double[d];
        for (int j = 0; j < d; j++) {
            double[] v = columns.get(j).values();
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += v[i];
            }
            populationMeans[j] = n == 0 ? Double.NaN : total / n;
            System.arraycopy(v, 0, scratch, 0, n);
            populationMedians[j] = median(scratch, n);
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
        List<List<CategoricalProfile>> categorical = categorical(raw.categorical(), labels, k, start);
        List<String> names = raw.numericNames();
        List<SegmentProfile> profiles = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            int size = start[s + 1] - start[s];
            profiles.add(new SegmentProfile(s, SegmentProfile.defaultName(s), size,
                    n == 0 ? Double.NaN : (double) size / n, valueShares[s], names, means[s], medians[s],
                    populationMeans, categorical.get(s)));
        }
        return SegmentNamer.name(profiles, populationMedians, raw.valueColumn(), raw.entity());
    }

    /**
     * The distribution of each categorical column per segment ({@code [segment] -> one per column}): levels
     * ordered by how common they are overall (ties in code order), missing values as a last level
     * {@value CategoricalProfile#MISSING} when there are any, so that every entity is counted.
     */
    private static List<List<CategoricalProfile>> categorical(List<CategoricalColumn> columns, int[] labels, int k,
            int[] start) {
        int n = labels.length;
        List<List<CategoricalProfile>> perSegment = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            perSegment.add(new ArrayList<>(columns.size()));
        }
        for (CategoricalColumn c : columns) {
            int levels = c.levelCount();
            int missing = levels; // counted in a last slot
            int[] codes = c.codes();
            int[][] counts = new int[k][levels + 1];
            int[] overall = new int[levels + 1];
            for (int i = 0; i < n; i++) {
                int code = codes[i] == CategoricalColumn.MISSING ? missing : codes[i];
                counts[labels[i]][code]++;
                overall[code]++;
            }
            // most common first; a level nobody has (possible in a dictionary) is left out
            List<Integer> order = new ArrayList<>(levels);
            for (int l = 0; l < levels; l++) {
                if (overall[l] > 0) {
                    order.add(l);
                }
            }
            order.sort((a, b) -> overall[a] != overall[b] ? Integer.compare(overall[b], overall[a])
                    : Integer.compare(a, b));
            if (overall[missing] > 0) {
                order.add(missing);
            }
            List<String> names = new ArrayList<>(order.size());
            double[] population = new double[order.size()];
            for (int p = 0; p < order.size(); p++) {
                int l = order.get(p);
                names.add(l == missing ? CategoricalProfile.MISSING : c.levels().get(l));
                population[p] = (double) overall[l] / n;
            }
            for (int s = 0; s < k; s++) {
                int size = start[s + 1] - start[s];
                double[] shares = new double[order.size()];
                for (int p = 0; p < shares.length; p++) {
                    shares[p] = size == 0 ? Double.NaN : (double) counts[s][order.get(p)] / size;
                }
                perSegment.get(s).add(new CategoricalProfile(c.name(), names, shares, population));
            }
        }
        return perSegment;
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
