package io.segmenta.source.padi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.TimestampColumn;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

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
        assertEquals(150d, Values.parseDecimal("150"));
        assertEquals(2.5, Values.parseDecimal("2.5"));
        assertEquals(0.1, Values.parseDecimal("0.1"));
        assertEquals(-3d, Values.parseDecimal("-3"));
        for (String bad : new String[] {"", ".", "1.2.3", "1,5", "2e3", "NaN", "Infinity", "x"}) {
            assertTrue(Double.isNaN(Values.parseDecimal(bad)), bad);
        }
    }

    @Test
    void parsesTheThreeDateFormats() {
        long expected = TimestampColumn.toEpochSeconds(LocalDateTime.of(2023, 2, 2, 10, 15, 30));
        assertEquals(expected, Values.parseDate("2023-02-02 10:15:30"));
        assertEquals(expected, Values.parseDate("2023-02-02T10:15:30"));
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2023, 2, 2, 0, 0)), Values.parseDate("2023-02-02"));
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2024, 2, 29, 0, 0)), Values.parseDate("2024-02-29"));
    }

    @Test
    void rejectsOtherDateText() {
        for (String bad : new String[] {"2023-02-30", "2023-13-01", "2023-02-02 24:00:00", "2023-02-02T10:15:30Z",
            "2023-02-02 10:15", "02/02/2023", "2023/02/02", "20230202", "2023-2-2", "2023-02-02_10:15:30"}) {
            assertEquals(Values.BAD_TIME, Values.parseDate(bad), bad);
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
        assertEquals("maincategory", Values.headerKey("Main Category"));
        assertEquals("maincategory", Values.headerKey("main_category"));
        assertEquals("maincategory", Values.headerKey("MainCategory"));
        assertEquals("id", Values.headerKey("\uFEFF_id"));
        assertEquals("subcat1", Values.headerKey("subcat 1"));
    }
}
