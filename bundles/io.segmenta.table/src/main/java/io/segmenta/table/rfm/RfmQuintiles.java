package io.segmenta.table.rfm;

import io.segmenta.table.input.Keys;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Quintile scores by rank, as the usual RFM recipe computes them in pandas:
 * {@code pd.qcut(x.rank(method='first'), 5, labels=[1, 2, 3, 4, 5])}.
 * <ol>
 * <li>Every value gets its rank 1..n in ascending order; equal values are ranked in their order of
 * appearance (pandas' {@code method='first'}), so ranks are a permutation of 1..n.</li>
 * <li>The ranks are cut into five equal-frequency bins: pandas puts the edges at the 0, 20, ..., 100th
 * percentiles of the ranks (linear interpolation), {@code e_j = 1 + (n - 1) j / 5}, and bins are closed on the
 * right, so rank {@code r} scores {@code 1 + #{j in 1..4 : r > e_j}}. Here that test is made in exact
 * integer arithmetic, {@code 5 (r - 1) > j (n - 1)}; it agrees with pandas 1.5.3 for every n from 2 to 3000
 * and for 123 larger n up to two million (checked when this was written).</li>
 * </ol>
 * Only the order of the values matters, so any strictly increasing transform of the values (such as the
 * engine's log1p then z-score) gives the same scores.
 * <p>
 * To score values that were not in the data (a model's {@code predict}), the training data's bins are kept as
 * four upper boundaries: {@code upper[q - 1]} is the largest training value scored {@code q} or less. A new
 * value scores {@code 1 + #{q in 1..4 : value > upper[q - 1]}}, i.e. bins are closed on the right as in
 * {@code qcut}; a value equal to a boundary gets the lower score. Where equal training values straddle a
 * boundary (split by order of appearance), such a value therefore scores as the first of them did.
 * <p>
 * Plain loops over primitive arrays; values must be finite (callers check).
 * <p>
 * Shared by the {@code rfm-segments} algorithm and the reports' RFM view ({@link RfmGrid}), so that both score
 * alike.
 */
public final class RfmQuintiles {
    /** The number of scores: 1 to 5. */
    public static final int BINS = 5;

    private RfmQuintiles() {
    }

    /** The score (1 to 5) of rank {@code rank} (1-based) among {@code n} ranks. */
    public static int scoreOfRank(long rank, long n) {
        int score = 1;
        for (int j = 1; j < BINS; j++) {
            if (BINS * (rank - 1) > j * (n - 1)) {
                score++;
            }
        }
        return score;
    }

    /**
     * The values sorted ascending, with -0.0 turned into 0.0 so that the two zeros are equal, as they are for
     * pandas (Arrays.sort would otherwise order -0.0 first).
     */
    public static double[] sorted(double[] values) {
        double[] s = new double[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = values[i] + 0.0; // -0.0 + 0.0 == +0.0
        }
        Arrays.sort(s);
        return s;
    }

    /**
     * The rank (1 to n) of every value, ties in order of appearance: the position of the value's first
     * occurrence in the sorted array, plus how many equal values came before it in the input. No object per
     * value: the count of earlier equal values is kept at that first position.
     *
     * @param sorted {@link #sorted(double[])} of {@code values}
     */
    public static int[] ranksFirst(double[] values, double[] sorted) {
        return ranksFirst(values, sorted, identity(values.length));
    }

    /**
     * As {@link #ranksFirst(double[], double[])}, equal values ranked in the order the rows appear in
     * {@code order} (a permutation of the rows) rather than in row order.
     */
    public static int[] ranksFirst(double[] values, double[] sorted, int[] order) {
        int n = values.length;
        int[] seen = new int[n];
        int[] ranks = new int[n];
        for (int i : order) {
            int first = lowerBound(sorted, values[i] + 0.0);
            ranks[i] = first + seen[first]++ + 1;
        }
        return ranks;
    }

    /**
     * The rows in the order of their entity ids, for breaking ties: what the usual recipe gets from pandas,
     * whose {@code groupby('CustomerID')} returns the customers sorted by id before {@code rank(method='first')}.
     * Ids of digits only are compared as numbers (UCI's CustomerID is numeric), other ids as text (Olist's
     * hexadecimal ids), digits-only ids first. Without this, ties would be broken by the order the source
     * first met each customer, i.e. by the date of their first purchase, and the customers of one order who
     * bought recently would always fall into F = 2, so that no customer was ever "New Customers" or "Promising".
     */
    public static int[] idOrder(List<String> ids) {
        int n = ids.size();
        boolean allNumbers = true;
        boolean anyNumber = false;
        for (String id : ids) {
            boolean number = digitsOnly(id) && withoutLeadingZeros(id).length() <= 18;
            allNumbers &= number;
            anyNumber |= number;
        }
        if (allNumbers) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = Long.parseLong(ids.get(i));
            }
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            return positions(n, i -> Arrays.binarySearch(sorted, keys[i]), i -> sorted[i] == sorted[i - 1]);
        }
        if (!anyNumber) {
            String[] sorted = ids.toArray(new String[0]);
            Arrays.sort(sorted);
            return positions(n, i -> Arrays.binarySearch(sorted, ids.get(i)), i -> sorted[i].equals(sorted[i - 1]));
        }
        // numbers and text mixed (or numbers too long for a long): rare, so a plain comparator sort
        Integer[] rows = new Integer[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        Arrays.sort(rows, (a, b) -> compareIds(ids.get(a), ids.get(b)));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = rows[i];
        }
        return order;
    }

    /**
     * The order from each row's position among sorted keys, without a boxed sort: {@code found} is a binary
     * search (some position of the row's key), {@code sameAsPrevious(p)} whether sorted key p equals key p - 1.
     * Equal ids (not expected, ids name entities) keep their row order, as a stable sort would.
     */
    private static int[] positions(int n, IntUnaryOperator found,
            IntPredicate sameAsPrevious) {
        int[] first = new int[n];
        for (int p = 0; p < n; p++) {
            first[p] = p > 0 && sameAsPrevious.test(p) ? first[p - 1] : p;
        }
        int[] seen = new int[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int p = first[found.applyAsInt(i)];
            order[p + seen[p]++] = i;
        }
        return order;
    }

    /** Numbers (digits only) by value, before other ids, which compare as text. */
    static int compareIds(String a, String b) {
        boolean numberA = digitsOnly(a);
        boolean numberB = digitsOnly(b);
        return compareKeys(numberA ? withoutLeadingZeros(a) : a, numberA, numberB ? withoutLeadingZeros(b) : b,
                numberB);
    }

    /** Keys of digits-only ids have no leading zeros, so a shorter one is the smaller number. */
    private static int compareKeys(String a, boolean numberA, String b, boolean numberB) {
        if (numberA != numberB) {
            return numberA ? -1 : 1;
        }
        if (numberA) {
            int byLength = Integer.compare(a.length(), b.length());
            if (byLength != 0) {
                return byLength;
            }
        }
        return a.compareTo(b);
    }

    private static boolean digitsOnly(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String withoutLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * The recency score (1 to 5) of every value: the quintile reversed, so that the smallest recency (the most
     * recent purchase) scores 5, as pandas' {@code labels=[5, 4, 3, 2, 1]}.
     */
    public static int[] recencyScores(double[] recency) {
        return recencyScores(recency, identity(recency.length));
    }

    /** As {@link #recencyScores(double[])}, ties in {@code order} (see {@link #idOrder}). */
    public static int[] recencyScores(double[] recency, int[] order) {
        int[] r = scores(recency, order);
        for (int i = 0; i < r.length; i++) {
            r[i] = BINS + 1 - r[i];
        }
        return r;
    }

    /** The quintile score (1 to 5) of every value. */
    public static int[] scores(double[] values) {
        return scores(values, identity(values.length));
    }

    /** As {@link #scores(double[])}, ties in {@code order} (see {@link #idOrder}). */
    public static int[] scores(double[] values, int[] order) {
        int n = values.length;
        int[] ranks = ranksFirst(values, sorted(values), order);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = scoreOfRank(ranks[i], n);
        }
        return scores;
    }

    /**
     * The four upper boundaries of bins 1 to 4 (see the class comment): {@code upper[q - 1]} is the value of
     * the highest rank scored {@code q} or less. Bin 1 always holds rank 1, so every boundary exists for
     * {@code n >= 1}; an empty bin q (fewer than five values) repeats the boundary below it, so no new value
     * scores q.
     *
     * @param sorted the training values, {@link #sorted(double[]) sorted}; not empty
     */
    public static double[] upperBounds(double[] sorted) {
        int n = sorted.length;
        double[] upper = new double[BINS - 1];
        int rank = 0; // the highest rank scored q or less, for q = 1, 2, ...
        for (int q = 1; q < BINS; q++) {
            while (rank < n && scoreOfRank(rank + 1, n) <= q) {
                rank++;
            }
            upper[q - 1] = sorted[rank - 1];
        }
        return upper;
    }

    /** The score (1 to 5) of a value against training boundaries from {@link #upperBounds}. */
    public static int scoreOf(double value, double[] upper) {
        int score = 1;
        for (double u : upper) {
            if (value > u) {
                score++;
            }
        }
        return score;
    }

    /** The first index whose value is not less than {@code key} (Double.compare order). */
    private static int lowerBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
