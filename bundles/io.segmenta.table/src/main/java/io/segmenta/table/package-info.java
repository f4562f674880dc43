/**
 * Building blocks for sources: growable primitive columns, a dictionary encoder for categorical values,
 * and a counter of rejected rows by reason. They build the immutable columns of {@code io.segmenta.api.data}.
 */
@Export
@Version("1.0.0")
package io.segmenta.table;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
