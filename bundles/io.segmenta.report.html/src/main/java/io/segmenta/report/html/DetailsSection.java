package io.segmenta.report.html;

import static io.segmenta.report.html.Html.esc;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.StageTiming;
import io.segmenta.table.output.DecimalText;
import java.util.Map;
import java.util.TreeMap;

/** Section "Run details": input, k and its parameters, options, scaling, stages and timings. */
final class DetailsSection {
    private DetailsSection() {
    }

    static void write(StringBuilder h, PipelineResult r, int number) {
        h.append("<section id=\"details\"><h2>").append(number).append(". Run details</h2><table class=\"dq\">");
        h.append("<tr><th>input</th><td>").append(esc(r.spec().input().toString())).append("</td></tr>");
        h.append("<tr><th>k, seed, runs, iteration cap</th><td>").append(r.model().k()).append(", ")
                .append(r.spec().cluster().seed()).append(", ").append(r.spec().cluster().runs()).append(", ")
                .append(r.spec().cluster().maxIterations()).append("</td></tr>");
        for (Map.Entry<String, String> e : new TreeMap<>(r.spec().options().asMap()).entrySet()) {
            h.append("<tr><th>option ").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue()))
                    .append("</td></tr>");
        }
        for (Map.Entry<String, String> e : new TreeMap<>(r.scaling()).entrySet()) {
            h.append("<tr><th>scaling of ").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue()))
                    .append("</td></tr>");
        }
        for (Map.Entry<String, String> e : new TreeMap<>(r.stageVersions()).entrySet()) {
            h.append("<tr><th>stage ").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue()))
                    .append("</td></tr>");
        }
        for (StageTiming t : r.timings()) {
            h.append("<tr><th>time: ").append(t.kind() == null ? "" : esc(t.kind().label()) + " ")
                    .append(esc(t.name())).append("</th><td>").append(DecimalText.format(t.millis(), 1))
                    .append(" ms</td></tr>");
        }
        h.append("</table></section>\n");
    }
}
