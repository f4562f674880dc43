package io.segmenta.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The shell of the distribution is Felix's Gogo JLine shell: its bundle and JLine are active (the plain Gogo
 * shell is not there), its line-history and completion commands are registered, and a command name is
 * completed from the segmenta:* commands as the shell's TAB completes it (the same completer and command list
 * the shell builds its line reader with).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixShellIT {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return FelixRuntime.distribution();
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals(symbolicName)).findFirst()
                .orElse(null);
    }

    @Test
    public void theJLineShellIsActiveWithHistoryAndCompletion() throws Exception {
        CommandProcessor gogo = FelixRuntime.await(context, CommandProcessor.class);
        FelixRuntime.engine(context);
        for (String name : List.of("org.apache.felix.gogo.jline", "org.jline")) {
            Bundle b = bundle(name);
            assertTrue(name + " is not installed", b != null);
            assertEquals(name + " is not active", Bundle.ACTIVE, b.getState());
        }
        assertEquals("the plain Gogo shell would start a second console", null, bundle("org.apache.felix.gogo.shell"));

        CommandSession session = gogo.createSession(new ByteArrayInputStream(new byte[0]), System.out, System.err);
        try {
            FelixRuntime.awaitTrue("the segmenta commands are registered",
                    () -> Shell.getCommands(session).contains("segmenta:pipelines"));
            Set<String> commands = Shell.getCommands(session);
            for (String c : List.of("gogo:history", "gogo:complete", "gogo:keymap", "segmenta:run",
                "segmenta:history", "felix:help")) {
                assertTrue(c + " is not a command: " + commands, commands.contains(c));
            }
            assertEquals(List.of("segmenta:pipelines"), complete(session, "segmenta:pip"));
            List<String> history = complete(session, "segmenta:h");
            assertEquals(List.of("segmenta:history"), history);
        } finally {
            session.close();
        }
    }

    /** The names the shell offers for TAB after the given text, as Shell.gosh wires its completer. */
    private static List<String> complete(CommandSession session, String typed) throws Exception {
        Terminal terminal = TerminalBuilder.builder().dumb(true).streams(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream()).build();
        Completers.CompletionEnvironment environment = new Completers.CompletionEnvironment() {
            @Override
            public Map<String, List<Completers.CompletionData>> getCompletions() {
                return Shell.getCompletions(session);
            }

            @Override
            public Set<String> getCommands() {
                return Shell.getCommands(session);
            }

            @Override
            public String resolveCommand(String command) {
                return Shell.resolve(session, command);
            }

            @Override
            public String commandName(String command) {
                int colon = command.indexOf(':');
                return colon >= 0 ? command.substring(colon + 1) : command;
            }

            @Override
            public Object evaluate(LineReader reader, ParsedLine line, String func) throws Exception {
                return session.execute(func);
            }
        };
        LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                .parser(new org.apache.felix.gogo.jline.Parser()).build();
        List<Candidate> candidates = new ArrayList<>();
        new Completers.Completer(environment).complete(reader, reader.getParser().parse(typed, typed.length()),
                candidates);
        terminal.close();
        List<String> names = candidates.stream().map(Candidate::value).filter(v -> v.startsWith(typed)).sorted()
                .distinct().toList();
        assertFalse("nothing offered for " + typed, names.isEmpty());
        return names;
    }
}
