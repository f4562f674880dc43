package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.UnknownStageException;
import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.pipeline.StageDescriptor;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageContext;
import io.segmenta.api.stage.StageKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The add-on algorithm bundle io.segmenta.cluster.kmedoids, which no distribution contains, hot-deployed into
 * the running distribution through FileInstall's deploy folder as a team outside the core would: install and
 * use, update to a newer jar, removal, removal while a pipeline uses it, and repeated cycles, none of which
 * restarts the engine, the shell or any other bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixAddOnIT {
    private static final String NAME = "kmedoids";
    private static final String BUNDLE = "io.segmenta.cluster.kmedoids";
    private static final int LOAD_CYCLES = 100;
    /** The framework's events come at once: a short poll keeps the 100 cycles short. */
    private static final long POLL_MILLIS = 5;

    @Inject
    private BundleContext context;

    private static Path deployDir() {
        return Path.of(System.getProperty("segmenta.work.dir", "target/work"), "felix-add-on", "deploy")
                .toAbsolutePath();
    }

    /** The add-on jar the build copied for these tests (see this module's pom). */
    private static Path addOnJar() throws IOException {
        Path dir = Path.of(System.getProperty("segmenta.addons.dir", "target/add-ons"));
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.getFileName().toString().startsWith(BUNDLE + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + BUNDLE + "-*.jar in " + dir));
        }
    }

    @Configuration
    public Option[] config() throws Exception {
        return FelixRuntime.withDeployFolder(FelixRuntime.distribution(), deployDir());
    }

    /** Copies beside the deploy folder, then moves in: FileInstall never sees a half-copied jar. */
    private static Path deploy(Path jar, String fileName) throws IOException {
        Path target = deployDir().resolve(fileName);
        Path partial = deployDir().resolveSibling(fileName + ".partial");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static Optional<StageDescriptor> stage(PipelineEngine engine) {
        return engine.stages().stream().filter(s -> s.kind() == StageKind.ALGORITHM && s.name().equals(NAME))
                .findFirst();
    }

    private static PipelineSpec spec(String algorithm, Path input, Path out, int runs) {
        return new PipelineSpec("uk-retail", input, "rfm", algorithm, new ClusterRequest(4, 42, runs, 300),
                List.of("csv"), out, Options.empty());
    }

    /** The same jar with another Bundle-Version: what a team ships as its next release. */
    private static Path withVersion(Path jar, String version) throws IOException {
        return withVersion(jar, version, deployDir().getParent());
    }

    /** {@link #withVersion(Path, String)}, written into {@code folder}. */
    private static Path withVersion(Path jar, String version, Path folder) throws IOException {
        Path copy = Files.createTempFile(folder, "kmedoids-next", ".jar");
        try (InputStream in = Files.newInputStream(jar); JarInputStream jin = new JarInputStream(in);
                OutputStream out = Files.newOutputStream(copy)) {
            Manifest manifest = new Manifest(jin.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream jout = new JarOutputStream(out, manifest)) {
                for (JarEntry e = jin.getNextJarEntry(); e != null; e = jin.getNextJarEntry()) {
                    jout.putNextEntry(new JarEntry(e.getName()));
                    jin.transferTo(jout);
                    jout.closeEntry();
                }
            }
        }
        return copy;
    }

    @Test
    public void installUseUpdateAndRemoveWithoutRestartingAnythingElse() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        ServiceReference<PipelineEngine> engineRef = context.getServiceReference(PipelineEngine.class);
        Object engineId = engineRef.getProperty("service.id");
        assertFalse("the add-on is in no distribution", stage(engine).isPresent());
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        BundleListener listener = (BundleEvent e) -> events.add(e.getBundle().getSymbolicName() + " " + e.getType());
        context.addBundleListener(listener);
        try {
            Path jar = addOnJar();
            Path deployed = deploy(jar, "kmedoids.jar");
            FelixRuntime.awaitTrue("kmedoids offered after deploying it", () -> stage(engine).isPresent());
            assertTrue(stage(engine).get().origin(), stage(engine).get().origin().startsWith(BUNDLE + " 0.2.0"));

            Path out = Distribution.workDir("felix-add-on-run").resolve("out");
            PipelineResult result = engine.run(spec(NAME, Distribution.sample(), out, 3), ProgressListener.NONE);
            assertEquals(NAME, result.model().algorithm());
            assertEquals(4, result.segments().size());
            assertTrue(Files.isRegularFile(out.resolve("assignments.csv")));

            // a newer jar under the same name: FileInstall updates the bundle in place
            deploy(withVersion(jar, "0.2.1.next"), "kmedoids.jar");
            FelixRuntime.awaitTrue("kmedoids 0.2.1 offered after the update",
                    () -> stage(engine).map(s -> s.origin().equals(BUNDLE + " 0.2.1.next")).orElse(false));
            assertEquals(4, engine.run(spec(NAME, Distribution.sample(), out, 3), ProgressListener.NONE)
                    .segments().size());

            Files.delete(deployed);
            FelixRuntime.awaitTrue("kmedoids gone after deleting its jar", () -> stage(engine).isEmpty());
            try {
                engine.run(spec(NAME, Distribution.sample(), out, 3), ProgressListener.NONE);
                fail("a removed algorithm cannot run");
            } catch (UnknownStageException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("unknown algorithm 'kmedoids'; available: "));
            }
        } finally {
            context.removeBundleListener(listener);
        }
        assertEquals("the engine component was not reactivated", engineId,
                context.getServiceReference(PipelineEngine.class).getProperty("service.id"));
        List<String> others = new ArrayList<>();
        synchronized (events) {
            for (String e : events) {
                if (!e.startsWith(BUNDLE + " ")) {
                    others.add(e);
                }
            }
        }
        assertEquals("no other bundle changed state", List.of(), others);
    }

    @Test
    public void removalDuringARunStopsItCleanlyAndTwoPipelinesThenRunTogether() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        Path work = Distribution.workDir("felix-add-on-removal");
        // about 4,000 customers: one CLARANS run takes a fraction of a second, 400 of them much longer than
        // FileInstall needs to notice the deletion
        SampleGenerator generator = generator("uk-retail");
        GeneratedSample sample = generator.generate(work.resolve("data"), new GeneratorRequest(4000, 0, 7, true),
                new QuietContext());
        Path input = sample.files().get(0);

        Path deployed = deploy(addOnJar(), "kmedoids.jar");
        FelixRuntime.awaitTrue("kmedoids offered", () -> stage(engine).isPresent());

        CountDownLatch clustering = new CountDownLatch(1);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stepStarted(StageKind kind, String name) {
                if (kind == StageKind.ALGORITHM) {
                    clustering.countDown();
                }
            }
        };
        Path out = work.resolve("out");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<PipelineResult> run = pool.submit(() -> engine.run(spec(NAME, input, out, 400), listener));
            assertTrue("the run reached the algorithm", clustering.await(60, TimeUnit.SECONDS));
            Files.delete(deployed);
            try {
                run.get(120, TimeUnit.SECONDS);
                fail("the run should stop when its algorithm goes away");
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue("a one-line SegmentaException: " + e.getCause(), e.getCause() instanceof SegmentaException);
                assertTrue(e.getCause().getMessage(), e.getCause().getMessage().contains("kmedoids"));
            }
            assertFalse("nothing is written", Files.exists(out.resolve("assignments.csv")));
            FelixRuntime.awaitTrue("kmedoids gone", () -> stage(engine).isEmpty());

            // the system stays usable, for two pipelines at once
            Future<PipelineResult> first = pool.submit(() -> engine.run(spec("kmeans", input, work.resolve("a"), 10),
                    ProgressListener.NONE));
            Future<PipelineResult> second = pool.submit(() -> engine.run(spec("kmeans", Distribution.sample(),
                    work.resolve("b"), 10), ProgressListener.NONE));
            assertEquals(4, first.get(120, TimeUnit.SECONDS).segments().size());
            assertEquals(4, second.get(120, TimeUnit.SECONDS).segments().size());
            assertTrue(Files.isRegularFile(work.resolve("a/summary.csv")));
            assertTrue(Files.isRegularFile(work.resolve("b/summary.csv")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void twentyDeployCyclesLeaveNoServiceThreadOrBundleBehind() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        Path jar = addOnJar();
        // one cycle first, so that lazily started threads (FileInstall's, SCR's) are part of the baseline
        cycle(engine, jar, 0);
        int services = context.getAllServiceReferences(null, null).length;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        for (int i = 1; i <= 20; i++) {
            cycle(engine, jar, i);
        }
        assertEquals("services registered", services, context.getAllServiceReferences(null, null).length);
        assertThreadsBackTo(threads);
        for (Bundle b : context.getBundles()) {
            assertFalse("the add-on is uninstalled", BUNDLE.equals(b.getSymbolicName()));
        }
    }

    private void cycle(PipelineEngine engine, Path jar, int i) throws Exception {
        Path deployed = deploy(jar, "kmedoids.jar");
        FelixRuntime.awaitTrue("cycle " + i + ": kmedoids offered", () -> stage(engine).isPresent());
        Files.delete(deployed);
        FelixRuntime.awaitTrue("cycle " + i + ": kmedoids gone", () -> stage(engine).isEmpty()
                && java.util.Arrays.stream(context.getBundles()).noneMatch(b -> BUNDLE.equals(b.getSymbolicName())));
    }

    /**
     * Hot deploy under load (docs/reliability.md): 100 install / update / uninstall cycles of the add-on through the
     * framework's own API, as FileInstall does it but without its polling (so the 100 cycles fit in well under a
     * minute), while two threads run pipelines on it and on kmeans all along. No framework error; no service or
     * thread left behind; every run either finished or was refused with a SegmentaException, and a refused run
     * wrote nothing.
     */
    @Test
    public void aHundredInstallUpdateUninstallCyclesWhilePipelinesRun() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        Path work = Distribution.workDir("felix-hot-deploy-load");
        Path jar = addOnJar();
        Path next = withVersion(jar, "0.2.1.next", work);
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        FrameworkListener frameworkErrors = e -> {
            if (e.getType() == FrameworkEvent.ERROR) {
                errors.add(e.getBundle().getSymbolicName() + ": " + e.getThrowable());
            }
        };
        context.addFrameworkListener(frameworkErrors);

        // one cycle first, so that lazily started threads (SCR's) are part of the baseline
        loadCycle(engine, jar, next, 0);
        int services = context.getAllServiceReferences(null, null).length;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(2);
        ExecutorService load = Executors.newFixedThreadPool(2);
        List<Future<?>> loaders = new ArrayList<>();
        for (String algorithm : List.of(NAME, "kmeans")) {
            loaders.add(load.submit(() -> {
                started.countDown();
                for (int run = 0; loading.get(); run++) {
                    Path out = work.resolve(algorithm + "-" + run);
                    try {
                        engine.run(new PipelineSpec("uk-retail", Distribution.sample(), "rfm", algorithm,
                                new ClusterRequest(3, 42, 1, 100), List.of("csv"), out, Options.empty()),
                                ProgressListener.NONE);
                        finished.incrementAndGet();
                    } catch (SegmentaException e) {
                        refused.incrementAndGet(); // the add-on was not there, or went away during the run
                        if (Files.exists(out.resolve("assignments.csv"))) {
                            failures.add(new AssertionError("a refused run wrote " + out, e));
                        }
                        pause(); // refused at once while the add-on is away: do not spin
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            }));
        }
        assertTrue(started.await(30, TimeUnit.SECONDS));
        long start = System.nanoTime();
        for (int i = 1; i <= LOAD_CYCLES; i++) {
            loadCycle(engine, jar, next, i);
        }
        long cyclesMillis = (System.nanoTime() - start) / 1_000_000;
        loading.set(false);
        for (Future<?> f : loaders) {
            f.get(120, TimeUnit.SECONDS);
        }
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
        context.removeFrameworkListener(frameworkErrors);

        assertEquals("runs that failed otherwise than by a SegmentaException", List.of(), failures);
        assertTrue("runs finished: " + finished + ", refused: " + refused, finished.get() > 0);
        assertEquals("framework errors", List.of(), errors);
        assertEquals("services registered", services, context.getAllServiceReferences(null, null).length);
        assertThreadsBackTo(threads);
        for (Bundle b : context.getBundles()) {
            assertFalse("the add-on is uninstalled", b.getSymbolicName().startsWith("io.segmenta.cluster.kmedoids"));
        }
        System.out.println("FelixAddOnIT under load: " + LOAD_CYCLES + " cycles in " + cyclesMillis + " ms; runs finished "
                + finished + ", refused " + refused);
        assertTrue(LOAD_CYCLES + " cycles took " + cyclesMillis + " ms", cyclesMillis < 60_000);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Install the add-on, update it to the next version, uninstall it; each step seen by the engine. */
    private void loadCycle(PipelineEngine engine, Path jar, Path next, int i) throws Exception {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle("hot-deploy:kmedoids", in);
        }
        bundle.start();
        FelixRuntime.awaitTrue("cycle " + i + ": kmedoids offered", () -> stage(engine).isPresent(),
                POLL_MILLIS);
        try (InputStream in = Files.newInputStream(next)) {
            bundle.update(in);
        }
        refresh(bundle);
        FelixRuntime.awaitTrue("cycle " + i + ": kmedoids 0.2.1 offered", () -> stage(engine)
                .map(s -> s.origin().endsWith(" 0.2.1.next")).orElse(false), POLL_MILLIS);
        bundle.uninstall();
        refresh(bundle);
        FelixRuntime.awaitTrue("cycle " + i + ": kmedoids gone", () -> stage(engine).isEmpty(),
                POLL_MILLIS);
    }

    /** Refreshes the framework after an update or uninstall, as FileInstall does, and waits for it. */
    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), e -> done.countDown());
        assertTrue("refresh within 30 s", done.await(30, TimeUnit.SECONDS));
    }

    private SampleGenerator generator(String name) throws Exception {
        FelixRuntime.await(context, SampleGenerator.class);
        for (ServiceReference<SampleGenerator> ref : context.getServiceReferences(SampleGenerator.class, null)) {
            SampleGenerator g = context.getService(ref);
            if (g != null && g.name().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no " + name + " generator");
    }

    /** A stage context for calling a generator directly. */
    private static final class QuietContext implements StageContext {
        @Override
        public void progress(long done, long total, String unit) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Options options() {
            return Options.empty();
        }
    }

    /**
     * No more than 2 threads above {@code threads}. The runs' worker pools (silhouette, parallel restarts) are shut
     * down when a run ends and their threads go shortly after, later on a loaded machine: waits up to 10 s.
     */
    private static void assertThreadsBackTo(int threads) throws InterruptedException {
        int after = ManagementFactory.getThreadMXBean().getThreadCount();
        for (long deadline = System.nanoTime() + 10_000_000_000L; after > threads + 2 && System.nanoTime() < deadline;
                after = ManagementFactory.getThreadMXBean().getThreadCount()) {
            Thread.sleep(100);
        }
        assertTrue("threads: " + threads + " before, " + after + " after", after <= threads + 2);
    }
}
