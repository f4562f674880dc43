package io.segmenta.engine.internal.scaling;

/**
 * One step of a column's transform chain, e.g. log1p or z-score. {@link #fit} learns the step's parameters
 * from one column of training data (as left by the steps before it) and returns them as a {@link Fitted} step,
 * which applies them unchanged to any later data.
 */
interface Transform {

    /** The step as written in the option, e.g. {@code zscore} or {@code winsorize:1:99}. */
    String spec();

    /**
     * Learns the parameters from {@code x}, which it does not modify, and every value of which has passed
     * {@link #check}.
     *
     * @param n the number of values in {@code x} that are used
     */
    Fitted fit(double[] x, int n);

    /**
     * Fails with a one-line message when the value at {@code row} cannot go through this step; called for
     * every value before {@link #fit} and {@link Fitted#apply}.
     */
    void check(double value, ValueRef where, int row);

    /** A step with its fitted parameters. Immutable, so a fitted scaler may be shared between threads. */
    interface Fitted {
        /** Transforms the first {@code n} values of {@code x} in place. */
        void apply(double[] x, int n);

        /** The step and its parameters in words, e.g. {@code z-score (mean 3.7102, sd 1.3103)}. */
        String describe();
    }
}
