package io.segmenta.engine.internal;

import io.segmenta.api.RunCancelledException;
import io.segmenta.api.pipeline.EngineOptions;
import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureBackEnd;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.engine.internal.scaling.Scaler;
import io.segmenta.engine.internal.scaling.TransformScaler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs pipelines with the stages of a {@link StageCatalog}: the engine's use cases behind one small facade. Plain
 * Java: the OSGi and module-path engines only fill the catalog and choose where log lines go.
 * <p>
 * Each use case plans first ({@link RunPlanner}: stages, defaults, validation; nothing is read), then runs as one
 * guarded run (cancelled when a stage it uses goes away or its thread is interrupted) whose steps a
 * {@link StepRunner} runs: {@link Training} for run, select-k, run-choosing-k and runs on handed-over features
 * or on a back-end,
 * {@link RunOutputs} for what they write, {@link Prediction} for predict.
 */
public final class PipelineRunner {
    /** See {@link EngineOptions#SILHOUETTE_SAMPLE}. */
    public static final String SILHOUETTE_SAMPLE = EngineOptions.SILHOUETTE_SAMPLE;
    /** See {@link EngineOptions#SAVE_MODEL}. */
    public static final String SAVE_MODEL = EngineOptions.SAVE_MODEL;

    private final StageCatalog catalog;
    private final RunPlanner planner;
    private final Training training;
    private final Prediction prediction;
    private final Function<String, System.Logger> loggers;
    private final Set<RunState> active = ConcurrentHashMap.newKeySet();

    /**
     * {@code System.getLogger} behind a method of this class: a method reference to the caller-sensitive
     * {@code System::getLogger} makes Java spin a hidden class when it is first made (some 10 ms of a short CLI
     * run; docs/performance.md, "Memory and start-up defaults of bin/segmenta"). The caller is this class either way.
     */
    private static System.Logger systemLogger(String name) {
        return System.getLogger(name);
    }

    public PipelineRunner(StageCatalog catalog) {
        this(catalog, new StageDefaults());
    }

    /** @param defaults option defaults per stage, consulted when each run starts */
    public PipelineRunner(StageCatalog catalog, StageDefaults defaults) {
        this(catalog, defaults, PipelineRunner::systemLogger);
    }

    /**
     * @param loggers where log lines go, logger by name (the engine's and each stage's); asked at each run, so a
     *        logging backend that comes or goes meanwhile is used from the next run
     */
    public PipelineRunner(StageCatalog catalog, StageDefaults defaults, Function<String, System.Logger> loggers) {
        this(catalog, new TransformScaler(), Runtime.getRuntime().availableProcessors(), defaults, loggers);
    }

    public PipelineRunner(StageCatalog catalog, Scaler scaler, int threads) {
        this(catalog, scaler, threads, new StageDefaults());
    }

    public PipelineRunner(StageCatalog catalog, Scaler scaler, int threads, StageDefaults defaults) {
        this(catalog, scaler, threads, defaults, PipelineRunner::systemLogger);
    }

    /**
     * @param scaler how features are scaled before clustering
     * @param threads threads for the silhouette computation
     */
    public PipelineRunner(StageCatalog catalog, Scaler scaler, int threads, StageDefaults defaults,
            Function<String, System.Logger> loggers) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.planner = new RunPlanner(catalog, defaults);
        this.training = new Training(Objects.requireNonNull(scaler, "scaler"), threads);
        this.prediction = new Prediction(planner);
        this.loggers = Objects.requireNonNull(loggers, "loggers");
        catalog.addRemovalListener(this::stageRemoved);
    }

    /** The stages registered now, by kind and then name. */
    public List<StageDescriptor> stages() {
        return catalog.descriptors();
    }

    private void stageRemoved(StageEntry entry) {
        for (RunState run : active) {
            run.stageRemoved(entry);
        }
    }

    /**
     * Runs a pipeline; see {@link io.segmenta.api.pipeline.PipelineEngine#run}.
     *
     * @param listener may be null
     */
    public PipelineResult run(PipelineSpec asked, ProgressListener listener) {
        RunPlanner.Plan plan = planner.run(Objects.requireNonNull(asked, "spec"));
        PipelineSpec spec = plan.spec();
        ChosenStages chosen = plan.chosen();
        return guarded(chosen, spec.options(), listener, "run " + describe(spec, chosen), steps -> {
            Training.Prepared prepared = training.prepare(spec, chosen, steps, spec.cluster().k(), "k",
                    ReadFields.ofResult(chosen));
            return RunOutputs.write(training.fitAndMeasure(spec, chosen, steps, prepared, Optional.empty(),
                    plan.naming()), chosen, steps, prepared.fitted());
        });
    }

    /**
     * Fits the spec's algorithm for every k of a range; see {@link io.segmenta.api.pipeline.PipelineEngine#selectK}.
     * The spec's k and reporters are not used.
     *
     * @param listener may be null
     */
    public KSelection selectK(PipelineSpec asked, int kMin, int kMax, ProgressListener listener) {
        RunPlanner.Plan plan = planner.range(Objects.requireNonNull(asked, "spec"), kMin, kMax, false);
        PipelineSpec spec = plan.spec();
        ChosenStages chosen = plan.chosen();
        return guarded(chosen, spec.options(), listener, "select-k " + kMin + ".." + kMax + " " + chosen.describe(),
                steps -> training.measureRange(spec, chosen, kMin, kMax, steps,
                        training.prepare(spec, chosen, steps, kMax, "k-max", ReadFields.NONE)));
    }

    /**
     * A run whose k is chosen from a range, reading and extracting once; see
     * {@link io.segmenta.api.pipeline.PipelineEngine#runChoosingK}.
     *
     * @param listener may be null
     */
    public PipelineResult runChoosingK(PipelineSpec asked, int kMin, int kMax, ProgressListener listener) {
        RunPlanner.Plan plan = planner.range(Objects.requireNonNull(asked, "spec"), kMin, kMax, true);
        return choosingK(plan, kMin, kMax, listener, "run choosing k in ", null);
    }

    /** @param backEnd extracts the members that share the run's input, or null: the engine's stages do */
    private PipelineResult choosingK(RunPlanner.Plan plan, int kMin, int kMax, ProgressListener listener,
            String what, FeatureBackEnd backEnd) {
        PipelineSpec spec = plan.spec();
        ChosenStages chosen = plan.chosen();
        return guarded(chosen, spec.options(), listener, what + kMin + ".." + kMax + " "
                + chosen.describe(), steps -> {
                    Training.Prepared prepared = training.prepare(spec, chosen, steps, kMax, "k-max",
                            ReadFields.ofResult(chosen), backEnd);
                    KSelection selection = training.measureRange(spec, chosen, kMin, kMax, steps, prepared);
                    steps.progress().info(null, "select-k", selection.reason());
                    ClusterRequest c = spec.cluster();
                    PipelineSpec chosenK = spec.withCluster(new ClusterRequest(selection.recommendedK(), c.seed(),
                            c.runs(), c.maxIterations()));
                    return RunOutputs.write(training.fitAndMeasure(chosenK, chosen, steps, prepared,
                            Optional.of(selection), plan.naming()), chosen, steps, prepared.fitted());
                });
    }

    /**
     * Runs a pipeline on features extracted elsewhere; see
     * {@link io.segmenta.api.pipeline.PipelineEngine#runOnFeatures}.
     *
     * @param listener may be null
     */
    public PipelineResult runOnFeatures(PipelineSpec asked, ExtractedFeatures extracted, ProgressListener listener) {
        Objects.requireNonNull(extracted, "extracted");
        RunPlanner.Plan plan = planner.afterFeatures(Objects.requireNonNull(asked, "spec"));
        PipelineSpec spec = plan.spec();
        ChosenStages chosen = plan.chosen();
        return guarded(chosen, spec.options(), listener, "run on handed-over features " + describe(spec, chosen),
                steps -> {
                    Training.Prepared prepared = training.handedOver(spec, extracted, steps, spec.cluster().k(), "k");
                    return RunOutputs.write(training.fitAndMeasure(spec, chosen, steps, prepared, Optional.empty(),
                            plan.naming()), chosen, steps, prepared.fitted());
                });
    }

    /**
     * Runs a pipeline whose shared members a back-end extracts; see
     * {@link io.segmenta.api.pipeline.PipelineEngine#runOnBackEnd}.
     *
     * @param listener may be null
     */
    public PipelineResult runOnBackEnd(PipelineSpec asked, FeatureBackEnd backEnd, ProgressListener listener) {
        Objects.requireNonNull(backEnd, "backEnd");
        RunPlanner.Plan plan = planner.run(Objects.requireNonNull(asked, "spec"), false);
        PipelineSpec spec = plan.spec();
        ChosenStages chosen = plan.chosen();
        return guarded(chosen, spec.options(), listener, "run on a back-end " + describe(spec, chosen), steps -> {
            Training.Prepared prepared = training.prepare(spec, chosen, steps, spec.cluster().k(), "k",
                    ReadFields.ofResult(chosen), backEnd);
            return RunOutputs.write(training.fitAndMeasure(spec, chosen, steps, prepared, Optional.empty(),
                    plan.naming()), chosen, steps, prepared.fitted());
        });
    }

    /**
     * A run choosing k in a range whose shared members a back-end extracts; see
     * {@link io.segmenta.api.pipeline.PipelineEngine#runOnBackEndChoosingK}.
     *
     * @param listener may be null
     */
    public PipelineResult runOnBackEndChoosingK(PipelineSpec asked, FeatureBackEnd backEnd, int kMin, int kMax,
            ProgressListener listener) {
        Objects.requireNonNull(backEnd, "backEnd");
        RunPlanner.Plan plan = planner.range(Objects.requireNonNull(asked, "spec"), kMin, kMax, true, false);
        return choosingK(plan, kMin, kMax, listener, "run on a back-end choosing k in ", backEnd);
    }

    /**
     * Places new data in the segments of a saved model; see {@link io.segmenta.api.pipeline.PipelineEngine#predict}.
     *
     * @param listener may be null
     */
    public PredictionResult predict(PredictSpec spec, ProgressListener listener) {
        Objects.requireNonNull(spec, "spec");
        Prediction.Plan plan = prediction.plan(spec);
        return guarded(plan.chosen(), plan.options(), listener, "predict with " + spec.model() + " on "
                + spec.input(), steps -> prediction.execute(spec, plan, steps, null));
    }

    /**
     * Places new data a back-end reads in the segments of a saved model; see
     * {@link io.segmenta.api.pipeline.PipelineEngine#predictOnBackEnd}.
     *
     * @param listener may be null
     */
    public PredictionResult predictOnBackEnd(PredictSpec spec, FeatureBackEnd backEnd, ProgressListener listener) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(backEnd, "backEnd");
        Prediction.Plan plan = prediction.plan(spec, false);
        return guarded(plan.chosen(), plan.options(), listener, "predict on a back-end with " + spec.model()
                + " on " + spec.input(), steps -> prediction.execute(spec, plan, steps, backEnd));
    }

    private static String describe(PipelineSpec spec, ChosenStages chosen) {
        return chosen.describe() + " (k = " + spec.cluster().k() + ") on " + spec.input();
    }

    /**
     * Runs work as one run: cancelled when a stage it uses goes away or its thread is interrupted; logged when it
     * starts and how it ends.
     */
    private <T> T guarded(ChosenStages chosen, Options options, ProgressListener listener, String what,
            Function<StepRunner, T> work) {
        RunLog log = new RunLog(loggers);
        RunState run = new RunState(Thread.currentThread(), chosen.all());
        active.add(run);
        long start = System.nanoTime();
        try {
            log.started(what);
            // a stage removed between planning and active.add() was not reported to this run: look again
            for (StageEntry e : chosen.all()) {
                if (!catalog.contains(e)) {
                    run.stageRemoved(e);
                }
            }
            run.checkNotCancelled(List.of());
            T result = work.apply(new StepRunner(options, run, listener == null ? ProgressListener.NONE : listener,
                    log));
            log.finished(what, System.nanoTime() - start);
            return result;
        } catch (RuntimeException e) {
            log.failed(what, e, run.isCancelled() || e.getCause() instanceof RunCancelledException
                    || e.getCause() instanceof CancellationException);
            throw e;
        } finally {
            active.remove(run);
        }
    }
}
