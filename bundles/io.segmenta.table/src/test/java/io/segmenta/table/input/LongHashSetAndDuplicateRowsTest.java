package io.segmenta.table.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.table.column.LongHashSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class LongHashSetAndDuplicateRowsTest {

    @Test
    void holdsTheSameValuesAsAHashSetThroughGrowthIncludingZero() {
        LongHashSet set = new LongHashSet(4);
        Set<Long> reference = new HashSet<>();
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            // few distinct small values and many random ones, so both paths (new and repeat) are taken
            long v = i % 3 == 0 ? random.nextInt(1000) - 500 : random.nextLong();
            assertEquals(reference.add(v), set.add(v), Long.toString(v));
        }
        assertEquals(reference.size(), set.size());
        for (long v = -600; v < 600; v++) {
            assertEquals(reference.contains(v), set.contains(v), Long.toString(v));
        }
        assertTrue(set.contains(0));
        assertFalse(set.add(0));
        // values that differ only in their high bits are distinct
        LongHashSet high = new LongHashSet();
        for (long k = 1; k <= 1000; k++) {
            assertTrue(high.add(k << 40));
        }
        assertEquals(1000, high.size());
    }

    @Test
    void countsRecordsThatRepeatAnEarlierOneFieldForField() throws Exception {
        String csv = "a,b,c\na,b,c\nab,,c\na,bc,\n\"a,b\",c,\na,b,c\nA,b,c\n";
        DuplicateRows duplicates = new DuplicateRows(2);
        int repeats = 0;
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180)) {
            for (CSVRecord r : parser) {
                repeats += duplicates.add(r) ? 1 : 0;
            }
        }
        // only lines 2 and 6 repeat line 1: moving a character across a field boundary makes another row
        assertEquals(2, repeats);
        assertEquals(2, duplicates.count());
    }

    @Test
    void hashesTypedFieldsSoThatNullEmptyZeroAndOrderDiffer() {
        DuplicateRows d = new DuplicateRows();
        assertFalse(d.start().field((String) null).field(1L).end());
        assertFalse(d.start().field("").field(1L).end());
        assertTrue(d.start().field("").field(1L).end());
        assertFalse(d.start().field(1L).field("").end());
        assertFalse(d.start().field(2.5).field(Double.NaN).end());
        assertTrue(d.start().field(2.5).field(Double.NaN).end());
        assertFalse(d.start().field(0.0).end());
        assertTrue(d.start().field(-0.0).end());
        assertFalse(d.start().field(1L << 48).end());
        assertFalse(d.start().field(1L << 32).end());
        assertEquals(3, d.count());
    }

    @Test
    void manyDistinctRowsAreNotCountedAsDuplicates() {
        DuplicateRows d = new DuplicateRows(16);
        for (int i = 0; i < 300_000; i++) {
            d.start().field("customer" + (i % 1000)).field(i / 1000L).field(i * 0.01).end();
        }
        assertEquals(0, d.count());
        for (int i = 0; i < 1000; i++) {
            d.start().field("customer" + (i % 1000)).field(i / 1000L).field(i * 0.01).end();
        }
        assertEquals(1000, d.count());
    }
}
