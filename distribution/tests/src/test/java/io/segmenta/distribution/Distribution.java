package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The assembled distribution under test (distribution/felix/target/segmenta-VERSION/, system property
 * {@code segmenta.dist.dir} set by failsafe), a scratch folder per test, and readers for the CSV reports and
 * the Excel workbook.
 */
final class Distribution {
    /** The stages of the uk-retail pipeline, by the kind label segmenta:stages and bin/segmenta print. */
    static final String[][] UK_RETAIL_STAGES = {
        {"source", "uk-retail"}, {"feature extractor", "rfm"}, {"algorithm", "kmeans"}, {"reporter", "csv"}};

    private Distribution() {
    }

    static Path home() {
        String dir = System.getProperty("segmenta.dist.dir");
        assertTrue("system property segmenta.dist.dir is not set (run the tests with mvn verify)", dir != null);
        Path home = Path.of(dir).toAbsolutePath().normalize();
        assertTrue("the distribution is not assembled at " + home, Files.isDirectory(home.resolve("bundle")));
        return home;
    }

    static Path sample() {
        Path sample = home().resolve("data/uk-retail-sample.csv");
        assertTrue("the sample data is missing: " + sample, Files.isRegularFile(sample));
        return sample;
    }

    /** kmodes 0.12's cost on seed 002 (KPrototypes(n_clusters=5, init='Cao', n_init=10), gamma 0.5), as printed. */
    static final double SEED_002_KMODES_COST = 26.548;
    /** The cost CustomerSegmentsReferenceTest reaches with the table built in code; runs must reach the same. */
    static final double SEED_002_COST = 26.547951547023334;
    /** kmodes' segment sizes on seed 002, largest first. */
    static final List<Integer> SEED_002_SIZES = List.of(14, 12, 11, 8, 5);

    /** Seed 002's customer table in the shared data folder, or null when it is absent (the caller skips). */
    static Path seed002() {
        String shared = System.getProperty("segmenta.shared.dir");
        Path file = shared == null ? null : Path.of(shared, "data/customer-segments/customer_segments.txt.gz");
        return file != null && Files.isRegularFile(file) ? file : null;
    }

    /**
     * Checks a seed-002 run's figures against kmodes': the K-Prototypes cost in summary.json (that of the table
     * built in code, and kmodes' as printed) and the segment sizes in segments.csv.
     */
    static void assertSeed002AsKmodes(Path out) throws IOException {
        String json = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        Matcher cost = Pattern.compile("\"cost\": ([0-9.]+)").matcher(json);
        assertTrue(json, cost.find());
        double c = Double.parseDouble(cost.group(1));
        assertEquals("the cost the table built in code reaches", SEED_002_COST, c, 1e-9);
        assertEquals("kmodes' cost, as printed", SEED_002_KMODES_COST, c, 5e-4);
        List<List<String>> segments = readCsv(out.resolve("segments.csv"));
        assertEquals(SEED_002_SIZES, segments.subList(1, segments.size()).stream()
                .map(r -> Integer.parseInt(r.get(1))).toList());
    }

    /** DQLab's new customer of seed 002 as a one-row table with the training file's columns. */
    static Path writeNewCustomer(Path work) throws IOException {
        return Files.writeString(work.resolve("new-customer.tsv"), "Customer_ID\tNama Pelanggan\tJenis Kelamin\t"
                + "Umur\tProfesi\tTipe Residen\tNilaiBelanjaSetahun\nCUST-100\tJoko\tPria\t45\tWiraswasta\t"
                + "Cluster\t8230000\n", StandardCharsets.UTF_8);
    }

    /** The hand-written customer table the distribution ships (data/customers-sample.csv). */
    static Path customerSample() {
        Path sample = home().resolve("data/customers-sample.csv");
        assertTrue("the customer table sample is missing: " + sample, Files.isRegularFile(sample));
        return sample;
    }

    /** A new, empty folder under target/work for one test. */
    static Path workDir(String name) throws IOException {
        String base = System.getProperty("segmenta.work.dir", System.getProperty("java.io.tmpdir"));
        Path parent = Files.createDirectories(Path.of(base));
        return Files.createTempDirectory(parent, name + "-");
    }

    /** file: URLs of the jars in one folder of the distribution (bundle/ or shell/), sorted by name. */
    static List<String> jarUrls(String folder) throws IOException {
        List<String> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(home().resolve(folder))) {
            jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                    .forEach(p -> urls.add(p.toUri().toString()));
        }
        assertTrue("no bundles in " + folder + "/ of the distribution", !urls.isEmpty());
        return urls;
    }

    /** Every row of a CSV file, each split into fields (RFC 4180: quoted fields may hold commas and quotes). */
    static List<List<String>> readCsv(Path file) throws IOException {
        assertTrue("missing " + file, Files.isRegularFile(file));
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = in.read()) != -1) {
                any = true;
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    any = false;
                } else if (c != '\r') {
                    field.append((char) c);
                }
            }
            if (any) {
                row.add(field.toString());
                rows.add(row);
            }
        }
        return rows;
    }

    /** summary.csv as key to value; checks the header and that no key is repeated. */
    static Map<String, String> readSummary(Path file) throws IOException {
        List<List<String>> rows = readCsv(file);
        assertEquals(List.of("key", "value"), rows.get(0));
        Map<String, String> summary = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals("summary row " + row, 2, row.size());
            assertTrue("summary key repeated: " + row.get(0), summary.put(row.get(0), row.get(1)) == null);
        }
        return summary;
    }

    /**
     * Checks the three CSV reports of a run against each other: one assignment per customer, k segments whose
     * sizes add up to the customers, and a summary that counts the same customers.
     *
     * @return the summary, for further checks
     */
    static Map<String, String> checkReports(Path outDir, int k) throws IOException {
        Map<String, String> summary = readSummary(outDir.resolve("summary.csv"));
        int customers = Integer.parseInt(summary.get("customers"));
        assertTrue("no customers in " + summary, customers > 0);
        assertEquals(Integer.toString(k), summary.get("k"));

        List<List<String>> assignments = readCsv(outDir.resolve("assignments.csv"));
        List<String> header = assignments.get(0);
        assertEquals("customer_id", header.get(0));
        assertEquals("segment", header.get(header.size() - 1));
        assertEquals("one assignment per customer", customers, assignments.size() - 1);
        long distinctIds = assignments.stream().skip(1).map(r -> r.get(0)).distinct().count();
        assertEquals("customer ids in assignments.csv are unique", customers, distinctIds);

        List<List<String>> segments = readCsv(outDir.resolve("segments.csv"));
        assertEquals(List.of("segment", "size"), segments.get(0).subList(0, 2));
        assertEquals(k + " segments", k, segments.size() - 1);
        int total = 0;
        int[] assigned = new int[k];
        for (List<String> row : assignments.subList(1, assignments.size())) {
            assigned[Integer.parseInt(row.get(row.size() - 1))]++;
        }
        for (List<String> row : segments.subList(1, segments.size())) {
            int segment = Integer.parseInt(row.get(0));
            int size = Integer.parseInt(row.get(1));
            assertTrue("segment " + segment + " is empty", size > 0);
            assertEquals("size of segment " + segment + " in segments.csv and assignments.csv", assigned[segment], size);
            total += size;
        }
        assertEquals("segment sizes add up to the customers", customers, total);
        return summary;
    }

    /**
     * Checks the xlsx reporter's workbook as a zip of sheet XML (no spreadsheet library here): its sheets are
     * named, the Assignments sheet has a header and one row per customer, and a segment number is a number cell.
     *
     * @return the workbook's sheet names, in order
     */
    static List<String> checkWorkbook(Path outDir, int customers) throws IOException {
        Path file = outDir.resolve("segments.xlsx");
        assertTrue("missing " + file, Files.isRegularFile(file));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String workbook = zipEntry(zip, "xl/workbook.xml");
            String rels = zipEntry(zip, "xl/_rels/workbook.xml.rels");
            List<String> names = new ArrayList<>();
            String assignments = null;
            Matcher sheet = Pattern.compile("<sheet name=\"([^\"]*)\"[^>]*r:id=\"([^\"]*)\"").matcher(workbook);
            while (sheet.find()) {
                names.add(sheet.group(1));
                if (sheet.group(1).equals("Assignments")) {
                    Matcher target = Pattern.compile("Id=\"" + sheet.group(2) + "\"[^>]*Target=\"([^\"]*)\"")
                            .matcher(rels);
                    assertTrue("no relationship " + sheet.group(2) + " in " + rels, target.find());
                    assignments = zipEntry(zip, "xl/" + target.group(1).replaceFirst("^/?xl/", ""));
                }
            }
            // every run's segments have recommended actions (the engine's built-in rules at least)
            assertEquals(List.of("Overview", "Segments", "Actions", "Assignments"), names.stream()
                    .filter(n -> !n.equals("Categories") && !n.equals("Choosing k")).toList());
            int rows = 0;
            for (int at = assignments.indexOf("<row "); at >= 0; at = assignments.indexOf("<row ", at + 1)) {
                rows++;
            }
            assertEquals("the header and one row per customer", customers + 1, rows);
            Matcher segment = Pattern.compile("<c r=\"B2\"([^>]*)>").matcher(assignments);
            assertTrue("no cell B2:\n" + assignments.substring(0, Math.min(2000, assignments.length())), segment.find());
            // a cell's type is t="n" (number, also the default when t is absent), "s" or "inlineStr" (text), ...
            String attributes = segment.group(1);
            assertTrue("the segment in B2 is a number cell, not text: " + segment.group(),
                    !attributes.contains(" t=\"") || attributes.contains(" t=\"n\""));
            return names;
        }
    }

    /**
     * Checks that the libraries embedded in the xlsx reporter bundle (fastexcel, opczip) are not also shipped as
     * jars of their own: in lib/ fastexcel would split its package with io.segmenta.report.xlsx on the module
     * path, and in bundle/ neither is an OSGi bundle.
     */
    static void assertNoEmbeddedLibraryJars(Path home) throws IOException {
        for (String folder : List.of("bundle", "lib")) {
            try (Stream<Path> jars = Files.list(home.resolve(folder))) {
                List<String> shipped = jars.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("fastexcel") || n.startsWith("opczip")).toList();
                assertEquals("jars of libraries embedded in a bundle, in " + home.resolve(folder), List.of(), shipped);
            }
        }
    }

    /**
     * Checks that a distribution ships the logging feature: the Log Service (Apache Felix Log) and the log file
     * writer in bundle/ for Felix, neither in lib/ (the module path logs through java.util.logging), and the
     * default levels in deploy/.
     */
    static void assertShipsTheLogService(Path home) throws IOException {
        for (String bundle : List.of("org.apache.felix.log-", "io.segmenta.logfile-")) {
            try (Stream<Path> jars = Files.list(home.resolve("bundle"))) {
                assertTrue(bundle + "*.jar is not in " + home.resolve("bundle"),
                        jars.anyMatch(p -> p.getFileName().toString().startsWith(bundle)));
            }
            try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
                assertTrue(bundle + "*.jar is in " + home.resolve("lib"),
                        jars.noneMatch(p -> p.getFileName().toString().startsWith(bundle)));
            }
        }
        String levels = Files.readString(home.resolve("deploy/org.osgi.service.log.admin.cfg"));
        assertTrue(levels, levels.lines().anyMatch(l -> l.matches("ROOT\\s*=\\s*INFO")));
    }

    private static String zipEntry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertTrue("no " + name + " in the workbook", entry != null);
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Checks that text lists every stage of the uk-retail pipeline as a KIND NAME DESCRIPTION row. */
    static void assertListsUkRetailStages(String text) {
        for (String[] stage : UK_RETAIL_STAGES) {
            assertTrue("stage list has no " + stage[0] + " " + stage[1] + ":\n" + text,
                    text.lines().anyMatch(l -> l.matches("\\s*" + stage[0] + "\\s+" + stage[1] + "\\s.*")));
        }
    }

    /** Checks that text holds the segments table of a run with k segments. */
    static void assertShowsClusterTable(String text, int k) {
        assertTrue("no segments table:\n" + text, text.contains("Segments (kmeans, k=" + k));
        List<String> lines = text.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*segment\\s+customers\\s+share\\s+revenue.*")) {
                header = i;
                break;
            }
        }
        assertTrue("no segments table header:\n" + text, header >= 0);
        for (int s = 0; s < k; s++) {
            assertTrue("no row for segment " + s + ":\n" + text,
                    lines.get(header + 1 + s).matches("\\s*" + s + "\\s+[0-9,]+\\s+.*%.*"));
        }
    }
}
