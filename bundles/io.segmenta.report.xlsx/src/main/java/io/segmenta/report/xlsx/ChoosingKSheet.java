package io.segmenta.report.xlsx;

import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import java.io.IOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;

/** Sheet "Choosing k", when k was chosen from a range: the figures of every k tried and the choice. */
final class ChoosingKSheet {
    private ChoosingKSheet() {
    }

    static void write(Workbook wb, KSelection sel) throws IOException {
        // stability last, and only when measured, so that the columns of earlier workbooks keep their places
        boolean stability = sel.candidates().stream().anyMatch(c -> !Double.isNaN(c.stability()));
        List<String> header = new java.util.ArrayList<>(List.of("k", "cost", "silhouette", "Davies-Bouldin",
                "Calinski-Harabasz", "time (ms)", "marked"));
        if (stability) {
            header.add("stability");
        }
        Sheet sheet = new Sheet(wb, WorkbookWriter.CHOOSING_K, header, 1);
        int row = 0;
        for (KCandidate c : sel.candidates()) {
            row++;
            sheet.count(row, 0, c.k());
            sheet.number(row, 1, c.cost(), Sheet.DECIMAL);
            sheet.number(row, 2, c.silhouette(), Sheet.PRECISE);
            sheet.number(row, 3, c.daviesBouldin(), Sheet.PRECISE);
            sheet.number(row, 4, c.calinskiHarabasz(), Sheet.DECIMAL);
            sheet.number(row, 5, c.nanos() / 1e6, Sheet.DECIMAL);
            String mark = c.k() == sel.recommendedK() ? "recommended" : "";
            if (c.k() == sel.elbowK()) {
                mark = mark.isEmpty() ? "elbow" : mark + ", elbow";
            }
            if (c.k() == sel.runnerUpK()) {
                mark = mark.isEmpty() ? "runner-up" : mark + ", runner-up";
            }
            sheet.text(row, 6, mark.isEmpty() ? null : mark);
            if (stability) {
                sheet.number(row, 7, c.stability(), Sheet.PRECISE);
            }
        }
        int lastRow = row;
        row += 2;
        sheet.text(row, 0, "recommended k");
        sheet.count(row, 1, sel.recommendedK());
        if (sel.runnerUpK() > 0) {
            sheet.text(++row, 0, "runner-up k");
            sheet.count(row, 1, sel.runnerUpK());
        }
        sheet.text(++row, 0, "elbow k");
        if (sel.elbowK() > 0) {
            sheet.count(row, 1, sel.elbowK());
        } else {
            sheet.note(row, 1, "none (the cost curve has no elbow)");
        }
        sheet.text(++row, 0, "why");
        sheet.note(row, 1, sel.reason());
        sheet.text(++row, 0, "rows clustered");
        sheet.count(row, 1, sel.rows());
        sheet.text(++row, 0, "silhouette computed on");
        sheet.count(row, 1, sel.silhouetteSample());
        sheet.note(row, 2, sel.silhouetteSample() < sel.rows() ? "rows, a uniform random sample" : "rows (all)");
        sheet.finish(lastRow);
    }
}
