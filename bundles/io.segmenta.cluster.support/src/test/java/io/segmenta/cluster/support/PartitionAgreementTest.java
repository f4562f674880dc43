package io.segmenta.cluster.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reference values from scikit-learn 1.2's adjusted_rand_score. */
class PartitionAgreementTest {
    @Test
    void samePartitionUnderOtherNumbersIsOne() {
        assertEquals(1.0, PartitionAgreement.adjustedRandIndex(new int[] {0, 0, 1, 1, 2}, new int[] {2, 2, 0, 0, 1}),
                1e-12);
    }

    /** adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715. */
    @Test
    void matchesScikitLearn() {
        assertEquals(0.5714285714285715, PartitionAgreement.adjustedRandIndex(new int[] {0, 0, 1, 1},
                new int[] {0, 0, 1, 2}), 1e-12);
        // adjusted_rand_score([0, 0, 0, 1, 1, 1], [0, 1, 0, 1, 0, 1]) = -0.11111111111111108
        assertEquals(-1.0 / 9, PartitionAgreement.adjustedRandIndex(new int[] {0, 0, 0, 1, 1, 1},
                new int[] {0, 1, 0, 1, 0, 1}), 1e-12);
        // one segment on both sides: 1, as scikit-learn
        assertEquals(1.0, PartitionAgreement.adjustedRandIndex(new int[] {0, 0, 0}, new int[] {4, 4, 4}), 0);
    }

    @Test
    void differentLengthsOrNegativeNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PartitionAgreement.adjustedRandIndex(new int[2],
                new int[3]));
        assertThrows(IllegalArgumentException.class, () -> PartitionAgreement.adjustedRandIndex(new int[] {-1},
                new int[] {0}));
    }
}
