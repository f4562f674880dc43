package io.segmenta.report.html;

import io.segmenta.api.pipeline.ReportContext;
import io.segmenta.api.stage.FeatureInfo;
import io.segmenta.table.output.DecimalText;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Text for the page: HTML escaping, numbers and dates as the page shows them, table rows, cards, index colours. */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String money(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.2f", v);
    }

    /** An amount with thousands separators and the run's currency code before it, when known. */
    static String money(double v, ReportContext context) {
        return Double.isNaN(v) ? "n/a" : context.currency().map(c -> c + " ").orElse("") + money(v);
    }

    /** A figure with thousands separators and the given decimals ("n/a" when undefined). */
    static String number(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : DecimalText.format(share * 100, 1) + "%";
    }

    static String dateTime(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).toString().replace('T', ' ');
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : DecimalText.format(v, decimals);
    }

    static String row(String name, double v, int decimals) {
        return "<tr><th>" + esc(name) + "</th><td>" + number(v, decimals) + "</td></tr>";
    }

    static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><b>").append(esc(value)).append("</b><span>").append(esc(label))
                .append("</span></div>");
    }

    /**
     * The colour of a feature's index as good or bad: for a feature where higher is better as {@link #colour(double)}
     * (above the average green, below orange); where lower is better the other way round (a segment with half
     * the average days since its last order is green); for a feature that is neither, shades of blue above the
     * average and of grey below, so that no neutral figure looks good or bad.
     */
    static String colour(double index, FeatureInfo.Direction direction) {
        if (Double.isNaN(index) || index <= 0) {
            return "#fff";
        }
        return switch (direction) {
            case HIGHER_IS_BETTER -> colour(index);
            case LOWER_IS_BETTER -> colour(10_000 / index);
            case NEUTRAL -> {
                double t = Math.max(-1, Math.min(1, Math.log(index / 100) / Math.log(4)));
                int light = (int) Math.round(100 - 30 * Math.abs(t));
                yield String.format(Locale.ROOT, "hsl(%d,%d%%,%d%%)", 210, t >= 0 ? 60 : 0, light);
            }
        };
    }

    /** A share's shade of blue (0 white, 1 strong): how concentrated, neither good nor bad. */
    static String shade(double share) {
        int light = (int) Math.round(100 - 45 * Math.max(0, Math.min(1, share)));
        return String.format(Locale.ROOT, "hsl(210,60%%,%d%%)", light);
    }

    /** Index 100 white; above, towards green; below, towards orange; by the log of the ratio, capped at x4. */
    static String colour(double index) {
        if (Double.isNaN(index) || index <= 0) {
            return "#fff";
        }
        double t = Math.max(-1, Math.min(1, Math.log(index / 100) / Math.log(4)));
        int light = (int) Math.round(100 - 40 * Math.abs(t));
        return String.format(Locale.ROOT, "hsl(%d,70%%,%d%%)", t >= 0 ? 140 : 30, light);
    }
}
