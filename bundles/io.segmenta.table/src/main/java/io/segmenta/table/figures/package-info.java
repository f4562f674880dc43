/**
 * The figures of a run's transactions that every report shows, computed here and handed to reporters in the
 * {@code PipelineResult}: the business figures ({@link io.segmenta.table.figures.TransactionFigures}: orders, total
 * amount, amount by region and category) and each segment's trends ({@link io.segmenta.table.figures.TrendCounting}:
 * revenue, orders and active entities per month, top levels). The API holds their types
 * ({@code BusinessFigures}, {@code SegmentTrends}); the engine fills them in.
 */
@Export
@Version("1.0.0")
package io.segmenta.table.figures;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
