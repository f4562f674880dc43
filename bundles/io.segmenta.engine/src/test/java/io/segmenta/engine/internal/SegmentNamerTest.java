package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The naming rules of docs/segment-names.md, each on hand-built profiles. */
class SegmentNamerTest {
    private static final List<String> RFM = List.of("recency", "frequency", "monetary");

    /** Profiles of RFM medians: each row is {recency, frequency, monetary}; size 10 each. */
    private static List<SegmentProfile> rfm(double[]... medians) {
        List<SegmentProfile> profiles = new ArrayList<>();
        for (int s = 0; s < medians.length; s++) {
            profiles.add(new SegmentProfile(s, 10, 1.0 / medians.length, Double.NaN, RFM, medians[s], medians[s]));
        }
        return profiles;
    }

    private static List<String> names(List<SegmentProfile> profiles) {
        return profiles.stream().map(SegmentProfile::name).toList();
    }

    private static List<String> rfmNames(double[] population, double[]... medians) {
        return names(SegmentNamer.name(rfm(medians), population, "monetary", EntityKind.CUSTOMER));
    }

    @Test
    void highSpendingRegularsOneTimeAndOccasionalBuyersAndDormant() {
        // population medians: recency 50 days, 2 orders, 600 spent; k = 4, so a "third" is 1 segment
        assertEquals(List.of("High-Spending Regulars", "Mid-Spending One-Time Buyers", "Dormant Low-Value",
                "Mid-Spending Occasional Buyers"),
                rfmNames(new double[] {50, 2, 600},
                        new double[] {10, 8, 3000}, // top value and frequency, above the population
                        new double[] {40, 1, 550}, // one order; value not the bottom, and 550 > 2 x 250
                        new double[] {200, 1, 250}, // recency 200 > 2 x 50: dormant; lowest value
                        new double[] {30, 3, 900})); // frequency above the population, not the top
    }

    /** One segment far ahead of the others leaves the second Mid, though above the population median. */
    @Test
    void aSegmentFarBehindTheTopIsMid() {
        assertEquals(List.of("Low-Spending One-Time Buyers", "Mid-Spending Occasional Buyers", "Dormant Mid-Value",
                "High-Spending Regulars"),
                rfmNames(new double[] {50, 3, 80},
                        new double[] {60, 1, 12},
                        new double[] {30, 7, 190}, // 190 > 80 but < 3000 / 2; 7 orders < 16 / 2
                        new double[] {280, 3, 60}, // 60 > 2 x 12
                        new double[] {5, 16, 3000}));
    }

    @Test
    void lowSpendingSporadicBuyers() {
        assertEquals(List.of("Low-Spending Sporadic Buyers", "High-Spending Regulars", "Mid-Spending Sporadic Buyers"),
                rfmNames(new double[] {50, 3, 500},
                        new double[] {20, 2, 100},
                        new double[] {30, 10, 2000},
                        new double[] {60, 3, 500})); // at the population median: neither High nor Low
    }

    @Test
    void newOneTimeBuyersAndDormantHighValue() {
        assertEquals(List.of("Dormant High-Value", "New One-Time Buyers", "Low-Spending One-Time Buyers"),
                rfmNames(new double[] {40, 1, 200},
                        new double[] {300, 5, 5000}, // 300 > 2 x 40 and the top value
                        new double[] {5, 1, 150}, // 5 <= 40 / 2 and one order
                        new double[] {30, 1, 90}));
    }

    /** Near the top (bottom) segment is High (Low) whatever the rank; far from it is Mid. */
    @Test
    void theTopSegmentsLeagueIsHighWhateverTheRank() {
        // k = 4: a "third" is the one top or bottom segment
        assertEquals(List.of("New One-Time Buyers", "Dormant Low-Value", "Dormant High-Value",
                "High-Spending Regulars"),
                rfmNames(new double[] {100, 1, 120},
                        new double[] {40, 1, 80}, // the lowest value, but recent and one order: New
                        new double[] {300, 1, 85}, // below the population median, third of four, <= 2 x 80: Low
                        new double[] {250, 1, 700}, // second of four, but 700 >= 800 / 2: High
                        new double[] {40, 5, 800}));
    }

    @Test
    void equalNamesGetTheLongForm() {
        assertEquals(List.of("Dormant Low-Value One-Time Buyers", "Dormant Low-Value Sporadic Buyers",
                "High-Spending Regulars"),
                rfmNames(new double[] {40, 2, 100},
                        new double[] {300, 1, 50},
                        new double[] {300, 2, 50},
                        new double[] {10, 6, 1000}));
        assertArrayEquals(new String[] {"A", "A", "B long", "B long", "C"},
                SegmentNamer.unique(new String[] {"A", "A", "B", "B", "C"},
                        new String[] {"A", "A", "B long", "B long", "C long"}));
    }

    @Test
    void withoutValueFrequencyOrRecencySegmentsAreNumbered() {
        List<SegmentProfile> profiles = List.of(
                new SegmentProfile(0, 1, 0.5, Double.NaN, List.of("x"), new double[] {1}, new double[] {1}),
                new SegmentProfile(1, 1, 0.5, Double.NaN, List.of("x"), new double[] {2}, new double[] {2}));
        assertEquals(List.of("Segment 0", "Segment 1"),
                names(SegmentNamer.name(profiles, new double[] {1.5}, null, EntityKind.CUSTOMER)));
    }

    @Test
    void sellersAndEmptySegments() {
        List<String> features = List.of("gmv", "orders_fulfilled", "recency");
        List<SegmentProfile> profiles = List.of(
                new SegmentProfile(0, 5, 0.5, 0.9, features, new double[] {9000, 40, 3}, new double[] {9000, 40, 3}),
                new SegmentProfile(1, 5, 0.5, 0.1, features, new double[] {100, 1, 90}, new double[] {100, 1, 90}),
                new SegmentProfile(2, 0, 0, 0, features, new double[] {Double.NaN, Double.NaN, Double.NaN},
                        new double[] {Double.NaN, Double.NaN, Double.NaN}));
        assertEquals(List.of("High-Revenue Regular Sellers", "Dormant Low-Value", "Empty Segment 2"),
                names(SegmentNamer.name(profiles, new double[] {500, 5, 20}, "gmv", EntityKind.SELLER)));
    }

    @Test
    void recencyAndFrequencyWithoutAValueColumn() {
        assertEquals(List.of("Regulars", "Dormant One-Time Buyers"),
                names(SegmentNamer.name(rfm(new double[] {5, 9, 0}, new double[] {100, 1, 0}),
                        new double[] {20, 3, 0}, null, EntityKind.CUSTOMER)));
    }

    @Test
    void theModelsNamesWinOverTheRulesAndTheUsersOverBoth() {
        List<SegmentProfile> profiles = rfm(new double[] {10, 8, 3000}, new double[] {40, 1, 300},
                new double[] {200, 1, 250});
        List<SegmentProfile> auto = SegmentNamer.name(profiles, new double[] {50, 2, 600}, "monetary",
                EntityKind.CUSTOMER);
        // a blank model name keeps the rule's name
        List<SegmentProfile> byModel = SegmentNamer.rename(auto, List.of("Champions", " ", "Lost"), Map.of());
        assertEquals(List.of("Champions", auto.get(1).name(), "Lost"), names(byModel));
        List<SegmentProfile> byUser = SegmentNamer.rename(auto, List.of("Champions", "", "Lost"),
                SegmentRenames.parse(new Options(Map.of("segment-names", "0=VIP, 2 = Win back"))).numbersOnly("test"));
        assertEquals(List.of("VIP", auto.get(1).name(), "Win back"), names(byUser));
        // everything else about a profile is kept
        assertArrayEquals(auto.get(0).medians(), byUser.get(0).medians(), 0);
        assertEquals(auto.get(0).size(), byUser.get(0).size());
    }

    @Test
    void renamingMistakesAreOneLineMessages() {
        List<SegmentProfile> profiles = rfm(new double[] {10, 8, 3000}, new double[] {40, 1, 300});
        assertEquals("option segment-names: there is no segment 5; this run has segments 0 to 1",
                assertThrows(SegmentaException.class,
                        () -> SegmentNamer.rename(profiles, List.of(), Map.of(5, "VIP"))).getMessage());
        assertEquals("segments 0 and 1 would both be named 'VIP'; rename one of them with the option segment-names",
                assertThrows(SegmentaException.class,
                        () -> SegmentNamer.rename(profiles, List.of(), Map.of(0, "VIP", 1, "VIP"))).getMessage());
        assertEquals("the model names 3 segments but has 2", assertThrows(SegmentaException.class,
                () -> SegmentNamer.rename(profiles, List.of("a", "b", "c"), Map.of())).getMessage());
        String expected = "expected RULE=NAME or NUMBER=NAME, the rule one of highest FEATURE, lowest FEATURE, "
                + "largest, smallest, \"ITS NAME\"; e.g. highest monetary=Core Customers; lowest recency=Active";
        Map<String, String> bad = Map.of("VIP", "'VIP' is not RULE=NAME; ",
                "x=VIP", "'x' is neither a segment number nor a rule; ",
                "0=", "'0=' is not RULE=NAME; ",
                "-1=VIP", "'-1' is neither a segment number nor a rule; ",
                "0=VIP,", "'' is not RULE=NAME; ",
                "top spend monetary=VIP", "'top spend monetary' has 3 words; ");
        bad.forEach((value, problem) -> assertEquals("option segment-names: " + problem + expected,
                assertThrows(SegmentaException.class,
                        () -> SegmentRenames.parse(new Options(Map.of("segment-names", value)))).getMessage()));
        assertEquals("option segment-names: segment 1 is named twice", assertThrows(SegmentaException.class,
                () -> SegmentRenames.parse(new Options(Map.of("segment-names", "1=a,01=b")))).getMessage());
        assertEquals(Map.of(), SegmentRenames.parse(Options.empty()).numbersOnly("test"));
    }
}
