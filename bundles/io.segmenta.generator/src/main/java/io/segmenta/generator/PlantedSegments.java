package io.segmenta.generator;

import io.segmenta.api.generate.GeneratorRequest;
import java.io.IOException;
import java.util.List;

/**
 * The planted segments of a format, with the draw of a customer's segment, the scales that bring a sample
 * near the requested number of lines, and the rows of {@code planted-segments.csv}. Immutable.
 */
final class PlantedSegments {
    static final String FILE = "planted-segments.csv";
    static final String HEADER = "customer_id,planted_segment\n";

    /**
     * How much activity a request asks for: the factor on the orders of repeat buyers, the factor on the lines
     * per order, and the lines expected in all (for progress).
     */
    record Scales(double orders, double lines, long expectedLines) {
    }

    /** The purchase lines to plan for, given the target and the planted lines per customer and per order. */
    @FunctionalInterface
    interface PurchaseLines {
        /** Every target line is a purchase (no dirt lines to make room for). */
        PurchaseLines ALL = (request, linesPerCustomer, ordersPerCustomer) -> request.targetLines();

        double of(GeneratorRequest request, double linesPerCustomer, double ordersPerCustomer);
    }

    private final PlantedSegment[] segments;

    PlantedSegments(PlantedSegment... segments) {
        this.segments = segments.clone();
    }

    int size() {
        return segments.length;
    }

    List<PlantedSegment> all() {
        return List.of(segments);
    }

    /** The segment of a uniform draw {@code u} in [0, 1), by the segments' weights. */
    PlantedSegment pick(double u) {
        double cumulative = 0;
        for (PlantedSegment s : segments) {
            cumulative += s.weight();
            if (u < cumulative) {
                return s;
            }
        }
        return segments[segments.length - 1];
    }

    /**
     * Scales for a request: as planted when it names no target; else the orders of every repeat buyer by the
     * square root of the factor needed (when more activity is asked for), the lines per order by the rest, so
     * that the total comes near the target while the segments keep their shape (one-order buyers keep their
     * single order).
     */
    Scales scales(GeneratorRequest request, PurchaseLines purchaseLines) {
        double base = 0;
        for (PlantedSegment s : segments) {
            base += s.weight() * s.meanOrders(1) * s.meanLines();
        }
        if (request.targetLines() == 0) {
            return new Scales(1, 1, (long) (request.customers() * base));
        }
        double factor = request.targetLines() / (request.customers() * base);
        double orders = factor > 1 ? Math.sqrt(factor) : 1;
        double perCustomer = 0;
        double ordersPerCustomer = 0;
        for (PlantedSegment s : segments) {
            perCustomer += s.weight() * s.meanOrders(orders) * s.meanLines();
            ordersPerCustomer += s.weight() * s.meanOrders(orders);
        }
        double purchases = purchaseLines.of(request, perCustomer, ordersPerCustomer);
        return new Scales(orders, purchases / (request.customers() * perCustomer), request.targetLines());
    }

    /** Writes the header of {@code planted-segments.csv}. */
    static void header(AsciiOut out) throws IOException {
        out.write(HEADER);
    }

    /** Writes a row of {@code planted-segments.csv}: the customer's id as the source reports it, its segment. */
    static void row(AsciiOut out, byte[] id, PlantedSegment segment) throws IOException {
        out.ensure(64);
        out.put(id);
        out.put(',');
        out.put(segment.labelBytes());
        out.put('\n');
    }
}
