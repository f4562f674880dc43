package io.segmenta.source.olist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.TimestampColumn;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class HelpersTest {

    @Test
    void idIndexGivesConsecutiveIndexesAndFindsThemAfterGrowing() {
        IdIndex index = new IdIndex();
        int n = 50_000; // several rehashes past the initial 1,024 slots
        for (int i = 0; i < n; i++) {
            assertEquals(i, index.add(String.format("%032x", i * 7919L)));
        }
        assertEquals(n, index.size());
        for (int i = 0; i < n; i++) {
            String id = String.format("%032x", i * 7919L);
            assertEquals(i, index.indexOf(id));
            assertEquals(id, index.id(i));
        }
        assertEquals(IdIndex.ABSENT, index.indexOf("not there"));
        assertEquals(n, index.intern("new"));
        assertEquals(n, index.intern("new"));
        assertEquals(n + 1, index.size());
    }

    @Test
    void parsesOlistDateTimesAndRejectsOthers() {
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2016, 2, 29, 23, 59, 58)),
                CsvTable.parseDateTime("2016-02-29 23:59:58"));
        for (String bad : new String[] {"2017-02-29 10:00:00", "2017-13-01 10:00:00", "2017-01-01 24:00:00",
            "2017-01-01T10:00:00", "2017-01-01 10:00", "01/02/2017 10:00:00", "2017-0a-01 10:00:00"}) {
            assertEquals(TimestampColumn.MISSING, CsvTable.parseDateTime(bad), bad);
        }
    }

    @Test
    void decimalsArePlainNumbersOnly() {
        for (String good : new String[] {"0", "29.99", "-1.5", "+2", ".5", "5."}) {
            assertTrue(CsvTable.isDecimal(good), good);
        }
        for (String bad : new String[] {"", "-", ".", "NaN", "Infinity", "1e3", "1,5", "1.2.3", "0x10", "1d"}) {
            assertFalse(CsvTable.isDecimal(bad), bad);
        }
    }

    @Test
    void headerKeysIgnoreCaseSpacesUnderscoresAndBom() {
        assertEquals("productcategoryname", CsvTable.headerKey("\uFEFFproduct_category_name"));
        assertEquals("orderid", CsvTable.headerKey(" Order ID"));
    }
}
