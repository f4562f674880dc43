package io.segmenta.pipelines;

import io.segmenta.api.SegmentaException;
import io.segmenta.console.PipelineDefinition;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One pipeline configuration (a factory configuration of {@value PipelineDefinition#FACTORY_PID}): SCR makes one
 * instance per configuration and reactivates nothing when it changes ({@link Modified}).
 * <p>
 * Never half-applied: a change is parsed completely first; a valid one replaces the definition at once. An
 * invalid one is refused and makes the pipeline invalid, with the reason (field and reason), until the definition
 * is fixed: running the previous definition instead would run something the file no longer says, without a word.
 * A configuration that was never valid is listed with its error too, and neither can run.
 */
@Component(service = PipelineConfiguration.class, configurationPid = PipelineDefinition.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PipelineConfig.class, factory = true)
public class PipelineConfiguration {
    /**
     * What this configuration says now: a definition, or (definition null) the error; refused is the error again
     * when it replaced a valid definition, so that the listing can say the change was refused.
     */
    record State(String name, String origin, PipelineDefinition definition, String error, String refused) {
    }

    private volatile State state;

    @Activate
    void activate(Map<String, Object> properties) {
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    /** For tests and the activation methods. */
    void apply(Map<String, Object> properties) {
        String origin = origin(properties);
        String defaultName = defaultName(properties);
        State before = state;
        try {
            PipelineDefinition d = PipelineDefinition.parse(properties, defaultName, origin);
            state = new State(d.name(), origin, d, "", "");
        } catch (SegmentaException e) {
            // listed under the name it had, so the user finds the pipeline they edited
            String name = before != null ? before.name()
                    : defaultName == null ? String.valueOf(properties.get("service.pid")) : defaultName;
            boolean wasValid = before != null && (before.definition() != null || !before.refused().isEmpty());
            state = new State(name, origin, null, e.getMessage(), wasValid ? e.getMessage() : "");
        }
    }

    State state() {
        return state;
    }

    /** The file FileInstall read it from, or its PID. */
    private static String origin(Map<String, Object> properties) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String text = file.toString();
            try {
                return Path.of(java.net.URI.create(text)).toString();
            } catch (RuntimeException e) {
                return text; // not a file: URL; the text still tells the user where it is
            }
        }
        return String.valueOf(properties.get("service.pid"));
    }

    /** The name in the file name (io.segmenta.pipeline-NAME.cfg), else the factory configuration's name. */
    private static String defaultName(Map<String, Object> properties) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String text = file.toString();
            return PipelineDefinition.defaultName(Path.of(text.substring(text.lastIndexOf('/') + 1)));
        }
        Object pid = properties.get("service.pid");
        if (pid != null) {
            String p = pid.toString();
            int tilde = p.indexOf('~');
            return tilde >= 0 ? p.substring(tilde + 1) : null; // ConfigAdmin 1.6 named factory configurations
        }
        return null;
    }
}
