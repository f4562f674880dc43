package io.segmenta.shell;

import java.util.List;
import org.apache.felix.gogo.runtime.Reflective;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers {@code segmenta:select-k}. Gogo calls the method named after the function, and no Java method can
 * be named select-k; a {@link Function} is called whatever its name. It hands the words to
 * {@link SegmentaCommands#selectk} through Gogo's own method binding, so the options are bound, converted and
 * described (its {@code @Descriptor}s) exactly as for {@code segmenta:run}.
 */
@Descriptor("chooses the number of segments; help segmenta:selectk (the same command) lists its options")
@Component(service = Function.class, property = {
    "osgi.command.scope=segmenta",
    "osgi.command.function=select-k"
})
public class SelectKCommand implements Function {
    private final SegmentaCommands commands;

    @Activate
    public SelectKCommand(@Reference SegmentaCommands commands) {
        this.commands = commands;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        return Reflective.invoke(session, commands, "selectk", arguments);
    }
}
