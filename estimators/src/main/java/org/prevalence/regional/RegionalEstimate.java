package org.prevalence.regional;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.Format;
import org.prevalence.core.Interval;
import org.prevalence.core.Status;
import org.prevalence.core.Warning;

/**
 * One row of a regional table: a region, form or the world, its estimated number of persons, the
 * rate per 1,000 inhabitants, the standard error and the 68 % and 95 % intervals (the ILO 2012
 * report gave both), plus the analytic (delta-method) standard error as a check where one exists.
 *
 * <p>Every row carries a {@link Status}. A part that was not estimated (a region with no reported
 * case, a stratum excluded for lack of overlap, a region none of whose cases lies inside the
 * window) has {@link Status#NOT_ESTIMATED}, a {@linkplain #getReason() reason}, and NaN for every
 * figure: it is never a zero. A total that leaves parts out names them in {@link #getLeavesOut()}
 * and has {@link Status#WARNING} with a {@link Warning.Kind#INCOMPLETE} warning.
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
    private final Status status;
    private final String reason;
    private final List<String> leavesOut;

    RegionalEstimate(String name, double population, double estimate, double standardError,
                     double deltaStandardError, Interval interval68, Interval interval95) {
        this(name, population, estimate, standardError, deltaStandardError, interval68, interval95, Status.OK, null,
                List.of());
    }

    private RegionalEstimate(String name, double population, double estimate, double standardError,
                             double deltaStandardError, Interval interval68, Interval interval95, Status status,
                             String reason, List<String> leavesOut) {
        this.status = status;
        this.reason = reason;
        this.leavesOut = List.copyOf(leavesOut);
        this.name = name;
        this.population = population;
        this.estimate = estimate;
        this.standardError = standardError;
        this.deltaStandardError = deltaStandardError;
        this.interval68 = interval68;
        this.interval95 = interval95;
    }

    /**
     * A part that was not estimated: every figure NaN, status {@link Status#NOT_ESTIMATED}.
     * @param name the part
     * @param population its population, or NaN
     * @param reason why it was not estimated
     * @return the row
     */
    static RegionalEstimate notEstimated(String name, double population, String reason) {
        return new RegionalEstimate(name, population, Double.NaN, Double.NaN, Double.NaN, null, null,
                Status.NOT_ESTIMATED, Objects.requireNonNull(reason, "reason"), List.of());
    }

    /**
     * @param parts the parts this total leaves out, each named with its reason (none: unchanged)
     * @return a copy that names them, with status {@link Status#WARNING}
     */
    RegionalEstimate leavingOut(List<String> parts) {
        if (parts.isEmpty() || status == Status.NOT_ESTIMATED) {
            return this;
        }
        return new RegionalEstimate(name, population, estimate, standardError, deltaStandardError, interval68,
                interval95, Status.WARNING, null, parts);
    }

    /** @return {@link Status#OK}, {@link Status#WARNING} (a total leaving parts out) or {@link Status#NOT_ESTIMATED} */
    public Status getStatus() {
        return status;
    }

    /** @return why the part was not estimated, or {@code null} if it was */
    public String getReason() {
        return reason;
    }

    /**
     * @return the parts (regions, strata) this total leaves out, each as {@code "kind 'name' (why)"};
     *     empty if it leaves nothing out
     */
    public List<String> getLeavesOut() {
        return leavesOut;
    }

    /** @return the warnings: one {@link Warning.Kind#INCOMPLETE} naming the parts left out, if any */
    public List<Warning> getWarnings() {
        return leavesOut.isEmpty() ? List.of()
                : List.of(Warning.of(Warning.Kind.INCOMPLETE, name + " leaves out " + String.join("; ", leavesOut)));
    }

    /** @return whether the row has figures (it was estimated) */
    public boolean isEstimated() {
        return status != Status.NOT_ESTIMATED;
    }

    /** @return the region's (or form's, or {@code World}) name */
    public String getName() {
        return name;
    }

    /** @return the population denominator, or NaN if none */
    public double getPopulation() {
        return population;
    }

    /** @return the estimated number of persons */
    public double getEstimate() {
        return estimate;
    }

    /** @return persons per 1,000 inhabitants, {@code 1000 * estimate / population} */
    public double getPer1000() {
        return 1000 * estimate / population;
    }

    /** @return the standard error (bootstrap or Monte Carlo) */
    public double getStandardError() {
        return standardError;
    }

    /** @return the delta-method standard error (a check), or NaN where none is defined */
    public double getDeltaStandardError() {
        return deltaStandardError;
    }

    /** @return the 68 % interval, or {@code null} if not estimated */
    public Interval getInterval68() {
        return interval68;
    }

    /** @return the 95 % interval, or {@code null} if not estimated */
    public Interval getInterval95() {
        return interval95;
    }

    /** @return the lower limit of the 68 % interval, or NaN if not estimated */
    public double getLower68() {
        return interval68 == null ? Double.NaN : interval68.lower();
    }

    /** @return the upper limit of the 68 % interval, or NaN if not estimated */
    public double getUpper68() {
        return interval68 == null ? Double.NaN : interval68.upper();
    }

    /** @return the lower limit of the 95 % interval, or NaN if not estimated */
    public double getLower95() {
        return interval95 == null ? Double.NaN : interval95.lower();
    }

    /** @return the upper limit of the 95 % interval, or NaN if not estimated */
    public double getUpper95() {
        return interval95 == null ? Double.NaN : interval95.upper();
    }

    @Override
    public String toString() {
        if (status == Status.NOT_ESTIMATED) {
            return name + ": not estimated (" + reason + ")";
        }
        return String.format(Locale.ROOT, "%s: %s (%s per 1,000), SE %s%s, 68%% (%s, %s), 95%% (%s, %s)", name,
                Format.number(estimate), Double.isNaN(population) ? "NaN" : Format.number(getPer1000()),
                Format.number(standardError),
                Double.isNaN(deltaStandardError) ? "" : ", delta SE " + Format.number(deltaStandardError),
                Format.number(getLower68()), Format.number(getUpper68()), Format.number(getLower95()),
                Format.number(getUpper95()))
                + (leavesOut.isEmpty() ? "" : "; leaves out " + String.join("; ", leavesOut));
    }
}
