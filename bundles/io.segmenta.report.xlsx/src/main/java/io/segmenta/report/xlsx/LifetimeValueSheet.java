package io.segmenta.report.xlsx;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.stage.FeatureFit;
import io.segmenta.api.stage.FitParameter;
import io.segmenta.api.stage.FitTable;
import io.segmenta.table.clv.SegmentLifetimeValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;

/**
 * Sheet "Lifetime value", when the feature extractor fitted a lifetime-value model (clv): per segment the mean
 * expected purchases, mean P(alive), total and mean CLV ({@link SegmentLifetimeValue}) as the sheet's table; below
 * it the fitted parameters with their standard errors, what the fit cannot tell on these data, the figures
 * (log-likelihoods, holdout totals) and the holdout table by calibration frequency when there is one.
 */
final class LifetimeValueSheet {
    private LifetimeValueSheet() {
    }

    static void write(Workbook wb, PipelineResult r, FeatureFit fit) throws IOException {
        Sheet sheet = new Sheet(wb, WorkbookWriter.LIFETIME_VALUE, List.of("segment", "name", r.features().entity()
                .label() + "s", "mean expected purchases", "mean P(alive)", "total CLV", "mean CLV"), 2);
        int row = 0;
        List<SegmentLifetimeValue> segments = SegmentLifetimeValue.of(r).orElse(List.of());
        for (int i = 0; i < segments.size(); i++) {
            SegmentLifetimeValue v = segments.get(i);
            row++;
            sheet.count(row, 0, v.segment());
            sheet.text(row, 1, r.segments().get(i).name());
            sheet.count(row, 2, v.size());
            sheet.number(row, 3, v.meanExpectedPurchases(), Sheet.DECIMAL);
            sheet.number(row, 4, v.meanProbabilityAlive(), Sheet.PRECISE);
            sheet.number(row, 5, v.totalLifetimeValue(), Sheet.DECIMAL);
            sheet.number(row, 6, v.meanLifetimeValue(), Sheet.DECIMAL);
        }
        int lastRow = row;
        if (segments.isEmpty()) {
            sheet.note(++row, 0, "the fit declares no expected-purchases, P(alive) and CLV columns");
        }
        row += 2;
        sheet.heading(row, List.of("model", "parameter", "estimate", "std. error"));
        for (FitParameter p : fit.parameters()) {
            row++;
            sheet.text(row, 0, p.model());
            sheet.text(row, 1, p.name());
            sheet.number(row, 2, p.value(), Sheet.PRECISE);
            if (p.standardError().isPresent()) {
                sheet.number(row, 3, p.standardError().getAsDouble(), Sheet.PRECISE);
            } else {
                sheet.text(row, 3, "n/a");
            }
        }
        for (String caveat : fit.caveats()) {
            row += 2;
            sheet.text(row, 0, "caution");
            sheet.note(row, 1, caveat);
        }
        row += 2;
        sheet.heading(row, List.of("figure", "value"));
        for (Map.Entry<String, Double> f : fit.figures().entrySet()) {
            row++;
            sheet.text(row, 0, f.getKey().replace('_', ' '));
            sheet.number(row, 1, f.getValue(), f.getValue() == Math.rint(f.getValue()) ? Sheet.COUNT
                    : Sheet.PRECISE);
        }
        for (FitTable t : fit.tables()) {
            row += 2;
            sheet.text(row, 0, t.title());
            List<String> titles = new ArrayList<>(List.of(""));
            titles.addAll(t.columns());
            sheet.heading(++row, titles);
            for (FitTable.Row line : t.rows()) {
                row++;
                sheet.text(row, 0, line.label());
                for (int c = 0; c < line.values().size(); c++) {
                    sheet.number(row, c + 1, line.values().get(c), Sheet.PRECISE);
                }
            }
        }
        sheet.finish(lastRow);
    }
}
