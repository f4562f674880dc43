package io.segmenta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {

    @Test
    void matchesScikitLearn() {
        // /usr/bin/python3 -c "from sklearn.metrics import adjusted_rand_score as a;
        //     print(repr(a([0,0,0,1,1,1,2,2,2,2],[1,1,0,0,2,2,2,2,0,1])))"   -> -0.022727272727272728
        assertEquals(-0.022727272727272728, AdjustedRandIndex.of(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 2},
                new int[] {1, 1, 0, 0, 2, 2, 2, 2, 0, 1}), 1e-15);
        // a([0,0,1,2],[0,0,1,1]) -> 0.5714285714285714
        assertEquals(0.5714285714285714, AdjustedRandIndex.of(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}), 1e-15);
        // a([0,1,2,3],[0,0,0,0]) -> 0.0
        assertEquals(0.0, AdjustedRandIndex.of(new int[] {0, 1, 2, 3}, new int[] {0, 0, 0, 0}), 1e-15);
    }

    @Test
    void labelNamesDoNotMatter() {
        // a([0,0,1,1],[1,1,0,0]) -> 1.0
        assertEquals(1.0, AdjustedRandIndex.of(List.of("x", "x", "y", "y"), List.of(7, 7, 3, 3)), 0);
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {5, 5, 5}, new int[] {1, 1, 1}), 0);
    }

    @Test
    void lengthsMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> AdjustedRandIndex.of(new int[2], new int[3]));
    }
}
