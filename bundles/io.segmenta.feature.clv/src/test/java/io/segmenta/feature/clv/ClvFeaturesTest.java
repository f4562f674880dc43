package io.segmenta.feature.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.data.TransactionTable;
import io.segmenta.api.stage.Options;
import io.segmenta.testing.RecordingContext;
import io.segmenta.testing.TransactionsBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClvFeaturesTest {
    private final ClvFeatures clv = new ClvFeatures();

    @Test
    void countsPurchaseDaysAndMeasuresInTheChosenUnit() {
        // A: 3 orders on 2 days, then one more after 14 days; B: one purchase on the calibration end
        TransactionTable t = new TransactionsBuilder()
                .line("A", "o1", "2024-01-01T09:00", 10).line("A", "o2", "2024-01-01T18:00", 5)
                .line("A", "o3", "2024-01-08T10:00", 20).line("A", "o4", "2024-01-22T10:00", 30)
                .line("B", "o5", "2024-01-29T10:00", 8)
                .line("A", "o6", "2024-02-05T10:00", 30) // after the calibration end: holdout
                .table();
        PurchaseHistories h = new PurchaseHistories(t, TimeUnit.WEEK,
                java.util.Optional.of(java.time.LocalDate.of(2024, 1, 29)), java.util.Optional.empty());
        assertEquals(List.of("A", "B"), h.ids);
        assertArrayEquals(new int[] {2, 0}, h.x);
        assertArrayEquals(new double[] {3, 0}, h.recency, 1e-12);
        assertArrayEquals(new double[] {4, 0}, h.age, 1e-12);
        assertArrayEquals(new double[] {25, 0}, h.meanValue, 1e-12);
        assertArrayEquals(new int[] {1, 0}, h.holdoutPurchases);
        assertEquals(java.time.LocalDate.of(2024, 2, 5), h.holdoutEnd.orElseThrow());
    }

    @Test
    void aOnePurchaseDataSetGetsOneClearLine() {
        TransactionTable t = new TransactionsBuilder()
                .line("A", "o1", "2024-01-01T09:00", 10).line("B", "o2", "2024-01-03T09:00", 10).table();
        SegmentaException e = assertThrows(SegmentaException.class, () -> clv.extract(t, new RecordingContext()));
        assertEquals("clv: none of the 2 customers bought again by the calibration end 2024-01-03 (every one made"
                + " one purchase): BG/NBD cannot tell how often customers buy or drop out without repeat purchases",
                e.getMessage());
    }

    @Test
    void badOptionsFailBeforeAnyWork() {
        TransactionTable t = new TransactionsBuilder().line("A", "o1", "2024-01-01T09:00", 10).table();
        assertEquals("option time-unit must be day, week or month, not 'year'", assertThrows(SegmentaException.class,
                () -> clv.extract(t, new RecordingContext(Map.of("time-unit", "year"), Integer.MAX_VALUE)))
                .getMessage());
        assertEquals("option horizon must be a positive number of weeks, not -1", assertThrows(
                SegmentaException.class,
                () -> clv.extract(t, new RecordingContext(Map.of("horizon", "-1"), Integer.MAX_VALUE))).getMessage());
        // the same lines while the engine plans, before the source reads anything
        assertEquals("option horizon must be a positive number of weeks, not -1", assertThrows(
                SegmentaException.class, () -> clv.validate(new Options(Map.of("horizon", "-1")))).getMessage());
        assertEquals("option time-unit must be day, week or month, not 'year'", assertThrows(SegmentaException.class,
                () -> clv.validate(new Options(Map.of("time-unit", "year")))).getMessage());
        clv.validate(new Options(Map.of("horizon", "39", "time-unit", "month")));
    }

    @Test
    void scoresCdnowWithFiniteValuesEverywhere() throws IOException {
        TransactionTable t = CdnowReferenceTest.read(CdnowReferenceTest.cdnow());
        RecordingContext context = new RecordingContext(Map.of("calibration-end", "1997-09-30",
                "horizon", "39"), Integer.MAX_VALUE);
        FeatureMatrix m = clv.extract(t, context);
        assertEquals(List.of("frequency", "recency", "age", "p_alive", "expected_purchases", "expected_value",
                "clv"), m.numericNames());
        assertEquals(2357, m.rowCount());
        for (NumericColumn c : m.numeric()) {
            for (double v : c.values()) {
                assertTrue(Double.isFinite(v) && v >= 0, c.name() + " " + v);
            }
        }
        // customer 1 is the paper's example (x = 2, t_x = 30.43, T = 38.86): 1.226 purchases in 39 weeks
        int first = m.ids().indexOf("0001");
        assertEquals(1.226, m.numericColumn("expected_purchases").orElseThrow().values()[first], 0.001);
        assertTrue(context.infos.stream().anyMatch(i -> i.startsWith("clv: BG/NBD (per week) r = 0.2426")),
                context.infos.toString());
    }

    @Test
    void saysWhatTheModelCannotTellWhenAlmostEveryoneBuysOnce() {
        assertEquals(java.util.Optional.empty(), ClvFeatures.fewRepeats(2357, 946));
        assertEquals("caution: only 35 of 5,092 customers (0.7%) bought again, so the dropout (a, b) and spend"
                + " (p, q, v) estimates rest on those few; for the one-time buyers P(alive) is 1 and expected value is"
                + " the population mean: their CLV ranks them by age alone, and says nothing about them individually",
                ClvFeatures.fewRepeats(5092, 35).orElseThrow());
    }

    /**
     * The fit is part of the result (parameters with standard errors, log-likelihoods, the holdout table), and its
     * saved state scores the same data to the same features without refitting; a state from another stage is
     * refused in one line.
     */
    /** Few repeat buyers: the caution is in the fit, for the reports, not only in the run's messages. */
    @Test
    void theCautionOfFewRepeatBuyersIsPartOfTheFit() {
        // 300 customers over a year, 24 (8%) of them buying again 1 to 4 times, values spread (seeded)
        TransactionsBuilder b = new TransactionsBuilder();
        java.util.Random random = new java.util.Random(7);
        java.time.LocalDate start = java.time.LocalDate.of(2020, 1, 1);
        int order = 0;
        for (int c = 0; c < 300; c++) {
            int first = random.nextInt(300);
            b.line("c" + c, "o" + order++, start.plusDays(first) + "T10:00", 20 + 80 * random.nextDouble());
            if (c % 25 < 2) {
                int day = first;
                for (int k = 1 + random.nextInt(4); k > 0 && day < 360; k--) {
                    day += 1 + random.nextInt(20);
                    b.line("c" + c, "o" + order++, start.plusDays(day) + "T10:00", 20 + 80 * random.nextDouble());
                }
            }
        }
        // so few repeat customers do not identify Gamma-Gamma's v alone: the penalty docs/clv.md suggests
        RecordingContext context = new RecordingContext(Map.of("penaliser", "0.001"), Integer.MAX_VALUE);
        io.segmenta.api.stage.FeatureFit fit = clv.extractFitted(b.table(), context).fit().orElseThrow();
        assertEquals(1, fit.caveats().size(), fit.caveats().toString());
        assertTrue(fit.caveats().get(0).startsWith("caution: only 24 of 300 customers (8.0%) bought again"),
                fit.caveats().get(0));
        assertTrue(context.infos.contains("clv: " + fit.caveats().get(0)), context.infos.toString());
    }

    @Test
    void reportsTheFitAndScoresWithItsSavedState() throws IOException {
        TransactionTable t = CdnowReferenceTest.read(CdnowReferenceTest.cdnow());
        Map<String, String> options = Map.of("calibration-end", "1997-09-30", "horizon", "39");
        io.segmenta.api.stage.FittedFeatures fitted = clv.extractFitted(t, new RecordingContext(options,
                Integer.MAX_VALUE));
        io.segmenta.api.stage.FeatureFit fit = fitted.fit().orElseThrow();
        assertEquals("clv", fit.extractor());
        assertEquals(List.of("r", "alpha", "a", "b", "p", "q", "v"),
                fit.parameters().stream().map(io.segmenta.api.stage.FitParameter::name).toList());
        assertEquals(0.2426, fit.parameters().get(0).value(), 0.00005);
        assertEquals(0.0126, fit.parameters().get(0).standardError().orElseThrow(), 0.00005);
        assertEquals(-9582.4, fit.figures().get("bgnbd_log_likelihood"), 0.05);
        assertEquals(1882, fit.figures().get("holdout_actual"));
        assertEquals("7+", fit.tables().get(0).rows().get(7).label());
        // the columns reports summarise per segment, declared under their names in the matrix; CDNOW has 40%
        // repeat customers, so no caveat
        assertEquals(Map.of("p_alive", "p_alive", "expected_purchases", "expected_purchases", "clv", "clv",
                "frequency", "frequency", "recency", "recency"), fit.outputs());
        for (String column : fit.outputs().values()) {
            assertTrue(fitted.features().numericColumn(column).isPresent(), column);
        }
        assertEquals(List.of(), fit.caveats());

        RecordingContext again = new RecordingContext(options, Integer.MAX_VALUE);
        FeatureMatrix scored = clv.extractWith(t, again, fit.state());
        for (String column : fitted.features().numericNames()) {
            assertArrayEquals(fitted.features().numericColumn(column).orElseThrow().values(),
                    scored.numericColumn(column).orElseThrow().values(), 1e-9, column);
        }
        assertTrue(again.infos.stream().anyMatch(i -> i.startsWith("clv: scored 2357 customers with the saved fit"
                + " (per week: r 0.2426")), again.infos.toString());

        SegmentaException e = assertThrows(SegmentaException.class, () -> clv.extractWith(t, again,
                io.segmenta.api.stage.ModelState.of("kmeans", Map.of("k", 4.0))));
        assertTrue(e.getMessage().contains("no time-unit"), e.getMessage());
    }
}
