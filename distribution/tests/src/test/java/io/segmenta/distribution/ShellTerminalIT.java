package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;
import org.junit.Test;

/**
 * bin/segmenta-shell in a real terminal (tmux, on a private server socket): TAB completes a command name, arrow
 * up recalls earlier lines, and the lines are there again in the next session. Needs tmux; without it the test
 * is skipped (reported as such), since nothing else here gives the shell a terminal.
 */
public class ShellTerminalIT {
    private static final String SOCKET = "segmenta-it-" + ProcessHandle.current().pid();
    private static final long WAIT_MILLIS = 90_000;

    @Test
    public void tabCompletesArrowUpRecallsAndTheHistoryOutlivesTheSession() throws Exception {
        Assume.assumeTrue("tmux is not installed", tmuxAvailable());
        Path work = Distribution.workDir("shell-terminal");
        try {
            start(work, "first");
            awaitPane("first", "g! ");
            tmux("send-keys", "-t", "first", "segmenta:pip", "Tab");
            awaitPane("first", "g! segmenta:pipelines");
            tmux("send-keys", "-t", "first", "Enter");
            awaitPane("first", "No pipelines are defined");
            // keys typed while a command runs reach a terminal that is not in the line reader's raw mode, so each
            // next key waits for the prompt
            awaitLastLine("first", "g!");
            tmux("send-keys", "-t", "first", "segmenta:stag", "Tab", "Enter");
            awaitPane("first", "uk-retail");
            awaitLastLine("first", "g!");
            tmux("send-keys", "-t", "first", "Up", "Up");
            awaitLastLine("first", "g! segmenta:pipelines");
            tmux("send-keys", "-t", "first", "C-u");
            awaitLastLine("first", "g!");
            tmux("send-keys", "-t", "first", "stop 0", "Enter");
            awaitGone("first");

            start(work, "second");
            awaitPane("second", "g! ");
            tmux("send-keys", "-t", "second", "Up");
            awaitLastLine("second", "g! stop 0");
            tmux("send-keys", "-t", "second", "Enter");
            awaitGone("second");
        } finally {
            // only this test's own tmux server, on its own socket
            run(List.of("tmux", "-L", SOCKET, "kill-server"));
        }
    }

    /** The shell in a new tmux session, its Gogo history (~/.gogo.history) in the work folder. */
    private static void start(Path work, String session) throws Exception {
        String command = "cd '" + work + "' && JAVA_HOME='" + System.getProperty("java.home") + "' JAVA_OPTS="
                + "'-Duser.home=" + work + "' TERM=xterm exec '" + Distribution.home().resolve("bin/segmenta-shell")
                + "'";
        tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", command);
    }

    private static boolean tmuxAvailable() {
        try {
            return run(List.of("tmux", "-V")).startsWith("tmux");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", SOCKET));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    private static String pane(String session) throws Exception {
        return tmux("capture-pane", "-p", "-t", session);
    }

    private static void awaitPane(String session, String text) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String pane = "";
        while (System.currentTimeMillis() < deadline) {
            pane = pane(session);
            if (pane.contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        fail("'" + text + "' did not appear in the terminal; it shows:\n" + pane);
    }

    /** The last non-empty line (the prompt with what is being edited; the time on the right is left out). */
    private static void awaitLastLine(String session, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            List<String> lines = pane(session).lines().filter(l -> !l.isBlank()).toList();
            last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).replaceAll("\\s+\\d\\d:\\d\\d:\\d\\d\\s*$", "")
                    .stripTrailing();
            if (last.equals(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        assertEquals("the line being edited", expected, last);
    }

    private static void awaitGone(String session) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            // has-session prints nothing while the session is there, and an error once it is gone
            if (!tmux("has-session", "-t", session).isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("the shell in tmux session " + session + " did not stop; it shows:\n" + pane(session));
    }
}
