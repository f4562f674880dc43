package io.segmenta.engine.internal.scaling;

/**
 * The former name of {@link TransformScaler}, kept so that callers naming it still compile: with no transform
 * options it scales as it always did ({@value TransformScaler#DEFAULT_CHAIN}: {@code np.log1p} then
 * scikit-learn's StandardScaler), and it honours the transform options like {@link TransformScaler}.
 */
public final class Log1pStandardScaler extends TransformScaler {
}
