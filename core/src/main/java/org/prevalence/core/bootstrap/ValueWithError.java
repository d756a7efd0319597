package org.prevalence.core.bootstrap;

/**
 * A statistic's value and its standard error (as returned by a {@link StatisticWithError}).
 *
 * @param value         the value
 * @param standardError its standard error, finite and {@code > 0}
 */
public record ValueWithError(double value, double standardError) {
}
