package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Hot deploy under load (docs/reliability.md): 100 install / update / uninstall cycles of the add-on algorithm
 * bundle (kmedoids) through the framework's own API, as FileInstall does it but without its polling (so the 100
 * cycles fit in well under a minute), while two threads run pipelines on it and on kmeans all along. No framework
 * error; no service or thread left behind; every run either finished or was refused with a SegmentaException, and a
 * refused run wrote nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixHotDeployLoadIT {
    private static final int CYCLES = 100;
    private static final String ALGORITHM = "kmedoids";
    /** The framework's events come at once: a short poll keeps the 100 cycles short. */
    private static final long POLL_MILLIS = 5;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return FelixRuntime.distribution();
    }

    @Test
    public void aHundredInstallUpdateUninstallCyclesWhilePipelinesRun() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        Path work = Distribution.workDir("felix-hot-deploy-load");
        Path jar = FelixAddOnIT.addOnJar();
        Path next = FelixAddOnIT.withVersion(jar, "0.2.1.next", work);
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        FrameworkListener frameworkErrors = e -> {
            if (e.getType() == FrameworkEvent.ERROR) {
                errors.add(e.getBundle().getSymbolicName() + ": " + e.getThrowable());
            }
        };
        context.addFrameworkListener(frameworkErrors);

        // one cycle first, so that lazily started threads (SCR's) are part of the baseline
        cycle(engine, jar, next, 0);
        int services = context.getAllServiceReferences(null, null).length;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(2);
        ExecutorService load = Executors.newFixedThreadPool(2);
        List<Future<?>> loaders = new ArrayList<>();
        for (String algorithm : List.of(ALGORITHM, "kmeans")) {
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
        for (int i = 1; i <= CYCLES; i++) {
            cycle(engine, jar, next, i);
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
        Thread.sleep(500); // let finished worker threads end
        assertEquals("services registered", services, context.getAllServiceReferences(null, null).length);
        int after = ManagementFactory.getThreadMXBean().getThreadCount();
        assertTrue("threads: " + threads + " before, " + after + " after", after <= threads + 2);
        for (Bundle b : context.getBundles()) {
            assertFalse("the add-on is uninstalled", b.getSymbolicName().startsWith("io.segmenta.cluster.kmedoids"));
        }
        System.out.println("FelixHotDeployLoadIT: " + CYCLES + " cycles in " + cyclesMillis + " ms; runs finished "
                + finished + ", refused " + refused);
        assertTrue(CYCLES + " cycles took " + cyclesMillis + " ms", cyclesMillis < 60_000);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Install the add-on, update it to the next version, uninstall it; each step seen by the engine. */
    private void cycle(PipelineEngine engine, Path jar, Path next, int i) throws Exception {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle("hot-deploy:kmedoids", in);
        }
        bundle.start();
        FelixRuntime.awaitTrue("cycle " + i + ": kmedoids offered", () -> FelixAddOnIT.stage(engine).isPresent(),
                POLL_MILLIS);
        try (InputStream in = Files.newInputStream(next)) {
            bundle.update(in);
        }
        refresh(bundle);
        FelixRuntime.awaitTrue("cycle " + i + ": kmedoids 0.2.1 offered", () -> FelixAddOnIT.stage(engine)
                .map(s -> s.origin().endsWith(" 0.2.1.next")).orElse(false), POLL_MILLIS);
        bundle.uninstall();
        refresh(bundle);
        FelixRuntime.awaitTrue("cycle " + i + ": kmedoids gone", () -> FelixAddOnIT.stage(engine).isEmpty(),
                POLL_MILLIS);
    }

    /** Refreshes the framework after an update or uninstall, as FileInstall does, and waits for it. */
    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), e -> done.countDown());
        assertTrue("refresh within 30 s", done.await(30, TimeUnit.SECONDS));
    }
}
