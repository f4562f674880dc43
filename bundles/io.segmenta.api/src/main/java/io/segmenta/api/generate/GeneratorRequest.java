package io.segmenta.api.generate;

/**
 * How much to generate.
 *
 * @param customers how many customers (buyers) to plant
 * @param targetLines roughly how many transaction lines to write in all (0: as many as the customers'
 *        planted behaviour gives); generators scale the customers' activity to approach it
 * @param seed seed of the random generator: the same request gives byte-identical files
 * @param dirt whether to add realistic dirt (missing ids, cancellations, duplicates, bad rows the source
 *        rejects), counted in {@link GeneratedSample#counts()}
 */
public record GeneratorRequest(int customers, long targetLines, long seed, boolean dirt) {
}
