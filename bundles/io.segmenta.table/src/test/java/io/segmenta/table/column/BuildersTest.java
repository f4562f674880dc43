package io.segmenta.table.column;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.Rejection;
import io.segmenta.table.input.RejectionCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildersTest {

    @Test
    void doublesGrowPastInitialCapacity() {
        DoubleColumnBuilder b = new DoubleColumnBuilder(1);
        for (int i = 0; i < 1000; i++) {
            b.add(i * 0.5);
        }
        double[] values = b.build("x").values();
        assertEquals(1000, values.length);
        assertEquals(499.5, values[999]);
    }

    @Test
    void dictionaryAssignsCodesInOrderOfFirstSightAndMarksMissing() {
        DictionaryColumnBuilder b = new DictionaryColumnBuilder(2);
        b.add("b");
        b.add("a");
        b.add("b");
        b.add("");
        b.add(null);
        CategoricalColumn c = b.build("c");
        assertArrayEquals(new int[] {0, 1, 0, CategoricalColumn.MISSING, CategoricalColumn.MISSING}, c.codes());
        assertEquals(List.of("b", "a"), c.levels());
        assertEquals("a", c.value(1));
        assertEquals(null, c.value(3));
    }

    @Test
    void rejectionsKeepRegistrationOrderAndFirstLines() {
        RejectionCounter r = new RejectionCounter("f.csv").register("first rule").register("second rule");
        for (long line = 2; line < 12; line++) {
            r.reject("second rule", line);
        }
        List<Rejection> list = r.toRejections();
        assertEquals("first rule", list.get(0).reason());
        assertEquals(0, list.get(0).count());
        assertEquals(10, list.get(1).count());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), list.get(1).firstLines());
        assertEquals(10, r.total());
    }
}
