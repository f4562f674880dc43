package io.segmenta.source.padi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.TimestampColumn;
import io.segmenta.table.input.DateTimes;
import io.segmenta.table.input.Decimals;
import io.segmenta.table.input.Headers;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The export's own conventions (whole Rupiah, missing markers) and, as padi reads them, the shared parsers
 * that replaced its former copies: decimal quantities, the three date formats, header names.
 */
class ValuesTest {

    @Test
    void parsesWholeRupiahExactly() {
        assertEquals(27_556_800d, Values.parseWhole("27556800"));
        assertEquals(0d, Values.parseWhole("0"));
        assertEquals(-50_000d, Values.parseWhole("-50000"));
        assertEquals(27_540_670_420_148d, Values.parseWhole("27540670420148"));
        // 15 significant digits are exact; pandas' float spelling of a whole number is accepted
        assertEquals(999_999_999_999_999d, Values.parseWhole("999999999999999"));
        assertEquals(183_712d, Values.parseWhole("183712.0"));
        assertEquals(183_712d, Values.parseWhole("000183712.00"));
    }

    @Test
    void rejectsSeparatorsFractionsAndOverlongWholeNumbers() {
        for (String bad : new String[] {"1.234.567", "1,234,567", "1 234", "12.5", "1.", ".0", "", "-", "1e6",
            "Rp 1000", "NaN", "1234567890123456"}) {
            assertTrue(Double.isNaN(Values.parseWhole(bad)), bad);
        }
    }

    @Test
    void parsesDecimalQuantities() {
        assertEquals(150d, Decimals.parse("150", '.', Decimals.NO_SEPARATOR, false));
        assertEquals(2.5, Decimals.parse("2.5", '.', Decimals.NO_SEPARATOR, false));
        assertEquals(0.1, Decimals.parse("0.1", '.', Decimals.NO_SEPARATOR, false));
        assertEquals(-3d, Decimals.parse("-3", '.', Decimals.NO_SEPARATOR, false));
        for (String bad : new String[] {"", ".", "1.2.3", "1,5", "2e3", "NaN", "Infinity", "x"}) {
            assertTrue(Double.isNaN(Decimals.parse(bad, '.', Decimals.NO_SEPARATOR, false)), bad);
        }
    }

    @Test
    void parsesTheThreeDateFormats() {
        long expected = TimestampColumn.toEpochSeconds(LocalDateTime.of(2023, 2, 2, 10, 15, 30));
        assertEquals(expected, DateTimes.parseIsoDateOrDateTime("2023-02-02 10:15:30"));
        assertEquals(expected, DateTimes.parseIsoDateOrDateTime("2023-02-02T10:15:30"));
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2023, 2, 2, 0, 0)), DateTimes.parseIsoDateOrDateTime("2023-02-02"));
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2024, 2, 29, 0, 0)), DateTimes.parseIsoDateOrDateTime("2024-02-29"));
    }

    @Test
    void rejectsOtherDateText() {
        for (String bad : new String[] {"2023-02-30", "2023-13-01", "2023-02-02 24:00:00", "2023-02-02T10:15:30Z",
            "2023-02-02 10:15", "02/02/2023", "2023/02/02", "20230202", "2023-2-2", "2023-02-02_10:15:30"}) {
            assertEquals(DateTimes.BAD, DateTimes.parseIsoDateOrDateTime(bad), bad);
        }
    }

    @Test
    void treatsPandasMissingMarkersAsMissing() {
        for (String missing : new String[] {"", "NaN", "nan", "None", "null", "NULL"}) {
            assertTrue(Values.isMissing(missing), missing);
        }
        for (String present : new String[] {"0", "Nanas", "N/A", "Kecil"}) {
            assertFalse(Values.isMissing(present), present);
        }
        assertNull(Values.text("  NaN "));
        assertEquals("Kecil", Values.text(" Kecil "));
    }

    @Test
    void matchesHeadersIgnoringCaseSpacesAndUnderscores() {
        assertEquals("maincategory", Headers.key("Main Category"));
        assertEquals("maincategory", Headers.key("main_category"));
        assertEquals("maincategory", Headers.key("MainCategory"));
        assertEquals("id", Headers.key("\uFEFF_id"));
        assertEquals("subcat1", Headers.key("subcat 1"));
    }
}
