package io.segmenta.table.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** From the uk-retail source's ValuesTest, the mapped-csv source's NumbersTest and the olist HelpersTest. */
class DecimalsTest {
    private static final char NONE = Decimals.NO_SEPARATOR;

    private static void bad(String text, char decimal, char thousands) {
        assertTrue(Double.isNaN(Decimals.parse(text, decimal, thousands)), "'" + text + "' should not be a number");
    }

    @Test
    void decimalsEqualDoubleParseDoubleBitForBit() {
        String[] texts = {"0", "6", "-1", "+3", "2.55", "0.85", "1.25", "-11062.06", "38970.0", "0.001", ".5", "5.",
            "000123.4500", "1e3", "2.5E-2", "123456789012345678901234567890", "0.1234567890123456789", " 7 "};
        for (String t : texts) {
            assertEquals(Double.doubleToLongBits(Double.parseDouble(t.strip())),
                    Double.doubleToLongBits(Decimals.parse(t)), t);
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            // prices and quantities as exports write them: up to 7 integer digits and 0-4 decimals
            long units = random.nextInt(10_000_000);
            int decimals = random.nextInt(5);
            String t = decimals == 0 ? Long.toString(units)
                    : units / 10 + "." + String.format("%0" + decimals + "d", random.nextInt((int) Math.pow(10, decimals)));
            assertEquals(Double.parseDouble(t), Decimals.parse(t), t);
        }
    }

    @Test
    void rejectsWhatIsNotAPlainDecimal() {
        for (String t : new String[] {"", " ", "-", ".", "six", "1,5", "1.8.5", "NaN", "Infinity", "0x10", "5d", "5f",
            "1e", "1e+", "1e400", "1 000", "--1", "12a"}) {
            assertTrue(Double.isNaN(Decimals.parse(t)), "'" + t + "' should not parse");
        }
    }

    @Test
    void withoutExponentsOnlyPlainNumbersPass() {
        for (String good : new String[] {"0", "29.99", "-1.5", "+2", ".5", "5."}) {
            assertFalse(Double.isNaN(Decimals.parse(good, '.', NONE, false)), good);
        }
        for (String bad : new String[] {"", "-", ".", "NaN", "Infinity", "1e3", "1,5", "1.2.3", "0x10", "1d"}) {
            assertTrue(Double.isNaN(Decimals.parse(bad, '.', NONE, false)), bad);
        }
    }

    @Test
    void readsPlainNumbersWithTheDefaultSeparators() {
        assertEquals(2.55, Decimals.parse("2.55", '.', NONE));
        assertEquals(-3.0, Decimals.parse(" -3 ", '.', NONE));
        assertEquals(0.5, Decimals.parse(".5", '.', NONE));
        assertEquals(1500.0, Decimals.parse("1.5e3", '.', NONE));
        assertEquals(0.30000000000000004, Decimals.parse("0.30000000000000004", '.', NONE));
        assertEquals(Double.parseDouble("123456789012345678.25"), Decimals.parse("123456789012345678.25", '.', NONE));
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
        assertEquals(1234.5, Decimals.parse("1.234,50", ',', '.'));
        assertEquals(1234567.0, Decimals.parse("1.234.567", ',', '.'));
        assertEquals(1234.0, Decimals.parse("1234", ',', '.')); // grouping is optional
        assertEquals(0.99, Decimals.parse("0,99", ',', '.'));
        assertEquals(-12.0, Decimals.parse("-12", ',', '.'));
        assertEquals(1234.5, Decimals.parse("1,234.5", '.', ','));
        assertEquals(1234.5, Decimals.parse("1234,5", ',', NONE));
        assertEquals(Double.parseDouble("1234567890123456.75"), Decimals.parse("1.234.567.890.123.456,75", ',', '.'));
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
    void describesTheExpectedFormat() {
        assertEquals("a number (decimal separator ',', thousands separator '.', e.g. 1.234,5)", Decimals.describe(',', '.'));
        assertEquals("a number (decimal separator '.', no thousands separator, e.g. 1234.5)", Decimals.describe('.', NONE));
    }
}
