/**
 * RFM scoring shared by the {@code rfm-segments} algorithm and the reports: recency and frequency quintile scores
 * ({@link io.segmenta.table.rfm.RfmQuintiles}, as pandas' {@code qcut} of ranks), the named RFM segments
 * ({@link io.segmenta.table.rfm.RfmSegment}) and the RFM view of a run that reports show
 * ({@link io.segmenta.table.rfm.RfmGrid}).
 */
@Export
@Version("1.0.0")
package io.segmenta.table.rfm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
