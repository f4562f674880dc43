package io.segmenta.console;

import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FitParameter;
import io.segmenta.api.stage.FitTable;
import java.util.Locale;
import java.util.Map;

/**
 * The model a feature extractor fitted on the transactions (the clv extractor's BG/NBD and Gamma-Gamma), in the
 * run summary: each parameter with its standard error, the named figures, and the tables.
 */
final class FeatureFitSummary {
    private FeatureFitSummary() {
    }

    static void render(FeatureFit fit, StringBuilder out) {
        out.append("Fitted model (feature extractor ").append(fit.extractor()).append(")\n");
        // what the fit cannot tell on these data comes first, so that nobody reads the figures without it
        for (String caveat : fit.caveats()) {
            out.append("  ").append(caveat).append('\n');
        }
        TextTable parameters = new TextTable(false, false, true, true).add("model", "parameter", "estimate",
                "std. error");
        for (FitParameter p : fit.parameters()) {
            parameters.add(p.model(), p.name(), significant(p.value()),
                    p.standardError().isPresent() ? significant(p.standardError().getAsDouble()) : "n/a");
        }
        parameters.render(out, "  ");
        TextTable figures = new TextTable(false, true);
        for (Map.Entry<String, Double> f : fit.figures().entrySet()) {
            figures.add(f.getKey(), significant(f.getValue()));
        }
        figures.render(out, "  ");
        for (FitTable t : fit.tables()) {
            out.append("  ").append(t.title()).append('\n');
            boolean[] right = new boolean[t.columns().size() + 1];
            java.util.Arrays.fill(right, true);
            TextTable table = new TextTable(right);
            String[] header = new String[right.length];
            header[0] = "";
            for (int c = 0; c < t.columns().size(); c++) {
                header[c + 1] = t.columns().get(c);
            }
            table.add(header);
            for (FitTable.Row row : t.rows()) {
                String[] cells = new String[right.length];
                cells[0] = row.label();
                for (int c = 0; c < row.values().size(); c++) {
                    cells[c + 1] = significant(row.values().get(c));
                }
                table.add(cells);
            }
            table.render(out, "    ");
        }
    }

    /**
     * Whole numbers as they are, 1,000 and more with one decimal (a log-likelihood), others with 4 significant
     * digits (the precision the papers print).
     */
    static String significant(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Numbers.grouped((long) v);
        }
        if (Math.abs(v) >= 1000) {
            return Numbers.fixed(v, 1);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
