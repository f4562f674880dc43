package io.segmenta.api.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelStateTest {

    @Test
    void whatIsPutComesBackAsItsTypeAlsoFromTheShapesAJsonReaderGives() {
        ModelState written = new ModelState("kmeans").put("name", "x").put("gamma", 0.5)
                .put("bounds", new double[] {1.5, 2.5}).put("numbers", new int[] {3, -1, 0})
                .put("centres", new double[][] {{1, 2}, {3, 4}}).putTexts("columns", List.of("a", "b"))
                .putTextTable("modes", List.of(List.of("x"), List.of("y")));
        // as ModelFile reads it back: Strings, Doubles (here Integers, as another reader might give) and Lists
        ModelState read = ModelState.of("kmeans", Map.of("name", "x", "gamma", 0.5, "bounds", List.of(1.5, 2.5),
                "numbers", List.of(3, -1, 0), "centres", List.of(List.of(1, 2), List.of(3.0, 4.0)),
                "columns", List.of("a", "b"), "modes", List.of(List.of("x"), List.of("y"))));
        for (ModelState s : List.of(written, read)) {
            assertEquals("x", s.text("name"));
            assertEquals(0.5, s.number("gamma"));
            assertArrayEquals(new double[] {1.5, 2.5}, s.numbers("bounds"));
            assertArrayEquals(new int[] {3, -1, 0}, s.integers("numbers"));
            assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, s.table("centres"));
            assertEquals(List.of("a", "b"), s.texts("columns"));
            assertEquals(List.of(List.of("x"), List.of("y")), s.textTable("modes"));
        }
        assertEquals(written.values(), read.values());
    }

    @Test
    void aMissingOrMisshapenEntryIsNamedWithWhatWasExpected() {
        ModelState s = ModelState.of("kprototypes", Map.of("gamma", "high", "levels", List.of("a", 2),
                "counts", List.of(1.5)));
        assertEquals("kprototypes model: the entry 'centres' is missing",
                assertThrows(SegmentaException.class, () -> s.table("centres")).getMessage());
        assertEquals("kprototypes model: 'gamma' should be a number, but is the text 'high'",
                assertThrows(SegmentaException.class, () -> s.number("gamma")).getMessage());
        assertEquals("kprototypes model: 'levels' should be an array of texts, but is a list of 2",
                assertThrows(SegmentaException.class, () -> s.texts("levels")).getMessage());
        assertEquals("kprototypes model: 'counts' should be an array of whole numbers, but is a list of 1",
                assertThrows(SegmentaException.class, () -> s.integers("counts")).getMessage());
        assertEquals("kprototypes model: 'x' holds a Boolean; a model entry is text, a number, or a list of them",
                assertThrows(SegmentaException.class, () -> ModelState.of("kprototypes", Map.of("x", true)))
                        .getMessage());
    }

    @Test
    void numbersThatNoFileHoldsAreRefusedWhenWritten() {
        assertThrows(IllegalArgumentException.class, () -> new ModelState("kmeans").put("cost", Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new ModelState("kmeans").put("c", new double[][] {{Double.POSITIVE_INFINITY}}));
    }
}
