package org.prevalence.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formatting for readable {@code toString()} output: thousands separators, a sensible
 * number of significant digits, {@link Locale#ROOT}. Used by results and by the CLI's table output.
 */
public final class Format {
    private Format() {
    }

    /**
     * Formats a number with thousands separators and 7 significant digits (at most 2 decimals for
     * values of 100 or more), for example {@code 11,312.99} or {@code 0.01234568}.
     * @param x the number
     * @return the text; {@code NaN}, {@code Inf} and {@code -Inf} for non-finite values
     */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == 0) {
            return "0";
        }
        double ax = Math.abs(x);
        if (ax >= 1e15 || ax < 1e-4) {
            return String.format(Locale.ROOT, "%.6e", x);
        }
        BigDecimal bd = new BigDecimal(x).round(new MathContext(7));
        int decimals = Math.max(0, bd.scale());
        if (ax >= 100) {
            decimals = Math.min(decimals, 2);
        }
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(decimals);
        return f.format(bd);
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
