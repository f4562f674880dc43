package io.segmenta.table.source;

/**
 * A block of a text file's bytes for the parallel reader: the bytes it owns, {@code [0, length)}, then a look-ahead
 * copied from the start of the next block, {@code [length, end)}, so that the record that starts in this block and
 * ends in the next can be parsed here. A record belongs to the block it starts in.
 *
 * @param index the block's number from 0
 * @param bytes the bytes; only {@code [0, end)} is meaningful
 * @param length the bytes this block owns
 * @param end the end of the look-ahead
 * @param knownStart where a record is known to start (0 after a line feed, the end of the header in the first
 *        block), or -1: the first record starts after the block's first line feed
 * @param last whether the file ends at {@code end} (the look-ahead holds the rest of it)
 * @param fileBytesRead bytes of the file (as stored: compressed for gzip) read when the block was complete, for
 *        the progress
 */
public record CsvBlock(int index, byte[] bytes, int length, int end, int knownStart, boolean last,
        long fileBytesRead) {

    /** Where the first record starting in this block starts; -1 when no line ends in the block. */
    public int firstRecord() {
        if (knownStart >= 0) {
            return knownStart;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }
}
