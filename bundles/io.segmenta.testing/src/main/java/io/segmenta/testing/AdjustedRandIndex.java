package io.segmenta.testing;

import io.segmenta.cluster.support.PartitionAgreement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adjusted Rand index of two partitions of the same items (Hubert and Arabie, 1985), computed as
 * scikit-learn's {@code adjusted_rand_score}: 1 for identical partitions (whatever the label names), about
 * 0 for independent ones, negative when they agree less than chance. Tests use it to measure how well
 * planted segments are recovered.
 */
public final class AdjustedRandIndex {
    private AdjustedRandIndex() {
    }

    /**
     * @param truth the reference label of each item
     * @param found the label another partition gives each item
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double of(List<?> truth, List<?> found) {
        return of(codes(truth), codes(found));
    }

    /**
     * @param truth the reference label of each item (any ints)
     * @param found the label another partition gives each item (any ints)
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double of(int[] truth, int[] found) {
        if (truth.length != found.length) {
            throw new IllegalArgumentException(truth.length + " labels against " + found.length);
        }
        return PartitionAgreement.adjustedRandIndex(codes(box(truth)), codes(box(found)));
    }

    private static List<Integer> box(int[] labels) {
        Integer[] boxed = new Integer[labels.length];
        for (int i = 0; i < labels.length; i++) {
            boxed[i] = labels[i];
        }
        return List.of(boxed);
    }

    /** Labels as 0..k-1 in order of first appearance (only the partition matters, not the names). */
    private static int[] codes(List<?> labels) {
        Map<Object, Integer> code = new HashMap<>();
        int[] codes = new int[labels.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = code.computeIfAbsent(labels.get(i), k -> code.size());
        }
        return codes;
    }
}
