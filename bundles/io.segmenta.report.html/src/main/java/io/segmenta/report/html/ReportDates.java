package io.segmenta.report.html;

import static io.segmenta.report.html.Html.esc;

import io.segmenta.api.pipeline.ReportContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The header's line that dates the figures: when the run was made, the snapshot, the currency. */
final class ReportDates {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);

    private ReportDates() {
    }

    static void write(StringBuilder h, ReportContext c) {
        List<String> parts = new ArrayList<>();
        c.ranAt().ifPresent(t -> parts.add("Run on <b id=\"run-date\">" + MINUTES.format(LocalDateTime.ofInstant(t,
                ZoneOffset.UTC)) + " UTC</b>"));
        c.snapshot().ifPresent(t -> parts.add("recency measured to the snapshot date <b id=\"snapshot-date\">"
                + MINUTES.format(t) + "</b> (days since the last order are counted to it)"));
        c.currency().ifPresent(cur -> parts.add("amounts in <b id=\"currency\">" + esc(cur) + "</b>"));
        if (!parts.isEmpty()) {
            h.append("<p class=\"dates\">").append(String.join("; ", parts)).append(".</p>");
        }
    }
}
