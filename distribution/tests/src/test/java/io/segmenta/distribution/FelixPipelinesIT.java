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

        // an invalid change is refused and reported; the previous definition stays in force
        write(file, valid.replace("k = 4", "k = four"));
        FelixRuntime.awaitTrue("the invalid change is reported", () -> find(catalog, "demo")
                .map(p -> !p.refused().isEmpty()).orElse(false));
        NamedPipeline demo = find(catalog, "demo").get();
        assertTrue(demo.refused(), demo.refused().contains("field 'k': --k: 'four' is not a whole number"));
        assertTrue("still ready with the previous definition", demo.ready());
        assertTrue(demo.description(), demo.description().contains("k 2..5, chosen"));
        assertTrue(FelixRuntime.gogo(gogo, "segmenta:pipelines").contains("last change refused"));

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
        assertTrue(find(catalog, "demo").get().schedule().startsWith("0 6 1 * * (Asia/Jakarta)"));

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
