package io.segmenta.pipelines;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.FeatureInput;
import io.segmenta.api.pipeline.FeatureMember;
import io.segmenta.api.pipeline.NamedPipeline;
import io.segmenta.api.pipeline.PipelineCatalog;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineRun;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.StageKind;
import io.segmenta.console.PipelineDefinition;
import io.segmenta.console.Schedule;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The pipelines defined as configuration, their state, their runs by name and on schedule, and the history.
 * Tracks every {@link PipelineConfiguration} (dynamic, so adding, editing or deleting a configuration takes
 * effect without restarting anything) and the engine (optional: without it nothing is ready).
 * <p>
 * The schedule is checked once a minute on one thread of its own, stopped on deactivation; a pipeline that
 * is due runs on that thread, one at a time, so a slow run delays the next check rather than piling up runs.
 * A pipeline's first interval run is one interval after it was first seen; a cron schedule's next time is
 * the first matching minute after it was first seen (or after its last run). Times missed while the system
 * was down or a run was going are not made up: the pipeline runs at its next time (as a Kubernetes CronJob
 * without a starting deadline does after a long outage). A pipeline never runs twice at once: a run by name
 * while it runs is refused, and a scheduled time that finds it running is recorded as skipped.
 */
@Component(service = PipelineCatalog.class, immediate = true)
public class PipelineCatalogComponent implements PipelineCatalog {
    static final int HISTORY = 100;
    /**
     * The framework property naming the history file (conf/config.properties sets it inside the distribution's
     * folder, since bin/segmenta-shell starts each time from an empty framework cache); without it the file is in
     * the bundle's data area.
     */
    static final String HISTORY_FILE_PROPERTY = "segmenta.pipelines.history";
    private static final System.Logger LOG = System.getLogger(PipelineCatalogComponent.class.getName());

    private final List<PipelineConfiguration> configurations = new CopyOnWriteArrayList<>();
    private final Deque<PipelineRun> history = new ArrayDeque<>();
    /** The next scheduled time of each scheduled pipeline, with the schedule it was computed for. */
    private final Map<String, Due> nextRun = new ConcurrentHashMap<>();
    /** The pipelines running now, with when they started. */
    private final Map<String, Instant> running = new ConcurrentHashMap<>();
    private final Clock clock;
    /** Where the runs are kept across restarts; null: in memory only. */
    private HistoryFile historyFile;
    private volatile PipelineEngine engine;
    private ScheduledExecutorService scheduler;

    public PipelineCatalogComponent() {
        this(Clock.systemDefaultZone()); // interval schedules' next times are shown in the JVM's zone
    }

    /** For tests: time from the given clock, no scheduler thread, history in memory only. */
    PipelineCatalogComponent(Clock clock) {
        this.clock = clock;
    }

    /** For tests: as {@link #PipelineCatalogComponent(Clock)}, the history kept in the file and read from it. */
    PipelineCatalogComponent(Clock clock, Path historyFile) {
        this.clock = clock;
        useHistoryFile(historyFile);
    }

    private record Due(Schedule schedule, Instant at) {
    }

    @Activate
    void activate(BundleContext context) {
        String file = context.getProperty(HISTORY_FILE_PROPERTY);
        File data = file == null || file.isBlank() ? context.getDataFile("pipeline-history.tsv") : null;
        if (data != null || (file != null && !file.isBlank())) {
            useHistoryFile(data != null ? data.toPath() : Path.of(file));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "segmenta-pipeline-schedule");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runDue, 1, 1, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetEngine")
    void setEngine(PipelineEngine engine) {
        this.engine = engine;
    }

    void unsetEngine(PipelineEngine engine) {
        if (this.engine == engine) {
            this.engine = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeConfiguration")
    void addConfiguration(PipelineConfiguration configuration) {
        configurations.add(configuration);
    }

    void removeConfiguration(PipelineConfiguration configuration) {
        configurations.remove(configuration);
    }

    /** Each name with the states of the configurations that use it (two may, by mistake). */
    private Map<String, List<PipelineConfiguration.State>> byName() {
        Map<String, List<PipelineConfiguration.State>> names = new TreeMap<>();
        for (PipelineConfiguration c : configurations) {
            PipelineConfiguration.State s = c.state();
            if (s != null) {
                names.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
            }
        }
        return names;
    }

    @Override
    public List<NamedPipeline> pipelines() {
        List<NamedPipeline> result = new ArrayList<>();
        PipelineEngine e = engine;
        Set<String> registered = e == null ? Set.of() : registered(e);
        for (Map.Entry<String, List<PipelineConfiguration.State>> entry : byName().entrySet()) {
            for (PipelineConfiguration.State s : entry.getValue()) {
                result.add(describe(s, entry.getValue(), e, registered, scheduleText(s)));
            }
        }
        return result;
    }

    /** "none", or the schedule with its next time: "0 6 1 * * (Asia/Jakarta), next 2027-01-01 06:00 +07:00". */
    private String scheduleText(PipelineConfiguration.State s) {
        PipelineDefinition d = s.definition();
        if (d == null || d.schedule().isNone()) {
            return "none";
        }
        Due due = nextRun.get(s.name());
        Instant next = due != null && due.schedule().equals(d.schedule()) ? due.at()
                : d.schedule().next(clock.instant()).orElse(null);
        if (next == null) {
            return d.schedule() + ", no next time";
        }
        java.time.ZoneId zone = d.schedule().zone().orElse(clock.getZone());
        return d.schedule() + ", next " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")
                .format(next.atZone(zone));
    }

    private static NamedPipeline describe(PipelineConfiguration.State s, List<PipelineConfiguration.State> sameName,
            PipelineEngine engine, Set<String> registered, String schedule) {
        PipelineDefinition d = s.definition();
        if (d == null) {
            return new NamedPipeline(s.name(), s.origin(), "", false, "invalid: " + s.error(), "none", s.refused());
        }
        String state;
        if (sameName.size() > 1) {
            List<String> origins = sameName.stream().map(PipelineConfiguration.State::origin).toList();
            state = "invalid: the name " + s.name() + " is defined " + sameName.size() + " times: "
                    + String.join(", ", origins);
        } else if (engine == null) {
            state = "no pipeline engine is registered";
        } else {
            List<String> missing = missing(d.spec(), registered);
            state = missing.isEmpty() ? "ready" : "missing " + String.join(", ", missing);
        }
        return new NamedPipeline(s.name(), s.origin(), description(d), state.equals("ready"), state, schedule,
                s.refused());
    }

    static String description(PipelineDefinition d) {
        PipelineSpec s = d.spec();
        String k = d.choosesK() ? "k " + d.kMin() + ".." + d.kMax() + ", chosen" : "k " + s.cluster().k();
        return s.source() + " " + s.input() + " -> " + s.features() + " -> " + s.algorithm() + " (" + k + ") -> "
                + (s.reporters().isEmpty() ? "no reports" : String.join(",", s.reporters()) + " into "
                        + s.outputDir());
    }

    /** "kind name" of every registered stage. */
    private static Set<String> registered(PipelineEngine engine) {
        Set<String> names = new TreeSet<>();
        for (StageDescriptor d : engine.stages()) {
            names.add(d.kind().name() + " " + d.name());
        }
        return names;
    }

    private static List<String> missing(PipelineSpec spec, Set<String> registered) {
        List<String> missing = new ArrayList<>();
        check(missing, registered, StageKind.SOURCE, spec.source());
        for (FeatureMember m : spec.members()) {
            check(missing, registered, StageKind.FEATURES, m.extractor());
        }
        for (FeatureInput own : spec.memberInputs().values()) {
            own.source().ifPresent(source -> check(missing, registered, StageKind.SOURCE, source));
        }
        check(missing, registered, StageKind.ALGORITHM, spec.algorithm());
        for (String r : spec.reporters()) {
            check(missing, registered, StageKind.REPORTER, r);
        }
        return missing;
    }

    private static void check(List<String> missing, Set<String> registered, StageKind kind, String name) {
        if (!registered.contains(kind.name() + " " + name)) {
            missing.add(kind.label() + " '" + name + "'");
        }
    }

    @Override
    public PipelineResult run(String name, ProgressListener listener) {
        return run(name, listener, "manual");
    }

    private PipelineResult run(String name, ProgressListener listener, String trigger) {
        Map<String, List<PipelineConfiguration.State>> all = byName();
        List<PipelineConfiguration.State> states = all.get(name);
        if (states == null) {
            throw new SegmentaException("no pipeline named '" + name + "'; defined: "
                    + (all.isEmpty() ? "none (add an " + PipelineDefinition.FACTORY_PID + "-NAME.cfg file)"
                            : String.join(", ", all.keySet())));
        }
        PipelineEngine e = engine;
        NamedPipeline described = describe(states.get(0), states, e, e == null ? Set.of() : registered(e), "");
        if (!described.ready()) {
            throw new SegmentaException("pipeline " + name + " cannot run: " + described.state());
        }
        PipelineDefinition d = states.get(0).definition();
        Instant started = clock.instant();
        Instant already = running.putIfAbsent(name, started);
        if (already != null) {
            String message = "pipeline " + name + " is running (since " + already + "); it runs once at a time";
            if (trigger.equals("schedule")) {
                record(new PipelineRun(name, trigger, started, 0, false, "skipped: " + message, List.of()));
                return null;
            }
            throw new SegmentaException(message);
        }
        long start = System.nanoTime();
        try {
            PipelineResult result = d.run(e, listener);
            record(new PipelineRun(name, trigger, started, System.nanoTime() - start, true, "k=" + result.model().k()
                    + ", " + result.features().rowCount() + " " + result.features().entity().label() + "s",
                    result.outputs(), result.spec().reporters().isEmpty() ? null
                            : result.spec().outputDir().toAbsolutePath()));
            return result;
        } catch (RuntimeException ex) {
            record(new PipelineRun(name, trigger, started, System.nanoTime() - start, false,
                    String.valueOf(ex.getMessage()), List.of()));
            throw ex;
        } finally {
            running.remove(name);
        }
    }

    /** Reads the runs kept in the file; one that cannot be read leaves the history in memory only, with a warning. */
    private void useHistoryFile(Path file) {
        HistoryFile f = new HistoryFile(file, HISTORY);
        try {
            List<PipelineRun> kept = f.read();
            synchronized (history) {
                history.clear();
                history.addAll(kept);
                historyFile = f;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the pipeline history " + file + " cannot be read (" + e
                    + "); runs are kept in memory only until the next restart");
        }
    }

    private void record(PipelineRun run) {
        synchronized (history) {
            history.addLast(run);
            while (history.size() > HISTORY) {
                history.removeFirst();
            }
            if (historyFile != null) {
                try {
                    historyFile.append(run, List.copyOf(history));
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "the run of " + run.pipeline() + " is not kept in "
                            + historyFile.file() + " (" + e + "); it is in segmenta:history until the next restart");
                }
            }
        }
    }

    @Override
    public List<PipelineRun> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Runs every ready pipeline whose time has come; called by the scheduler (and tests). */
    void runDue() {
        Instant now = clock.instant();
        Map<String, Schedule> scheduled = new HashMap<>();
        for (Map.Entry<String, List<PipelineConfiguration.State>> e : byName().entrySet()) {
            PipelineDefinition d = e.getValue().get(0).definition();
            if (e.getValue().size() == 1 && d != null && !d.schedule().isNone()) {
                scheduled.put(e.getKey(), d.schedule());
            }
        }
        nextRun.keySet().retainAll(scheduled.keySet());
        for (Map.Entry<String, Schedule> e : scheduled.entrySet()) {
            Schedule schedule = e.getValue();
            // first seen, or its schedule edited: its next time from now on
            Due due = nextRun.compute(e.getKey(), (name, old) -> old != null && old.schedule().equals(schedule) ? old
                    : schedule.next(now).map(at -> new Due(schedule, at)).orElse(null));
            if (due != null && !now.isBefore(due.at())) {
                // the next time is computed before running, from now: times missed during the run are not made up
                schedule.next(now).ifPresentOrElse(at -> nextRun.put(e.getKey(), new Due(schedule, at)),
                        () -> nextRun.remove(e.getKey()));
                try {
                    run(e.getKey(), ProgressListener.NONE, "schedule");
                } catch (RuntimeException ex) {
                    // recorded in the history, which is where a scheduled run's outcome is read
                }
            }
        }
    }
}
