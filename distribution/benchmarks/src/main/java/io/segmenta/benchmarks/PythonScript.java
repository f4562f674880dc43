package io.segmenta.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python reference script packaged in this jar (source in src/main/python): copied out next to its input, run
 * with the interpreter the user names, its standard error passed through and the last line of its standard output
 * (one flat JSON object, as {@code json.dumps} writes it) read back with a few patterns, with no JSON library.
 * The scripts exit with {@link #SKIPPED} when their Python libraries cannot be imported.
 */
final class PythonScript {
    /** The scripts' exit status when numpy, scikit-learn or kmodes cannot be imported. */
    static final int SKIPPED = 3;

    /**
     * How a run ended: its exit status and last line of output, or why it did not finish ({@code failure}, with
     * {@code notStarted} when the interpreter could not even be started).
     */
    record Outcome(int status, String json, String failure, boolean notStarted) {
        boolean finished() {
            return failure == null;
        }
    }

    private PythonScript() {
    }

    /** Copies the resource (e.g. {@code python/silhouette.py}) into {@code work}; null when it is not in the jar. */
    static Path extract(String resource, Path work) {
        Path script = work.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = PythonScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Files.copy(in, script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + script, e);
        }
        return script;
    }

    /** Runs the command to its end; its standard error goes to ours. */
    static Outcome run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return new Outcome(-1, "", "cannot start " + command.get(0) + ": " + e.getMessage(), true);
        }
        try {
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(process.waitFor(), lastLine(stdout), null, false);
        } catch (IOException e) {
            return new Outcome(-1, "", "reading the output of " + command.get(1) + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "", "interrupted while " + command.get(1) + " ran", false);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": (-?[0-9][0-9.eE+-]*|NaN)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static List<Double> numbers(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": \\[([^\\]]*)\\]").matcher(json);
        if (!m.find() || m.group(1).isBlank()) {
            return List.of();
        }
        return Arrays.stream(m.group(1).split(",")).map(String::trim).map(Double::parseDouble).toList();
    }

    static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
