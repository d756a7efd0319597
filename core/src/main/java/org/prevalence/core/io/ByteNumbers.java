package org.prevalence.core.io;

import java.nio.charset.StandardCharsets;

/**
 * The plain-number grammar of {@link Numbers} read straight from bytes: the same cells are numbers
 * and each gives the same double as {@link Double#parseDouble}. Up to 15 significant digits with a
 * decimal exponent within 22 are converted with one correctly rounded multiplication or division by
 * an exact power of ten (Clinger's fast path: Clinger, W.D. (1990). How to read floating point
 * numbers accurately. PLDI '90, doi:10.1145/93542.93557); longer numbers go through
 * {@code Double.parseDouble}. Package-private.
 */
final class ByteNumbers {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private ByteNumbers() {
    }

    /**
     * @param b the bytes
     * @param from the first byte of the cell
     * @param to one past its last byte
     * @param decimal the decimal mark, {@code '.'} or {@code ','}
     * @return the value (infinite if it overflows a double), or NaN if the cell is not a plain number
     */
    static double parse(byte[] b, int from, int to, byte decimal) {
        int i = from;
        boolean neg = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long m = 0;
        int significant = 0;
        int digits = 0;
        int exp = 0;
        while (i < to) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (m != 0 || d != 0) {
                if (significant < 18) {
                    m = m * 10 + d;
                } else {
                    exp++;
                }
                significant++;
            }
            digits++;
            i++;
        }
        int mark = -1;
        if (i < to && b[i] == decimal) {
            mark = i;
            i++;
            while (i < to) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (m != 0 || d != 0) {
                    if (significant < 18) {
                        m = m * 10 + d;
                        exp--;
                    }
                    significant++;
                } else {
                    exp--;
                }
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                eneg = b[i] == '-';
                i++;
            }
            int e = 0;
            int ed = 0;
            while (i < to) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (e < 100_000) {
                    e = e * 10 + d;
                }
                ed++;
                i++;
            }
            if (ed == 0) {
                return Double.NaN;
            }
            exp += eneg ? -e : e;
        }
        if (i != to) {
            return Double.NaN;
        }
        if (m == 0) {
            return neg ? -0.0 : 0.0;
        }
        if (significant <= 15 && exp >= -22 && exp <= 22) {
            double v = exp < 0 ? m / POW10[-exp] : m * POW10[exp];
            return neg ? -v : v;
        }
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        if (mark >= 0 && decimal != '.') {
            int k = mark - from;
            s = s.substring(0, k) + '.' + s.substring(k + 1);
        }
        return Double.parseDouble(s);
    }
}
