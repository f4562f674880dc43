package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.segmenta.api.pipeline.PipelineEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Stages come and go with their bundles: with the K-Means bundle stopped the shell neither lists nor runs
 * kmeans and says so in one line; started again, kmeans is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixHotSwapIT {
    private static final String KMEANS_BUNDLE = "io.segmenta.cluster.kmeans";
    /** How long to wait for the engine to see a restarted stage; SCR usually registers it before start() returns. */
    private static final long STAGE_WAIT_MILLIS = 30_000;
    private static final Pattern KMEANS_ROW = Pattern.compile("(?m)^\\s*algorithm\\s+kmeans\\s");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return FelixRuntime.distribution();
    }

    @Test
    public void stoppingTheKmeansBundleRemovesTheAlgorithmAndStartingItBringsItBack() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        CommandProcessor gogo = FelixRuntime.await(context, CommandProcessor.class);
        Bundle kmeans = Arrays.stream(context.getBundles())
                .filter(b -> KMEANS_BUNDLE.equals(b.getSymbolicName())).findFirst().orElse(null);
        assertNotNull("bundle " + KMEANS_BUNDLE + " is not installed", kmeans);
        assertTrue("kmeans is not listed before the test:\n" + FelixRuntime.gogo(gogo, "segmenta:stages"),
                KMEANS_ROW.matcher(FelixRuntime.gogo(gogo, "segmenta:stages")).find());

        kmeans.stop();
        try {
            assertEquals(Bundle.RESOLVED, kmeans.getState());
            String stages = FelixRuntime.gogo(gogo, "segmenta:stages");
            assertFalse("kmeans is still listed with its bundle stopped:\n" + stages, KMEANS_ROW.matcher(stages).find());
            assertTrue("the other stages should stay:\n" + stages, stages.contains("uk-retail"));

            Path out = Distribution.workDir("hot-swap").resolve("out");
            String run = FelixRuntime.gogo(gogo, "segmenta:run --source uk-retail --input '" + Distribution.sample()
                    + "' --features rfm --algorithm kmeans --k 4 --seed 42 --out '" + out + "'");
            assertTrue("expected the unknown-algorithm error, got:\n" + run,
                    run.contains("unknown algorithm 'kmeans'; available: "));
            assertFalse("a stack trace was printed:\n" + run, run.contains("Exception") || run.contains("\tat "));
            assertFalse("nothing may be written when the run fails", Files.exists(out.resolve("summary.csv")));
        } finally {
            kmeans.start();
        }

        assertEquals(Bundle.ACTIVE, kmeans.getState());
        long deadline = System.nanoTime() + STAGE_WAIT_MILLIS * 1_000_000;
        while (engine.stages().stream().noneMatch(s -> s.name().equals("kmeans")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String stages = FelixRuntime.gogo(gogo, "segmenta:stages");
        assertTrue("kmeans is not back after starting its bundle:\n" + stages, KMEANS_ROW.matcher(stages).find());
    }
}
