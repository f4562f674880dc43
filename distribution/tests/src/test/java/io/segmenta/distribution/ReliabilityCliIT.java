package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

/** bin/segmenta keeps the promises of docs/reliability.md: nothing lost, nothing silently wrong. */
public class ReliabilityCliIT {
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * The sample with a new customer whose only rows have an amount that overflows (6 x 1e308, 1e300 x 1e300):
     * the source counts those rows under one reason, so the customers of the data-quality account are the
     * customers of the segments (before the fix: 301 in the account, 300 in the segments).
     */
    @Test
    public void customersAddUpWhenAnAmountOverflows() throws Exception {
        Path work = Distribution.workDir("cli-overflow");
        Path input = work.resolve("overflow.csv");
        Files.writeString(input, Files.readString(Distribution.sample(), StandardCharsets.UTF_8)
                + "599999,22632,HUGE,6,2011-06-01 10:00:00,1e308,99999.0,United Kingdom\n"
                + "599998,22632,HUGE,1e300,2011-06-02 10:00:00,1e300,99999.0,United Kingdom\n",
                StandardCharsets.UTF_8);
        Launch launch = Launch.run(work, TIMEOUT_SECONDS, "segmenta", "run", "--source", "uk-retail", "--input",
                input.toString(), "--k", "4", "--report", "csv", "--out", "out");
        assertEquals(launch.toString(), 0, launch.exitCode);
        Map<String, String> summary = Distribution.checkReports(work.resolve("out"), 4);
        assertEquals("300", summary.get("customers"));
        assertEquals(summary.get("customers"), summary.get("distinct customers in source"));
        assertEquals("2", summary.get("dropped: amount is not a finite number (quantity x unit price overflows)"));
    }
}
