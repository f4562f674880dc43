package io.segmenta.source.ukretail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.data.TimestampColumn;
import io.segmenta.table.input.DateTimes;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * What remains of ValuesTest here: the number, ISO date-time, customer id and header key tests moved to
 * io.segmenta.table with the code (DecimalsTest, DateTimesTest, KeysAndHeadersTest).
 */
class InvoiceDatesTest {

    @Test
    void isoAndUciDateTimesAreAccepted() {
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2012, 2, 29, 23, 59, 59)),
                InvoiceDates.parse("2012-02-29 23:59:59"));
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2010, 12, 1, 8, 26)),
                InvoiceDates.parse(" 2010-12-01 08:26:00 "));
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2010, 12, 1, 8, 26)),
                InvoiceDates.parse("12/1/2010 8:26"));
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2011, 1, 4, 10, 0, 5)),
                InvoiceDates.parse("01/04/2011 10:00:05"));
    }

    @Test
    void rejectsImpossibleOrOtherDates() {
        for (String t : new String[] {"", "2011-02-29 10:00:00", "2010-13-01 08:26:00", "2010-12-01 24:00:00",
            "2010-12-01 08:60:00", "2010-12-01T08:26:00", "2010-12-01 08:26", "2010-12-1 08:26:00", "2/30/2011 8:26",
            "13/1/2011 8:26", "12/1/2010", "yesterday"}) {
            assertEquals(DateTimes.BAD, InvoiceDates.parse(t), "'" + t + "' should not parse");
        }
    }
}
