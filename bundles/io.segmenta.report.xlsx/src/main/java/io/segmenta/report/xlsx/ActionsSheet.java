package io.segmenta.report.xlsx;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import java.io.IOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;

/** Sheet "Actions": the recommended action of each segment and why its rule was chosen. */
final class ActionsSheet {
    static final String NAME = "Actions";

    private ActionsSheet() {
    }

    /** Writes the sheet when a segment has an action (a result from an engine without rules has none). */
    static void write(Workbook wb, PipelineResult r) throws IOException {
        if (r.segments().stream().noneMatch(s -> s.action().present())) {
            return;
        }
        Sheet sheet = new Sheet(wb, NAME, List.of("segment", "name", "recommended action", "why"), 2);
        int row = 0;
        for (SegmentProfile s : r.segments()) {
            row++;
            sheet.count(row, 0, s.segment());
            sheet.text(row, 1, s.name());
            sheet.text(row, 2, s.action().text());
            sheet.text(row, 3, s.action().reason());
        }
        sheet.finish(row);
    }
}
