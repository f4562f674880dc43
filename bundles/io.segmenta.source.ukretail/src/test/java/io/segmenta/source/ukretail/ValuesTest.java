package io.segmenta.source.ukretail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.TimestampColumn;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void decimalsEqualDoubleParseDoubleBitForBit() {
        String[] texts = {"0", "6", "-1", "+3", "2.55", "0.85", "1.25", "-11062.06", "38970.0", "0.001", ".5", "5.",
            "000123.4500", "1e3", "2.5E-2", "123456789012345678901234567890", "0.1234567890123456789", " 7 "};
        for (String t : texts) {
            assertEquals(Double.doubleToLongBits(Double.parseDouble(t.strip())),
                    Double.doubleToLongBits(Values.parseDecimal(t)), t);
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            // prices and quantities as exports write them: up to 7 integer digits and 0-4 decimals
            long units = random.nextInt(10_000_000);
            int decimals = random.nextInt(5);
            String t = decimals == 0 ? Long.toString(units)
                    : units / 10 + "." + String.format("%0" + decimals + "d", random.nextInt((int) Math.pow(10, decimals)));
            assertEquals(Double.parseDouble(t), Values.parseDecimal(t), t);
        }
    }

    @Test
    void rejectsWhatIsNotAPlainDecimal() {
        for (String t : new String[] {"", " ", "-", ".", "six", "1,5", "1.8.5", "NaN", "Infinity", "0x10", "5d", "5f",
            "1e", "1e+", "1e400", "1 000", "--1", "12a"}) {
            assertTrue(Double.isNaN(Values.parseDecimal(t)), "'" + t + "' should not parse");
        }
    }

    @Test
    void isoDateTimesEqualJavaTime() {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Random random = new Random(11);
        LocalDateTime start = LocalDateTime.of(1899, 1, 1, 0, 0);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime t = start.plusSeconds((long) (random.nextDouble() * 250L * 365 * 86_400));
            assertEquals(TimestampColumn.toEpochSeconds(t), Values.parseDateTime(t.format(iso)), t.toString());
        }
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2012, 2, 29, 23, 59, 59)),
                Values.parseDateTime("2012-02-29 23:59:59"));
    }

    @Test
    void uciDateTimesAreAccepted() {
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2010, 12, 1, 8, 26)),
                Values.parseDateTime("12/1/2010 8:26"));
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2011, 1, 4, 10, 0, 5)),
                Values.parseDateTime("01/04/2011 10:00:05"));
    }

    @Test
    void rejectsImpossibleOrOtherDates() {
        for (String t : new String[] {"", "2011-02-29 10:00:00", "2010-13-01 08:26:00", "2010-12-01 24:00:00",
            "2010-12-01 08:60:00", "2010-12-01T08:26:00", "2010-12-01 08:26", "2010-12-1 08:26:00", "2/30/2011 8:26",
            "13/1/2011 8:26", "12/1/2010", "yesterday"}) {
            assertEquals(Values.BAD_TIME, Values.parseDateTime(t), "'" + t + "' should not parse");
        }
    }

    @Test
    void customerIdsLoseOnlyAZeroFraction() {
        assertEquals("17850", Values.normaliseCustomerId("17850.0"));
        assertEquals("17850", Values.normaliseCustomerId("17850.000"));
        assertEquals("17850", Values.normaliseCustomerId("17850"));
        assertEquals("17850.5", Values.normaliseCustomerId("17850.5"));
        assertEquals("17850", Values.normaliseCustomerId("17850."));
        assertEquals(".0", Values.normaliseCustomerId(".0"));
        assertEquals("A.0B", Values.normaliseCustomerId("A.0B"));
    }

    @Test
    void headerKeysIgnoreCaseSpacesAndUnderscores() {
        assertEquals("customerid", Values.headerKey("Customer ID"));
        assertEquals("customerid", Values.headerKey("customer_id"));
        assertEquals("invoiceno", Values.headerKey("\uFEFFInvoiceNo"));
        assertEquals("unitprice", Values.headerKey(" UNIT_PRICE "));
    }
}
