package io.segmenta.source.mapped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumbersTest {
    private static final char NONE = Numbers.NO_SEPARATOR;

    private static void bad(String text, char decimal, char thousands) {
        assertTrue(Double.isNaN(Numbers.parse(text, decimal, thousands)), "'" + text + "' should not be a number");
    }

    @Test
    void readsPlainNumbersWithTheDefaultSeparators() {
        assertEquals(2.55, Numbers.parse("2.55", '.', NONE));
        assertEquals(-3.0, Numbers.parse(" -3 ", '.', NONE));
        assertEquals(0.5, Numbers.parse(".5", '.', NONE));
        assertEquals(1500.0, Numbers.parse("1.5e3", '.', NONE));
        assertEquals(0.30000000000000004, Numbers.parse("0.30000000000000004", '.', NONE));
        assertEquals(Double.parseDouble("123456789012345678.25"), Numbers.parse("123456789012345678.25", '.', NONE));
        bad("", '.', NONE);
        bad("-", '.', NONE);
        bad("1,5", '.', NONE);
        bad("1.2.3", '.', NONE);
        bad("NaN", '.', NONE);
        bad("Infinity", '.', NONE);
        bad("1e", '.', NONE);
        bad("2d", '.', NONE);
        bad("1e999", '.', NONE);
    }

    @Test
    void readsDecimalCommaAndThousandsDot() {
        assertEquals(1234.5, Numbers.parse("1.234,50", ',', '.'));
        assertEquals(1234567.0, Numbers.parse("1.234.567", ',', '.'));
        assertEquals(1234.0, Numbers.parse("1234", ',', '.')); // grouping is optional
        assertEquals(0.99, Numbers.parse("0,99", ',', '.'));
        assertEquals(-12.0, Numbers.parse("-12", ',', '.'));
        assertEquals(1234.5, Numbers.parse("1,234.5", '.', ','));
        assertEquals(1234.5, Numbers.parse("1234,5", ',', NONE));
        // groups must be of three: separators the other way round than configured do not pass silently
        bad("1.23,4", ',', '.');
        bad("1.2345", ',', '.');
        bad("12.34", ',', '.');
        bad(".123", ',', '.');
        bad("1,234.5", ',', '.');
        bad("1.234.5", ',', '.');
        bad("1.234,5.0", ',', '.');
        bad("2.55", ',', NONE);
    }

    @Test
    void stripsOnlyAFractionOfZerosFromKeys() {
        assertEquals("17850", Numbers.stripDecimalZero("17850.0"));
        assertEquals("17850", Numbers.stripDecimalZero("17850.000"));
        assertEquals("17850.5", Numbers.stripDecimalZero("17850.5"));
        assertEquals("A.0", Numbers.stripDecimalZero("A.0")); // only a number written as a float is one
        assertEquals(".0", Numbers.stripDecimalZero(".0"));
        assertEquals("17850", Numbers.stripDecimalZero("17850."));
        assertEquals("CUST-001", Numbers.stripDecimalZero("CUST-001"));
    }

    @Test
    void describesTheExpectedFormat() {
        assertEquals("a number (decimal separator ',', thousands separator '.', e.g. 1.234,5)", Numbers.describe(',', '.'));
        assertEquals("a number (decimal separator '.', no thousands separator, e.g. 1234.5)", Numbers.describe('.', NONE));
    }
}
