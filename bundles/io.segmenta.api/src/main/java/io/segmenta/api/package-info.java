/**
 * Errors that Segmenta reports to its users. A {@link io.segmenta.api.SegmentaException} carries a one-line
 * message that shells and the CLI print as it is, without a stack trace.
 */
@Export
@Version("1.1.0")
package io.segmenta.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
