package io.segmenta.table.column;

/** Growth policy shared by the builders. */
final class Capacity {
    /** Arrays cannot be longer than this on common JVMs. */
    static final int MAX = Integer.MAX_VALUE - 8;

    private Capacity() {
    }

    static int grow(int current) {
        if (current >= MAX) {
            throw new IllegalStateException("a column cannot hold more than " + MAX + " values");
        }
        return (int) Math.min(MAX, current + (long) (current >> 1) + 16);
    }
}
