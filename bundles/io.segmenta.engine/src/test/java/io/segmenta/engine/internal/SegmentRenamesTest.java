package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The option segment-names by rule and by number (docs/segment-names.md). */
class SegmentRenamesTest {
    private static final List<String> RFM = List.of("recency", "frequency", "monetary");
    /** Means {recency, frequency, monetary} and sizes: segment 2 leads both monetary and recency. */
    private static final List<SegmentProfile> PROFILES = List.of(
            profile(0, 120, 100, 1, 150), profile(1, 60, 40, 3, 800), profile(2, 20, 8, 12, 5000),
            profile(3, 0, Double.NaN, Double.NaN, Double.NaN), profile(4, 20, 300, 1, 90));

    private static SegmentProfile profile(int segment, int size, double recency, double frequency, double monetary) {
        double[] m = {recency, frequency, monetary};
        return new SegmentProfile(segment, size, size / 220.0, Double.NaN, RFM, m, m);
    }

    private static Map<Integer, String> resolve(String value) {
        return SegmentRenames.parse(new Options(Map.of("segment-names", value))).resolve(PROFILES, "monetary");
    }

    @Test
    void rulesFollowTheProfilesWhateverTheNumbers() {
        assertEquals(Map.of(2, "Core Customers"), resolve("highest monetary=Core Customers"));
        // segment 2 is also the most recent, but the first rule took it: the next most recent is named
        assertEquals(Map.of(2, "Core Customers", 1, "Active"),
                resolve("highest monetary=Core Customers; lowest recency=Active"));
        assertEquals(Map.of(4, "Dormant", 0, "Bulk"), resolve("highest recency = Dormant ; largest=Bulk"));
        // the empty segment 3 is never picked; ties go to the lower number
        assertEquals(Map.of(2, "Few"), resolve("smallest=Few")); // 2 and 4 tie at 20: the lower number
        // value is the value column, whatever its name
        assertEquals(Map.of(4, "Small"), resolve("LOWEST value=Small"));
    }

    @Test
    void numbersTakeTheirSegmentsFirstAndNamesMayHoldCommasAfterSemicolons() {
        assertEquals(Map.of(2, "VIP", 1, "Big, loyal"), resolve("2=VIP; highest monetary=Big, loyal"));
        assertTrue(SegmentRenames.parse(new Options(Map.of("segment-names", "0=A,1=B"))).byNumber());
        assertFalse(SegmentRenames.parse(new Options(Map.of("segment-names", "largest=A"))).byNumber());
    }

    /** By the name the algorithm or the engine gave the segment: rfm-segments' "Champions", say. */
    @Test
    void byTheSegmentsOwnName() {
        SegmentRenames renames = SegmentRenames.parse(new Options(Map.of("segment-names",
                "\"champions\"=VIP; highest monetary=Big")));
        List<String> own = List.of("Lost", "Hibernating", "Champions", "Empty Segment 3", "About to Sleep");
        // Champions (2) also spends most: the next rule takes the next biggest spender
        assertEquals(Map.of(2, "VIP", 1, "Big"), renames.resolve(PROFILES, own, "monetary"));
        assertEquals("option segment-names: '\"Loyal\"': no segment of this run is called Loyal; its segments are "
                + "Lost, Hibernating, Champions, Empty Segment 3, About to Sleep", assertThrows(SegmentaException.class,
                        () -> SegmentRenames.parse(new Options(Map.of("segment-names", "\"Loyal\"=L")))
                                .resolve(PROFILES, own, "monetary")).getMessage());
        assertEquals("option segment-names: '\"Lost\"': segment 0 is renamed twice", assertThrows(
                SegmentaException.class, () -> SegmentRenames.parse(new Options(Map.of("segment-names",
                        "0=A; \"Lost\"=L"))).resolve(PROFILES, own, "monetary")).getMessage());
    }

    @Test
    void frequencyStandsForOrders() {
        List<String> features = List.of("gmv", "orders", "recency");
        List<SegmentProfile> profiles = List.of(
                new SegmentProfile(0, 5, 0.5, 0.5, features, new double[] {10, 9, 3}, new double[] {10, 9, 3}),
                new SegmentProfile(1, 5, 0.5, 0.5, features, new double[] {90, 2, 3}, new double[] {90, 2, 3}));
        assertEquals(Map.of(0, "Frequent"), SegmentRenames.parse(new Options(Map.of("segment-names",
                "highest frequency=Frequent"))).resolve(profiles, "gmv"));
    }

    @Test
    void mistakesNameTheOptionThePartAndWhatWasExpected() {
        assertEquals("option segment-names: 'highest monetry': this run has no feature monetry; its features "
                + "are recency, frequency, monetary (value = monetary)", assertThrows(SegmentaException.class,
                        () -> resolve("highest monetry=Core")).getMessage());
        assertEquals("option segment-names: 'lowest recency': no segment is left to name; the 5 segments are "
                + "taken by the renames before it or empty", assertThrows(SegmentaException.class,
                        () -> resolve("0=A;1=B;2=C;4=D;lowest recency=E")).getMessage());
        assertEquals("option segment-names: the rule 'highest monetary' is given twice",
                assertThrows(SegmentaException.class, () -> resolve("highest monetary=A;highest  monetary=B"))
                        .getMessage());
        assertEquals("option segment-names: there is no segment 7; this run has segments 0 to 4",
                assertThrows(SegmentaException.class, () -> resolve("7=A")).getMessage());
        assertEquals("option segment-names: the rule 'largest' picks a segment by its profile, which predict does "
                + "not compute; rename by number, e.g. 0=VIP", assertThrows(SegmentaException.class,
                        () -> SegmentRenames.parse(new Options(Map.of("segment-names", "largest=A")))
                                .numbersOnly("predict")).getMessage());
    }
}
