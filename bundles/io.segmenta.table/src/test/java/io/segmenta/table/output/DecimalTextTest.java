package io.segmenta.table.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecimalTextTest {

    @Test
    void wholeNumbersHaveNoDecimals() {
        assertEquals("12", DecimalText.format(12.0, 6));
        assertEquals("0", DecimalText.format(0.0, 6));
        assertEquals("-325", DecimalText.format(-325, 6));
    }

    @Test
    void roundsAndStripsTrailingZeros() {
        assertEquals("4310", DecimalText.format(4310.000000000001, 6));
        assertEquals("1234.56", DecimalText.format(1234.56, 6));
        assertEquals("0.3", DecimalText.format(0.1 + 0.2, 6));
        assertEquals("0.333333", DecimalText.format(1.0 / 3, 6));
        assertEquals("0.666667", DecimalText.format(2.0 / 3, 6));
        assertEquals("-3.25", DecimalText.format(-3.25, 6));
        assertEquals("1234.568", DecimalText.format(1234.567891, 3));
    }

    @Test
    void keepsLeadingZerosOfTheFraction() {
        assertEquals("0.05", DecimalText.format(0.05, 6));
        assertEquals("0.000001", DecimalText.format(0.000001, 6));
        assertEquals("1.000501", DecimalText.format(1.000501, 6));
    }

    @Test
    void tinyNegativeValuesBecomeZeroWithoutSign() {
        assertEquals("0", DecimalText.format(-0.0000001, 6));
        assertEquals("0", DecimalText.format(-0.0, 6));
    }

    @Test
    void largeMagnitudesArePlainNotExponential() {
        assertEquals("100000000000000000000", DecimalText.format(1e20, 6));
        assertEquals("-12345678901234.5", DecimalText.format(-12345678901234.5, 6));
        assertEquals("9876543210123.25", DecimalText.format(9876543210123.25, 6));
    }

    @Test
    void nanIsEmptyAndInfinitiesAreNamed() {
        assertEquals("", DecimalText.format(Double.NaN, 6));
        assertEquals("Infinity", DecimalText.format(Double.POSITIVE_INFINITY, 6));
        assertEquals("-Infinity", DecimalText.format(Double.NEGATIVE_INFINITY, 6));
    }

    @Test
    void appendsToTheGivenBuilder() {
        StringBuilder sb = new StringBuilder("x=");
        DecimalText.append(sb, 2.5, 6);
        assertEquals("x=2.5", sb.toString());
    }

    @Test
    void rejectsUnsupportedDecimalCounts() {
        assertThrows(IllegalArgumentException.class, () -> DecimalText.format(1, 10));
        assertThrows(IllegalArgumentException.class, () -> DecimalText.format(1, -1));
    }
}
