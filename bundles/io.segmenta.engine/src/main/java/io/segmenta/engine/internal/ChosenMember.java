package io.segmenta.engine.internal;

import java.nio.file.Path;

/**
 * One member of a run's feature set as planning found it.
 *
 * @param name the member's name
 * @param source the source that reads its input
 * @param input the file or folder it reads of its own, or null when it shares the run's input
 * @param shared true when it is the run's own source and input (one read for every member that shares it)
 * @param extractor its feature extractor
 */
record ChosenMember(String name, StageEntry source, Path input, boolean shared, StageEntry extractor) {
}
