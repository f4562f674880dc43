package io.segmenta.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.EntityKind;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.EngineOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureJoinTest {
    private static final String INNER = EngineOptions.JOIN_INNER;

    /** rfm-like: recency and monetary (the value column) of c1..c5, in the order c3, c1, c5, c2, c4. */
    private static FeatureMatrix rfm() {
        return new FeatureMatrix(EntityKind.CUSTOMER, List.of("c3", "c1", "c5", "c2", "c4"), List.of(
                new NumericColumn("recency", new double[] {3, 1, 5, 2, 4}),
                new NumericColumn("monetary", new double[] {30, 10, 50, 20, 40})), List.of(), "monetary");
    }

    /** Attributes of c4, c2, c1, c9 (c9 has no transactions; c3 and c5 have no attributes). */
    private static FeatureMatrix attributes() {
        return new FeatureMatrix(EntityKind.CUSTOMER, List.of("c4", "c2", "c1", "c9"), List.of(
                new NumericColumn("age", new double[] {44, 22, 11, 99})), List.of(
                new CategoricalColumn("gender", new int[] {0, 1, 1, 0}, List.of("F", "M"))), null);
    }

    @Test
    void keepsTheCustomersOfEveryMemberInTheFirstMembersOrderAndCountsTheOthers() {
        FeatureJoin.Joined j = FeatureJoin.join("rfm+attributes", List.of("rfm", "attributes"),
                List.of(rfm(), attributes()), INNER);
        FeatureMatrix f = j.features();
        assertEquals(List.of("c1", "c2", "c4"), f.ids());
        assertEquals(List.of("recency", "monetary", "age"), f.numericNames());
        assertArrayEquals(new double[] {1, 2, 4}, f.numeric().get(0).values());
        assertArrayEquals(new double[] {10, 20, 40}, f.numeric().get(1).values());
        assertArrayEquals(new double[] {11, 22, 44}, f.numeric().get(2).values());
        assertEquals(List.of("M", "M", "F"), List.of(f.categorical().get(0).value(0), f.categorical().get(0).value(1),
                f.categorical().get(0).value(2)));
        assertEquals("monetary", f.valueColumn());
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("customers of member rfm", 5L);
        expected.put("customers of member attributes", 4L);
        expected.put("customers dropped by the join, not in rfm", 1L); // c9
        expected.put("customers dropped by the join, not in attributes", 2L); // c3, c5
        assertEquals(expected, j.counts());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(j.counts().keySet()));
    }

    @Test
    void theOrderOfTheRowsFollowsTheFirstMember() {
        FeatureJoin.Joined j = FeatureJoin.join("attributes+rfm", List.of("attributes", "rfm"),
                List.of(attributes(), rfm()), INNER);
        assertEquals(List.of("c4", "c2", "c1"), j.features().ids());
        assertEquals(List.of("age", "recency", "monetary"), j.features().numericNames());
        assertArrayEquals(new double[] {4, 2, 1}, j.features().numeric().get(1).values());
    }

    @Test
    void prefixesOnlyTheNamesSeveralMembersProduce() {
        FeatureMatrix web = new FeatureMatrix(EntityKind.CUSTOMER, List.of("c1", "c2", "c3"), List.of(
                new NumericColumn("recency", new double[] {7, 8, 9}),
                new NumericColumn("visits", new double[] {1, 2, 3})), List.of(), null);
        FeatureJoin.Joined j = FeatureJoin.join("rfm+web:web", List.of("rfm", "web"), List.of(rfm(), web), INNER);
        assertEquals(List.of("rfm.recency", "monetary", "web.recency", "visits"), j.features().numericNames());
        assertEquals(Map.of("recency", List.of("rfm.recency", "web.recency")), j.renamed());
        assertArrayEquals(new double[] {3, 1, 2}, j.features().numeric().get(0).values());
        assertArrayEquals(new double[] {9, 7, 8}, j.features().numeric().get(2).values());
    }

    @Test
    void aSetWithNoCustomerInCommonIsRefused() {
        FeatureMatrix other = new FeatureMatrix(EntityKind.CUSTOMER, List.of("x1", "x2"), List.of(
                new NumericColumn("age", new double[] {1, 2})), List.of(), null);
        SegmentaException e = assertThrows(SegmentaException.class, () -> FeatureJoin.join("rfm+attributes",
                List.of("rfm", "attributes"), List.of(rfm(), other), INNER));
        assertEquals("feature set rfm+attributes: no customer is in every member (rfm: 5, attributes: 2); do the "
                + "inputs use the same customer keys?", e.getMessage());
    }

    @Test
    void theStrictRuleRefusesCustomersMissingFromAMember() {
        SegmentaException e = assertThrows(SegmentaException.class, () -> FeatureJoin.join("rfm+attributes",
                List.of("rfm", "attributes"), List.of(rfm(), attributes()), EngineOptions.JOIN_STRICT));
        assertEquals("option join=strict: 3 customers are not in every member of the feature set rfm+attributes "
                + "(not in rfm: 1, e.g. c9; not in attributes: 2, e.g. c3, c5); with join=inner they are left out",
                e.getMessage());
    }

    @Test
    void membersOfAnotherEntityKindAreRefused() {
        FeatureMatrix sellers = new FeatureMatrix(EntityKind.SELLER, List.of("c1"), List.of(
                new NumericColumn("gmv", new double[] {1})), List.of(), null);
        SegmentaException e = assertThrows(SegmentaException.class, () -> FeatureJoin.join("rfm+seller",
                List.of("rfm", "seller"), List.of(rfm(), sellers), INNER));
        assertEquals("feature set rfm+seller: rfm gives customer features but seller gives seller features; the "
                + "members of a set must describe the same entities", e.getMessage());
    }

    @Test
    void aCustomerMissingFromSeveralMembersIsCountedOnce() {
        FeatureMatrix third = new FeatureMatrix(EntityKind.CUSTOMER, List.of("c1", "c2", "c9", "c8"), List.of(
                new NumericColumn("score", new double[] {1, 2, 3, 4})), List.of(), null);
        FeatureJoin.Joined j = FeatureJoin.join("rfm+attributes+third", List.of("rfm", "attributes", "third"),
                List.of(rfm(), attributes(), third), INNER);
        assertEquals(List.of("c1", "c2"), j.features().ids());
        // c3, c5 (no attributes) and c4 (not in third); c9 and c8 are not in rfm, c9 counted once
        assertEquals(2L, j.counts().get("customers dropped by the join, not in attributes"));
        assertEquals(1L, j.counts().get("customers dropped by the join, not in third"));
        assertEquals(2L, j.counts().get("customers dropped by the join, not in rfm"));
    }
}
