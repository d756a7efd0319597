package org.prevalence.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Codes byte strings (cells of a category column) densely in order of first appearance, without
 * making a {@code String} per cell: an open-addressing hash table over a byte arena. Package-private;
 * one per parsed range, so never shared between threads.
 */
final class ByteDictionary {
    private byte[] arena = new byte[256];
    private int used;
    private int[] start = new int[16];
    private int[] length = new int[16];
    private int[] hashes = new int[16];
    private int size;
    private int[] table = new int[64];   // code + 1, 0 = empty
    private int mask = 63;

    /** @return the number of distinct strings */
    int size() {
        return size;
    }

    /**
     * @param b bytes
     * @param from first byte
     * @param to one past the last
     * @return the code of that string, adding it if new
     */
    int code(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        int len = to - from;
        int slot = h & mask;
        while (true) {
            int c = table[slot] - 1;
            if (c < 0) {
                return add(b, from, len, h, slot);
            }
            if (hashes[c] == h && length[c] == len
                    && Arrays.equals(arena, start[c], start[c] + len, b, from, to)) {
                return c;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(byte[] b, int from, int len, int h, int slot) {
        if (used + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + len));
        }
        System.arraycopy(b, from, arena, used, len);
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            length = Arrays.copyOf(length, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        start[size] = used;
        length[size] = len;
        hashes[size] = h;
        used += len;
        table[slot] = size + 1;
        int c = size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return c;
    }

    private void rehash() {
        table = new int[table.length * 2];
        mask = table.length - 1;
        for (int c = 0; c < size; c++) {
            int slot = hashes[c] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = c + 1;
        }
    }

    /**
     * @param other another dictionary
     * @param c a code of the other dictionary
     * @return the code of the same string here, adding it if new
     */
    int code(ByteDictionary other, int c) {
        return code(other.arena, other.start[c], other.start[c] + other.length[c]);
    }

    /** @param c a code @return the string of that code (UTF-8) */
    String string(int c) {
        return new String(arena, start[c], length[c], StandardCharsets.UTF_8);
    }

    /** @param c a code @return a copy of its bytes */
    byte[] bytes(int c) {
        return Arrays.copyOfRange(arena, start[c], start[c] + length[c]);
    }
}
