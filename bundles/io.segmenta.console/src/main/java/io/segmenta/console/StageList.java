package io.segmenta.console;

import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.StageOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders the registered stages as a table grouped by kind in pipeline order (source first, reporters last),
 * followed by the sample generators; verbose, also the options of the engine and of each stage.
 */
public final class StageList {
    /** The kind shown for sample generators, which are not pipeline stages. */
    public static final String GENERATOR = "generator";
    /** The stage column of the options the engine reads itself. */
    static final String ENGINE = "engine";

    private StageList() {
    }

    /**
     * The module and version a generator comes from, or "-" when its class is not in a named module (in
     * OSGi, bundles are not JPMS modules).
     */
    private static String origin(Class<?> type) {
        Module module = type.getModule();
        if (!module.isNamed() || module.getDescriptor() == null) {
            return "-";
        }
        return module.getName() + module.getDescriptor().rawVersion().map(v -> " " + v).orElse("");
    }

    /**
     * @param stages the stages, in any order
     * @param verbose also show each stage's origin (bundle or module and version) and the options it reads
     * @return the table, each line ending with '\n'
     */
    public static String render(List<StageDescriptor> stages, boolean verbose) {
        return render(stages, List.of(), verbose);
    }

    /**
     * @param stages the stages, in any order
     * @param generators the sample generators, in any order: listed after the reporters, as kind
     *        {@value #GENERATOR}
     * @param verbose also show each stage's origin (bundle or module and version) and the options it reads
     * @return the table, each line ending with '\n'
     */
    public static String render(List<StageDescriptor> stages, List<SampleGenerator> generators, boolean verbose) {
        if (stages.isEmpty() && generators.isEmpty()) {
            return "no stages registered\n";
        }
        List<StageDescriptor> sorted = new ArrayList<>(stages);
        sorted.sort(Comparator.comparing(StageDescriptor::kind).thenComparing(StageDescriptor::name));
        List<SampleGenerator> sortedGenerators = new ArrayList<>(generators);
        sortedGenerators.sort(Comparator.comparing(SampleGenerator::name));
        StringBuilder out = new StringBuilder();
        if (!verbose) {
            TextTable table = new TextTable(false, false, false).add("KIND", "NAME", "DESCRIPTION");
            for (StageDescriptor s : sorted) {
                table.add(s.kind().label(), s.name(), s.description());
            }
            for (SampleGenerator g : sortedGenerators) {
                table.add(GENERATOR, g.name(), g.description());
            }
            table.render(out, "");
            return out.toString();
        }
        TextTable table = new TextTable(false, false, false, false).add("KIND", "NAME", "ORIGIN", "DESCRIPTION");
        for (StageDescriptor s : sorted) {
            table.add(s.kind().label(), s.name(), s.origin() == null ? "-" : s.origin(), s.description());
        }
        for (SampleGenerator g : sortedGenerators) {
            table.add(GENERATOR, g.name(), origin(g.getClass()), g.description());
        }
        table.render(out, "");
        if (sorted.isEmpty()) {
            return out.toString(); // generators only: no pipeline, so no options
        }
        // the engine's own options first: they apply to every pipeline, whatever its stages
        out.append('\n').append("OPTIONS (give them with --option KEY=VALUE)\n");
        TextTable options = new TextTable(false, false, false, false).add("STAGE", "OPTION", "DEFAULT",
                "DESCRIPTION");
        for (EngineOptionHelp.Line o : EngineOptionHelp.lines()) {
            options.add(ENGINE, o.name(), o.defaultValue(), o.description());
        }
        for (StageDescriptor s : sorted) {
            for (StageOption o : s.options()) {
                options.add(s.name(), o.name(), o.defaultValue() == null ? "none" : o.defaultValue(),
                        o.description());
            }
        }
        options.render(out, "");
        return out.toString();
    }
}
