package io.segmenta.distribution;

import static org.junit.Assert.assertTrue;

import io.segmenta.api.pipeline.PipelineEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Hot deployment as conf/config.properties sets it up: FileInstall watches a deploy folder; a stage bundle
 * copied there is installed and started and the engine offers its stage, and removing the file takes the stage
 * away again. The distribution runs here without its K-Means bundle, which the test deploys.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixHotDeployIT {
    private static final String KMEANS_JAR_PREFIX = "io.segmenta.cluster.kmeans-";

    @Inject
    private BundleContext context;

    /** Same JVM for the configuration (driver) and the test (in Felix), so a fixed path links them. */
    private static Path deployDir() {
        return Path.of(System.getProperty("segmenta.work.dir", "target/work"), "felix-hot-deploy", "deploy")
                .toAbsolutePath();
    }

    @Configuration
    public Option[] config() throws Exception {
        return FelixRuntime.withDeployFolder(FelixRuntime.distributionWithout(KMEANS_JAR_PREFIX), deployDir());
    }

    @Test
    public void aStageBundleDroppedIntoDeployIsOfferedAndRemovingItTakesTheStageAway() throws Exception {
        PipelineEngine engine = FelixRuntime.engine(context);
        assertTrue("kmeans should not be there before it is deployed",
                engine.stages().stream().noneMatch(s -> s.name().equals("kmeans")));

        Path jar = kmeansJar();
        Path deployed = deployDir().resolve(jar.getFileName());
        // copied beside the folder and moved in, so FileInstall never sees a half-copied jar
        Path partial = Files.copy(jar, deployDir().resolveSibling(jar.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, deployed, StandardCopyOption.ATOMIC_MOVE);
        FelixRuntime.awaitTrue("kmeans offered after deploying " + deployed,
                () -> engine.stages().stream().anyMatch(s -> s.name().equals("kmeans")));

        Files.delete(deployed);
        FelixRuntime.awaitTrue("kmeans gone after deleting " + deployed,
                () -> engine.stages().stream().noneMatch(s -> s.name().equals("kmeans")));
    }

    private static Path kmeansJar() throws IOException {
        try (Stream<Path> jars = Files.list(Distribution.home().resolve("bundle"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith(KMEANS_JAR_PREFIX)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + KMEANS_JAR_PREFIX + "*.jar in bundle/"));
        }
    }
}
