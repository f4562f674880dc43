package io.segmenta.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FitParameter;
import io.segmenta.api.stage.FitTable;
import io.segmenta.api.stage.ModelState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FeatureFitSummaryTest {
    @Test
    void showsParametersWithStandardErrorsFiguresAndTables() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("customers", 2357.0);
        figures.put("bgnbd_log_likelihood", -9582.43);
        FeatureFit fit = new FeatureFit("clv", ModelState.of("clv", Map.of()), List.of(
                new FitParameter("BG/NBD", "r", 0.24259, OptionalDouble.of(0.012557)),
                new FitParameter("BG/NBD", "alpha", 4.41359, OptionalDouble.empty())), figures,
                List.of(new FitTable("holdout_by_frequency", "holdout by frequency", List.of("customers", "actual"),
                        List.of(new FitTable.Row("0", List.of(1411.0, 0.2381)),
                                new FitTable.Row("7+", List.of(64.0, 6.359))))));
        StringBuilder out = new StringBuilder();
        FeatureFitSummary.render(fit, out);
        assertEquals("""
                Fitted model (feature extractor clv)
                  model   parameter  estimate  std. error
                  BG/NBD  r            0.2426     0.01256
                  BG/NBD  alpha         4.414         n/a
                  customers                2,357
                  bgnbd_log_likelihood  -9,582.4
                  holdout by frequency
                        customers  actual
                     0      1,411  0.2381
                    7+         64   6.359
                """, out.toString());
    }

    /** A caveat comes first, right under the title, so that the figures are not read without it. */
    @Test
    void theCaveatsComeFirst() {
        FeatureFit fit = new FeatureFit("clv", ModelState.of("clv", Map.of()), List.of(), Map.of("customers", 3.0),
                List.of(), Map.of(), List.of("caution: only 1 of 3 customers (33.3%) bought again"));
        StringBuilder out = new StringBuilder();
        FeatureFitSummary.render(fit, out);
        assertEquals(String.join("\n", "Fitted model (feature extractor clv)",
                "  caution: only 1 of 3 customers (33.3%) bought again", ""), out.substring(0, out.indexOf("  model")));
    }
}
