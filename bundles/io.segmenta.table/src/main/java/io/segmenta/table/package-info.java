/**
 * Building blocks for sources: growable primitive columns, a dictionary encoder for categorical values,
 * a counter of rejected rows by reason, and the input plumbing every CSV source shares: opening a plain
 * or gzipped text file ({@link io.segmenta.table.InputFiles}, {@link io.segmenta.table.InputText}),
 * streaming its records with exact line numbers ({@link io.segmenta.table.CsvRecords}), reporting how far the
 * reading has got in bytes of the files on disk ({@link io.segmenta.table.ReadProgress}), matching header
 * names ({@link io.segmenta.table.Headers}), and hand-written parsers for numbers, date-times and keys
 * ({@link io.segmenta.table.Decimals}, {@link io.segmenta.table.DateTimes}, {@link io.segmenta.table.Keys},
 * {@link io.segmenta.table.IdIndex}), the bad-row policy ({@link io.segmenta.table.MalformedRows}) and the
 * count of repeated rows ({@link io.segmenta.table.DuplicateRows}, {@link io.segmenta.table.LongHashSet}).
 * They build the immutable columns of {@code io.segmenta.api.data}.
 * <p>
 * For feature extractors, {@link io.segmenta.table.Grouping} aggregates a transactions table per entity
 * (customer, seller) over dictionary codes with primitive arrays: orders, sums, distinct and most frequent
 * values, recency, and the restriction to the entities that have usable rows; {@link io.segmenta.table.TopLevels}
 * ranks the levels of a column by a summed value and {@link io.segmenta.table.OrderTotals} gives the orders, total
 * amount and average order value (for reports), and {@link io.segmenta.table.RfmGrid} the RFM view of a run:
 * recency and frequency quintile scores ({@link io.segmenta.table.RfmQuintiles}, as pandas' {@code qcut} of ranks)
 * and the named RFM segments ({@link io.segmenta.table.RfmSegment}), shared with the {@code rfm-segments}
 * algorithm.
 * <p>
 * For writers of results, {@link io.segmenta.table.DecimalText} formats numbers as plain, locale-independent
 * decimal text without a string per cell, and {@link io.segmenta.table.OutputFiles} writes a file through a
 * temporary one renamed into place, so that no output is left half written.
 */
@Export
@Version("1.6.0")
package io.segmenta.table;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
