package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.SegmentProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equal names told apart by what separates the segments (docs/segment-names.md, "Unique names"). */
class NameQualifiersTest {
    private static final List<String> RFM = List.of("recency", "frequency", "monetary");

    private static List<String> names(List<SegmentProfile> profiles) {
        return profiles.stream().map(SegmentProfile::name).toList();
    }

    /**
     * The k = 5 case of the UK file, planted: 5 segments of 40 customers, each customer's recency, frequency and
     * monetary drawn uniformly within +-10% of its segment's centre (Lcg seed 7). Segments 1 and 2 both spend
     * and buy far above everyone else, so both are "High-Spending Regulars" by the rules (long form equal too);
     * they differ most in recency (medians about 10 and 60 days against a population median near 60; monetary
     * 4000 and 3500 against about 800), so they are told apart as recent and lapsed. The old rule named them
     * "High-Spending Regulars" and "High-Spending Regulars (2)".
     */
    @Test
    void twoHighSpendingRegularsDifferingInRecencyAreRecentAndLapsed() {
        double[][] centres = {{150, 1, 200}, {10, 12, 4000}, {60, 10, 3500}, {40, 3, 800}, {300, 1, 150}};
        int per = 40;
        int n = centres.length * per;
        double[][] columns = new double[3][n];
        int[] labels = new int[n];
        double[] noise = Lcg.doubles(7, 3 * n);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = i / per;
            ids.add("c" + i);
            for (int j = 0; j < 3; j++) {
                double c = centres[labels[i]][j];
                columns[j][i] = j == 1 ? Math.max(1, Math.round(c * (0.9 + 0.2 * noise[3 * i + j])))
                        : c * (0.9 + 0.2 * noise[3 * i + j]);
            }
        }
        FeatureMatrix raw = new FeatureMatrix(EntityKind.CUSTOMER, ids, List.of(new NumericColumn("recency",
                columns[0]), new NumericColumn("frequency", columns[1]), new NumericColumn("monetary", columns[2])),
                List.of(), "monetary");
        List<String> names = names(SegmentProfiles.compute(raw, labels, centres.length));
        assertEquals("High-Spending Regulars, recent", names.get(1));
        assertEquals("High-Spending Regulars, lapsed", names.get(2));
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
        names.forEach(name -> assertEquals(-1, name.indexOf('('), name));
    }

    /** As on the UK file: two High-Spending Regulars, one spending about twice as much as the other. */
    @Test
    void twoHighSpendersFarApartInSpendAreTopAndLowerSpend() {
        List<SegmentProfile> profiles = List.of(
                profile(0, 20, 9, 7000), profile(1, 15, 10, 13400), profile(2, 200, 1, 150));
        assertEquals(List.of("High-Spending Regulars, lower spend", "High-Spending Regulars, top spend",
                "Dormant Low-Value"), names(SegmentNamer.name(profiles, new double[] {60, 3, 700}, "monetary",
                        EntityKind.CUSTOMER)));
    }

    /** Three alike get low, middle and high words; four alike are told apart again by the next feature. */
    @Test
    void threeAndFourAlike() {
        double[] population = {50, 2, 500};
        assertEquals(List.of("High-Spending Regulars, recent", "High-Spending Regulars, cooling",
                "High-Spending Regulars, lapsed", "Low-Spending One-Time Buyers"),
                names(SegmentNamer.name(List.of(profile(0, 5, 10, 3000), profile(1, 40, 10, 3000),
                        profile(2, 90, 10, 3000), profile(3, 60, 1, 40)), population, "monetary",
                        EntityKind.CUSTOMER)));
        List<String> four = names(SegmentNamer.name(List.of(profile(0, 5, 10, 3000), profile(1, 40, 10, 3100),
                profile(2, 60, 10, 3200), profile(3, 90, 10, 3300), profile(4, 60, 1, 40)), population, "monetary",
                EntityKind.CUSTOMER));
        assertEquals(List.of("High-Spending Regulars, recent", "High-Spending Regulars, cooling, lower spend",
                "High-Spending Regulars, cooling, top spend", "High-Spending Regulars, lapsed",
                "Low-Spending One-Time Buyers"), four);
    }

    /** Sellers' money is revenue; a feature without a word of its own is named in plain words. */
    @Test
    void sellersAndOtherFeatures() {
        List<String> features = List.of("gmv", "orders_fulfilled", "return_rate");
        List<SegmentProfile> profiles = List.of(
                new SegmentProfile(0, 5, 0.5, 0.5, features, new double[] {9000, 40, 0.01},
                        new double[] {9000, 40, 0.01}),
                new SegmentProfile(1, 5, 0.5, 0.5, features, new double[] {9000, 40, 0.2},
                        new double[] {9000, 40, 0.2}),
                new SegmentProfile(2, 5, 0.5, 0.5, features, new double[] {100, 2, 0.05},
                        new double[] {100, 2, 0.05}));
        assertEquals(List.of("High-Revenue Regular Sellers, lower return rate",
                "High-Revenue Regular Sellers, higher return rate", "Low-Revenue Sporadic Sellers"),
                names(SegmentNamer.name(profiles, new double[] {500, 5, 0.05}, "gmv", EntityKind.SELLER)));
    }

    /** Segments alike in every feature: only their numbers separate them, and the name says so. */
    @Test
    void identicalSegmentsAreToldApartByNumber() {
        assertEquals(List.of("High-Spending Regulars, segment 0", "High-Spending Regulars, segment 1",
                "Low-Spending One-Time Buyers"), names(SegmentNamer.name(List.of(profile(0, 5, 10, 3000),
                        profile(1, 5, 10, 3000), profile(2, 60, 1, 40)), new double[] {50, 2, 500}, "monetary",
                        EntityKind.CUSTOMER)));
    }

    private static SegmentProfile profile(int segment, double recency, double frequency, double monetary) {
        double[] m = {recency, frequency, monetary};
        return new SegmentProfile(segment, 10, 0.25, Double.NaN, RFM, m, m);
    }
}
