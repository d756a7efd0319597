package org.prevalence.regional;

import java.util.Locale;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;

/**
 * One row of a regional table: a region, form or the world, its estimated number of persons, the
 * rate per 1,000 inhabitants, the standard error and the 68 % and 95 % intervals (the ILO 2012
 * report gave both), plus the analytic (delta-method) standard error as a check where one exists.
 * These are the JSON keys {@code region, estimate, per_1000, se, lower68, upper68, lower95, upper95}.
 *
 * <p>This class is immutable.
 */
public final class RegionalEstimate {
    private final String name;
    private final double population;
    private final double estimate;
    private final double standardError;
    private final double deltaStandardError;
    private final Interval interval68;
    private final Interval interval95;

    RegionalEstimate(String name, double population, double estimate, double standardError,
                     double deltaStandardError, Interval interval68, Interval interval95) {
        this.name = name;
        this.population = population;
        this.estimate = estimate;
        this.standardError = standardError;
        this.deltaStandardError = deltaStandardError;
        this.interval68 = interval68;
        this.interval95 = interval95;
    }

    /** @return the region's (or form's, or {@code World}) name; JSON {@code region} */
    public String getName() {
        return name;
    }

    /** @return the population denominator, or NaN if none */
    public double getPopulation() {
        return population;
    }

    /** @return the estimated number of persons; JSON {@code estimate} */
    public double getEstimate() {
        return estimate;
    }

    /** @return persons per 1,000 inhabitants, {@code 1000 * estimate / population}; JSON {@code per_1000} */
    public double getPer1000() {
        return 1000 * estimate / population;
    }

    /** @return the standard error (bootstrap or Monte Carlo); JSON {@code se} */
    public double getStandardError() {
        return standardError;
    }

    /** @return the delta-method standard error (a check), or NaN where none is defined */
    public double getDeltaStandardError() {
        return deltaStandardError;
    }

    /** @return the 68 % interval */
    public Interval getInterval68() {
        return interval68;
    }

    /** @return the 95 % interval */
    public Interval getInterval95() {
        return interval95;
    }

    /** @return JSON {@code lower68} */
    public double getLower68() {
        return interval68.lower();
    }

    /** @return JSON {@code upper68} */
    public double getUpper68() {
        return interval68.upper();
    }

    /** @return JSON {@code lower95} */
    public double getLower95() {
        return interval95.lower();
    }

    /** @return JSON {@code upper95} */
    public double getUpper95() {
        return interval95.upper();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s (%s per 1,000), SE %s%s, 68%% (%s, %s), 95%% (%s, %s)", name,
                Format.number(estimate), Double.isNaN(population) ? "NaN" : Format.number(getPer1000()),
                Format.number(standardError),
                Double.isNaN(deltaStandardError) ? "" : ", delta SE " + Format.number(deltaStandardError),
                Format.number(getLower68()), Format.number(getUpper68()), Format.number(getLower95()),
                Format.number(getUpper95()));
    }
}
