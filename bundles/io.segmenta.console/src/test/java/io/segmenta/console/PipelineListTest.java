package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.NamedPipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineListTest {
    private static final String LONG = "invalid: pipeline uk (/opt/segmenta/deploy/io.segmenta.pipeline-uk.cfg): "
            + "field 'k': --k: 'four' is not a whole number";

    /** A long invalid reason is cut in the row, so the other columns stay in line, and given whole below. */
    @Test
    void aLongStateIsCutInTheTableAndGivenInFullBelow() {
        String text = PipelineList.render(List.of(
                new NamedPipeline("uk", "/opt/segmenta/deploy/io.segmenta.pipeline-uk.cfg", "", false, LONG, "none",
                        LONG.substring("invalid: ".length())),
                new NamedPipeline("olist", "/opt/olist.cfg", "olist data -> rfm -> kmeans (k 4) -> csv into out",
                        true, "ready", "every 30d", "")));
        String[] lines = text.split("\n");
        assertEquals("NAME   STATE                                     SCHEDULE   RUNS", lines[0].stripTrailing());
        assertEquals("uk     invalid: pipeline uk (/opt/segmenta/dep\u2026  none", lines[1].stripTrailing());
        assertEquals("olist  ready                                     every 30d  "
                + "olist data -> rfm -> kmeans (k 4) -> csv into out", lines[2].stripTrailing());
        assertEquals("uk: /opt/segmenta/deploy/io.segmenta.pipeline-uk.cfg", lines[3]);
        assertEquals("  last change refused: it does not run until the definition is fixed", lines[4]);
        assertEquals("  " + LONG, lines[5]);
        assertEquals("olist: /opt/olist.cfg", lines[6]);
        assertEquals(7, lines.length, text);
    }

    @Test
    void aShortStateIsShownWholeAndNotRepeated() {
        String text = PipelineList.render(List.of(new NamedPipeline("m", "/m.cfg", "x", false,
                "missing algorithm 'kmedoids'", "none", "")));
        assertTrue(text.contains("m     missing algorithm 'kmedoids'  none"), text);
        assertEquals(1, text.split("missing algorithm", -1).length - 1, text);
    }
}
