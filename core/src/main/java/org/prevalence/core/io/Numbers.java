package org.prevalence.core.io;

/**
 * The plain-number grammar of Prevalence input: an optional sign, digits, an optional fraction
 * after the decimal mark, an optional exponent ({@code e} or {@code E}, optional sign, digits).
 * No thousands separators, no {@code Inf}, {@code NaN} or hexadecimal. Package-private; used by
 * {@link CsvInput} and {@link Columns}.
 */
final class Numbers {
    /** Returned by {@link #parseLong} for a cell that is not a whole number in long range. */
    static final long NOT_A_LONG = Long.MIN_VALUE;

    private Numbers() {
    }

    /**
     * @param c a cell
     * @return its value if it is an optional sign and digits only, within (-2^63, 2^63), else
     *     {@link #NOT_A_LONG}
     */
    static long parseLong(String c) {
        int n = c.length();
        int i = 0;
        boolean neg = false;
        if (n > 0 && (c.charAt(0) == '-' || c.charAt(0) == '+')) {
            neg = c.charAt(0) == '-';
            i = 1;
        }
        if (i >= n || n - i > 19) {
            return NOT_A_LONG;
        }
        long v = 0;
        for (; i < n; i++) {
            char ch = c.charAt(i);
            if (ch < '0' || ch > '9') {
                return NOT_A_LONG;
            }
            int dgt = ch - '0';
            if (v > (Long.MAX_VALUE - dgt) / 10) {
                return NOT_A_LONG;
            }
            v = v * 10 + dgt;
        }
        return neg ? -v : v;
    }

    /**
     * @param c a cell
     * @param decimal the decimal mark, {@code '.'} or {@code ','}
     * @return its value (infinite if it overflows a double), or NaN if it is not a plain number
     */
    static double parse(String c, char decimal) {
        int n = c.length();
        int i = 0;
        if (n > 0 && (c.charAt(0) == '-' || c.charAt(0) == '+')) {
            i = 1;
        }
        int digits = 0;
        while (i < n && isDigit(c.charAt(i))) {
            i++;
            digits++;
        }
        int mark = -1;
        if (i < n && c.charAt(i) == decimal) {
            mark = i;
            i++;
            while (i < n && isDigit(c.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n && (c.charAt(i) == 'e' || c.charAt(i) == 'E')) {
            i++;
            if (i < n && (c.charAt(i) == '-' || c.charAt(i) == '+')) {
                i++;
            }
            int e = 0;
            while (i < n && isDigit(c.charAt(i))) {
                i++;
                e++;
            }
            if (e == 0) {
                return Double.NaN;
            }
        }
        if (i != n) {
            return Double.NaN;
        }
        String t = mark >= 0 && decimal != '.' ? c.substring(0, mark) + '.' + c.substring(mark + 1) : c;
        return Double.parseDouble(t);
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
