package io.segmenta.distribution;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a launcher of the distribution (bin/segmenta, bin/segmenta-shell) as a user would, and what it printed. */
final class Launch {
    final int exitCode;
    final String out;
    final String err;

    private Launch(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs bin/NAME with the arguments in the given folder, with this JVM's Java as JAVA_HOME and no standard
     * input. A launcher still running after the timeout is killed with everything it started, and fails the test.
     */
    static Launch run(Path workDir, long timeoutSeconds, String launcher, String... args)
            throws IOException, InterruptedException {
        return run(Distribution.home(), workDir, timeoutSeconds, launcher, args);
    }

    /** {@link #run(Path, long, String, String...)} with the launcher of another distribution (in {@code home}). */
    static Launch run(Path home, Path workDir, long timeoutSeconds, String launcher, String... args)
            throws IOException, InterruptedException {
        return run(home, workDir, timeoutSeconds, Map.of(), launcher, args);
    }

    /**
     * {@link #run(Path, Path, long, String, String...)} with these environment variables set (JAVA_OPTS among
     * them, else it is removed).
     */
    static Launch run(Path home, Path workDir, long timeoutSeconds, Map<String, String> environment,
            String launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(launcher).toString());
        command.addAll(List.of(args));
        Path stdout = workDir.resolve(launcher + ".out");
        Path stderr = workDir.resolve(launcher + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            // the launcher is a shell script: stop the JVM it started too
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            fail(command + " did not finish within " + timeoutSeconds + " s; it printed:\n"
                    + Files.readString(stdout, StandardCharsets.UTF_8) + "\nstderr:\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return new Launch(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
