package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * Customer tables on the module path (bin/segmenta): seed 002 (DQLab's customer_segments.txt, 50 customers,
 * ../shared/data; skipped when absent) through source customer-table and extractor attributes, z-scored, with
 * K-Prototypes at k = 5 against Python kmodes 0.12 (KPrototypes(n_clusters=5, init='Cao', n_init=10), gamma 0.5:
 * cost 26.548, sizes 14/12/11/8/5); a saved model predicting a one-row table of a new customer; and the one-line
 * errors of a table lacking a declared column or the model's columns.
 */
public class CustomerTableCliIT {
    private static final long TIMEOUT_SECONDS = 120;
    private static final String NAMES = "segment-names=0=Gold Young Member,1=Diamond Young Entrepreneur,"
            + "2=Gold Senior Member,3=Diamond Senior Entrepreneur,4=Silver Students";

    private static Path seed002() {
        Path file = Distribution.seed002();
        assumeTrue("skipped: seed 002's customer_segments.txt.gz is not in the shared data folder (system property"
                + " segmenta.shared.dir)", file != null);
        return file;
    }

    /** The one error line (stderr also has the progress lines and the log), with no stack trace. */
    private static String errorLine(Launch launch) {
        List<String> errors = launch.err.lines().filter(l -> l.startsWith("segmenta: ")).toList();
        assertEquals(launch.toString(), 1, errors.size());
        assertFalse(launch.err, launch.err.contains("Exception") || launch.err.contains("\tat "));
        return errors.get(0);
    }

    @Test
    public void seed002ReachesKmodesCostAndSizesAndPredictsANewCustomer() throws Exception {
        Path file = seed002();
        Path work = Distribution.workDir("cli-seed002");
        Launch run = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "customer-table", "--input",
                file.toString(), "--option", "format.delimiter=tab", "--features", "attributes", "--algorithm",
                "kprototypes", "--k", "5", "--option", "transform=zscore", "--option", "gamma=0.5", "--option",
                "value-column=NilaiBelanjaSetahun", "--option", NAMES, "--report", "csv,json,html,xlsx", "--out",
                "out", "--save-model", "seed002.json");
        assertEquals(run.toString(), 0, run.exitCode);
        assertTrue(run.out, run.out.contains("Segments (kprototypes, k=5, 50 customers)"));
        assertTrue("the name column is left out with a message (progress and messages go to stderr):\n" + run.err,
                run.err.contains("Nama Pelanggan (48 distinct values)"));

        Distribution.assertSeed002AsKmodes(work.resolve("out"));
        String json = Files.readString(work.resolve("out/summary.json"), StandardCharsets.UTF_8);
        assertTrue(json, json.contains("\"transactions\": false"));
        List<List<String>> segments = Distribution.readCsv(work.resolve("out/segments.csv"));
        assertEquals("Diamond Young Entrepreneur", segments.get(2).get(2));
        // the columns as written in the file, in every report
        assertTrue(segments.get(0).contains("mean_Umur"));
        String categories = Files.readString(work.resolve("out/segment_categories.csv"), StandardCharsets.UTF_8);
        assertTrue(categories, categories.contains(",Jenis Kelamin,Wanita,"));
        String html = Files.readString(work.resolve("out/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Jenis Kelamin") && html.contains("NilaiBelanjaSetahun"));
        assertFalse("no order count for a customer table", html.contains("<span>orders</span>"));
        Distribution.checkWorkbook(work.resolve("out"), 50);

        // DQLab's new customer, a one-row table with the training file's columns
        Path customer = Distribution.writeNewCustomer(work);
        Launch predict = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "seed002.json",
                "--input", customer.toString(), "--out", "predicted");
        assertEquals(predict.toString(), 0, predict.exitCode);
        assertTrue(predict.err, predict.err.contains("left out (not in the model): Nama Pelanggan"));
        assertEquals(List.of("customer_id,Umur,NilaiBelanjaSetahun,Jenis Kelamin,Profesi,Tipe Residen,segment_name,"
                + "segment", "CUST-100,45,8230000,Pria,Wiraswasta,Cluster,Diamond Senior Entrepreneur,3"),
                Files.readAllLines(work.resolve("predicted/predictions.csv")));

        // a table with other columns than the model's: one line naming the file and the missing column
        Path renamed = work.resolve("renamed.tsv");
        Files.writeString(renamed, "Customer_ID\tJenis Kelamin\tUsia\tProfesi\tTipe Residen\tNilaiBelanjaSetahun\n"
                + "CUST-102\tPria\t30\tPelajar\tCluster\t3000000\n", StandardCharsets.UTF_8);
        Launch lacking = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "seed002.json",
                "--input", renamed.toString(), "--out", "p3");
        assertEquals(lacking.toString(), 2, lacking.exitCode);
        assertTrue(lacking.err, errorLine(lacking).startsWith("segmenta: " + renamed + " lacks the column Umur that"
                + " the model seed002.json was trained on"));
        assertFalse(lacking.err, lacking.err.contains("Exception"));
    }

    @Test
    public void selectKRecommendsAStableKWithTheElbowAtFiveAsRunnerUp() throws Exception {
        Path file = seed002();
        Launch selectK = Launch.run(Distribution.workDir("cli-seed002-k"), TIMEOUT_SECONDS, "segmenta", "select-k",
                "--source", "customer-table", "--input", file.toString(), "--option", "format.delimiter=tab",
                "--features", "attributes", "--algorithm", "kprototypes", "--k-min", "2", "--k-max", "10",
                "--option", "transform=zscore");
        assertEquals(selectK.toString(), 0, selectK.exitCode);
        // 4 is as stable as any k and within 0.01 of the best silhouette (5's): the smaller k (user guide)
        assertTrue(selectK.out, selectK.out.contains("Recommended k = 4: the smallest k whose silhouette (0.4372) is "
                + "within 0.01 of the best (0.4417 at k = 5)"));
        assertTrue(selectK.out, selectK.out.contains("Runner-up: k = 5 (silhouette 0.442, stability 0.947). The elbow "
                + "of the cost curve is at k = 5."));
    }

    @Test
    public void aTableLackingADeclaredColumnIsOneLineNamingFileAndColumn() throws Exception {
        Path work = Distribution.workDir("cli-customers-missing");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "customer-table", "--input",
                Distribution.customerSample().toString(), "--features", "attributes", "--algorithm", "kprototypes",
                "--k", "3", "--option", "columns.kind=Usia:numeric", "--out", "out");
        assertEquals(launch.toString(), 2, launch.exitCode);
        assertEquals("segmenta: " + Distribution.customerSample() + ", line 1: no column 'Usia' (named by option"
                + " columns.kind); the header has Customer_ID, Nama Pelanggan, Jenis Kelamin, Umur, Profesi,"
                + " Tipe Residen, NilaiBelanjaSetahun", errorLine(launch));
        assertFalse(Files.exists(work.resolve("out")));
    }

    @Test
    public void rfmOnACustomerTableIsOneLine() throws Exception {
        Launch launch = Launch.run(Distribution.workDir("cli-customers-rfm"), TIMEOUT_SECONDS, "segmenta", "run",
                "--source", "customer-table", "--input", Distribution.customerSample().toString(), "--k", "3",
                "--out", "out");
        assertEquals(launch.toString(), 2, launch.exitCode);
        assertEquals("segmenta: the extractor 'rfm' computes its features from transactions, but the source read a"
                + " table of 22 customers without transactions (source 'customer-table'); use the extractor"
                + " 'attributes' for such a table", errorLine(launch));
    }

    @Test
    public void theSampleTableRunsWithMissingValuesImputed() throws Exception {
        Path work = Distribution.workDir("cli-customers-sample");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "customer-table", "--input",
                Distribution.customerSample().toString(), "--features", "attributes", "--algorithm", "kprototypes",
                "--k", "3", "--option", "transform=zscore", "--option", "missing=impute", "--out", "out");
        assertEquals(launch.toString(), 0, launch.exitCode);
        assertTrue(launch.out, launch.out.contains("Segments (kprototypes, k=3, 24 customers)"));
        assertTrue(launch.err, launch.err.contains("missing values: Umur 1, Profesi 1; imputed (option missing=impute):"
                + " Umur: median 36, Profesi: most frequent 'Wiraswasta'"));
        assertTrue(launch.out, launch.out.contains("Jenis Kelamin: "));
    }

    /**
     * Behaviour from transactions joined with attributes from a CRM file: rfm on the UK sample (300 customers)
     * plus attributes of crm.csv (24 of those customers and 2 others); the inner join keeps 24, counts the 276
     * without attributes and the 2 without transactions, and the assignments carry both kinds of feature.
     */
    @Test
    public void transactionsJoinedWithACustomerTableKeepTheCustomersInBoth() throws Exception {
        Path crm = Path.of(System.getProperty("segmenta.dist.root"))
                .resolve("tests/src/test/resources/customers/crm.csv");
        Path work = Distribution.workDir("cli-rfm-crm");
        Launch run = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                Distribution.sample().toString(), "--features", "rfm+crm:attributes", "--source.crm",
                "customer-table", "--input.crm", crm.toString(), "--algorithm", "kprototypes", "--k", "3",
                "--report", "csv,json", "--out", "out", "--save-model", "model.json");
        assertEquals(run.toString(), 0, run.exitCode);

        java.util.Map<String, String> summary = Distribution.checkReports(work.resolve("out"), 3);
        assertEquals("24", summary.get("customers"));
        assertEquals("300", summary.get("distinct customers of member rfm in source"));
        assertEquals("26", summary.get("distinct customers of member crm in source"));
        assertEquals("276", summary.get("distinct customers dropped by the join, not in crm in source"));
        assertEquals("2", summary.get("distinct customers dropped by the join, not in rfm in source"));
        List<String> assignments = Files.readAllLines(work.resolve("out/assignments.csv"));
        assertEquals(25, assignments.size());
        assertTrue(assignments.get(0), assignments.get(0).startsWith("customer_id,recency,frequency,monetary,Umur,"
                + "Jenis Kelamin,Tipe Residen,"));
        assertFalse("a customer without attributes is left out", String.join("\n", assignments).contains("99001"));

        Launch predict = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "model.json",
                "--input", Distribution.sample().toString(), "--input.crm", crm.toString(), "--out", "predicted");
        assertEquals(predict.toString(), 0, predict.exitCode);
        assertEquals(assignments, Files.readAllLines(work.resolve("predicted/predictions.csv")));
    }
}
