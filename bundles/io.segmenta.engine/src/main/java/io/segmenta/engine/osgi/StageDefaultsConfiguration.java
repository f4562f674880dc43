package io.segmenta.engine.osgi;

import io.segmenta.engine.internal.StageDefaults;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * One {@value StageDefaults#FACTORY_PID} factory configuration (a file {@code io.segmenta.stage.defaults-NAME.cfg}
 * in {@code deploy/}, which FileInstall hands to Configuration Admin), parsed once. The engine binds every
 * instance; an edit of the file replaces the instance, deleting the file removes it. An invalid one (no stage
 * kind, say) fails to activate with the message naming the file, so the engine never sees it; Felix SCR logs
 * the message.
 */
@Component(service = StageDefaultsConfiguration.class, configurationPid = StageDefaults.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class StageDefaultsConfiguration {
    private StageDefaults.Entry entry;
    private String id;

    @Activate
    void activate(Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        Object file = properties.get("felix.fileinstall.filename");
        id = String.valueOf(pid);
        entry = StageDefaults.parse(properties, file != null ? file.toString().replaceFirst("^file:", "") : id);
    }

    StageDefaults.Entry entry() {
        return entry;
    }

    String id() {
        return id;
    }
}
