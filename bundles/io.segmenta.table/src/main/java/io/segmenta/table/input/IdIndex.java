package io.segmenta.table.input;

import java.util.Arrays;

/**
 * Gives each distinct string the next int index (0, 1, 2...) and finds it again: joins between tables (the
 * Olist export's orders, items, payments...) go through these indexes, so that per-row data lives in
 * primitive arrays instead of maps of boxed values. Open addressing with linear probing; not thread-safe.
 */
public final class IdIndex {
    /** What {@link #indexOf(String)} returns for a string never added. */
    public static final int ABSENT = -1;

    private String[] slots;
    private int[] slotIndex;
    private String[] ids;
    private int size;

    public IdIndex() {
        slots = new String[1024];
        slotIndex = new int[1024];
        ids = new String[512];
    }

    /** The index of {@code id}, or {@link #ABSENT}. */
    public int indexOf(String id) {
        int mask = slots.length - 1;
        for (int s = mix(id.hashCode()) & mask; slots[s] != null; s = (s + 1) & mask) {
            if (slots[s].equals(id)) {
                return slotIndex[s];
            }
        }
        return ABSENT;
    }

    /** The index of {@code id}, adding it first when it is new. */
    public int intern(String id) {
        int found = indexOf(id);
        return found != ABSENT ? found : add(id);
    }

    /**
     * Adds an id that is not there yet ({@link #indexOf(String)} returned {@link #ABSENT}) and returns its
     * new index.
     */
    public int add(String id) {
        if (2 * (size + 1) > slots.length) {
            rehash(slots.length * 2);
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        int mask = slots.length - 1;
        int s = mix(id.hashCode()) & mask;
        while (slots[s] != null) {
            s = (s + 1) & mask;
        }
        slots[s] = id;
        slotIndex[s] = size;
        ids[size] = id;
        return size++;
    }

    /** The string with the given index. */
    public String id(int index) {
        return ids[index];
    }

    public int size() {
        return size;
    }

    private void rehash(int capacity) {
        String[] oldSlots = slots;
        int[] oldIndex = slotIndex;
        slots = new String[capacity];
        slotIndex = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != null) {
                int s = mix(oldSlots[i].hashCode()) & mask;
                while (slots[s] != null) {
                    s = (s + 1) & mask;
                }
                slots[s] = oldSlots[i];
                slotIndex[s] = oldIndex[i];
            }
        }
    }

    /** Spreads the hash bits: String hashes of similar ids differ mostly in the low bits' neighbours. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
