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
import io.segmenta.api.pipeline.ReportContext;
import java.util.Arrays;
import java.util.List;

/** Section "Overview": entity, order and money cards, the data quality table, top regions and categories. */
final class OverviewSection {
    private OverviewSection() {
    }

    static void write(StringBuilder h, PipelineResult r, String entity, int number) {
        DataQuality q = r.source().quality();
        BusinessFigures totals = r.business();
        ReportContext c = r.context();
        h.append("<section id=\"overview\"><h2>").append(number).append(". Overview</h2><div class=\"cards\">");
        card(h, grouped(r.features().rowCount()), entity + "s");
        if (r.source().entitiesOnly()) {
            // a customer table: no orders to count; its money, if any, is the value feature
            card(h, "none", "transactions (a " + entity + " table)");
            r.features().value().ifPresent(v -> card(h, money(Arrays.stream(v.values()).sum()),
                    "total " + v.name()));
        } else {
            card(h, grouped(totals.orders()), "orders");
            card(h, money(totals.totalAmount(), c), "total amount");
            card(h, money(totals.averageOrderValue(), c), "average order value");
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
        if (!r.source().entitiesOnly()) {
            h.append("<p class=\"note\" id=\"overview-note\">Total amount: the sum of the amounts of the "
                    + "order lines kept (the rows dropped are listed under Data quality)").append(c.currency().map(cur -> ", in "
                    + cur).orElse("")).append(". Average order value: total amount divided by orders.</p>");
        }
        for (TransactionField f : BusinessFigures.BROKEN_DOWN) {
            if (totals.levels(f).isPresent()) {
                h.append("<h3>Top ").append(esc(plural(f == TransactionField.REGION ? c.regionWord()
                        : f.columnName()))).append(" by amount").append(c.currency().map(cur -> " (" + cur + ")")
                        .orElse("")).append("</h3><div class=\"chart\" id=\"top-").append(f.columnName())
                        .append("\"></div>");
            }
        }
        h.append("</section>\n");
    }

    /** "country" to "countries", "state" to "states". */
    static String plural(String word) {
        return word.matches(".*[^aeiou]y") ? word.substring(0, word.length() - 1) + "ies" : word + "s";
    }
}
