package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.stage.StageKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one option check of planning: runs, predictions and configured defaults all use it. */
class OptionCheckTest {
    private final StageEntry extractor = new StageEntry(StageKind.FEATURES, "fake-rfm", new FakeStages.Extractor(),
            "t 1", 0, 1);
    private final StageEntry algorithm = new StageEntry(StageKind.ALGORITHM, "fake-split",
            new FakeStages.Splitter(), "t 1", 0, 2);

    @Test
    void anOptionIsKnownWhenAGivenStageReadsItOrItIsAGivenEngineOption() {
        OptionCheck check = new OptionCheck(List.of(extractor, algorithm), EngineOptions.ALL);
        assertTrue(check.knows("snapshot"));
        assertTrue(check.knows(EngineOptions.SILHOUETTE_SAMPLE));
        assertTrue(check.knows("transform.monetary"), "transform.<column> stands for every column");
        assertFalse(check.knows("snapshto"));
        assertEquals(List.of("'snapshto'", "'k'"), check.unknown(List.of("snapshot", "snapshto", "k")));
        assertEquals("snapshot", check.stagesRead());
        assertEquals("actions, compare-with, currency, min-k, save-model, segment-names, silhouette-sample, snapshot, transform, transform.<column>",
                check.allKnown());
    }

    @Test
    void onlyTheGivenEngineOptionsCount() {
        OptionCheck prediction = new OptionCheck(List.of(extractor), List.of(EngineOptions.SEGMENT_NAMES));
        assertTrue(prediction.knows(EngineOptions.SEGMENT_NAMES));
        assertFalse(prediction.knows(EngineOptions.TRANSFORM));
        assertFalse(prediction.knows("transform.monetary"));
        OptionCheck nothing = new OptionCheck(List.of(), List.of());
        assertEquals("no options", nothing.stagesRead());
        assertEquals("no options", nothing.allKnown());
    }

    @Test
    void unknownOptionsAreOneMessageListingThemAll() {
        OptionCheck check = new OptionCheck(List.of(extractor), EngineOptions.ALL);
        check.requireKnown(List.of("snapshot", "transform"), "; never shown");
        assertEquals("unknown option 'x'; the stages read: snapshot", assertThrows(SegmentaException.class,
                () -> check.requireKnown(List.of("x"), "; the stages read: " + check.stagesRead())).getMessage());
        assertEquals("unknown options 'x', 'y'; see the list", assertThrows(SegmentaException.class,
                () -> check.requireKnown(List.of("x", "snapshot", "y"), "; see the list")).getMessage());
    }

    @Test
    void aStageWhoseOptionsFailIsReportedAsThatStagesBug() {
        FakeStages.Extractor broken = new FakeStages.Extractor() {
            @Override
            public List<io.segmenta.api.stage.StageOption> options() {
                throw new IllegalStateException("no options today");
            }
        };
        StageEntry entry = new StageEntry(StageKind.FEATURES, "broken", broken, "t 1", 0, 3);
        assertEquals("feature extractor 'broken' failed: IllegalStateException: no options today",
                assertThrows(SegmentaException.class, () -> new OptionCheck(List.of(entry), List.of())).getMessage());
    }
}
