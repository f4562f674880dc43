package io.segmenta.report.xlsx;

import io.segmenta.api.data.CategoricalColumn;
import io.segmenta.api.data.FeatureMatrix;
import io.segmenta.api.data.NumericColumn;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentProfile;
import io.segmenta.api.stage.StageContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;

/**
 * Sheets "Assignments", "Assignments 2", ...: id, segment, segment name, numeric and categorical features of
 * every entity, written in chunks with progress and cancellation checks between them.
 */
final class AssignmentsSheet {
    private AssignmentsSheet() {
    }

    /** @param rowsPerSheet the most rows on one sheet below its header */
    static void write(Workbook wb, PipelineResult r, int rowsPerSheet, StageContext context) throws IOException {
        String entity = r.features().entity().label();
        FeatureMatrix f = r.features();
        int n = f.rowCount();
        int[] labels = r.model().labels();
        String[] names = new String[r.model().k()];
        for (SegmentProfile s : r.segments()) {
            names[s.segment()] = s.name();
        }
        List<NumericColumn> numeric = f.numeric();
        List<CategoricalColumn> categorical = f.categorical();
        double[][] values = new double[numeric.size()][];
        // the value column is money: thousands separators and 2 decimals; other features keep the general format
        String[] formats = new String[numeric.size()];
        String valueColumn = f.value().map(NumericColumn::name).orElse(null);
        for (int j = 0; j < values.length; j++) {
            values[j] = numeric.get(j).values();
            formats[j] = numeric.get(j).name().equals(valueColumn) ? Sheet.DECIMAL : null;
        }
        List<String> header = new ArrayList<>(List.of(entity + " id", "segment", "segment name"));
        numeric.forEach(c -> header.add(c.name()));
        categorical.forEach(c -> header.add(c.name()));
        // widths are fixed before the first chunk is written: from the longest id, name and level
        double[] widths = new double[header.size()];
        for (String id : f.ids()) {
            widths[0] = Math.max(widths[0], id.length());
        }
        for (String name : names) {
            widths[2] = Math.max(widths[2], name == null ? 0 : name.length());
        }
        for (int j = 0; j < categorical.size(); j++) {
            for (String level : categorical.get(j).levels()) {
                widths[3 + numeric.size() + j] = Math.max(widths[3 + numeric.size() + j], level.length());
            }
        }
        for (int j = 0; j < numeric.size(); j++) {
            widths[3 + j] = 12;
        }

        int sheets = Math.max(1, (n + rowsPerSheet - 1) / rowsPerSheet);
        List<String> ids = f.ids();
        for (int part = 0; part < sheets; part++) {
            int from = part * rowsPerSheet;
            int to = Math.min(n, from + rowsPerSheet);
            String name = part == 0 ? WorkbookWriter.ASSIGNMENTS : WorkbookWriter.ASSIGNMENTS + " " + (part + 1);
            Sheet sheet = new Sheet(wb, name, header, 1);
            for (int c = 0; c < widths.length; c++) {
                sheet.widen(c, widths[c]);
            }
            int row = 0;
            for (int i = from; i < to; i++) {
                row++;
                sheet.uniqueText(row, 0, ids.get(i));
                sheet.count(row, 1, labels[i]); // an integer cell (1, not 1.0) in an integer format
                sheet.text(row, 2, names[labels[i]]);
                int c = 3;
                for (int j = 0; j < values.length; j++) {
                    if (formats[j] == null) {
                        sheet.number(row, c++, values[j][i]);
                    } else {
                        sheet.number(row, c++, values[j][i], formats[j]);
                    }
                }
                for (CategoricalColumn column : categorical) {
                    sheet.text(row, c++, column.value(i));
                }
                if ((i + 1 - from) % WorkbookWriter.CHUNK == 0 || i + 1 == to) {
                    sheet.flush();
                    context.progress(i + 1, n, entity + "s");
                    context.checkCancelled("Excel workbook not written");
                }
            }
            sheet.finish(row);
        }
    }
}
