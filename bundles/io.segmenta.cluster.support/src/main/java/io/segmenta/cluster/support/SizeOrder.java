package io.segmenta.cluster.support;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Segments renumbered by size, largest first, so that segment 0 is always the largest and the numbering does not
 * depend on the run that found them. Ties are broken by the algorithm's own rule (e.g. {@link #byCentre}), then by
 * the old number, so the order is total and the same whatever the sort.
 */
public final class SizeOrder {
    /** newNumber[old] */
    private final int[] newNumber;
    /** oldNumber[new] */
    private final int[] oldNumber;

    private SizeOrder(int[] oldNumber) {
        this.oldNumber = oldNumber;
        this.newNumber = new int[oldNumber.length];
        for (int rank = 0; rank < oldNumber.length; rank++) {
            newNumber[oldNumber[rank]] = rank;
        }
    }

    /**
     * The order of k segments by size (largest first), then by {@code ties} (which compares old numbers), then by
     * the old number.
     *
     * @param labels the segment (0 to k-1) of each row
     */
    public static SizeOrder of(int[] labels, int k, Comparator<Integer> ties) {
        int[] size = new int[k];
        for (int label : labels) {
            size[label]++;
        }
        Integer[] order = new Integer[k]; // k objects, not one per row
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Comparator<Integer> bySize = (a, b) -> Integer.compare(size[b], size[a]);
        Arrays.sort(order, bySize.thenComparing(ties).thenComparing(Comparator.naturalOrder()));
        int[] oldNumber = new int[k];
        for (int rank = 0; rank < k; rank++) {
            oldNumber[rank] = order[rank];
        }
        return new SizeOrder(oldNumber);
    }

    /** By size, ties to the lower old number. */
    public static SizeOrder of(int[] labels, int k) {
        return of(labels, k, (a, b) -> 0);
    }

    /**
     * A tie rule: centres compared coordinate by coordinate ({@link Arrays#compare(double[], double[])}), smaller
     * first.
     */
    public static Comparator<Integer> byCentre(double[][] centres) {
        return (a, b) -> Arrays.compare(centres[a], centres[b]);
    }

    /** The new number of the segment that was {@code old}. */
    public int newNumber(int old) {
        return newNumber[old];
    }

    /** The old number of the segment that is now {@code rank}. */
    public int oldNumber(int rank) {
        return oldNumber[rank];
    }

    /** The labels renumbered (a new array). */
    public int[] labels(int[] labels) {
        int[] result = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            result[i] = newNumber[labels[i]];
        }
        return result;
    }

    /** Per-segment rows (e.g. centres) in the new order (a new outer array holding the same rows). */
    public double[][] rows(double[][] bySegment) {
        double[][] result = new double[bySegment.length][];
        for (int rank = 0; rank < result.length; rank++) {
            result[rank] = bySegment[oldNumber[rank]];
        }
        return result;
    }

    /** Per-segment rows (e.g. modes) in the new order (a new outer array holding the same rows). */
    public int[][] rows(int[][] bySegment) {
        int[][] result = new int[bySegment.length][];
        for (int rank = 0; rank < result.length; rank++) {
            result[rank] = bySegment[oldNumber[rank]];
        }
        return result;
    }
}
