package io.segmenta.engine.internal;

import java.util.List;

/**
 * One line of an action rules file: when it holds (always, for a segment of a given name, or when every condition
 * on the segment's feature indices holds) and the action it recommends.
 *
 * @param source where the rule is written, e.g. "segment-actions.txt line 14", for the reason shown
 * @param name the segment name it is for, or null
 * @param conditions the conditions that must all hold; empty for the default rule and a name rule
 */
record ActionRule(String source, String name, List<Condition> conditions, String action) {

    /**
     * {@code recency >= 200}: the segment's index of a feature (mean / population mean x 100) against a bound; or
     * with {@code per}, {@code voucher_orders / orders >= 150}: the index of the ratio of two features' means
     * (index of the first / index of the second x 100), e.g. the share of orders with a voucher against everyone's.
     *
     * @param per the feature the first is divided by, or null
     */
    record Condition(String feature, String per, String operator, double bound) {
        boolean holds(double index) {
            return switch (operator) {
                case "<" -> index < bound;
                case "<=" -> index <= bound;
                case ">" -> index > bound;
                default -> index >= bound;
            };
        }
    }

    boolean isDefault() {
        return name == null && conditions.isEmpty();
    }
}
