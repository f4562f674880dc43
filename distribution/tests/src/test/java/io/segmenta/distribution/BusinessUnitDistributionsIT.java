package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Each business unit's distribution, as its build left it: started headless, Felix resolves and starts every
 * bundle (Felix reports a bundle it cannot resolve on standard error, and the stages of such a bundle would be
 * missing), its demo script segments its sample, and its sample pipeline runs as a batch job.
 */
public class BusinessUnitDistributionsIT {
    private static final long TIMEOUT_SECONDS = 180;

    private static Path home(String unit) {
        return Path.of(System.getProperty("segmenta.dist.root", "..")).resolve(unit).resolve("target")
                .resolve("segmenta-" + unit + "-" + System.getProperty("segmenta.version", "0.2.0-SNAPSHOT"))
                .toAbsolutePath();
    }

    /** The stages the unit's features provide, "kind name" as segmenta:stages lists them. */
    private static void check(String unit, String algorithm, int k, List<String> stages) throws Exception {
        Path home = home(unit);
        assertTrue("the " + unit + " distribution was not built: " + home, Files.isDirectory(home));
        Distribution.assertNoEmbeddedLibraryJars(home);
        Distribution.assertShipsTheLogService(home);
        Path work = Distribution.workDir("unit-" + unit);

        Launch shell = Launch.run(home, work, TIMEOUT_SECONDS, "segmenta-shell", "--script",
                home.resolve("scripts/demo.gosh").toString());
        assertEquals(shell.toString(), 0, shell.exitCode);
        assertFalse("Felix could not resolve a bundle:\n" + shell.err, shell.err.contains("Unable to resolve")
                || shell.err.contains("ERROR"));
        for (String stage : stages) {
            String kind = stage.substring(0, stage.lastIndexOf(' '));
            String name = stage.substring(stage.lastIndexOf(' ') + 1);
            assertTrue(unit + " lacks " + stage + ":\n" + shell.out, shell.out.lines().anyMatch(
                    l -> l.matches(kind + "\\s+" + java.util.regex.Pattern.quote(name) + "\\s.*")));
        }
        assertFalse("the demo printed an error:\n" + shell, shell.out.contains("error:"));
        assertTrue("no segment table:\n" + shell.out, shell.out.contains("Segments (" + algorithm + ", k=" + k + ","));
        assertTrue(Files.isRegularFile(work.resolve("out/demo/summary.csv")));

        Path pipeline;
        try (Stream<Path> files = Files.list(home.resolve("pipelines"))) {
            pipeline = files.filter(p -> p.toString().endsWith(".cfg")).findFirst().orElseThrow();
        }
        // the sample pipeline's paths are relative to the distribution's folder
        Launch batch = Launch.run(home, home, TIMEOUT_SECONDS, "segmenta", "run", "--pipeline", pipeline.toString());
        assertEquals(batch.toString(), 0, batch.exitCode);
        assertTrue(batch.out, batch.out.contains("Segments ("));
        // the sample pipelines report as CSV, the JSON summary, the HTML report and the Excel workbook
        for (String file : List.of("summary.csv", "summary.json", "report.html", "segments.xlsx")) {
            assertTrue(file + " is not listed:\n" + batch.out, batch.out.contains(file));
        }
    }

    @Test
    public void ukRetail() throws Exception {
        check("uk-retail", "kmeans", 4, List.of("source uk-retail", "feature extractor rfm", "algorithm kmeans",
                "algorithm rfm-segments", "reporter csv", "reporter json", "reporter html", "reporter xlsx"));
    }

    @Test
    public void olistMarketing() throws Exception {
        check("olist-marketing", "kmeans", 4, List.of("source olist", "feature extractor rfm", "feature extractor buyer",
                "source customer-table", "feature extractor attributes", "algorithm kmeans", "reporter csv", "reporter json", "reporter html", "reporter xlsx"));
    }

    @Test
    public void padiUmkm() throws Exception {
        check("padi-umkm", "kprototypes", 3, List.of("source padi-umkm", "feature extractor buyer", "feature extractor seller",
                "source customer-table", "feature extractor attributes", "algorithm kmeans", "algorithm kprototypes", "reporter csv", "reporter json", "reporter html", "reporter xlsx"));

        // the default configuration of its features (extractor-seller, algorithm-kprototypes) is in deploy/,
        // and the sample pipeline, which sets neither, ran with it
        Path home = home("padi-umkm");
        assertTrue(Files.isRegularFile(home.resolve("deploy/io.segmenta.stage.defaults-seller.cfg")));
        assertTrue(Files.isRegularFile(home.resolve("deploy/io.segmenta.stage.defaults-kprototypes.cfg")));
        String summary = Files.readString(home.resolve("out/padi-sellers/summary.csv"));
        assertTrue(summary, summary.contains("option: init,cao"));
        assertTrue(summary, summary.contains("option: completed-statuses,\"Selesai,delivered\""));
    }

    @Test
    public void aUnitShipsOnlyTheDefaultConfigurationOfItsFeatures() throws Exception {
        // uk-retail has none of the stage features that carry a default configuration, only the logging feature
        // every distribution has (the Log Service's levels)
        try (Stream<Path> files = Files.list(home("uk-retail").resolve("deploy"))) {
            assertEquals(List.of("README.md", "org.osgi.service.log.admin.cfg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> files = Files.list(home("olist-marketing").resolve("deploy"))) {
            assertEquals(List.of("README.md", "io.segmenta.stage.defaults-olist.cfg", "org.osgi.service.log.admin.cfg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
