package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.stage.StageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageRegistryTest {

    @Test
    void sameNameTwiceUsesHigherRankingThenLowerOrderAndFallsBackOnRemoval() {
        StageRegistry registry = new StageRegistry();
        List<StageEntry> removed = new ArrayList<>();
        registry.addRemovalListener(removed::add);
        StageEntry first = new StageEntry(StageKind.ALGORITHM, "kmeans", new FakeStages.Splitter(), "a 1", 0, 10);
        StageEntry ranked = new StageEntry(StageKind.ALGORITHM, "kmeans", new FakeStages.Splitter(), "b 1", 5, 11);
        StageEntry later = new StageEntry(StageKind.ALGORITHM, "kmeans", new FakeStages.Splitter(), "c 1", 0, 12);
        registry.add(first);
        registry.add(later);
        assertSame(first, registry.find(StageKind.ALGORITHM, "kmeans").orElseThrow());
        registry.add(ranked);
        assertSame(ranked, registry.find(StageKind.ALGORITHM, "kmeans").orElseThrow());
        assertEquals(1, registry.descriptors().size());
        assertEquals("b 1", registry.descriptors().get(0).origin());

        assertEquals(Optional.of(ranked), registry.remove(StageKind.ALGORITHM, 11));
        assertEquals(List.of(ranked), removed);
        assertFalse(registry.contains(ranked));
        assertTrue(registry.contains(first));
        assertSame(first, registry.find(StageKind.ALGORITHM, "kmeans").orElseThrow());

        assertEquals(Optional.empty(), registry.remove(StageKind.SOURCE, 10)); // wrong kind: nothing removed
        registry.remove(StageKind.ALGORITHM, 10);
        registry.remove(StageKind.ALGORITHM, 12);
        assertEquals(List.of(), registry.names(StageKind.ALGORITHM));
        assertEquals(3, removed.size());
    }

    @Test
    void entryMustImplementItsKindsContract() {
        assertThrows(IllegalArgumentException.class,
                () -> new StageEntry(StageKind.REPORTER, "x", new FakeStages.Splitter(), "a 1", 0, 1));
    }
}
