/**
 * The business figures every report shows of a run, defined once so that the reports agree:
 * {@link io.segmenta.table.figures.OrderTotals} (orders, total amount, average order value) and
 * {@link io.segmenta.table.figures.TopLevels} (the levels of a column with the largest summed value).
 */
@Export
@Version("1.0.0")
package io.segmenta.table.figures;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
