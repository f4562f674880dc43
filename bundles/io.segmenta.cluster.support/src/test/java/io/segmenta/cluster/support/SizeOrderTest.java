package io.segmenta.cluster.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SizeOrderTest {

    @Test
    void largestFirstThenCentresThenOldNumber() {
        double[][] centres = {{5, 5}, {1, 9}, {1, 2}, {0, 0}};
        int[] labels = {0, 1, 1, 2, 2, 3, 3, 3};
        SizeOrder order = SizeOrder.of(labels, 4, SizeOrder.byCentre(centres));

        // sizes: 0 -> 1, 1 -> 2, 2 -> 2, 3 -> 3; among the two of size 2, (1, 2) comes before (1, 9)
        assertArrayEquals(new int[] {3, 2, 2, 1, 1, 0, 0, 0}, order.labels(labels));
        double[][] sorted = order.rows(centres);
        assertArrayEquals(new double[][] {{0, 0}, {1, 2}, {1, 9}, {5, 5}}, sorted);
        assertSame(centres[3], sorted[0], "the rows are reordered, not copied");
        assertEquals(3, order.oldNumber(0));
        assertEquals(0, order.newNumber(3));
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 3, 3, 3}, labels, "the input is left alone");
    }

    @Test
    void equalSizesAndEqualCentresFallBackToTheOldNumber() {
        double[][] centres = {{1, 1}, {1, 1}, {0, 5}};
        int[] labels = {0, 1, 2};
        SizeOrder order = SizeOrder.of(labels, 3, SizeOrder.byCentre(centres));
        assertArrayEquals(new int[] {1, 2, 0}, order.labels(labels), "(0, 5) first, then old 0 before old 1");
    }

    @Test
    void withoutATieRuleTheLowerOldNumberComesFirst() {
        int[] labels = {2, 2, 0, 1, 1, 3};
        SizeOrder order = SizeOrder.of(labels, 4);
        // sizes: 0 -> 1, 1 -> 2, 2 -> 2, 3 -> 1: old 1 before old 2, old 0 before old 3
        assertArrayEquals(new int[] {1, 1, 2, 0, 0, 3}, order.labels(labels));
        assertArrayEquals(new int[][] {{1}, {2}, {0}, {3}}, order.rows(new int[][] {{0}, {1}, {2}, {3}}));
    }

    @Test
    void aTieRuleOfTheAlgorithmsOwnComesBeforeTheOldNumber() {
        int[][] modes = {{3}, {1}, {2}};
        int[] labels = {0, 1, 2};
        SizeOrder order = SizeOrder.of(labels, 3, (a, b) -> Arrays.compare(modes[a], modes[b]));
        assertArrayEquals(new int[][] {{1}, {2}, {3}}, order.rows(modes));
    }

    @Test
    void anEmptySegmentComesLast() {
        SizeOrder order = SizeOrder.of(new int[] {1, 1}, 3);
        assertArrayEquals(new int[] {0, 0}, order.labels(new int[] {1, 1}));
        assertEquals(0, order.oldNumber(1));
        assertEquals(2, order.oldNumber(2));
    }
}
