/** Component property types for Segmenta stage components (build time only). */
@Export
@Version("1.0.0")
package io.segmenta.annotation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
