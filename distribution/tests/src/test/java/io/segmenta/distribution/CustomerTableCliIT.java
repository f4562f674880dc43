package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertTrue("the name column is left out with a message:\n" + run.out,
                run.out.contains("Nama Pelanggan (48 distinct values)"));

        String json = Files.readString(work.resolve("out/summary.json"), StandardCharsets.UTF_8);
        Matcher cost = Pattern.compile("\"cost\": ([0-9.]+)").matcher(json);
        assertTrue(json, cost.find());
        double c = Double.parseDouble(cost.group(1));
        assertEquals("the cost the table built in code reaches", Distribution.SEED_002_COST, c, 1e-9);
        assertEquals("kmodes' cost, as printed", Distribution.SEED_002_KMODES_COST, c, 5e-4);
        assertTrue(json, json.contains("\"transactions\": false"));

        List<List<String>> segments = Distribution.readCsv(work.resolve("out/segments.csv"));
        assertEquals(Distribution.SEED_002_SIZES, segments.subList(1, segments.size()).stream()
                .map(r -> Integer.parseInt(r.get(1))).toList());
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
        Path customer = work.resolve("new-customer.tsv");
        Files.writeString(customer, "Customer_ID\tNama Pelanggan\tJenis Kelamin\tUmur\tProfesi\tTipe Residen\t"
                + "NilaiBelanjaSetahun\nCUST-100\tJoko\tPria\t45\tWiraswasta\tCluster\t8230000\n", StandardCharsets.UTF_8);
        Launch predict = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "seed002.json",
                "--input", customer.toString(), "--out", "predicted");
        assertEquals(predict.toString(), 0, predict.exitCode);
        assertTrue(predict.out, predict.out.contains("left out (not in the model): Nama Pelanggan"));
        assertEquals(List.of("customer_id,Umur,NilaiBelanjaSetahun,Jenis Kelamin,Profesi,Tipe Residen,segment_name,"
                + "segment", "CUST-100,45,8230000,Pria,Wiraswasta,Cluster,Diamond Senior Entrepreneur,3"),
                Files.readAllLines(work.resolve("predicted/predictions.csv")));

        // a table with other columns than the model's: one line naming the file and the missing column
        Path other = work.resolve("other.tsv");
        Files.writeString(other, "Customer_ID\tJenis Kelamin\tUmur\tProfesi\tTipe Residen\tNilaiBelanjaSetahun\t"
                + "Kota\nCUST-101\tWanita\t30\tPelajar\tCluster\t3000000\tBogor\n", StandardCharsets.UTF_8);
        Launch mismatch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "seed002.json",
                "--input", other.toString(), "--out", "p2");
        assertEquals(mismatch.toString(), 2, mismatch.exitCode);
        assertEquals(mismatch.toString(), 1, mismatch.err.lines().filter(l -> !l.isBlank()).count());
        Path renamed = work.resolve("renamed.tsv");
        Files.writeString(renamed, "Customer_ID\tJenis Kelamin\tUsia\tProfesi\tTipe Residen\tNilaiBelanjaSetahun\n"
                + "CUST-102\tPria\t30\tPelajar\tCluster\t3000000\n", StandardCharsets.UTF_8);
        Launch lacking = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "seed002.json",
                "--input", renamed.toString(), "--out", "p3");
        assertEquals(lacking.toString(), 2, lacking.exitCode);
        assertTrue(lacking.err, lacking.err.contains("segmenta: " + renamed + " lacks the column Umur that the model"
                + " seed002.json was trained on"));
        assertFalse(lacking.err, lacking.err.contains("Exception"));
    }

    @Test
    public void selectKRecommendsTheElbowAtFive() throws Exception {
        Path file = seed002();
        Launch selectK = Launch.run(Distribution.workDir("cli-seed002-k"), TIMEOUT_SECONDS, "segmenta", "select-k",
                "--source", "customer-table", "--input", file.toString(), "--option", "format.delimiter=tab",
                "--features", "attributes", "--algorithm", "kprototypes", "--k-min", "2", "--k-max", "10",
                "--option", "transform=zscore");
        assertEquals(selectK.toString(), 0, selectK.exitCode);
        assertTrue(selectK.out, selectK.out.contains("Recommended k = 5: the elbow of the cost curve"));
    }

    @Test
    public void aTableLackingADeclaredColumnIsOneLineNamingFileAndColumn() throws Exception {
        Path work = Distribution.workDir("cli-customers-missing");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "customer-table", "--input",
                Distribution.customerSample().toString(), "--features", "attributes", "--algorithm", "kprototypes",
                "--k", "3", "--option", "columns.kind=Usia:numeric", "--out", "out");
        assertEquals(launch.toString(), 2, launch.exitCode);
        List<String> lines = launch.err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(launch.toString(), 1, lines.size());
        assertEquals("segmenta: " + Distribution.customerSample() + ", line 1: no column 'Usia' (named by option"
                + " columns.kind); the header has Customer_ID, Nama Pelanggan, Jenis Kelamin, Umur, Profesi,"
                + " Tipe Residen, NilaiBelanjaSetahun", lines.get(0));
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
                + " 'attributes' for such a table", launch.err.strip());
    }

    @Test
    public void theSampleTableRunsWithMissingValuesImputed() throws Exception {
        Path work = Distribution.workDir("cli-customers-sample");
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "customer-table", "--input",
                Distribution.customerSample().toString(), "--features", "attributes", "--algorithm", "kprototypes",
                "--k", "3", "--option", "transform=zscore", "--option", "missing=impute", "--out", "out");
        assertEquals(launch.toString(), 0, launch.exitCode);
        assertTrue(launch.out, launch.out.contains("Segments (kprototypes, k=3, 24 customers)"));
        assertTrue(launch.out, launch.out.contains("missing values: Umur 1, Profesi 1; imputed (option missing=impute):"
                + " Umur: median 36, Profesi: most frequent 'Wiraswasta'"));
        assertTrue(launch.out, launch.out.contains("Jenis Kelamin: "));
    }
}
