/**
 * The contracts of the four kinds of pipeline stage: {@link io.segmenta.api.stage.DataSource},
 * {@link io.segmenta.api.stage.FeatureExtractor}, {@link io.segmenta.api.stage.Clusterer} and
 * {@link io.segmenta.api.stage.Reporter}. A stage is published as an OSGi service with the
 * {@value io.segmenta.api.stage.Stage#NAME_PROPERTY} property and as a JPMS service provider.
 */
@Export
@Version("1.4.0")
package io.segmenta.api.stage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
