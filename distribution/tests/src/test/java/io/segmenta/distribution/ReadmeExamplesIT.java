package io.segmenta.distribution;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** The README's Felix shell example works as written in the assembled distribution: the files it names are there. */
public class ReadmeExamplesIT {
    private static final Pattern INPUT = Pattern.compile("--input (\\S+)");

    @Test
    public void theShellExampleNamesFilesTheDistributionShips() throws Exception {
        String root = System.getProperty("segmenta.dist.root");
        assertTrue("system property segmenta.dist.root is not set (run the tests with mvn verify)", root != null);
        String readme = Files.readString(Path.of(root, "..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("### The Felix shell");
        assertTrue("README.md has no section 'The Felix shell'", start >= 0);
        int end = readme.indexOf("\n### ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);

        List<String> inputs = new ArrayList<>();
        for (String line : section.split("\n")) {
            Matcher m = INPUT.matcher(line);
            if (line.strip().startsWith("g! ") && m.find()) {
                inputs.add(m.group(1));
            }
        }
        assertFalse("the shell example runs no file:\n" + section, inputs.isEmpty());
        Path home = Distribution.home();
        for (String input : inputs) {
            assertTrue("README.md's shell example names " + input + ", which is not in " + home,
                    Files.isRegularFile(home.resolve(input)));
        }
    }
}
