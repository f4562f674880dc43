package io.segmenta.table.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.table.input.DateTimes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last text and its seconds are remembered; a text that does not parse is not. */
class DateCacheTest {
    private final List<String> parsed = new ArrayList<>();
    private final DateCache cache = new DateCache(text -> {
        parsed.add(text);
        return DateTimes.parseIso(text);
    });

    @Test
    void parsesATextRepeatedOnConsecutiveRowsOnce() {
        long first = cache.parse("2011-01-02 10:00:00");
        assertEquals(first, cache.parse("2011-01-02 10:00:00"));
        assertEquals(first + 60, cache.parse("2011-01-02 10:01:00"));
        assertEquals(first, cache.parse("2011-01-02 10:00:00"));
        assertEquals(List.of("2011-01-02 10:00:00", "2011-01-02 10:01:00", "2011-01-02 10:00:00"), parsed);
    }

    @Test
    void aBadTextIsParsedEachTimeAndLeavesTheLastGoodOne() {
        long good = cache.parse("2011-01-02 10:00:00");
        assertEquals(DateTimes.BAD, cache.parse("2011-02-30 10:00:00"));
        assertEquals(DateTimes.BAD, cache.parse("2011-02-30 10:00:00"));
        assertEquals(good, cache.parse("2011-01-02 10:00:00"));
        assertEquals(3, parsed.size());
    }
}
