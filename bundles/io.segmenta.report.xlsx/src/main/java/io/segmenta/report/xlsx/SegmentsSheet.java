package io.segmenta.report.xlsx;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;

/**
 * Sheet "Segments": one row per segment (size, shares, mean, median and index of each feature, the top level of
 * each categorical feature), and the population below the table.
 */
final class SegmentsSheet {
    private SegmentsSheet() {
    }

    static void write(Workbook wb, PipelineResult r) throws IOException {
        String entity = r.features().entity().label();
        List<SegmentProfile> segments = r.segments();
        List<String> features = segments.isEmpty() ? r.features().numericNames() : segments.get(0).features();
        List<String> categorical = new ArrayList<>();
        for (CategoricalColumn c : r.features().categorical()) {
            categorical.add(c.name());
        }
        List<String> header = new ArrayList<>(List.of("segment", "name", "size", "share of " + entity + "s",
                "share of value"));
        for (String f : features) {
            header.add("mean " + f);
            header.add("median " + f);
            header.add("index " + f);
        }
        for (String c : categorical) {
            header.add("top " + c);
            header.add("share of top " + c);
        }
        Sheet sheet = new Sheet(wb, WorkbookWriter.SEGMENTS, header, 2);
        int row = 0;
        for (SegmentProfile s : segments) {
            if (!s.features().equals(features)) {
                throw new IllegalStateException("segment " + s.segment() + " profiles " + s.features() + ", expected "
                        + features);
            }
            row++;
            sheet.count(row, 0, s.segment());
            sheet.text(row, 1, s.name());
            sheet.count(row, 2, s.size());
            sheet.number(row, 3, s.share(), Sheet.PERCENT);
            sheet.number(row, 4, s.valueShare(), Sheet.PERCENT);
            double[] means = s.means();
            double[] medians = s.medians();
            double[] index = s.index();
            int c = 5;
            for (int j = 0; j < features.size(); j++) {
                sheet.number(row, c++, means[j], Sheet.DECIMAL);
                sheet.number(row, c++, medians[j], Sheet.DECIMAL);
                sheet.number(row, c++, index[j], Sheet.INDEX);
            }
            for (String name : categorical) {
                CategoricalProfile p = profile(s, name);
                int top = p == null ? -1 : topLevel(p.segmentShares());
                if (top >= 0) {
                    sheet.text(row, c, p.levels().get(top));
                    sheet.number(row, c + 1, p.segmentShares()[top], Sheet.PERCENT);
                }
                c += 2;
            }
        }
        int lastRow = row;
        if (!segments.isEmpty()) {
            // the population the index compares with, below the table (outside its filter)
            row += 2;
            sheet.text(row, 1, "all " + entity + "s");
            sheet.count(row, 2, r.features().rowCount());
            sheet.number(row, 3, 1, Sheet.PERCENT);
            if (r.features().value().isPresent()) {
                sheet.number(row, 4, 1, Sheet.PERCENT);
            }
            double[] population = segments.get(0).populationMeans();
            for (int j = 0; j < features.size(); j++) {
                sheet.number(row, 5 + 3 * j, population[j], Sheet.DECIMAL);
                sheet.number(row, 7 + 3 * j, 100, Sheet.INDEX);
            }
            row++;
            sheet.note(row, 1, "index: the segment's mean as a percentage of the mean of all " + entity + "s");
        }
        sheet.finish(lastRow);
    }

    private static CategoricalProfile profile(SegmentProfile s, String feature) {
        for (CategoricalProfile p : s.categorical()) {
            if (p.feature().equals(feature)) {
                return p;
            }
        }
        return null;
    }

    /** The level with the largest share (the first of equals), or -1 when there are no levels. */
    private static int topLevel(double[] shares) {
        int top = -1;
        for (int l = 0; l < shares.length; l++) {
            if (top < 0 || shares[l] > shares[top]) {
                top = l;
            }
        }
        return top;
    }
}
