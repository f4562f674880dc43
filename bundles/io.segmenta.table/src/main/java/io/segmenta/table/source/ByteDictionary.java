package io.segmenta.table.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct values of one column of one block, keyed by their UTF-8 bytes: each new value gets the next code and
 * its text is decoded once, so that a row costs a hash and a comparison of bytes instead of a String. Codes follow
 * the order of first appearance, so that merging the blocks' dictionaries in file order gives the codes a
 * sequential read gives. Not thread-safe; one per column and block.
 */
public final class ByteDictionary {
    private int[] slots = new int[1024]; // code + 1; 0 is empty
    private int[] hashes = new int[512];
    private int[] starts = new int[513];
    private byte[] pool = new byte[1 << 14];
    private int used;
    private final List<String> levels = new ArrayList<>();
    private int last = -1;

    /**
     * The code of the value held in {@code bytes[from, to)}, a new one for a value not seen before.
     *
     * @throws IrregularCsv when a new value is not valid UTF-8 (the general reader decodes it its own way)
     */
    public int code(byte[] bytes, int from, int to) {
        if (last >= 0 && same(last, bytes, from, to)) {
            return last;
        }
        int h = hash(bytes, from, to);
        int mask = slots.length - 1;
        int s = h & mask;
        while (slots[s] != 0) {
            int c = slots[s] - 1;
            if (hashes[c] == h && same(c, bytes, from, to)) {
                last = c;
                return c;
            }
            s = (s + 1) & mask;
        }
        int c = levels.size();
        levels.add(text(bytes, from, to));
        if (c == hashes.length) {
            hashes = Arrays.copyOf(hashes, c * 2);
            starts = Arrays.copyOf(starts, c * 2 + 1);
        }
        int n = to - from;
        if (used + n > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, used + n));
        }
        System.arraycopy(bytes, from, pool, used, n);
        hashes[c] = h;
        starts[c] = used;
        used += n;
        starts[c + 1] = used;
        slots[s] = c + 1;
        if (levels.size() * 2 > slots.length) {
            rehash();
        }
        last = c;
        return c;
    }

    private boolean same(int c, byte[] bytes, int from, int to) {
        int start = starts[c];
        return starts[c + 1] - start == to - from && Arrays.equals(pool, start, starts[c + 1], bytes, from, to);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int c = 0; c < levels.size(); c++) {
            int s = hashes[c] & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = c + 1;
        }
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }

    /** The values by code. */
    public List<String> levels() {
        return levels;
    }

    /**
     * The text of UTF-8 bytes.
     *
     * @throws IrregularCsv when they are not valid UTF-8
     */
    public static String text(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                try {
                    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
                } catch (CharacterCodingException e) {
                    throw new IrregularCsv("bytes that are not UTF-8");
                }
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
