package io.segmenta.table.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RfmQuintilesTest {

    /*
     * /usr/bin/python3 (pandas 1.5.3):
     * >>> x = pd.Series([30, 5, 5, 120, 5, 60, 1, 30, 300, 2, 30, 45], dtype=float)
     * >>> list(x.rank(method='first').astype(int))
     * [6, 3, 4, 11, 5, 10, 1, 7, 12, 2, 8, 9]
     * >>> list(pd.qcut(x.rank(method='first'), 5, labels=[1,2,3,4,5]).astype(int))
     * [3, 1, 2, 5, 2, 5, 1, 3, 5, 1, 4, 4]
     * >>> f = pd.Series([1, 3, 1, 1, 8, 2, 2, 1, 1, 15, 4, 1], dtype=float)
     * >>> list(pd.qcut(f.rank(method='first'), 5, labels=[1,2,3,4,5]).astype(int))
     * [1, 4, 1, 1, 5, 3, 4, 2, 2, 5, 5, 3]
     */
    @Test
    void scoresMatchPandasQcutOfRankFirstWithTies() {
        double[] x = {30, 5, 5, 120, 5, 60, 1, 30, 300, 2, 30, 45};
        assertArrayEquals(new int[] {6, 3, 4, 11, 5, 10, 1, 7, 12, 2, 8, 9}, RfmQuintiles.ranksFirst(x, RfmQuintiles.sorted(x)));
        // the three 5s have ranks 3, 4, 5 and are split between scores 1 and 2 by their order of appearance
        assertArrayEquals(new int[] {3, 1, 2, 5, 2, 5, 1, 3, 5, 1, 4, 4}, RfmQuintiles.scores(x));
        double[] f = {1, 3, 1, 1, 8, 2, 2, 1, 1, 15, 4, 1};
        assertArrayEquals(new int[] {1, 4, 1, 1, 5, 3, 4, 2, 2, 5, 5, 3}, RfmQuintiles.scores(f));
    }

    /*
     * for n in range(2, 13):
     *     print(n, ''.join(str(v) for v in pd.qcut(pd.Series(np.arange(1, n+1), dtype=float), 5,
     *                                               labels=[1,2,3,4,5]).astype(int)))
     * 2 15 / 3 135 / 4 1245 / 5 12345 / 6 112345 / 7 1123455 / 8 11233455 / 9 112234455 / 10 1122334455 /
     * 11 11122334455 / 12 111223344555
     */
    @Test
    void scoreOfRankMatchesPandasForSmallN() {
        String[] expected = {"15", "135", "1245", "12345", "112345", "1123455", "11233455", "112234455",
            "1122334455", "11122334455", "111223344555"};
        for (int n = 2; n <= 12; n++) {
            StringBuilder got = new StringBuilder();
            for (int r = 1; r <= n; r++) {
                got.append(RfmQuintiles.scoreOfRank(r, n));
            }
            assertEquals(expected[n - 2], got.toString(), "n = " + n);
        }
    }

    @Test
    void binsHoldAFifthEachWhenNIsAMultipleOfFive() {
        int n = 1000;
        int[] count = new int[6];
        for (int r = 1; r <= n; r++) {
            count[RfmQuintiles.scoreOfRank(r, n)]++;
        }
        assertArrayEquals(new int[] {0, 200, 200, 200, 200, 200}, count);
    }

    @Test
    void negativeZeroTiesWithZero() {
        // pandas ranks -0.0 and 0.0 as equal values, so by order of appearance
        assertArrayEquals(new int[] {1, 2}, RfmQuintiles.ranksFirst(new double[] {0.0, -0.0},
                RfmQuintiles.sorted(new double[] {0.0, -0.0})));
        assertArrayEquals(new int[] {1, 2}, RfmQuintiles.ranksFirst(new double[] {-0.0, 0.0},
                RfmQuintiles.sorted(new double[] {-0.0, 0.0})));
    }

    /** Sorted: 1 2 5 | 5 5 | 30 30 | 30 45 | 60 120 300 (scores 111 22 33 44 555 by rank). */
    @Test
    void upperBoundsAreTheLastValueOfEachBinAndBoundaryValuesScoreLow() {
        double[] x = {30, 5, 5, 120, 5, 60, 1, 30, 300, 2, 30, 45};
        double[] upper = RfmQuintiles.upperBounds(RfmQuintiles.sorted(x));
        assertArrayEquals(new double[] {5, 5, 30, 45}, upper);
        assertEquals(1, RfmQuintiles.scoreOf(-1, upper));
        assertEquals(1, RfmQuintiles.scoreOf(5, upper)); // on the boundary: the lower bin, as qcut's (a, b]
        assertEquals(3, RfmQuintiles.scoreOf(6, upper)); // bin 2 ends where it starts, at 5
        assertEquals(3, RfmQuintiles.scoreOf(30, upper));
        assertEquals(4, RfmQuintiles.scoreOf(30.5, upper));
        assertEquals(4, RfmQuintiles.scoreOf(45, upper));
        assertEquals(5, RfmQuintiles.scoreOf(45.01, upper));
        assertEquals(5, RfmQuintiles.scoreOf(1e9, upper));
    }

    @Test
    void emptyBinsOfTinyDataAreSkippedByNewValues() {
        // n = 2: ranks score 1 and 5, bins 2 to 4 are empty
        double[] upper = RfmQuintiles.upperBounds(RfmQuintiles.sorted(new double[] {7, 3}));
        assertArrayEquals(new double[] {3, 3, 3, 3}, upper);
        assertEquals(1, RfmQuintiles.scoreOf(3, upper));
        assertEquals(5, RfmQuintiles.scoreOf(3.5, upper));
    }

    @Test
    void distinctTrainingValuesScoreAgainstTheirOwnBoundariesAsInTraining() {
        Random random = new Random(7);
        for (int n : new int[] {1, 2, 3, 7, 10, 99, 1001}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian(); // distinct with probability 1
            }
            int[] scores = RfmQuintiles.scores(x);
            double[] upper = RfmQuintiles.upperBounds(RfmQuintiles.sorted(x));
            for (int i = 0; i < n; i++) {
                assertEquals(scores[i], RfmQuintiles.scoreOf(x[i], upper), "n = " + n + ", row " + i);
            }
        }
    }

    /** Ties are broken in the order of the ids, as after pandas' groupby: numbers by value, text as text. */
    @Test
    void idOrderSortsNumbersByValueTextAsTextAndNumbersFirstWhenMixed() {
        assertArrayEquals(new int[] {2, 3, 0, 1}, RfmQuintiles.idOrder(List.of("1000", "12346", "999",
                "0999")));
        assertArrayEquals(new int[] {1, 2, 0}, RfmQuintiles.idOrder(List.of("c9", "c10", "c2")));
        assertArrayEquals(new int[] {1, 2, 0}, RfmQuintiles.idOrder(List.of("ab", "12", "7a")));
        assertArrayEquals(new int[] {1, 0, 2}, RfmQuintiles.idOrder(List.of("b", "a", "b")));
        assertArrayEquals(new int[] {1, 0, 2}, RfmQuintiles.idOrder(List.of("20", "10", "20")));
    }
}
