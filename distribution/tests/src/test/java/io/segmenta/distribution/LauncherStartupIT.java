package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The start-up choices of bin/segmenta (docs/performance.md, "Memory and start-up defaults of bin/segmenta"):
 * which commands stop the JIT at C1, and which dump the class-data-sharing archive.
 */
public class LauncherStartupIT {
    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern TIERED_STOP = Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d+)");

    @Test
    public void onlyARunDumpsTheArchiveAndLaterCommandsMapIt() throws Exception {
        Path work = Distribution.workDir("launcher-cds");
        Path cache = work.resolve("cache");
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", cache.toString());

        Launch stages = Launch.run(Distribution.home(), work, TIMEOUT_SECONDS, environment, "segmenta", "stages");
        assertEquals(stages.toString(), 0, stages.exitCode);
        assertEquals("stages dumps no archive: it would lack the classes of a run", List.of(), archives(cache));

        Launch run = Launch.run(Distribution.home(), work, TIMEOUT_SECONDS, environment, "segmenta", "-q", "run",
                "--source", "uk-retail", "--input", Distribution.sample().toString(), "--k", "4", "--out", "out");
        assertEquals(run.toString(), 0, run.exitCode);
        List<Path> archives = archives(cache);
        assertEquals("the run dumped one archive, renamed once complete: " + archives, 1, archives.size());
        assertTrue(archives.get(0).getFileName().toString().matches("cds-\\d+\\.jsa"));

        // -Xshare:on makes Java fail instead of going on without the archive
        Launch mapped = Launch.run(Distribution.home(), work, TIMEOUT_SECONDS,
                Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_OPTS", "-Xshare:on"), "segmenta", "stages");
        assertEquals(mapped.toString(), 0, mapped.exitCode);
        Distribution.assertListsUkRetailStages(mapped.out);
    }

    @Test
    public void shortCommandsStopTheJitAtC1AndLargeInputsKeepTheFullJit() throws Exception {
        Path work = Distribution.workDir("launcher-jit");
        assertEquals("--version", 1, tieredStopAtLevel(work, "--version"));
        assertEquals("stages", 1, tieredStopAtLevel(work, "stages"));
        assertEquals("a run on the README's sample", 1, tieredStopAtLevel(work, "run", "--source", "uk-retail",
                "--input", Distribution.sample().toString(), "--k", "4", "--out", "out"));

        // 8.5 MB of gzip counts as 68 MB of text, over the 64 MiB limit (the run itself fails: not gzip)
        Path large = work.resolve("large.csv.gz");
        byte[] block = new byte[1 << 20];
        Random random = new Random(17);
        try (OutputStream out = Files.newOutputStream(large)) {
            for (int i = 0; i < 17; i++) {
                random.nextBytes(block);
                out.write(block, 0, block.length / 2);
            }
        }
        assertEquals("a run on a large input", 4, tieredStopAtLevel(work, "run", "--source", "uk-retail",
                "--input=" + large, "--k", "4", "--out", "out-large"));
        // a JAVA_OPTS choice wins
        Launch launch = Launch.run(Distribution.home(), work, TIMEOUT_SECONDS,
                Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4", "SEGMENTA_CDS", "0"),
                "segmenta", "--version");
        assertEquals(launch.toString(), 4, level(launch));
    }

    private static int tieredStopAtLevel(Path work, String... args) throws IOException, InterruptedException {
        Launch launch = Launch.run(Distribution.home(), work, TIMEOUT_SECONDS,
                Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal", "SEGMENTA_CDS", "0"), "segmenta", args);
        return level(launch);
    }

    private static int level(Launch launch) {
        Matcher m = TIERED_STOP.matcher(launch.out);
        assertTrue("-XX:+PrintFlagsFinal lists TieredStopAtLevel:\n" + launch, m.find());
        return Integer.parseInt(m.group(1));
    }

    private static List<Path> archives(Path cache) throws IOException {
        Path folder = cache.resolve("segmenta");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
