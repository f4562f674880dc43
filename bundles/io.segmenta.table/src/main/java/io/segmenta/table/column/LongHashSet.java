package io.segmenta.table.column;

/**
 * A set of {@code long} values without boxing: open addressing with linear probing over one
 * {@code long[]}, kept at most half full. 0 marks an empty slot, so the value 0 itself is held by a flag.
 * Not thread-safe.
 */
public final class LongHashSet {
    private static final int MAX_SLOTS = 1 << 30;

    private long[] slots;
    private boolean hasZero;
    private int size;

    public LongHashSet() {
        this(1024);
    }

    /** @param expected how many values are expected (the set grows past it) */
    public LongHashSet(int expected) {
        int capacity = 16;
        while (capacity < MAX_SLOTS && capacity < 2L * expected) {
            capacity <<= 1;
        }
        slots = new long[capacity];
    }

    /**
     * Adds a value.
     *
     * @return true when it was not in the set
     */
    public boolean add(long value) {
        if (value == 0) {
            boolean added = !hasZero;
            hasZero = true;
            if (added) {
                size++;
            }
            return added;
        }
        int mask = slots.length - 1;
        int s = spread(value) & mask;
        while (slots[s] != 0) {
            if (slots[s] == value) {
                return false;
            }
            s = (s + 1) & mask;
        }
        slots[s] = value;
        size++;
        if (2L * size > slots.length) {
            grow();
        }
        return true;
    }

    public boolean contains(long value) {
        if (value == 0) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int s = spread(value) & mask; slots[s] != 0; s = (s + 1) & mask) {
            if (slots[s] == value) {
                return true;
            }
        }
        return false;
    }

    /** How many values the set holds. */
    public int size() {
        return size;
    }

    private void grow() {
        if (slots.length >= MAX_SLOTS) {
            throw new IllegalStateException("a LongHashSet cannot hold more than " + MAX_SLOTS / 2 + " values");
        }
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long v : old) {
            if (v != 0) {
                int s = spread(v) & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = v;
            }
        }
    }

    /** The slot bits from all 64 bits of the value: values that differ only in high bits must not collide. */
    private static int spread(long v) {
        v *= 0x9E3779B97F4A7C15L;
        return (int) (v ^ (v >>> 32));
    }
}
