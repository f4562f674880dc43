package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.SegmentProfile;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentProfilesTest {
    private static final double EXACT = 1e-12;

    /**
     * Five customers in two segments (plus an empty third):
     * <pre>
     * row  segment  recency  monetary
     *  0      1        10       100
     *  1      0         5        20
     *  2      1        30       300
     *  3      0         7        40
     *  4      1        20       40
     * segment 0: rows 1, 3: size 2, share 0.4; recency mean 6, median (5 + 7) / 2 = 6;
     *            monetary mean 30, median 30; value 60 of 500 = 0.12
     * segment 1: rows 0, 2, 4: size 3, share 0.6; recency mean 20, median 20;
     *            monetary mean 440 / 3, median 100; value 440 of 500 = 0.88
     * segment 2: empty: size 0, share 0, value share 0, means and medians NaN
     * </pre>
     */
    @Test
    void sizesSharesMeansAndMedians() {
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, List.of("a", "b", "c", "d", "e"),
                List.of(new NumericColumn("recency", new double[] {10, 5, 30, 7, 20}),
                        new NumericColumn("monetary", new double[] {100, 20, 300, 40, 40})),
                List.of(), "monetary");
        List<SegmentProfile> p = SegmentProfiles.compute(raw, new int[] {1, 0, 1, 0, 1}, 3);
        assertEquals(3, p.size());

        SegmentProfile s0 = p.get(0);
        assertEquals(0, s0.segment());
        assertEquals(2, s0.size());
        assertEquals(0.4, s0.share(), EXACT);
        assertEquals(0.12, s0.valueShare(), EXACT);
        assertEquals(List.of("recency", "monetary"), s0.features());
        assertArrayEquals(new double[] {6, 30}, s0.means(), EXACT);
        assertArrayEquals(new double[] {6, 30}, s0.medians(), EXACT);

        SegmentProfile s1 = p.get(1);
        assertEquals(3, s1.size());
        assertEquals(0.6, s1.share(), EXACT);
        assertEquals(0.88, s1.valueShare(), EXACT);
        assertArrayEquals(new double[] {20, 440.0 / 3}, s1.means(), EXACT);
        assertArrayEquals(new double[] {20, 100}, s1.medians(), EXACT);

        SegmentProfile s2 = p.get(2);
        assertEquals(0, s2.size());
        assertEquals(0.0, s2.share(), 0);
        assertEquals(0.0, s2.valueShare(), 0);
        assertTrue(Double.isNaN(s2.means()[0]) && Double.isNaN(s2.medians()[1]));
    }

    /**
     * The same five customers: population means recency 72 / 5 = 14.4, monetary 500 / 5 = 100; so segment 0's
     * index is 6 / 14.4 x 100 = 41.67 and 30; segment 1's 138.89 and 146.67. A feature whose population mean is
     * 0 has no index (NaN).
     * <p>
     * Channel (a categorical feature): web, shop, web, (missing), web. Overall web 3/5, shop 1/5, missing
     * 1/5, most common first; a level nobody has ("phone") is left out. Segment 0 (rows 1, 3): shop 1/2,
     * missing 1/2; segment 1 (rows 0, 2, 4): web 3/3.
     */
    @Test
    void populationMeansIndexAndCategoricalShares() {
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, List.of("a", "b", "c", "d", "e"),
                List.of(new NumericColumn("recency", new double[] {10, 5, 30, 7, 20}),
                        new NumericColumn("monetary", new double[] {100, 20, 300, 40, 40}),
                        new NumericColumn("returns", new double[] {0, 0, 0, 0, 0})),
                List.of(new CategoricalColumn("channel", new int[] {1, 2, 1, CategoricalColumn.MISSING, 1},
                        List.of("phone", "web", "shop"))),
                "monetary");
        List<SegmentProfile> p = SegmentProfiles.compute(raw, new int[] {1, 0, 1, 0, 1}, 2);
        assertArrayEquals(new double[] {14.4, 100, 0}, p.get(0).populationMeans(), EXACT);
        assertArrayEquals(new double[] {14.4, 100, 0}, p.get(1).populationMeans(), EXACT);
        double[] index0 = p.get(0).index();
        assertEquals(6 / 14.4 * 100, index0[0], 1e-9);
        assertEquals(30, index0[1], 1e-9);
        assertTrue(Double.isNaN(index0[2]));
        assertArrayEquals(new double[] {20 / 14.4 * 100, 440.0 / 3}, Arrays.copyOf(p.get(1).index(), 2), 1e-9);

        CategoricalProfile c0 = p.get(0).categorical().get(0);
        assertEquals("channel", c0.feature());
        assertEquals(List.of("web", "shop", CategoricalProfile.MISSING), c0.levels());
        assertArrayEquals(new double[] {0.6, 0.2, 0.2}, c0.populationShares(), EXACT);
        assertArrayEquals(new double[] {0, 0.5, 0.5}, c0.segmentShares(), EXACT);
        CategoricalProfile c1 = p.get(1).categorical().get(0);
        assertEquals(c0.levels(), c1.levels());
        assertArrayEquals(new double[] {1, 0, 0}, c1.segmentShares(), EXACT);
    }

    @Test
    void profilesAreNamed() {
        // segment 0: recency 5, monetary 20 of a population median 20 and 30; segment 1: recency 60, monetary 200
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, List.of("a", "b", "c", "d"),
                List.of(new NumericColumn("recency", new double[] {5, 5, 35, 85}),
                        new NumericColumn("monetary", new double[] {20, 20, 40, 360})),
                List.of(), "monetary");
        List<SegmentProfile> p = SegmentProfiles.compute(raw, new int[] {0, 0, 1, 1}, 2);
        assertEquals(List.of("Low-Spending Customers", "Dormant High-Value"),
                p.stream().map(SegmentProfile::name).toList());
    }

    @Test
    void withoutValueColumnTheValueShareIsNaN() {
        FeatureMatrix raw = new FeatureMatrix(EntityKind.SELLER, List.of("a", "b"),
                List.of(new NumericColumn("x", new double[] {1, 2})), List.of(), null);
        List<SegmentProfile> p = SegmentProfiles.compute(raw, new int[] {0, 1}, 2);
        assertTrue(Double.isNaN(p.get(0).valueShare()));
        assertTrue(Double.isNaN(p.get(1).valueShare()));
        assertEquals(0.5, p.get(1).share(), EXACT);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, SegmentProfiles.median(new double[] {5, 1, 3}, 3), 0);
        assertEquals(2.5, SegmentProfiles.median(new double[] {4, 1, 3, 2}, 4), 0);
        // only the first m values count
        assertEquals(4, SegmentProfiles.median(new double[] {4, 9, 9}, 1), 0);
        assertTrue(Double.isNaN(SegmentProfiles.median(new double[0], 0)));
    }
}
