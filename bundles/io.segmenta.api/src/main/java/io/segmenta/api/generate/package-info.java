/**
 * Generators of realistic sample data in a marketplace's own export format, with planted customer segments,
 * so that demos and tests run without real data and can measure how well segments are recovered.
 */
@Export
@Version("1.0.0")
package io.segmenta.api.generate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
