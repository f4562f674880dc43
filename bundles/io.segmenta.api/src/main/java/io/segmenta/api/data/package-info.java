/**
 * The columnar data model shared by all stages: the canonical transactions table that sources produce and
 * the per-entity feature matrix that extractors produce; and the entity table (one row per customer with
 * its attributes) that a customer-table source produces. Columns are primitive arrays ({@code double[]},
 * {@code long[]}, dictionary-encoded {@code int[]}); there is no object per row or per cell.
 */
@Export
@Version("1.3.0")
package io.segmenta.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
