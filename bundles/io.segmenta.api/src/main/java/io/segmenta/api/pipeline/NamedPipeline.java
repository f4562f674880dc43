package io.segmenta.api.pipeline;

import java.util.Objects;

/**
 * A pipeline defined as configuration, as {@link PipelineCatalog#pipelines()} lists it.
 *
 * @param name its name
 * @param origin where it is defined (the file, or the configuration PID)
 * @param description what it runs, e.g. {@code uk-retail -> rfm -> kmeans (k 4) -> csv, into out/uk}; empty
 *        when the definition is invalid
 * @param ready whether it can run now: its definition is valid and all its stages are registered
 * @param state {@code ready}, or why not: the stages that are missing, or the definition's error
 * @param schedule {@code every 30d}, or {@code none}
 * @param refused the error of the latest change to a valid definition when that change was refused, or empty;
 *        the pipeline is then invalid ({@code ready} false, {@code state} "invalid: " and the error) and runs
 *        are refused until the definition is fixed
 */
public record NamedPipeline(String name, String origin, String description, boolean ready, String state,
        String schedule, String refused) {

    public NamedPipeline {
        Objects.requireNonNull(name, "name");
        refused = refused == null ? "" : refused;
    }
}
