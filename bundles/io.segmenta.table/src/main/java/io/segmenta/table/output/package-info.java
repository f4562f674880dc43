/**
 * For writers of results (the engine, reporters): {@link io.segmenta.table.output.DecimalText} formats
 * numbers as plain, locale-independent decimal text without a string per cell, and
 * {@link io.segmenta.table.output.OutputFiles} writes a file through a temporary one renamed into place, so that no
 * output is left half written.
 */
@Export
@Version("1.0.0")
package io.segmenta.table.output;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
