package io.segmenta.console;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A named pipeline as configuration: the fields of a {@code io.segmenta.pipeline} factory configuration (a
 * {@code .cfg} file that FileInstall turns into one, or any ConfigAdmin client), read the same way by the Felix
 * runtime and by {@code segmenta run --pipeline FILE}. The fields are the run options without their dashes
 * ({@code source}, {@code input}, {@code k}, {@code report}, ...), plus:
 * <ul>
 * <li>{@code name}: the pipeline's name (default: the file name after {@code io.segmenta.pipeline-});</li>
 * <li>{@code k.min} and {@code k.max} instead of {@code k}: k is chosen at each run, as {@code select-k}
 * recommends it;</li>
 * <li>{@code option.KEY = VALUE}: a stage or engine option, e.g. {@code option.snapshot = 2011-12-10};</li>
 * <li>{@code input.NAME} and {@code source.NAME}: the input (and its source) of the feature-set member NAME that
 * reads its own, as {@code --input.NAME} and {@code --source.NAME} (e.g. {@code features = rfm+attributes},
 * {@code input.attributes = crm.csv});</li>
 * <li>{@code schedule}: {@code every N} with a unit {@code m}, {@code h} or {@code d} (e.g. {@code every 30d}),
 * a five-field cron expression or macro (e.g. {@code 0 6 1 * *}, {@code @monthly}; see {@link Schedule}), or
 * {@code none}; {@code schedule.zone}: the time zone of a cron expression (default the JVM's).</li>
 * </ul>
 * Parsing checks everything it can without the stages (the stages' existence is the pipeline's state, which
 * changes as bundles come and go); an error names the field and the reason, and nothing of an invalid
 * definition is used.
 *
 * @param name the pipeline's name
 * @param spec the run (its k is {@code kMin} when a range is given)
 * @param kMin the smallest k of an automatic choice, or 0 for a fixed k
 * @param kMax the largest k of an automatic choice, or 0
 * @param schedule when it runs by itself ({@link Schedule#NONE}: never)
 * @param origin where the definition came from (a file, or a configuration PID)
 */
public record PipelineDefinition(String name, PipelineSpec spec, int kMin, int kMax, Schedule schedule,
        String origin) {
    /** The factory PID of pipeline configurations. */
    public static final String FACTORY_PID = "io.segmenta.pipeline";
    /** Fields that are not run options. */
    private static final Set<String> OWN_FIELDS = Set.of("name", "k.min", "k.max", "schedule", "schedule.zone");
    /**
     * Prefixes of the properties that ConfigAdmin, FileInstall and SCR add to a configuration ({@code service.pid},
     * {@code felix.fileinstall.filename}, {@code component.name}, {@code osgi.ds.satisfying.condition.target},
     * ...), which are not fields.
     */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("service.", "felix.", "component.", "osgi.",
            "objectClass", ".");
    private static final String OPTION_PREFIX = "option.";

    public PipelineDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** As before schedules could be cron expressions: an interval in minutes, or 0 for none. */
    public PipelineDefinition(String name, PipelineSpec spec, int kMin, int kMax, long scheduleMinutes,
            String origin) {
        this(name, spec, kMin, kMax, scheduleMinutes == 0 ? Schedule.NONE : Schedule.every(scheduleMinutes), origin);
    }

    /** The interval of an {@code every} schedule in minutes, 0 for none or a cron schedule. */
    public long scheduleMinutes() {
        return schedule.intervalMinutes();
    }

    /**
     * Runs it with {@code engine}: with a k range, as {@link PipelineEngine#runChoosingK} (the input is read
     * once, and the result says how k was chosen).
     */
    public PipelineResult run(PipelineEngine engine, ProgressListener listener) {
        return choosesK() ? engine.runChoosingK(spec, kMin, kMax, listener) : engine.run(spec, listener);
    }

    /** Whether k is chosen at each run. */
    public boolean choosesK() {
        return kMin > 0;
    }

    /**
     * Reads a pipeline file ({@code .cfg}: Java properties, as FileInstall reads it).
     *
     * @throws SegmentaException naming the file and the field
     */
    public static PipelineDefinition read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(in); // FileInstall's default encoding for .cfg files
        } catch (NoSuchFileException e) {
            throw new SegmentaException("no such pipeline file: " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new SegmentaException(file + ": not a pipeline file (" + e.getMessage() + ")", e);
        }
        Map<String, Object> fields = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            fields.put(key, p.getProperty(key));
        }
        return parse(fields, defaultName(file), file.toString());
    }

    /**
     * Parses configuration properties.
     *
     * @param defaultName the name when the fields have none (e.g. from the file name); may be null
     * @param origin where they came from, for messages
     * @throws SegmentaException naming the origin, the field and the reason
     */
    public static PipelineDefinition parse(Map<String, ?> fields, String defaultName, String origin) {
        String name = text(fields, "name");
        if (name == null) {
            name = defaultName;
        }
        if (name == null || name.isBlank()) {
            throw error(origin, "name", "is missing; name the pipeline (name = uk-monthly) or the file "
                    + FACTORY_PID + "-NAME.cfg");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw error(origin, "name", "'" + name + "' should be letters, digits, '.', '_' or '-'");
        }
        String where = "pipeline " + name + " (" + origin + ")";
        RunArguments run = new RunArguments();
        int kMin = 0;
        int kMax = 0;
        String scheduleText = null;
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, ?> e : new TreeMap<>(fields).entrySet()) {
            String key = e.getKey();
            if (FRAMEWORK_PREFIXES.stream().anyMatch(key::startsWith) || key.equals("name")) {
                continue;
            }
            String value = String.valueOf(e.getValue()).trim();
            try {
                if (key.startsWith(OPTION_PREFIX) && key.length() > OPTION_PREFIX.length()) {
                    run.set(RunArguments.OPTION, key.substring(OPTION_PREFIX.length()) + "=" + value);
                } else if (key.equals("k.min")) {
                    kMin = atLeastTwo(value);
                } else if (key.equals("k.max")) {
                    kMax = atLeastTwo(value);
                } else if (key.equals("schedule")) {
                    scheduleText = value;
                } else if (key.equals("schedule.zone")) {
                    continue; // read with the schedule below
                } else if (RunArguments.isOption("--" + key) && !key.equals("option") && !key.equals("options")) {
                    run.set("--" + key, value);
                } else {
                    unknown.add(key);
                }
            } catch (SegmentaException ex) {
                throw error(where, key, ex.getMessage());
            }
        }
        if (!unknown.isEmpty()) {
            List<String> known = new ArrayList<>();
            for (String option : RunArguments.names()) {
                if (!option.equals(RunArguments.OPTION) && !option.equals(RunArguments.OPTIONS)) {
                    known.add(option.substring(2));
                }
            }
            known.add(RunArguments.MEMBER_INPUT.substring(2));
            known.add(RunArguments.MEMBER_SOURCE.substring(2));
            known.addAll(OWN_FIELDS);
            known.add(OPTION_PREFIX + "KEY");
            throw new SegmentaException(where + ": unknown " + (unknown.size() == 1 ? "field " : "fields ")
                    + String.join(", ", unknown) + "; the fields are " + String.join(", ", known));
        }
        if ((kMin > 0) != (kMax > 0)) {
            throw error(where, kMin > 0 ? "k.max" : "k.min", "is missing: give both k.min and k.max, or k");
        }
        if (kMin > 0) {
            if (fields.containsKey("k")) {
                throw error(where, "k", "cannot be given with k.min and k.max (k is then chosen at each run)");
            }
            if (kMax < kMin) {
                throw error(where, "k.max", kMax + " is below k.min (" + kMin + ")");
            }
            run.set(RunArguments.K, Integer.toString(kMin));
        }
        Schedule schedule;
        try {
            schedule = Schedule.parse(scheduleText, text(fields, "schedule.zone"));
        } catch (SegmentaException ex) {
            throw error(where, scheduleText == null ? "schedule.zone" : "schedule", ex.getMessage());
        }
        PipelineSpec spec;
        try {
            spec = run.spec();
        } catch (SegmentaException ex) {
            // a missing --source or --input: name the field as the file writes it
            throw new SegmentaException(where + ": " + ex.getMessage().replace("--", "field "));
        }
        return new PipelineDefinition(name, spec, kMin, kMax, schedule, origin);
    }

    /** The name in {@code io.segmenta.pipeline-NAME.cfg}, or null for another file name. */
    public static String defaultName(Path file) {
        String fileName = file.getFileName().toString();
        String prefix = FACTORY_PID + "-";
        if (fileName.startsWith(prefix) && fileName.endsWith(".cfg") && fileName.length() > prefix.length() + 4) {
            return fileName.substring(prefix.length(), fileName.length() - 4);
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String text(Map<String, ?> fields, String key) {
        Object v = fields.get(key);
        return v == null ? null : String.valueOf(v).trim();
    }

    private static int atLeastTwo(String value) {
        try {
            int k = Integer.parseInt(value);
            if (k >= 2) {
                return k;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new SegmentaException("'" + value + "' should be a whole number of at least 2");
    }

    private static SegmentaException error(String where, String field, String reason) {
        return new SegmentaException(where + ": field '" + field + "'" + (reason.startsWith("is ") ? " " : ": ")
                + reason);
    }
}
