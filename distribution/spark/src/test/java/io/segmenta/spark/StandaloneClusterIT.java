package io.segmenta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.PipelineSpec;
import io.segmenta.api.stage.ClusterRequest;
import io.segmenta.api.stage.Options;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two workers (one core, 1 GB each) as separate JVMs
 * started from a plain Spark home (Spark's jars only, none of Segmenta's), and the pipeline submitted to it as a user
 * does, with {@code org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:PORT --class
 * io.segmenta.spark.SegmentaSpark segmenta-spark-app.jar run ...} in a third JVM. The result must be the
 * single-machine run's, and both workers must have run an executor.
 */
class StandaloneClusterIT {
    private static final long STARTUP_SECONDS = 120;

    @TempDir
    static Path dir;
    static Path sparkHome;
    static int masterPort;
    static final List<Process> cluster = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        sparkHome = plainSparkHome(Path.of(System.getProperty("segmenta.spark.home")), dir.resolve("spark-home"));
        masterPort = freePort();
        Path masterLog = dir.resolve("master.log");
        cluster.add(java(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                "" + masterPort, "--webui-port", "" + freePort()));
        waitFor(masterLog, "I have been elected leader", 1);
        for (int w = 1; w <= 2; w++) {
            cluster.add(java(dir.resolve("worker" + w + ".log"), "org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", "" + freePort(), "--work-dir",
                    dir.resolve("work" + w).toString(), "spark://127.0.0.1:" + masterPort));
        }
        waitFor(masterLog, "Registering worker", 2);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : cluster) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : cluster) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void thePipelineSubmittedToTheClusterGivesTheSingleMachineSegments() throws Exception {
        Path input = dir.resolve("generated.csv");
        Files.writeString(input, SmallExport.text());
        Path out = dir.resolve("cluster-out");
        Path log = dir.resolve("submit.log");
        Process submit = java(log, "org.apache.spark.deploy.SparkSubmit", "--master",
                "spark://127.0.0.1:" + masterPort, "--deploy-mode", "client", "--class",
                "io.segmenta.spark.SegmentaSpark", "--conf", "spark.driver.host=127.0.0.1", "--conf",
                "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.executor.memory=512m", "--conf",
                "spark.executor.cores=1", "--conf", "spark.cores.max=2", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.sql.shuffle.partitions=4",
                System.getProperty("segmenta.spark.app"), "run", "--source", "uk-retail", "--input", input.toString(),
                "--k", "3", "--runs", "3", "--report", "csv", "--out", out.toString());
        // a hang guard: with a 1-minute load of 25 on the 2-core machine the run once needed more than 3 minutes
        assertTrue(submit.waitFor(360, TimeUnit.SECONDS), "the submitted run ended; log: " + Files.readString(log));
        assertEquals(0, submit.exitValue(), Files.readString(log));

        PipelineResult single = SparkPipeline.engine().run(new PipelineSpec("uk-retail", input, "rfm", "kmeans",
                new ClusterRequest(3, 42, 3, 300), List.of("csv"), dir.resolve("single-out"), Options.empty()), null);
        for (String file : List.of("assignments.csv", "segments.csv")) {
            assertEquals(Files.readString(dir.resolve("single-out").resolve(file)), Files.readString(out.resolve(file)),
                    file);
        }
        assertTrue(Files.readString(log).contains("customers"), "the run summary on the driver's stdout");
        for (int w = 1; w <= 2; w++) {
            try (Stream<Path> executors = Files.walk(dir.resolve("work" + w))) {
                assertTrue(executors.anyMatch(p -> p.getFileName().toString().equals("stderr")),
                        "worker " + w + " ran an executor");
            }
        }
        assertEquals(single.segments().size(), 3);
    }

    /** A Spark home holding only Spark and its libraries: the application jar must bring Segmenta itself. */
    static Path plainSparkHome(Path assembled, Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        try (Stream<Path> all = Files.list(assembled.resolve("jars"))) {
            for (Path jar : (Iterable<Path>) all::iterator) {
                String name = jar.getFileName().toString();
                if (!name.startsWith("io.segmenta") && !name.startsWith("segmenta-")) {
                    Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
                }
            }
        }
        // INFO on the processes' output: the test waits for the master's and the workers' INFO lines (the
        // distribution's conf writes Spark's log to a file instead)
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/log4j2.properties"), String.join("\n", "rootLogger.level = info",
                "rootLogger.appenderRef.out.ref = out", "appender.out.type = Console", "appender.out.name = out",
                "appender.out.layout.type = PatternLayout", "appender.out.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n")
                + "\n");
        return home;
    }

    /** A JVM with the plain Spark home's jars, Java 17's opens for Spark, 512 MB, its output to {@code log}. */
    static Process java(Path log, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("segmenta.spark.java.options").trim().split("\\s+")));
        command.addAll(List.of("-Xmx512m", "-Dlog4j2.configurationFile=" + sparkHome.resolve("conf/log4j2.properties"),
                "-cp", sparkHome.resolve("jars") + File.separator + "*", mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void waitFor(Path log, String line, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && count(Files.readString(log), line) >= times) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("'" + line + "' x" + times + " did not come in " + STARTUP_SECONDS + " s: "
                + Files.readString(log));
    }

    private static int count(String text, String line) {
        int n = 0;
        for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + 1)) {
            n++;
        }
        return n;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
