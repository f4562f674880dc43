package io.segmenta.table.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.data.TimestampColumn;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** From the uk-retail source's ValuesTest and the olist HelpersTest. */
class DateTimesTest {

    @Test
    void isoDateTimesEqualJavaTime() {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Random random = new Random(11);
        LocalDateTime start = LocalDateTime.of(1899, 1, 1, 0, 0);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime t = start.plusSeconds((long) (random.nextDouble() * 250L * 365 * 86_400));
            assertEquals(TimestampColumn.toEpochSeconds(t), DateTimes.parseIso(t.format(iso)), t.toString());
        }
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2012, 2, 29, 23, 59, 59)),
                DateTimes.parseIso("2012-02-29 23:59:59"));
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2016, 2, 29, 23, 59, 58)),
                DateTimes.parseIso("2016-02-29 23:59:58"));
    }

    @Test
    void rejectsImpossibleOrOtherIsoDates() {
        for (String t : new String[] {"", "2011-02-29 10:00:00", "2010-13-01 08:26:00", "2010-12-01 24:00:00",
            "2010-12-01 08:60:00", "2010-12-01T08:26:00", "2010-12-01 08:26", "2010-12-1 08:26:00", "12/1/2010 8:26",
            "01/02/2017 10:00:00", "2017-0a-01 10:00:00", " 2010-12-01 08:26:00", "yesterday"}) {
            assertEquals(DateTimes.BAD, DateTimes.parseIso(t), "'" + t + "' should not parse");
        }
    }

    @Test
    void parsesWithAFormatterAndSaysBadOtherwise() {
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2011, 1, 15, 0, 0)),
                DateTimes.parse("15.01.2011", dmy, false));
        assertEquals(DateTimes.BAD, DateTimes.parse("30.02.2011", dmy, false));
        assertEquals(DateTimes.BAD, DateTimes.parse("15.01.2011", dmy, true)); // no time in the text
        DateTimeFormatter uci = DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]", Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
        assertEquals(TimestampColumn.toEpochSeconds(LocalDateTime.of(2010, 12, 1, 8, 26)),
                DateTimes.parse("12/1/2010 8:26", uci, true));
    }

    @Test
    void isoDatesAndDateTimesWithSpaceOrT() {
        long midnight = TimestampColumn.toEpochSeconds(LocalDateTime.of(2021, 3, 4, 0, 0));
        assertEquals(midnight, DateTimes.parseIsoDateOrDateTime("2021-03-04"));
        assertEquals(midnight + 3723, DateTimes.parseIsoDateOrDateTime("2021-03-04 01:02:03"));
        assertEquals(midnight + 3723, DateTimes.parseIsoDateOrDateTime("2021-03-04T01:02:03"));
        for (String bad : new String[] {"2021-02-29", "2021-3-04", "2021-03-04X01:02:03", "2021-03-04 24:00:00",
                "04/03/2021", "2021-03-04 01:02", " 2021-03-04", ""}) {
            assertEquals(DateTimes.BAD, DateTimes.parseIsoDateOrDateTime(bad), bad);
        }
    }
}
