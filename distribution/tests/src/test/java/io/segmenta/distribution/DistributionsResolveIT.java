package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import aQute.bnd.build.Workspace;
import aQute.bnd.osgi.BundleId;
import aQute.bnd.osgi.Domain;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.repository.fileset.FileSetRepository;
import biz.aQute.resolve.Bndrun;
import biz.aQute.resolve.ResolveProcess;
import biz.aQute.resolve.RunResolution;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.Test;
import org.osgi.service.resolver.ResolutionException;

/**
 * Every distribution, as its build assembled it, resolves statically with the bnd resolver: the bundles in its
 * bundle/ and shell/ folders, on the Felix framework and Java 17, must satisfy each other's requirements —
 * packages, the DS extender, and the services their components require ({@code -resolve.effective: resolve,
 * active} makes bnd check the {@code osgi.service} requirements that DS annotations write for mandatory
 * references) — and together they must provide the engine, the named-pipeline catalog, a stage of each kind and
 * the OSGi Log Service.
 * A bundle whose package or service is missing fails the build here, with the resolver's account
 * of what is missing, before any distribution is started.
 *
 * <p>The bundle set is read from the assembled folder rather than from a second list: the features (the pom
 * dependencies of a distribution) stay the only place where a distribution's content is written. The generated
 * {@code target/work/resolve/NAME.bndrun} files are kept for reading or for the bnd exporter.
 */
public class DistributionsResolveIT {

    /** The services every distribution provides (the stage names differ from unit to unit). */
    private static final List<String> SERVICES = List.of("io.segmenta.api.pipeline.PipelineEngine",
            "io.segmenta.api.pipeline.PipelineCatalog", "io.segmenta.api.stage.DataSource",
            "io.segmenta.api.stage.FeatureExtractor", "io.segmenta.api.stage.Clusterer",
            "io.segmenta.api.stage.Reporter",
            // the OSGi Log Service (R7), whose entries io.segmenta.logfile reads and the engine logs to
            "org.osgi.service.log.LoggerFactory", "org.osgi.service.log.LogReaderService",
            "org.osgi.service.log.admin.LoggerAdmin");

    private static final String VERSION = System.getProperty("segmenta.version", "0.2.0-SNAPSHOT");

    private static Path home(String unit) {
        Path target = Path.of(System.getProperty("segmenta.dist.root", "..")).resolve(unit).resolve("target");
        String name = unit.equals("felix") ? "segmenta-" + VERSION : "segmenta-" + unit + "-" + VERSION;
        return target.resolve(name).toAbsolutePath();
    }

    @Test
    public void theFullDistributionResolves() throws Exception {
        assertResolves("felix");
    }

    @Test
    public void ukRetailResolves() throws Exception {
        assertResolves("uk-retail");
    }

    @Test
    public void olistMarketingResolves() throws Exception {
        assertResolves("olist-marketing");
    }

    @Test
    public void padiUmkmResolves() throws Exception {
        assertResolves("padi-umkm");
    }

    @Test
    public void aMissingServiceOrPackageFailsTheCheck() throws Exception {
        // The check must not pass vacuously: without the engine bundle, nothing provides the PipelineEngine
        // service.
        List<File> bundles = shippedBundles(home("uk-retail"));
        bundles.removeIf(f -> f.getName().startsWith("io.segmenta.engine-"));
        ResolutionException e = resolve("uk-retail-without-engine", bundles);
        assertTrue("the resolution without the engine did not fail", e != null);
        String account = ResolveProcess.format(e, false);
        assertTrue(account, account.contains("io.segmenta.api.pipeline.PipelineEngine"));

        // and without Commons CSV, the sources' imports of org.apache.commons.csv are unsatisfied
        bundles = shippedBundles(home("uk-retail"));
        bundles.removeIf(f -> f.getName().startsWith("commons-csv-"));
        e = resolve("uk-retail-without-commons-csv", bundles);
        assertTrue("the resolution without Commons CSV did not fail", e != null);
        assertTrue(ResolveProcess.format(e, false), ResolveProcess.format(e, false).contains("org.apache.commons.csv"));

        // and without Felix SCR, no bundle's components would ever be activated: the DS extender is missing
        bundles = shippedBundles(home("uk-retail"));
        bundles.removeIf(f -> f.getName().startsWith("org.apache.felix.scr-"));
        e = resolve("uk-retail-without-scr", bundles);
        assertTrue("the resolution without SCR did not fail", e != null);
        assertTrue(ResolveProcess.format(e, false), ResolveProcess.format(e, false).contains("osgi.component"));
    }

    private static void assertResolves(String unit) throws Exception {
        Path home = home(unit);
        assertTrue("the " + unit + " distribution was not built: " + home, Files.isDirectory(home));
        List<File> bundles = shippedBundles(home);
        ResolutionException e = resolve(unit, bundles);
        if (e != null) {
            fail("the " + unit + " distribution does not resolve:\n" + ResolveProcess.format(e, false));
        }
    }

    private static List<File> shippedBundles(Path home) throws Exception {
        List<File> bundles = new ArrayList<>();
        for (String folder : List.of("bundle", "shell")) {
            try (Stream<Path> files = Files.list(home.resolve(folder))) {
                files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> bundles.add(p.toFile()));
            }
        }
        assertTrue("no bundles in " + home, bundles.size() > 5);
        return bundles;
    }

    /** Resolves the bundles together; null when they resolve, else the resolver's failure. */
    private static ResolutionException resolve(String name, List<File> bundles) throws Exception {
        // the framework the launcher runs (bin/felix.jar is org.apache.felix.main, which embeds this same one)
        File framework = new File(FrameworkFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<File> repository = new ArrayList<>(bundles);
        repository.add(framework);

        // each shipped bundle, exactly as shipped, is a requirement of the run
        Set<String> shipped = new TreeSet<>();
        List<String> requirements = new ArrayList<>();
        for (File bundle : bundles) {
            try (Jar jar = new Jar(bundle)) {
                Domain manifest = Domain.domain(jar.getManifest());
                String bsn = manifest.getBundleSymbolicName().getKey();
                shipped.add(bsn);
                requirements.add("osgi.identity;filter:='(&(osgi.identity=" + bsn + ")(version="
                        + manifest.getBundleVersion() + "))'");
            }
        }
        // and what makes it a Segmenta distribution: the services of the engine, of the named pipelines and of
        // at least one stage of each kind
        for (String service : SERVICES) {
            requirements.add("osgi.service;filter:='(objectClass=" + service + ")';effective:=active");
        }
        Path dir = Files.createDirectories(Path.of(System.getProperty("segmenta.work.dir",
                System.getProperty("java.io.tmpdir"))).resolve("resolve"));
        Path bndrun = dir.resolve(name + ".bndrun");
        String text = "# generated by DistributionsResolveIT from " + bundles.get(0).getParentFile().getParent() + "\n"
                + "-runfw: org.apache.felix.framework\n"
                + "-runee: JavaSE-17\n"
                + "-resolve.effective: resolve, active\n"
                + "-runrequires: \\\n  " + String.join(",\\\n  ", requirements) + "\n";
        Files.writeString(bndrun, text, StandardCharsets.UTF_8);

        try (Workspace workspace = Workspace.createStandaloneWorkspace(new Processor(), dir.toUri())) {
            workspace.addBasicPlugin(new FileSetRepository("distribution", repository));
            try (Bndrun run = Bndrun.createBndrun(workspace, bndrun.toFile())) {
                RunResolution result = run.resolve();
                if (!result.isOK()) {
                    if (result.exception instanceof ResolutionException) {
                        return (ResolutionException) result.exception;
                    }
                    throw new AssertionError("the resolver failed on " + name + ": " + result.exception, result.exception);
                }
                // every shipped bundle is part of the resolution, and nothing else was needed
                Set<String> resolved = result.getResolvedRunBundles().stream().map(BundleId::getBsn)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(name + ": resolved bundles", shipped, resolved);
                return null;
            }
        }
    }
}
