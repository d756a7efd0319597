package org.prevalence.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Number formatting for readable {@code toString()} output: thousands separators, a sensible
 * number of significant digits, {@link Locale#ROOT}. Used by the results' {@code toString()}.
 *
 * <p>No method here ever writes E-notation: very large and very small numbers are written out in
 * plain decimal digits, so that a reader (or a spreadsheet) never meets {@code 2.09E7} or {@code 1.2e-05}.
 */
public final class Format {
    private Format() {
    }

    /**
     * Formats a number with thousands separators and 7 significant digits (at most 2 decimals for
     * values of 100 or more), for example {@code 11,312.99}, {@code 0.01234568},
     * {@code 0.00001234568} or {@code 1,234,568,000,000,000}; never in E-notation.
     * @param x the number
     * @return the text; {@code NaN}, {@code Inf} and {@code -Inf} for non-finite values
     */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        if (x == 0) {
            return "0";
        }
        return grouped(new BigDecimal(x).round(new MathContext(7)), decimals(x), false);
    }

    /**
     * Formats a column of numbers in one style: thousands separators and the same number of
     * decimals in every cell, the largest that {@link #number(double)} would use for any of them
     * (at most 12), so that the column reads, and aligns, as one kind of figure. Non-finite values
     * are written as {@link #number(double)} writes them.
     * @param xs the numbers of the column
     * @return the cells, in order
     */
    public static List<String> column(double... xs) {
        int d = 0;
        for (double x : xs) {
            if (Double.isFinite(x) && x != 0) {
                d = Math.max(d, decimals(x));
            }
        }
        d = Math.min(d, 12);
        List<String> out = new ArrayList<>(xs.length);
        for (double x : xs) {
            out.add(Double.isFinite(x) ? grouped(new BigDecimal(x), d, true) : nonFinite(x));
        }
        return out;
    }

    /**
     * Writes a number in plain decimal digits with no thousands separator and as many digits as
     * needed to read the same {@code double} back (the digits of {@link Double#toString(double)}),
     * never in E-notation: {@code 20900000} rather than {@code 2.09E7}, {@code 0.0000123} rather than
     * {@code 1.23E-5}. For CSV and other machine-read output.
     * @param x the number
     * @return the text; {@code NaN}, {@code Inf} and {@code -Inf} for non-finite values
     */
    public static String plain(double x) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }

    /**
     * A count with its noun in the right number: {@code "1 stratum"}, {@code "2 strata"},
     * {@code "1,000 replicates"}.
     * @param n the count
     * @param singular the noun for one
     * @param plural the noun for any other count
     * @return the text
     */
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    private static String nonFinite(double x) {
        return Double.isNaN(x) ? "NaN" : x > 0 ? "Inf" : "-Inf";
    }

    /** The decimals {@link #number} shows: those of 7 significant digits, at most 2 from 100 on. */
    private static int decimals(double x) {
        BigDecimal bd = new BigDecimal(x).round(new MathContext(7));
        int d = Math.max(0, bd.stripTrailingZeros().scale());
        return Math.abs(x) >= 100 ? Math.min(d, 2) : d;
    }

    private static String grouped(BigDecimal bd, int decimals, boolean fixed) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(fixed ? decimals : 0);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        String s = f.format(bd);
        return s.equals("-0") || s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    /**
     * Formats a count with thousands separators, for example {@code 2,744}.
     * @param n the count
     * @return the text
     */
    public static String count(long n) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(n);
    }

    /**
     * Formats a level as a percentage without trailing zeros: 0.95 gives {@code 95}, 0.975 gives
     * {@code 97.5}.
     * @param level a level in (0, 1)
     * @return the text
     */
    public static String percent(double level) {
        return new BigDecimal(Double.toString(level * 100)).round(new MathContext(6))
                .stripTrailingZeros().toPlainString();
    }
}
