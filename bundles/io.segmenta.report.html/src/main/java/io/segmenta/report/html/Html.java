package io.segmenta.report.html;

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
        return "<tr><th>" + esc(name) + "</th><td>" + (Double.isNaN(v) ? "n/a" : DecimalText.format(v, decimals))
                + "</td></tr>";
    }

    static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><b>").append(esc(value)).append("</b><span>").append(esc(label))
                .append("</span></div>");
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
