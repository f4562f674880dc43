/**
 * The input plumbing every CSV source shares: opening a plain or gzipped text file
 * ({@link io.segmenta.table.input.InputFiles}, {@link io.segmenta.table.input.InputText}), streaming its records with
 * exact line numbers ({@link io.segmenta.table.input.CsvRecords}), reporting how far the reading has got in bytes of
 * the files on disk ({@link io.segmenta.table.input.ReadProgress}), matching header names
 * ({@link io.segmenta.table.input.Headers}), hand-written parsers for numbers, date-times and keys
 * ({@link io.segmenta.table.input.Decimals}, {@link io.segmenta.table.input.DateTimes},
 * {@link io.segmenta.table.input.Keys}), joins between tables by id ({@link io.segmenta.table.input.IdIndex}), the
 * bad-row policy ({@link io.segmenta.table.input.MalformedRows}), the count of rejected rows by reason
 * ({@link io.segmenta.table.input.RejectionCounter}) and of repeated rows
 * ({@link io.segmenta.table.input.DuplicateRows}).
 */
@Export
@Version("1.1.0")
package io.segmenta.table.input;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
