package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.testing.AdjustedRandIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The comparisons of a Spark extraction with the single-machine run on the same file. */
final class SameAnswers {
    /** Monetary sums may be added in another order on Spark: relative tolerance. */
    static final double TOLERANCE = 1e-9;

    private SameAnswers() {
    }

    /** Same rows read, kept, rejected by reason (in the account's order), entity counts, dates, duplicates. */
    static void sameAccount(DataQuality expected, DataQuality actual) {
        assertEquals(reasons(expected.rejections()), reasons(actual.rejections()));
        assertEquals(expected.rowsRead(), actual.rowsRead(), "rows read");
        assertEquals(expected.rowsKept(), actual.rowsKept(), "rows kept");
        assertEquals(expected.entityCounts(), actual.entityCounts());
        assertEquals(expected.duplicateRows(), actual.duplicateRows(), "duplicate rows");
        assertEquals(expected.firstTimestamp(), actual.firstTimestamp());
        assertEquals(expected.lastTimestamp(), actual.lastTimestamp());
    }

    /** Same first lines for every reason (CSV input: the lines of the file, as the single-machine account). */
    static void sameFirstLines(DataQuality expected, DataQuality actual) {
        assertEquals(lines(expected.rejections()), lines(actual.rejections()));
    }

    static List<String> lines(List<Rejection> rejections) {
        return rejections.stream().map(r -> r.reason() + " " + r.firstLines()).toList();
    }

    static List<String> reasons(List<Rejection> rejections) {
        return rejections.stream().map(r -> r.reason() + ": " + r.count()).toList();
    }

    /**
     * Same customers with the same recency and frequency, monetary to {@value #TOLERANCE} relative.
     *
     * @param sameOrder whether the rows must also be in the same order (one input partition)
     */
    static void sameRfm(FeatureMatrix expected, FeatureMatrix actual, boolean sameOrder) {
        assertEquals(expected.rowCount(), actual.rowCount(), "customers");
        assertEquals(expected.numericNames(), actual.numericNames());
        if (sameOrder) {
            assertEquals(expected.ids(), actual.ids());
        }
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < actual.rowCount(); i++) {
            row.put(actual.ids().get(i), i);
        }
        for (int c = 0; c < expected.numeric().size(); c++) {
            double[] e = expected.numeric().get(c).values();
            double[] a = actual.numeric().get(c).values();
            for (int i = 0; i < e.length; i++) {
                String id = expected.ids().get(i);
                double got = a[row.get(id)];
                assertTrue(Math.abs(e[i] - got) <= TOLERANCE * Math.max(1, Math.abs(e[i])),
                        expected.numericNames().get(c) + " of " + id + ": " + e[i] + " vs " + got);
            }
        }
    }

    static void sameBusiness(BusinessFigures expected, BusinessFigures actual) {
        assertEquals(expected.orders(), actual.orders());
        assertEquals(expected.totalAmount(), actual.totalAmount(), TOLERANCE * expected.totalAmount());
        assertEquals(expected.amountByLevel().keySet(), actual.amountByLevel().keySet());
        expected.amountByLevel().forEach((field, levels) -> {
            List<BusinessFigures.LevelAmount> got = actual.amountByLevel().get(field);
            assertEquals(levels.stream().map(l -> l.level() + " " + l.rows()).toList(),
                    got.stream().map(l -> l.level() + " " + l.rows()).toList(), field + " levels");
            for (int i = 0; i < levels.size(); i++) {
                assertEquals(levels.get(i).amount(), got.get(i).amount(), TOLERANCE * Math.abs(levels.get(i).amount()));
            }
        });
    }

    static void sameExtraction(PipelineResult single, ExtractedFeatures spark, boolean sameOrder) {
        sameAccount(single.source().quality(), spark.quality());
        sameFirstLines(single.source().quality(), spark.quality());
        sameRfm(single.features(), spark.features(), sameOrder);
        sameBusiness(single.business(), spark.business());
    }

    /** Inertia within 1% (the bar; with the same features in the same order it is equal). */
    static void inertiaWithinOnePercent(PipelineResult single, PipelineResult spark) {
        double e = single.quality().inertia();
        double a = spark.quality().inertia();
        assertTrue(Math.abs(e - a) <= 0.01 * e, "inertia " + a + " on Spark, " + e + " on one machine");
    }

    /**
     * The adjusted Rand index of a run's segments against a generator's planted segments
     * ({@code planted_segments.csv}: customer, segment), every planted customer being a row of the run.
     */
    static double plantedAri(Path plantedSegments, PipelineResult result) throws IOException {
        Map<String, String> planted = new HashMap<>();
        List<String> rows = Files.readAllLines(plantedSegments, StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            planted.put(f[0], f[1]);
        }
        List<String> truth = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < result.features().rowCount(); i++) {
            truth.add(planted.get(result.features().ids().get(i)));
            found.add(result.model().labels()[i]);
        }
        assertEquals(planted.size(), truth.size(), "every planted customer is a row");
        return AdjustedRandIndex.of(truth, found);
    }
}
