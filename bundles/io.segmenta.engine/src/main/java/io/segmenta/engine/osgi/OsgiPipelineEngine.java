package io.segmenta.engine.osgi;

import io.segmenta.api.pipeline.ExtractedFeatures;
import io.segmenta.api.pipeline.FeatureBackEnd;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.PredictSpec;
import io.segmenta.api.pipeline.PredictionResult;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.Clusterer;
import io.segmenta.api.stage.DataSource;
import io.segmenta.api.stage.FeatureExtractor;
import io.segmenta.api.stage.Reporter;
import io.segmenta.api.stage.Stage;
import io.segmenta.api.stage.StageKind;
import io.segmenta.engine.internal.PipelineRunner;
import io.segmenta.engine.internal.StageDefaults;
import io.segmenta.engine.internal.StageEntry;
import io.segmenta.engine.internal.StageRegistry;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.LoggerFactory;

/**
 * The engine in OSGi: a DS component that tracks every stage service as it comes and goes (dynamic, greedy,
 * multiple references) and runs pipelines with the ones registered at the time. Only this package sees OSGi
 * types; everything else is {@link PipelineRunner}. The engine's and the stages' log lines go to the OSGi Log
 * Service (R7 {@link LoggerFactory}) when one is registered, through {@link OsgiSystemLogger}.
 * <p>
 * Stages are keyed by their {@value Stage#NAME_PROPERTY} service property (or {@link Stage#name()} when it is
 * missing). When two services of one kind share a name, the one OSGi would pick (highest service ranking,
 * then lowest service id) is used. A stage unregistered while a run uses it makes that run stop after its
 * current step with a message saying so; nothing is written then.
 */
@Component(service = PipelineEngine.class, immediate = true)
public class OsgiPipelineEngine implements PipelineEngine {
    private final StageRegistry registry = new StageRegistry();
    private final StageDefaults defaults = new StageDefaults();
    private final PipelineRunner runner = new PipelineRunner(registry, defaults, this::logger);
    /** The OSGi Log Service's logger factory while there is one (optional, dynamic). */
    private volatile LoggerFactory logService;

    @Override
    public List<StageDescriptor> stages() {
        return runner.stages();
    }

    @Override
    public PipelineResult run(PipelineSpec spec, ProgressListener listener) {
        return runner.run(spec, listener);
    }

    @Override
    public KSelection selectK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener) {
        return runner.selectK(spec, kMin, kMax, listener);
    }

    @Override
    public PipelineResult runChoosingK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener) {
        return runner.runChoosingK(spec, kMin, kMax, listener);
    }

    @Override
    public PipelineResult runOnFeatures(PipelineSpec spec, ExtractedFeatures extracted, ProgressListener listener) {
        return runner.runOnFeatures(spec, extracted, listener);
    }

    @Override
    public PredictionResult predict(PredictSpec spec, ProgressListener listener) {
        return runner.predict(spec, listener);
    }

    @Override
    public PipelineResult runOnBackEnd(PipelineSpec spec, FeatureBackEnd backEnd, ProgressListener listener) {
        return runner.runOnBackEnd(spec, backEnd, listener);
    }

    @Override
    public PipelineResult runOnBackEndChoosingK(PipelineSpec spec, FeatureBackEnd backEnd, int kMin, int kMax,
            ProgressListener listener) {
        return runner.runOnBackEndChoosingK(spec, backEnd, kMin, kMax, listener);
    }

    @Override
    public PredictionResult predictOnBackEnd(PredictSpec spec, FeatureBackEnd backEnd, ProgressListener listener) {
        return runner.predictOnBackEnd(spec, backEnd, listener);
    }

    @Reference(service = DataSource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSource")
    void addSource(DataSource stage, ServiceReference<DataSource> ref) {
        add(StageKind.SOURCE, stage, ref);
    }

    void removeSource(DataSource stage, ServiceReference<DataSource> ref) {
        remove(StageKind.SOURCE, ref);
    }

    @Reference(service = FeatureExtractor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFeatures")
    void addFeatures(FeatureExtractor stage, ServiceReference<FeatureExtractor> ref) {
        add(StageKind.FEATURES, stage, ref);
    }

    void removeFeatures(FeatureExtractor stage, ServiceReference<FeatureExtractor> ref) {
        remove(StageKind.FEATURES, ref);
    }

    @Reference(service = Clusterer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeAlgorithm")
    void addAlgorithm(Clusterer stage, ServiceReference<Clusterer> ref) {
        add(StageKind.ALGORITHM, stage, ref);
    }

    void removeAlgorithm(Clusterer stage, ServiceReference<Clusterer> ref) {
        remove(StageKind.ALGORITHM, ref);
    }

    @Reference(service = Reporter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeReporter")
    void addReporter(Reporter stage, ServiceReference<Reporter> ref) {
        add(StageKind.REPORTER, stage, ref);
    }

    void removeReporter(Reporter stage, ServiceReference<Reporter> ref) {
        remove(StageKind.REPORTER, ref);
    }

    /** Stage option defaults from configuration (see {@link StageDefaults}); each run takes those in force. */
    @Reference(service = StageDefaultsConfiguration.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeDefaults")
    void addDefaults(StageDefaultsConfiguration configuration) {
        defaults.put(configuration.id(), configuration.entry());
    }

    void removeDefaults(StageDefaultsConfiguration configuration) {
        defaults.remove(configuration.id());
    }

    /** Log lines go to the OSGi Log Service while one is registered, else to {@link System#getLogger}. */
    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeLogService")
    void setLogService(LoggerFactory factory) {
        logService = factory;
    }

    void removeLogService(LoggerFactory factory) {
        if (logService == factory) {
            logService = null;
        }
    }

    System.Logger logger(String name) {
        LoggerFactory factory = logService;
        return factory == null ? System.getLogger(name) : new OsgiSystemLogger(factory.getLogger(name));
    }

    private void add(StageKind kind, Stage stage, ServiceReference<?> ref) {
        Object property = ref.getProperty(Stage.NAME_PROPERTY);
        String name = property instanceof String s && !s.isBlank() ? s.trim() : stage.name();
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        registry.add(new StageEntry(kind, name, stage, origin(ref), ranking instanceof Integer r ? r : 0,
                serviceId(ref)));
    }

    private void remove(StageKind kind, ServiceReference<?> ref) {
        registry.remove(kind, serviceId(ref));
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    /** "io.segmenta.cluster.kmeans 0.2.0.SNAPSHOT": the bundle that registered the service. */
    private static String origin(ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        return bundle == null ? "unregistered service" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
