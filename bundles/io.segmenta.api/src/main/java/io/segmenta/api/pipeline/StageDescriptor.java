package io.segmenta.api.pipeline;

import io.segmenta.api.stage.StageKind;
import io.segmenta.api.stage.StageOption;
import java.util.List;

/**
 * A registered stage as listed to users.
 *
 * @param kind what kind of stage
 * @param name the name to choose it by
 * @param description one line
 * @param origin where it comes from: the bundle (symbolic name and version) or the module
 * @param options the options it reads
 */
public record StageDescriptor(StageKind kind, String name, String description, String origin,
        List<StageOption> options) {

    public StageDescriptor {
        options = List.copyOf(options);
    }
}
