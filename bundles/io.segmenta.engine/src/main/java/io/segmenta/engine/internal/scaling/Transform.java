package io.segmenta.engine.internal.scaling;

import java.util.Map;

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

    /**
     * The fitted step that {@link Fitted#parameters()} gave, e.g. read back from a model file.
     *
     * @throws io.segmenta.api.SegmentaException naming the step and the missing parameter
     */
    Fitted restore(Map<String, Double> parameters);

    /** A step with its fitted parameters. Immutable, so a fitted scaler may be shared between threads. */
    interface Fitted {
        /** Transforms the first {@code n} values of {@code x} in place. */
        void apply(double[] x, int n);

        /** The step and its parameters in words, e.g. {@code z-score (mean 3.7102, sd 1.3103)}. */
        String describe();

        /** The fitted parameters by name, for saving ({@link Transform#restore} reads them back); finite. */
        Map<String, Double> parameters();
    }
}
