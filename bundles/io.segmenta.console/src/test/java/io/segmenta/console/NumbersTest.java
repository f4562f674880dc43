package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void groupsThousands() {
        assertEquals("0", Numbers.grouped(0));
        assertEquals("999", Numbers.grouped(999));
        assertEquals("1,000", Numbers.grouped(1000));
        assertEquals("541,909", Numbers.grouped(541_909));
        assertEquals("-1,234,567", Numbers.grouped(-1_234_567));
        assertEquals("-9,223,372,036,854,775,808", Numbers.grouped(Long.MIN_VALUE));
    }

    @Test
    void fixedDecimalsAreRoundedAndGrouped() {
        assertEquals("1,234.57", Numbers.fixed(1234.5678, 2));
        assertEquals("0.6123", Numbers.fixed(0.61234, 4));
        assertEquals("-0.50", Numbers.fixed(-0.5, 2));
        assertEquals("0.00", Numbers.fixed(-0.001, 2));
        assertEquals("12", Numbers.fixed(12.4, 0));
        assertEquals("100,000,000,000,000,000,000.0", Numbers.fixed(1e20, 1));
        assertEquals("n/a", Numbers.fixed(Double.NaN, 2));
        assertEquals("inf", Numbers.fixed(Double.POSITIVE_INFINITY, 2));
    }

    @Test
    void ignoresTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1,234.57", Numbers.fixed(1234.5678, 2));
            assertEquals("28.4%", Numbers.percent(0.2843));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void percentagesAndDurations() {
        assertEquals("28.4%", Numbers.percent(0.2843));
        assertEquals("100.0%", Numbers.percent(1));
        assertEquals("-", Numbers.percent(Double.NaN));
        assertEquals("0.4 ms", Numbers.millis(400_000));
        assertEquals("9.9 ms", Numbers.millis(9_940_000));
        assertEquals("25 ms", Numbers.millis(25_400_000));
        assertEquals("1,235 ms", Numbers.millis(1_234_567_891L));
    }
}
