package io.segmenta.generator;

import java.util.SplittableRandom;

/**
 * One planted behaviour of a generated sample: its share of the customers, how many orders they place and
 * how recently, what an order is worth and how many lines it has. Orders and lines per order are uniform in
 * their ranges before scaling (see {@link PlantedSegments#scales}); the value of an order is log-normal with
 * the given median and log-sd. Recency is in days before the sample's last day. Immutable.
 */
record PlantedSegment(String label, double weight, int ordersMin, int ordersMax, int recencyMin, int recencyMax,
        double valueMedian, double valueSigma, int linesMin, int linesMax) {

    /** The label as written to {@code planted-segments.csv}. */
    byte[] labelBytes() {
        return AsciiOut.bytes(label);
    }

    boolean repeats() {
        return ordersMax > 1;
    }

    /** The mean of {@link #orders} with the given scale. */
    double meanOrders(double scale) {
        return repeats() ? (ordersMin + ordersMax + 1) / 2.0 * scale : 1;
    }

    /** The mean of {@link #lines} before scaling. */
    double meanLines() {
        return (linesMin + linesMax + 1) / 2.0;
    }

    /** A customer's number of orders: at least two for repeat buyers, one (and no draw) for one-order buyers. */
    int orders(SplittableRandom random, double scale) {
        return repeats() ? Math.max(2, (int) Math.round(uniform(random, ordersMin, ordersMax) * scale)) : 1;
    }

    /** Days between a customer's last order and the sample's last day. */
    int recency(SplittableRandom random) {
        return recencyMin + random.nextInt(recencyMax - recencyMin + 1);
    }

    /** The value of one order. */
    double value(SplittableRandom random) {
        return valueMedian * Math.exp(valueSigma * random.nextGaussian());
    }

    /** The lines of one order, at least one. */
    int lines(SplittableRandom random, double scale) {
        return Math.max(1, (int) Math.round(uniform(random, linesMin, linesMax) * scale));
    }

    /** A uniform double in [min, max + 1): the continuous counterpart of a whole number in [min, max]. */
    private static double uniform(SplittableRandom random, int min, int max) {
        return min + random.nextDouble() * (max - min + 1);
    }
}
