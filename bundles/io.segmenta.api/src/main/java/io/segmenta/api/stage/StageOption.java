package io.segmenta.api.stage;

/**
 * An option a stage reads from the pipeline's options.
 *
 * @param name the key, e.g. "snapshot"
 * @param description one line for help texts
 * @param defaultValue what applies when the option is absent, described for people (may be "none")
 */
public record StageOption(String name, String description, String defaultValue) {
}
