package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.Test;

/**
 * bin/segmenta on the real UCI Online Retail export (/work/shared/data through the system property
 * segmenta.shared.dir; skipped when it is absent): the choice of k with its reason and runner-up, and the issue's
 * predict trap (a model of eleven months asked about the last five weeks) warned about in one line each.
 */
public class KChoiceAndDriftRealDataIT {
    private static final long TIMEOUT_SECONDS = 300;
    private static final Pattern DATE = Pattern.compile(",(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}),");

    /** select-k 2..10: k = 3, not the silhouette's k = 2, with the reason naming the runner-up k = 4. */
    @Test
    public void choosesAUsefulKAndSaysWhy() throws Exception {
        Launch launch = Launch.run(Distribution.workDir("real-data-k-choice"), TIMEOUT_SECONDS, "segmenta",
                "select-k", "--source", "uk-retail", "--input", RealDataIT.realData().toString());
        assertEquals(launch.toString(), 0, launch.exitCode);
        assertTrue(launch.out, launch.out.contains("Recommended k = 3: the smallest k whose silhouette (0.3368) is "
                + "within 0.01 of the best (0.3370 at k = 4) of the k of at least 3 whose segments are stable"));
        assertTrue(launch.out, launch.out.contains("Runner-up: k = 4 (silhouette 0.337, stability 0.933). k = 2 has "
                + "the best silhouette overall (0.433) but is below the minimum useful k (option min-k = 3)."));
        assertTrue(launch.out, launch.out.contains("stability"));
    }

    @Test
    public void predictWarnsWhenAskedAboutFiveWeeksWithAModelOfElevenMonths() throws Exception {
        Path work = Distribution.workDir("real-data-drift");
        Files.createDirectories(work);
        Path months = work.resolve("eleven-months.csv");
        Path weeks = work.resolve("five-weeks.csv");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(RealDataIT.realData())), StandardCharsets.UTF_8));
                BufferedWriter before = Files.newBufferedWriter(months, StandardCharsets.UTF_8);
                BufferedWriter after = Files.newBufferedWriter(weeks, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            before.write(header + "\n");
            after.write(header + "\n");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = DATE.matcher(line); // by its form: a quoted Description may hold commas
                assertTrue(line, m.find());
                (m.group(1).compareTo("2011-11-04") < 0 ? before : after).write(line + "\n");
            }
        }
        Launch train = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                months.toString(), "--k", "5", "--out", "train", "--save-model", "model.json");
        assertEquals(train.toString(), 0, train.exitCode);
        Launch predict = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "predict", "--model", "model.json", "--input",
                weeks.toString(), "--out", "predicted");
        assertEquals(predict.toString(), 0, predict.exitCode);
        assertTrue(predict.out, predict.out.contains("\nWarning: the new data covers 35 days (2011-11-04 to "
                + "2011-12-09), under 50 % of the 337 days the model was trained on: features counted over the period "
                + "(recency, frequency, spend) mean something else over a shorter one; retrain on a comparable period "
                + "or predict on at least 169 days\n"));
        assertTrue(predict.out, predict.out.contains("\nWarning: the segment mix differs from training by 0.68"));
        assertFalse(predict.err, predict.err.contains("Exception"));
        assertTrue(Files.exists(work.resolve("predicted").resolve("predictions.csv")));
    }
}
