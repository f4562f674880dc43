/**
 * The lifetime-value view of a run's segments that every report shows ({@link io.segmenta.table.clv.SegmentLifetimeValue}):
 * expected purchases, probability alive, total and mean CLV per segment, from the engine's segment profiles and
 * the columns the feature fit declares.
 */
@Export
@Version("1.0.0")
package io.segmenta.table.clv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
