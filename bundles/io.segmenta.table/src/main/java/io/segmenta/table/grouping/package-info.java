/**
 * For feature extractors: {@link io.segmenta.table.grouping.Grouping} aggregates a transactions table per entity
 * (customer, seller) over dictionary codes with primitive arrays: orders, sums, distinct and most frequent values,
 * recency, and the restriction to the entities that have usable rows.
 */
@Export
@Version("1.1.0")
package io.segmenta.table.grouping;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
