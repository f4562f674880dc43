package io.segmenta.engine.internal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.testing.AdjustedRandIndex;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionAgreementTest {
    @Test
    void samePartitionUnderOtherNumbersIsOne() {
        assertEquals(1.0, PartitionAgreement.adjustedRandIndex(new int[] {0, 0, 1, 1, 2}, 3,
                new int[] {2, 2, 0, 0, 1}, 3), 1e-12);
    }

    /** scikit-learn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715. */
    @Test
    void matchesScikitLearn() {
        assertEquals(0.5714285714285715, PartitionAgreement.adjustedRandIndex(new int[] {0, 0, 1, 1}, 2,
                new int[] {0, 0, 1, 2}, 3), 1e-12);
    }

    /** The test-support implementation (any labels, checked against scikit-learn there) gives the same. */
    @Test
    void agreesWithTheTestSupportIndex() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 20; round++) {
            int n = 50 + random.nextInt(200);
            int ka = 1 + random.nextInt(6);
            int kb = 1 + random.nextInt(6);
            int[] a = new int[n];
            int[] b = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(ka);
                b[i] = random.nextDouble() < 0.7 ? a[i] % kb : random.nextInt(kb);
            }
            assertEquals(AdjustedRandIndex.of(a, b), PartitionAgreement.adjustedRandIndex(a, ka, b, kb), 1e-12);
        }
    }
}
