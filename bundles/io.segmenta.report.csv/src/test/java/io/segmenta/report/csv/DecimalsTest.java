package io.segmenta.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void wholeNumbersHaveNoDecimals() {
        assertEquals("12", Decimals.format(12.0, 6));
        assertEquals("0", Decimals.format(0.0, 6));
        assertEquals("-325", Decimals.format(-325, 6));
    }

    @Test
    void roundsAndStripsTrailingZeros() {
        assertEquals("4310", Decimals.format(4310.000000000001, 6));
        assertEquals("1234.56", Decimals.format(1234.56, 6));
        assertEquals("0.3", Decimals.format(0.1 + 0.2, 6));
        assertEquals("0.333333", Decimals.format(1.0 / 3, 6));
        assertEquals("0.666667", Decimals.format(2.0 / 3, 6));
        assertEquals("-3.25", Decimals.format(-3.25, 6));
        assertEquals("1234.568", Decimals.format(1234.567891, 3));
    }

    @Test
    void keepsLeadingZerosOfTheFraction() {
        assertEquals("0.05", Decimals.format(0.05, 6));
        assertEquals("0.000001", Decimals.format(0.000001, 6));
        assertEquals("1.000501", Decimals.format(1.000501, 6));
    }

    @Test
    void tinyNegativeValuesBecomeZeroWithoutSign() {
        assertEquals("0", Decimals.format(-0.0000001, 6));
        assertEquals("0", Decimals.format(-0.0, 6));
    }

    @Test
    void largeMagnitudesArePlainNotExponential() {
        assertEquals("100000000000000000000", Decimals.format(1e20, 6));
        assertEquals("-12345678901234.5", Decimals.format(-12345678901234.5, 6));
        assertEquals("9876543210123.25", Decimals.format(9876543210123.25, 6));
    }

    @Test
    void nanIsEmptyAndInfinitiesAreNamed() {
        assertEquals("", Decimals.format(Double.NaN, 6));
        assertEquals("Infinity", Decimals.format(Double.POSITIVE_INFINITY, 6));
        assertEquals("-Infinity", Decimals.format(Double.NEGATIVE_INFINITY, 6));
    }

    @Test
    void appendsToTheGivenBuilder() {
        StringBuilder sb = new StringBuilder("x=");
        Decimals.append(sb, 2.5, 6);
        assertEquals("x=2.5", sb.toString());
    }

    @Test
    void rejectsUnsupportedDecimalCounts() {
        assertThrows(IllegalArgumentException.class, () -> Decimals.format(1, 10));
        assertThrows(IllegalArgumentException.class, () -> Decimals.format(1, -1));
    }
}
