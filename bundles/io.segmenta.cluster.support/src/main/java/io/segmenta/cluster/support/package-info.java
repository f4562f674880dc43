/**
 * What the centroid algorithms (K-Means, K-Medoids, K-Prototypes) share, in the manner of Smile's
 * {@code CentroidClustering} and ELKI's {@code BestOfMultipleKMeans}: a {@link
 * io.segmenta.cluster.support.CentroidModel} (columns, centres, cost, labels, nearest-centre predict, save and
 * restore as a {@code ModelState}), {@link io.segmenta.cluster.support.BestOfRestarts} (seeded restarts with
 * progress, cancellation and logging), {@link io.segmenta.cluster.support.SizeOrder} (segments renumbered by size,
 * largest first) and the checks every fit makes ({@link io.segmenta.cluster.support.FitChecks}).
 * <p>
 * Algorithm bundles import this package; it holds no stage, so installing or removing an algorithm bundle never
 * touches it. Semantic versioning as the API's packages: an addition is a minor bump.
 */
@Export
@Version("1.1.0")
package io.segmenta.cluster.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
