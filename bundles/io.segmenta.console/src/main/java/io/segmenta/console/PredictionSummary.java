package io.segmenta.console;

import io.segmenta.api.pipeline.PredictionResult;
import java.util.List;

/** The plain-text summary of a prediction, as the shell and the CLI print it. */
public final class PredictionSummary {
    private PredictionSummary() {
    }

    /** The whole summary, each line ending with '\n'. */
    public static String render(PredictionResult result) {
        StringBuilder out = new StringBuilder();
        PredictionResult.ModelSummary m = result.model();
        String entities = result.features().entity().label() + "s";
        out.append("Model ").append(m.file()).append('\n');
        TextTable about = new TextTable(false, false);
        about.add("algorithm", m.algorithm() + ", k=" + m.k());
        about.add("trained on", Numbers.grouped(m.trainingEntities()) + " " + entities + " from " + m.source()
                + " with " + m.features() + " features");
        about.add("saved", m.created());
        about.render(out, "  ");
        out.append('\n');
        RunSummary.dataQuality(result.spec().input(), result.source().quality(), out);
        out.append('\n');
        int total = result.features().rowCount();
        out.append("Predicted segments (").append(Numbers.grouped(total)).append(' ').append(entities).append(")\n");
        TextTable table = new TextTable(true, true, true, false);
        table.add("segment", entities, "share", "name");
        int[] sizes = result.sizes();
        List<String> names = m.segmentNames();
        for (int s = 0; s < sizes.length; s++) {
            table.add(Integer.toString(s), Numbers.grouped(sizes[s]),
                    Numbers.percent(total == 0 ? 0 : (double) sizes[s] / total), names.get(s));
        }
        table.render(out, "  ");
        out.append('\n');
        if (!result.warnings().isEmpty()) {
            // one line each: what differs from the training data, by how much, and what to do
            for (String w : result.warnings()) {
                out.append(w.startsWith("not checked: ") ? "Note, " : "Warning: ").append(w).append('\n');
            }
            out.append('\n');
        }
        RunSummary.timings(result.timings(), out);
        out.append('\n');
        RunSummary.outputs(result.outputs(), out);
        return out.toString();
    }
}
