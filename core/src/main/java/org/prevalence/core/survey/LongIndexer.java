package org.prevalence.core.survey;

import java.util.Arrays;

/**
 * Dense codes for {@code long} keys in order of first appearance: an open-addressing hash map with
 * primitive arrays (no boxing), so that indexing a million rows costs a few milliseconds.
 * Package-private helper of {@link SurveySample}.
 */
final class LongIndexer {
    private long[] keys;
    private int[] codes;
    private boolean[] used;
    private int size;
    private int mask;
    private long[] byCode;

    LongIndexer(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        codes = new int[cap];
        used = new boolean[cap];
        mask = cap - 1;
        byCode = new long[Math.max(16, Math.min(expected, 1 << 20))];
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }

    /** @return the dense code of {@code key}, assigning the next code if it is new */
    int code(long key) {
        int i = mix(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                return codes[i];
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        codes[i] = size;
        if (size == byCode.length) {
            byCode = Arrays.copyOf(byCode, size * 2);
        }
        byCode[size] = key;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    private void grow() {
        long[] ok = keys;
        int[] oc = codes;
        boolean[] ou = used;
        int cap = ok.length * 2;
        keys = new long[cap];
        codes = new int[cap];
        used = new boolean[cap];
        mask = cap - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ou[j]) {
                int i = mix(ok[j]) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = ok[j];
                codes[i] = oc[j];
            }
        }
    }

    int size() {
        return size;
    }

    long key(int code) {
        return byCode[code];
    }
}
