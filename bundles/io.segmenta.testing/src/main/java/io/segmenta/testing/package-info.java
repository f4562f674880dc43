/**
 * Test doubles shared by the unit tests of several bundles, so that each exists once: {@link
 * io.segmenta.testing.RecordingContext} (a {@code StageContext} that records what a stage reports), {@link
 * io.segmenta.testing.FakeEngine} (a {@code PipelineEngine} that records what it was asked), {@link
 * io.segmenta.testing.Fixtures} (small hand-made pipeline results, and {@code Fixtures.result}: a result with the
 * business figures and trends the engine would fill in; 1.4), {@link io.segmenta.testing.FakeGenerator} (a
 * {@code SampleGenerator} that records its request) and {@link io.segmenta.testing.AdjustedRandIndex} (how
 * well planted segments are recovered). Modules depend on it with test scope only;
 * no feature or distribution ships it.
 */
@Export
@Version("1.4.0")
package io.segmenta.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
