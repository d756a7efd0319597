package org.prevalence.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A generic estimate: what was estimated, the point estimate, its standard error (NaN where none
 * is defined), an optional interval and method-specific diagnostics. Estimator-specific result
 * classes carry more; each can be turned into an {@code Estimate} for reporting.
 *
 * @param quantity       what was estimated, for example {@code "population"} or {@code "mean(api00)"}
 * @param value          the point estimate
 * @param standardError  the standard error, or NaN where it is not defined
 * @param interval       the interval, or {@code null}
 * @param diagnostics    method-specific diagnostics in insertion order (unmodifiable copy)
 */
public record Estimate(String quantity, double value, double standardError, Interval interval,
                       Map<String, Object> diagnostics) {
    /** Copies the diagnostics and checks the quantity's name. */
    public Estimate {
        Objects.requireNonNull(quantity, "quantity");
        diagnostics = diagnostics == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /**
     * @param quantity what was estimated
     * @param value the point estimate
     * @param standardError the standard error or NaN
     * @param interval the interval or {@code null}
     * @return an estimate without diagnostics
     */
    public static Estimate of(String quantity, double value, double standardError, Interval interval) {
        return new Estimate(quantity, value, standardError, interval, Map.of());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(quantity).append(" = ").append(Format.number(value));
        if (!Double.isNaN(standardError)) {
            sb.append(String.format(Locale.ROOT, ", SE %s", Format.number(standardError)));
        }
        if (interval != null) {
            sb.append(", ").append(interval);
        }
        diagnostics.forEach((k, v) -> sb.append("; ").append(k).append('=')
                .append(v instanceof Double d ? Format.number(d) : String.valueOf(v)));
        return sb.toString();
    }
}
