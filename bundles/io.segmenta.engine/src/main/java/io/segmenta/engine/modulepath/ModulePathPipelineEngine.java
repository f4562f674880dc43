package io.segmenta.engine.modulepath;

import aQute.bnd.annotation.Cardinality;
import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceConsumer;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.segmenta.api.SegmentaException;
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
import io.segmenta.engine.internal.StageDefaultsFiles;
import io.segmenta.engine.internal.StageEntry;
import io.segmenta.engine.internal.StageRegistry;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The engine on the module path (or class path): found with {@link ServiceLoader} (on the module path among the
 * modules of its layer), it finds its stages the same way, once, on first use. Stages cannot come and go here, so
 * a name that two stages of one kind share is an error (naming both origins) rather than a choice.
 * <p>
 * The bnd annotations make bnd write {@code provides io.segmenta.api.pipeline.PipelineEngine with ...} and the
 * four {@code uses} clauses into the generated {@code module-info.class}, and the matching (optional)
 * {@code osgi.serviceloader} capability and requirements into the manifest.
 */
@ServiceProvider(value = PipelineEngine.class, resolution = Resolution.OPTIONAL)
@ServiceConsumer(value = DataSource.class, resolution = Resolution.OPTIONAL, cardinality = Cardinality.MULTIPLE)
@ServiceConsumer(value = FeatureExtractor.class, resolution = Resolution.OPTIONAL, cardinality = Cardinality.MULTIPLE)
@ServiceConsumer(value = Clusterer.class, resolution = Resolution.OPTIONAL, cardinality = Cardinality.MULTIPLE)
@ServiceConsumer(value = Reporter.class, resolution = Resolution.OPTIONAL, cardinality = Cardinality.MULTIPLE)
public final class ModulePathPipelineEngine implements PipelineEngine {
    private final Function<StageKind, List<? extends Stage>> loader;
    private PipelineRunner runner;

    /** The engine ServiceLoader creates: stages come from {@link ServiceLoader#load(Class)}. */
    public ModulePathPipelineEngine() {
        this(ModulePathPipelineEngine::load);
    }

    /** For tests: stages come from {@code loader}, asked once per kind. */
    ModulePathPipelineEngine(Function<StageKind, List<? extends Stage>> loader) {
        this.loader = loader;
    }

    @Override
    public List<StageDescriptor> stages() {
        return runner().stages();
    }

    @Override
    public PipelineResult run(PipelineSpec spec, ProgressListener listener) {
        return runner().run(spec, listener);
    }

    @Override
    public KSelection selectK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener) {
        return runner().selectK(spec, kMin, kMax, listener);
    }

    @Override
    public PipelineResult runChoosingK(PipelineSpec spec, int kMin, int kMax, ProgressListener listener) {
        return runner().runChoosingK(spec, kMin, kMax, listener);
    }

    @Override
    public PipelineResult runOnFeatures(PipelineSpec spec, ExtractedFeatures extracted, ProgressListener listener) {
        return runner().runOnFeatures(spec, extracted, listener);
    }

    @Override
    public PredictionResult predict(PredictSpec spec, ProgressListener listener) {
        return runner().predict(spec, listener);
    }

    @Override
    public PipelineResult runOnBackEnd(PipelineSpec spec, FeatureBackEnd backEnd, ProgressListener listener) {
        return runner().runOnBackEnd(spec, backEnd, listener);
    }

    @Override
    public PipelineResult runOnBackEndChoosingK(PipelineSpec spec, FeatureBackEnd backEnd, int kMin, int kMax,
            ProgressListener listener) {
        return runner().runOnBackEndChoosingK(spec, backEnd, kMin, kMax, listener);
    }

    @Override
    public PredictionResult predictOnBackEnd(PredictSpec spec, FeatureBackEnd backEnd, ProgressListener listener) {
        return runner().predictOnBackEnd(spec, backEnd, listener);
    }

    /** Loads the stages on first use, so that a broken stage is reported as a message, not at lookup. */
    private synchronized PipelineRunner runner() {
        if (runner == null) {
            StageDefaults defaults = new StageDefaults();
            String folder = System.getProperty(StageDefaultsFiles.FOLDER_PROPERTY);
            if (folder != null && !folder.isBlank()) {
                // the same files FileInstall gives Configuration Admin in Felix, read once: a CLI run is short
                defaults.replaceAll(StageDefaultsFiles.read(Path.of(folder)));
            }
            runner = new PipelineRunner(catalog(), defaults);
        }
        return runner;
    }

    private StageRegistry catalog() {
        StageRegistry registry = new StageRegistry();
        long order = 0;
        for (StageKind kind : StageKind.values()) {
            for (Stage stage : loader.apply(kind)) {
                String name = stage.name();
                String origin = origin(stage.getClass());
                Optional<StageEntry> existing = registry.find(kind, name);
                if (existing.isPresent()) {
                    throw new SegmentaException("two " + kind.label() + "s are named '" + name + "': "
                            + existing.get().stage().getClass().getName() + " from " + existing.get().origin()
                            + " and " + stage.getClass().getName() + " from " + origin
                            + "; remove one of them from the module path");
                }
                registry.add(new StageEntry(kind, name, stage, origin, 0, order++));
            }
        }
        return registry;
    }

    private static List<? extends Stage> load(StageKind kind) {
        List<Stage> stages = new ArrayList<>();
        try {
            for (Stage stage : serviceLoader(kind.contract())) {
                stages.add(stage);
            }
        } catch (ServiceConfigurationError e) {
            throw new SegmentaException("cannot load the " + kind.label() + " stages: " + e.getMessage(), e);
        }
        return stages;
    }

    /**
     * The providers of {@code service}: on the module path those of the modules of this engine's layer (the
     * {@code provides} of the stages' modules, as {@code uses} intends); on the class path (tests, an unnamed
     * module) the plain {@link ServiceLoader#load(Class)}, which reads META-INF/services. The plain one on the module
     * path would also look for META-INF/services in every jar of the path, to find nothing more: about a tenth of
     * the Java time of a short CLI run (docs/performance.md, "Memory and start-up defaults of bin/segmenta").
     */
    private static <S> ServiceLoader<S> serviceLoader(Class<S> service) {
        Module module = ModulePathPipelineEngine.class.getModule();
        ModuleLayer layer = module.getLayer();
        return module.isNamed() && layer != null ? ServiceLoader.load(layer, service) : ServiceLoader.load(service);
    }

    /**
     * "io.segmenta.cluster.kmeans 0.2.0.SNAPSHOT" for a class of a named module (its descriptor's name and
     * version), "class path (kmeans.jar)" for one on the class path.
     */
    static String origin(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            ModuleDescriptor descriptor = module.getDescriptor();
            Optional<String> version = descriptor == null ? Optional.empty() : descriptor.rawVersion();
            return module.getName() + version.map(v -> " " + v).orElse("");
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return "class path";
        }
        try {
            Path path = Path.of(location.toURI());
            return "class path (" + path.getFileName() + ")";
        } catch (Exception e) {
            // not a file URL: the location as it is still tells the user where to look
            return "class path (" + location + ")";
        }
    }
}
