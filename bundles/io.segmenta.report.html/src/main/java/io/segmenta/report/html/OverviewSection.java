package io.segmenta.report.html;

import static io.segmenta.report.html.Html.card;
import static io.segmenta.report.html.Html.dateTime;
import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.grouped;
import static io.segmenta.report.html.Html.money;

import io.segmenta.api.data.DataQuality;
import io.segmenta.api.data.Rejection;
import io.segmenta.api.data.TimestampColumn;
import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.PipelineResult;
import java.util.Arrays;
import java.util.List;

/** Section "Overview": entity, order and money cards, the data quality table, top regions and categories. */
final class OverviewSection {
    private OverviewSection() {
    }

    static void write(StringBuilder h, PipelineResult r, String entity, int number) {
        DataQuality q = r.source().quality();
        BusinessFigures totals = r.business();
        h.append("<section id=\"overview\"><h2>").append(number).append(". Overview</h2><div class=\"cards\">");
        card(h, grouped(r.features().rowCount()), entity + "s");
        if (r.source().entitiesOnly()) {
            // a customer table: no orders to count; its money, if any, is the value feature
            card(h, "none", "transactions (a " + entity + " table)");
            r.features().value().ifPresent(v -> card(h, money(Arrays.stream(v.values()).sum()),
                    "total " + v.name()));
        } else {
            card(h, grouped(totals.orders()), "orders");
            card(h, money(totals.totalAmount()), "total amount");
            card(h, money(totals.averageOrderValue()), "average order value");
        }
        h.append("</div><h3>Data quality</h3><table class=\"dq\"><tr><th>rows read</th><td>")
                .append(grouped(q.rowsRead())).append("</td></tr><tr><th>rows kept</th><td>")
                .append(grouped(q.rowsKept())).append("</td></tr>");
        for (Rejection rej : q.rejections()) {
            h.append("<tr><th>dropped: ").append(esc(rej.reason())).append("</th><td>").append(grouped(rej.count()))
                    .append("</td></tr>");
        }
        if (q.duplicateRows() != DataQuality.NOT_COUNTED) {
            h.append("<tr><th>duplicate rows (kept)</th><td>").append(grouped(q.duplicateRows())).append("</td></tr>");
        }
        if (q.firstTimestamp() != TimestampColumn.MISSING) {
            h.append("<tr><th>period</th><td>").append(dateTime(q.firstTimestamp())).append(" to ")
                    .append(dateTime(q.lastTimestamp())).append("</td></tr>");
        }
        h.append("</table>");
        for (TransactionField f : BusinessFigures.BROKEN_DOWN) {
            if (totals.levels(f).isPresent()) {
                h.append("<h3>Top ").append(f.columnName()).append(" by amount</h3><div class=\"chart\" id=\"top-")
                        .append(f.columnName()).append("\"></div>");
            }
        }
        h.append("</section>\n");
    }
}
