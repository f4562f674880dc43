package io.segmenta.report.xlsx;

import io.segmenta.api.pipeline.CategoricalProfile;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import java.io.IOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;

/** Sheet "Categories": segment, name, feature, level, share in segment, share overall and index. */
final class CategoriesSheet {
    private CategoriesSheet() {
    }

    static void write(Workbook wb, PipelineResult r) throws IOException {
        String entity = r.features().entity().label();
        Sheet sheet = new Sheet(wb, WorkbookWriter.CATEGORIES, List.of("segment", "name", "feature", "level",
                "share in segment", "share of all " + entity + "s", "index"), 2);
        int row = 0;
        for (SegmentProfile s : r.segments()) {
            for (CategoricalProfile p : s.categorical()) {
                double[] segment = p.segmentShares();
                double[] overall = p.populationShares();
                for (int l = 0; l < segment.length; l++) {
                    row++;
                    sheet.count(row, 0, s.segment());
                    sheet.text(row, 1, s.name());
                    sheet.text(row, 2, p.feature());
                    sheet.text(row, 3, p.levels().get(l));
                    sheet.number(row, 4, segment[l], Sheet.PERCENT);
                    sheet.number(row, 5, overall[l], Sheet.PERCENT);
                    sheet.number(row, 6, overall[l] > 0 ? segment[l] / overall[l] * 100 : Double.NaN,
                            Sheet.INDEX);
                }
            }
        }
        sheet.finish(row);
    }
}
