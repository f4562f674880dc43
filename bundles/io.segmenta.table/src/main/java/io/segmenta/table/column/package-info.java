/**
 * Growable primitive columns for sources: {@link io.segmenta.table.column.DoubleColumnBuilder},
 * {@link io.segmenta.table.column.LongColumnBuilder} (timestamps as seconds), a dictionary encoder for categorical
 * values ({@link io.segmenta.table.column.DictionaryColumnBuilder}) and a set of longs without boxing
 * ({@link io.segmenta.table.column.LongHashSet}). They build the immutable columns of {@code io.segmenta.api.data}.
 * <p>
 * The packages of this bundle were one package, {@code io.segmenta.table} (1.6.0), until it was split by job, each
 * with its own version, so that a change for reports does not move the version sources import.
 */
@Export
@Version("1.1.0")
package io.segmenta.table.column;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
