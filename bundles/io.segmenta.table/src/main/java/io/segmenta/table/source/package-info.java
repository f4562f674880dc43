/**
 * The plumbing every source shares, on top of {@code io.segmenta.table.input} and {@code .column}: the canonical
 * transactions table built column by column and keyed by {@code TransactionField}
 * ({@link io.segmenta.table.source.TransactionTableBuilder}), one CSV file bound to its header with value accessors
 * that turn a bad value into a malformed row naming file, line, column and value
 * ({@link io.segmenta.table.source.CsvTable}, {@link io.segmenta.table.source.HeaderColumn}), the progress,
 * cancellation and log lines of a read ({@link io.segmenta.table.source.ReadTicker}) and date parsing that skips the
 * text repeated on consecutive rows ({@link io.segmenta.table.source.DateCache}).
 */
@Export
@Version("1.2.0")
package io.segmenta.table.source;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
