package io.segmenta.console;

import io.segmenta.api.pipeline.NamedPipeline;
import io.segmenta.api.pipeline.PipelineRun;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Plain-text listings of the named pipelines and of their runs. */
public final class PipelineList {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private PipelineList() {
    }

    /** One row per pipeline: name, state, schedule, what it runs; refused changes and origins below. */
    public static String render(List<NamedPipeline> pipelines) {
        if (pipelines.isEmpty()) {
            return "No pipelines are defined: add an " + PipelineDefinition.FACTORY_PID
                    + "-NAME.cfg file to the deploy folder (see the user guide).\n";
        }
        StringBuilder out = new StringBuilder();
        TextTable table = new TextTable(false, false, false, false);
        table.add("NAME", "STATE", "SCHEDULE", "RUNS");
        for (NamedPipeline p : pipelines) {
            table.add(p.name(), p.state(), p.schedule(), p.description());
        }
        table.render(out, "");
        for (NamedPipeline p : pipelines) {
            out.append(p.name()).append(": ").append(p.origin()).append('\n');
            if (!p.refused().isEmpty()) {
                out.append("  last change refused (the previous definition stays in force): ").append(p.refused())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** One row per run, oldest first. */
    public static String history(List<PipelineRun> runs) {
        if (runs.isEmpty()) {
            return "No pipeline has run yet.\n";
        }
        StringBuilder out = new StringBuilder();
        TextTable table = new TextTable(false, false, false, true, false, false);
        table.add("STARTED (UTC)", "PIPELINE", "TRIGGER", "TIME", "OUTCOME", "DETAIL");
        for (PipelineRun r : runs) {
            table.add(SECONDS.format(r.started()), r.pipeline(), r.trigger(), Numbers.millis(r.nanos()),
                    r.succeeded() ? "ok" : "failed", r.outcome());
        }
        table.render(out, "");
        return out.toString();
    }
}
