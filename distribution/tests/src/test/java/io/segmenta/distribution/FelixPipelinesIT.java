package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.pipeline.NamedPipeline;
import io.segmenta.api.pipeline.PipelineEngine;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.pipeline.ProgressListener;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import io.segmenta.api.pipeline.PipelineCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Pipelines as live configuration: an io.segmenta.pipeline-NAME.cfg file in the folder FileInstall watches
 * defines a named pipeline; adding, editing (a valid and an invalid change) and deleting the file take effect
 * while the shell runs, and segmenta:pipelines, segmenta:run NAME and segmenta:history show it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixPipelinesIT {
    @Inject
    private BundleContext context;

    private static Path deployDir() {
        return Path.of(System.getProperty("segmenta.work.dir", "target/work"), "felix-pipelines", "deploy")
                .toAbsolutePath();
    }

    @Configuration
    public Option[] config() throws Exception {
        return FelixRuntime.withDeployFolder(FelixRuntime.distribution(), deployDir());
    }

    /** Written beside the folder and moved in, so FileInstall never reads half a file. */
    private static void write(String name, String text) throws Exception {
        Path partial = deployDir().resolveSibling(name + ".partial");
        Files.writeString(partial, text, StandardCharsets.ISO_8859_1);
        Files.move(partial, deployDir().resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<NamedPipeline> find(PipelineCatalog catalog, String name) {
        return catalog.pipelines().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Test
    public void aPipelineFileIsLiveConfiguration() throws Exception {
        PipelineCatalog catalog = FelixRuntime.await(context, PipelineCatalog.class);
        CommandProcessor gogo = FelixRuntime.await(context, CommandProcessor.class);
        FelixRuntime.engine(context);
        Path out = Distribution.workDir("felix-pipelines-run").resolve("out");
        String file = "io.segmenta.pipeline-demo.cfg";
        String valid = "source = uk-retail\ninput = " + Distribution.sample().toString().replace("\\", "/")
                + "\nk = 4\nout = " + out.toString().replace("\\", "/") + "\n";

        write(file, valid);
        FelixRuntime.awaitTrue("demo listed as ready", () -> find(catalog, "demo").map(NamedPipeline::ready)
                .orElse(false));
        String listing = FelixRuntime.gogo(gogo, "segmenta:pipelines");
        assertTrue(listing, listing.contains("demo  ready"));
        assertTrue(listing, listing.contains("uk-retail"));

        String run = FelixRuntime.gogo(gogo, "segmenta:run demo");
        assertFalse("the run printed an error:\n" + run, run.contains("error:"));
        Distribution.assertShowsClusterTable(run, 4);
        assertTrue(Files.isRegularFile(out.resolve("summary.csv")));

        // a valid change takes effect: k chosen from a range at each run
        write(file, valid.replace("k = 4", "k.min = 2\nk.max = 5"));
        FelixRuntime.awaitTrue("the range is in force", () -> find(catalog, "demo")
                .map(p -> p.description().contains("k 2..5, chosen")).orElse(false));

        // an invalid change is refused: the pipeline is invalid with the reason, and a run is refused with it
        // (the previous definition does not go on running as if nothing had happened)
        write(file, valid.replace("k = 4", "k = four"));
        FelixRuntime.awaitTrue("the invalid change is reported", () -> find(catalog, "demo")
                .map(p -> !p.refused().isEmpty()).orElse(false));
        NamedPipeline demo = find(catalog, "demo").get();
        assertTrue(demo.refused(), demo.refused().contains("field 'k': --k: 'four' is not a whole number"));
        assertFalse("not ready after a refused change", demo.ready());
        assertTrue(demo.state(), demo.state().startsWith("invalid: ")
                && demo.state().endsWith("field 'k': --k: 'four' is not a whole number"));
        String invalidListing = FelixRuntime.gogo(gogo, "segmenta:pipelines");
        assertTrue(invalidListing, invalidListing.contains("last change refused"));
        assertTrue("the long reason is cut in the table and given whole below:\n" + invalidListing,
                invalidListing.contains("\u2026  none") && invalidListing.contains("  " + demo.state() + "\n"));
        String refusedRun = FelixRuntime.gogo(gogo, "segmenta:run demo");
        assertTrue(refusedRun, refusedRun.startsWith("error: pipeline demo cannot run: invalid: ")
                && refusedRun.contains("'four' is not a whole number"));
        write(file, valid.replace("k = 4", "k.min = 2\nk.max = 5"));
        FelixRuntime.awaitTrue("ready again once fixed", () -> find(catalog, "demo").map(NamedPipeline::ready)
                .orElse(false));

        // a cron schedule (cron-utils, embedded in io.segmenta.console) is listed with its next time; a bad one
        // is refused naming the field, and the schedule in force stays
        write(file, valid + "schedule = 0 6 1 * *\nschedule.zone = Asia/Jakarta\n");
        FelixRuntime.awaitTrue("the cron schedule is in force", () -> find(catalog, "demo")
                .map(p -> p.schedule().startsWith("0 6 1 * * (Asia/Jakarta), next ")).orElse(false));
        assertTrue(FelixRuntime.gogo(gogo, "segmenta:pipelines").contains("0 6 1 * * (Asia/Jakarta), next "));
        write(file, valid + "schedule = 0 25 1 * *\n");
        FelixRuntime.awaitTrue("the bad schedule is reported", () -> find(catalog, "demo")
                .map(p -> p.refused().contains("field 'schedule': '0 25 1 * *' is not a schedule: value 25 not in "
                        + "range [0, 23]")).orElse(false));
        assertEquals("an invalid pipeline is not scheduled", "none", find(catalog, "demo").get().schedule());

        // a definition whose stage is not installed says which one is missing
        write("io.segmenta.pipeline-medoids.cfg", valid.replace("k = 4", "algorithm = kmedoids"));
        FelixRuntime.awaitTrue("medoids listed", () -> find(catalog, "medoids").isPresent());
        assertEquals("missing algorithm 'kmedoids'", find(catalog, "medoids").get().state());
        String refused = FelixRuntime.gogo(gogo, "segmenta:run medoids");
        assertTrue(refused, refused.startsWith("error: pipeline medoids cannot run: missing algorithm 'kmedoids'"));

        String history = FelixRuntime.gogo(gogo, "segmenta:history");
        assertTrue(history, history.contains("demo"));
        assertTrue(history, history.contains("manual"));
        assertTrue(history, history.contains("ok"));

        Files.delete(deployDir().resolve(file));
        Files.delete(deployDir().resolve("io.segmenta.pipeline-medoids.cfg"));
        FelixRuntime.awaitTrue("both gone after deleting the files", () -> catalog.pipelines().isEmpty());
        String unknown = FelixRuntime.gogo(gogo, "segmenta:run demo");
        assertTrue(unknown, unknown.startsWith("error: no pipeline named 'demo'"));
    }

    /**
     * The history is kept on disk (here in the bundle's data area, as conf/config.properties does not apply):
     * after the pipelines bundle is stopped and started again (a new catalog, as after a restart of the
     * framework), segmenta:history still lists the run, and the catalog names the run's folder.
     */
    @Test
    public void theHistoryIsKeptAcrossARestartOfThePipelinesBundle() throws Exception {
        PipelineCatalog catalog = FelixRuntime.await(context, PipelineCatalog.class);
        FelixRuntime.engine(context);
        Path out = Distribution.workDir("felix-pipelines-kept").resolve("out");
        String file = "io.segmenta.pipeline-kept.cfg";
        try {
            write(file, "source = uk-retail\ninput = " + Distribution.sample().toString().replace("\\", "/")
                    + "\nk = 3\nout = " + out.toString().replace("\\", "/") + "\n");
            FelixRuntime.awaitTrue("kept listed as ready", () -> find(catalog, "kept").map(NamedPipeline::ready)
                    .orElse(false));
            catalog.run("kept", ProgressListener.NONE);
            assertEquals(Optional.of(out.toAbsolutePath()), catalog.previousRunFolder("kept"));

            org.osgi.framework.Bundle pipelines = java.util.Arrays.stream(context.getBundles())
                    .filter(b -> b.getSymbolicName().equals("io.segmenta.pipelines")).findFirst().orElseThrow();
            pipelines.stop();
            pipelines.start();
            PipelineCatalog restarted = FelixRuntime.await(context, PipelineCatalog.class);
            assertTrue("a new catalog", restarted != catalog);
            assertTrue(restarted.history().toString(), restarted.history().stream()
                    .anyMatch(r -> r.pipeline().equals("kept") && r.succeeded() && r.outcome().startsWith("k=3")));
            assertEquals(Optional.of(out.toAbsolutePath()), restarted.previousRunFolder("kept"));
            CommandProcessor gogo = FelixRuntime.await(context, CommandProcessor.class);
            String history = FelixRuntime.gogo(gogo, "segmenta:history");
            assertTrue(history, history.contains("kept") && history.contains("k=3"));
        } finally {
            // the other tests of this class run in the same framework and expect only their own pipelines
            Files.deleteIfExists(deployDir().resolve(file));
        }
        PipelineCatalog now = FelixRuntime.await(context, PipelineCatalog.class);
        FelixRuntime.awaitTrue("kept gone with its file", () -> find(now, "kept").isEmpty());
    }

    /**
     * Stage defaults as live configuration: an io.segmenta.stage.defaults-NAME.cfg file fills an option the
     * pipeline leaves out, an edit that names an option the stage does not read makes runs fail naming the
     * file, and deleting the file removes the default.
     */
    @Test
    public void aStageDefaultsFileIsLiveConfiguration() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        Path out = Distribution.workDir("felix-stage-defaults").resolve("out");
        PipelineSpec spec = new PipelineSpec("uk-retail", Distribution.sample(), "rfm", "kmeans",
                new ClusterRequest(3, 42, 1, 50), List.of(), out, Options.empty());
        assertEquals(Optional.empty(), engine.run(spec, ProgressListener.NONE).spec().options().get("snapshot"));

        String file = "io.segmenta.stage.defaults-rfm.cfg";
        try {
            write(file, "stage.kind = features\nstage.name = rfm\nsnapshot = 2011-12-10\n");
            FelixRuntime.awaitTrue("the snapshot default applied", () -> engine.run(spec, ProgressListener.NONE)
                    .spec().options().get("snapshot").equals(Optional.of("2011-12-10")));

            write(file, "stage.kind = features\nstage.name = rfm\nsnapshto = 2011-12-10\n");
            String[] message = new String[1];
            FelixRuntime.awaitTrue("the misspelt default refused", () -> {
                try {
                    engine.run(spec, ProgressListener.NONE);
                    return false;
                } catch (SegmentaException e) {
                    message[0] = e.getMessage();
                    return true;
                }
            });
            assertTrue(message[0], message[0].endsWith(file + ": 'snapshto' is not an option of feature extractor rfm; "
                    + "it reads: snapshot"));
        } finally {
            // the other test of this class runs in the same framework
            Files.deleteIfExists(deployDir().resolve(file));
        }
        FelixRuntime.awaitTrue("the default gone with its file", () -> {
            try {
                return engine.run(spec, ProgressListener.NONE).spec().options().get("snapshot").isEmpty();
            } catch (SegmentaException e) {
                return false;
            }
        });
    }
}
