package io.segmenta.report.html;

import static io.segmenta.report.html.Html.esc;
import static io.segmenta.report.html.Html.grouped;
import static io.segmenta.report.html.Html.money;
import static io.segmenta.report.html.Html.percent;

import io.segmenta.api.data.TransactionField;
import io.segmenta.api.pipeline.BusinessFigures;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentTrend;
import io.segmenta.api.pipeline.SegmentTrends;
import java.util.List;

/**
 * Section "Trends over time", when the run had transactions to count: each segment's revenue, orders and active
 * entities per month as line charts ({@link TrendCharts}), and a table of each segment's top categories (or
 * products, without categories) and regions with their share of the segment's revenue.
 */
final class TrendsSection {
    /** The levels each cell of the top table lists (summary.json and the data hold more). */
    static final int SHOWN = 5;

    private TrendsSection() {
    }

    static void write(StringBuilder h, PipelineResult r, String entity, int number) {
        SegmentTrends t = r.trends();
        List<String> months = t.monthNames();
        h.append("<section id=\"trends\"><h2>").append(number).append(". Trends over time</h2><p class=\"note\">")
                .append("Each segment month by month, from ").append(months.get(0)).append(" to ")
                .append(months.get(months.size() - 1)).append(" (calendar months of the transactions' dates). "
                        + "Revenue: the amounts of the segment's ").append(entity).append("s' transactions in the "
                        + "month added up; orders: their distinct orders; active ").append(entity).append("s: those "
                        + "with at least one transaction in the month. A ").append(entity).append(" counts in the "
                        + "segment it is in now for every month, so the lines show how today's segments came to be"
                        + ", not how segments looked then.");
        if (t.rowsOutside() > 0) {
            h.append(" ").append(grouped(t.rowsOutside())).append(" kept transaction rows count for no segment (their ")
                    .append(entity).append(" was not segmented, or they have no date).");
        }
        h.append("</p><h3>Revenue per month</h3><div class=\"chart\" id=\"trend-revenue\"></div>")
                .append("<h3>Orders per month</h3><div class=\"chart\" id=\"trend-orders\"></div>")
                .append("<h3>Active ").append(entity).append("s per month</h3>")
                .append("<div class=\"chart\" id=\"trend-active\"></div>");
        TransactionField items = itemField(t);
        boolean regions = has(t, TransactionField.REGION);
        if (items == null && !regions) {
            h.append("</section>\n");
            return;
        }
        h.append("<h3>What each segment buys, and where</h3><p class=\"note\">The ").append(SHOWN)
                .append(" largest by revenue, each with its share of the segment's revenue over the whole period (the "
                        + "shares need not add up to 100%: only the largest are listed, and transactions without a "
                        + "value count for none).")
                .append("</p><table class=\"dq\" id=\"trend-top\"><tr><th>segment</th><th>revenue</th>");
        if (items != null) {
            h.append("<th>top ").append(items == TransactionField.CATEGORY ? "categories" : "products").append("</th>");
        }
        if (regions) {
            h.append("<th>top regions</th>");
        }
        h.append("</tr>");
        for (SegmentTrend s : t.segments()) {
            double total = s.totalRevenue();
            h.append("<tr><th>").append(s.segment()).append(". ").append(esc(r.segments().get(s.segment()).name()))
                    .append("</th><td>").append(money(total)).append("</td>");
            if (items != null) {
                levels(h, s.top(items), total);
            }
            if (regions) {
                levels(h, s.top(TransactionField.REGION), total);
            }
            h.append("</tr>");
        }
        h.append("</table></section>\n");
    }

    /** Categories when the data has them (a product id says little to a reader), else products; or null. */
    static TransactionField itemField(SegmentTrends t) {
        return has(t, TransactionField.CATEGORY) ? TransactionField.CATEGORY
                : has(t, TransactionField.PRODUCT) ? TransactionField.PRODUCT : null;
    }

    private static boolean has(SegmentTrends t, TransactionField f) {
        return !t.segments().isEmpty() && t.segments().get(0).top().containsKey(f);
    }

    private static void levels(StringBuilder h, List<BusinessFigures.LevelAmount> levels, double total) {
        h.append("<td class=\"levels\">");
        for (int i = 0; i < Math.min(SHOWN, levels.size()); i++) {
            BusinessFigures.LevelAmount l = levels.get(i);
            h.append(i == 0 ? "" : "<br>").append(esc(l.level())).append(" <small>")
                    .append(total == 0 ? "" : percent(l.amount() / total)).append("</small>");
        }
        h.append("</td>");
    }
}
