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

    /** The widest STATE cell: a longer state (an invalid definition's reason) is cut there and given in full below. */
    static final int STATE_WIDTH = 40;

    private PipelineList() {
    }

    /**
     * One row per pipeline: name, state (cut to {@value #STATE_WIDTH} characters with "…"), schedule, what it
     * runs; below, each pipeline's origin, its state in full when the row cut it, and a refused change.
     */
    public static String render(List<NamedPipeline> pipelines) {
        if (pipelines.isEmpty()) {
            return "No pipelines are defined: add an " + PipelineDefinition.FACTORY_PID
                    + "-NAME.cfg file to the deploy folder (see the user guide).\n";
        }
        StringBuilder out = new StringBuilder();
        TextTable table = new TextTable(false, false, false, false);
        table.add("NAME", "STATE", "SCHEDULE", "RUNS");
        for (NamedPipeline p : pipelines) {
            table.add(p.name(), cut(p.state()), p.schedule(), p.description());
        }
        table.render(out, "");
        for (NamedPipeline p : pipelines) {
            out.append(p.name()).append(": ").append(p.origin()).append('\n');
            if (!p.refused().isEmpty()) {
                out.append("  last change refused: it does not run until the definition is fixed\n");
            }
            if (!cut(p.state()).equals(p.state())) {
                out.append("  ").append(oneLine(p.state())).append('\n');
            }
        }
        return out.toString();
    }

    /** The state as the table shows it: one line, at most {@value #STATE_WIDTH} characters. */
    static String cut(String state) {
        String line = oneLine(state);
        return line.length() <= STATE_WIDTH ? line : line.substring(0, STATE_WIDTH - 1) + "\u2026";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
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
