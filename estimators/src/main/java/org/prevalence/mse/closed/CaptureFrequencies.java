package org.prevalence.mse.closed;

import java.util.Arrays;
import java.util.Locale;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.lists.ListOverlapTable;

/**
 * Frequencies of the number of captures: \( f_k \), the number of units captured exactly \( k \) times in
 * \( t \) occasions, \( k = 1..t \) (Rcapture's {@code dtype = "nbcap"} input). They are sufficient for the
 * models M0 and Mh, which is all that can be fitted from them; with many occasions they are much smaller than
 * the \( 2^t - 1 \) capture histories.
 *
 * <p>This class is immutable.
 */
public final class CaptureFrequencies {
    private final long[] f; // f[k-1] = units captured k times
    private final long observed;

    private CaptureFrequencies(long[] f) {
        this.f = f;
        long s = 0;
        for (long v : f) {
            s = Math.addExact(s, v);
        }
        this.observed = s;
    }

    /**
     * @param frequencies \( f_1, \dots, f_t \): element {@code k-1} is the number of units captured exactly
     *     {@code k} times; the length is the number of occasions \( t \ge 2 \)
     * @return the frequencies
     * @throws PrevalenceException if fewer than 2 occasions, a frequency is negative, or all are 0
     */
    public static CaptureFrequencies of(long... frequencies) {
        if (frequencies == null || frequencies.length < 2) {
            throw PrevalenceException.invalidArgument("frequencies",
                    "Capture frequencies need at least 2 occasions (f1, f2, ...), got %d",
                    frequencies == null ? 0 : frequencies.length);
        }
        long total = 0;
        for (int k = 0; k < frequencies.length; k++) {
            if (frequencies[k] < 0) {
                throw PrevalenceException.invalidData("f" + (k + 1),
                        "Frequency f%d (units captured %d times) is negative: %d", k + 1, k + 1, frequencies[k]);
            }
            total += frequencies[k];
        }
        if (total == 0) {
            throw PrevalenceException.invalidData("frequencies", "All capture frequencies are 0: nothing was observed");
        }
        return new CaptureFrequencies(frequencies.clone());
    }

    /**
     * Aggregates a list-overlap table: \( f_k \) is the total count of histories on exactly \( k \) lists.
     * @param table the table (its K lists are the occasions)
     * @return the frequencies
     */
    public static CaptureFrequencies of(ListOverlapTable table) {
        int t = table.listCount();
        long[] f = new long[t];
        for (int mask = 1; mask < table.cellCount(); mask++) {
            f[Integer.bitCount(mask) - 1] += table.count(mask);
        }
        return of(f);
    }

    /** @return the number of occasions \( t \) */
    public int occasions() {
        return f.length;
    }

    /**
     * @param k a number of captures, 1..t
     * @return \( f_k \)
     */
    public long frequency(int k) {
        if (k < 1 || k > f.length) {
            throw PrevalenceException.invalidArgument("k", "k must be in 1..%d, got %d", f.length, k);
        }
        return f[k - 1];
    }

    /** @return a copy of \( (f_1, \dots, f_t) \) */
    public long[] frequencies() {
        return f.clone();
    }

    /** @return the number of units captured at least once, \( n = \sum_k f_k \) */
    public long observedTotal() {
        return observed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaptureFrequencies && Arrays.equals(f, ((CaptureFrequencies) o).f);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(f);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CaptureFrequencies[t=").append(f.length).append(", n=")
                .append(Format.count(observed)).append(';');
        for (int k = 0; k < f.length; k++) {
            sb.append(String.format(Locale.ROOT, " f%d=%d", k + 1, f[k]));
        }
        return sb.append(']').toString();
    }
}
