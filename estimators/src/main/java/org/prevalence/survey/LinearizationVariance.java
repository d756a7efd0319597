package org.prevalence.survey;

import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * The Taylor-linearization variance engine (R's {@code svyrecvar}, {@code multistage},
 * {@code onestage}, {@code onestrat}), shared by every estimator. An estimator hands it linearized
 * values \( z_i \) (for a total \( z_i = w_i y_i \); for a mean \( z_i = w_i (y_i - \bar y)/\sum w \);
 * for a ratio \( z_i = w_i (y_i - \hat R x_i)/\hat X \)), summed into PSU (and SSU) totals; the
 * variance of \( \sum_i z_i \) is
 * <p>\[ \hat V = \frac{H}{H_{ok}} \sum_{h \in ok} f_h \frac{n_h}{n_h - 1} \sum_{j=1}^{n_h} (t_{hj} - \bar t_h)^2
 *   + \sum_h \frac{n_h}{N_h} \sum_{j} f_{hj} \frac{m_{hj}}{m_{hj} - 1} \sum_{k=1}^{m_{hj}} (t_{hjk} - \bar t_{hj})^2 \]
 * <p>where \( t_{hj} \) is the total of \( z \) in PSU \( j \) of stratum \( h \), \( n_h \) the number of
 * sampled PSUs, \( f_h = (N_h - n_h)/N_h \) the finite population correction (1 without fpc),
 * \( H \) the number of strata with rows in the estimation domain and \( H_{ok} \) those not
 * replaced by {@link LonelyPsu#AVERAGE}; the second (stage-2) term, over SSUs \( k \) of PSU
 * \( hj \) with \( m_{hj} \) sampled out of \( M_{hj} \) and \( f_{hj} = (M_{hj}-m_{hj})/M_{hj} \), is
 * only present when the design has fpc at both stages. A stratum with \( f_h &lt; 10^{-7} \) (all PSUs
 * sampled) contributes 0. Domains keep the full design: PSUs without domain rows count as zero
 * totals (R pads them), as {@code svyby} on a subset design does. Lonely PSUs follow
 * {@link LonelyPsu} and {@link DomainLonelyPsu}.
 *
 * <p>References: <ol><li>Lumley, T. (2004). Analysis of complex survey samples. Journal of
 * Statistical Software 9(8), 1-19. <a href="https://doi.org/10.18637/jss.v009.i08">doi:10.18637/jss.v009.i08</a></li>
 * <li>Särndal, C.-E., Swensson, B., Wretman, J. (1992). Model Assisted Survey Sampling. Springer,
 * section 4.3 (two-stage variance).</li></ol>
 *
 * <p>This class is immutable and thread-safe; the accumulation buffers ({@link Totals}) are per call.
 */
public final class LinearizationVariance implements VarianceEngine {
    private static final double CERTAINTY = 1e-7;
    private final SurveyDesign d;

    /** Package-private: a {@link SurveyDesign} makes its own engine (the design is read, never copied). */
    LinearizationVariance(SurveyDesign d) {
        this.d = d;
    }

    /**
     * @param design the design
     * @return the engine for that design
     */
    public static LinearizationVariance of(SurveyDesign design) {
        return new LinearizationVariance(Objects.requireNonNull(design, "design"));
    }

    /**
     * The variance of \( \sum_i z_i \) over the whole sample.
     * @param z one linearized value per row
     * @return the variance
     */
    public double variance(double[] z) {
        return variance(z, null);
    }

    /**
     * The variance of \( \sum_{i \in D} z_i \) for a domain \( D \) (rows outside it count as zero;
     * the domain decides which strata and PSUs are "present" for the lonely-PSU rules).
     * @param z one linearized value per row
     * @param inDomain one flag per row, or {@code null} for every row
     * @return the variance
     */
    public double variance(double[] z, boolean[] inDomain) {
        if (z.length != d.rows() || (inDomain != null && inDomain.length != d.rows())) {
            throw PrevalenceException.invalidArgument("z", "need %d values, got %d", d.rows(), z.length);
        }
        Totals t = new Totals(d, 1);
        for (int i = 0; i < d.rows(); i++) {
            if (inDomain == null || inDomain[i]) {
                t.add(0, i, z[i]);
            }
        }
        return variance(t, 0);
    }

    /** @return {@code "linearization"} */
    @Override
    public String method() {
        return "linearization";
    }

    /** @return PSUs minus strata (R's {@code degf}) */
    @Override
    public int degreesOfFreedom() {
        return d.psuCount() - d.strataCount();
    }

    /** The linearization variance of each domain's accumulated totals. */
    @Override
    public double[] variances(Linear.Linearized pass) {
        double[] v = new double[pass.dom().count];
        for (int k = 0; k < v.length; k++) {
            v[k] = variance(pass.totals(), k);
        }
        return v;
    }

    /**
     * Degrees of freedom per domain: PSUs minus strata with at least one domain row (before missing
     * values are dropped), as R's {@code degf} of the subset design.
     */
    @Override
    public void degreesOfFreedom(Linear.Linearized pass, int[] df) {
        Domain.Codes dom = pass.dom();
        if (dom.code == null) {
            df[0] = degreesOfFreedom();
            return;
        }
        int P = d.psuCount();
        boolean[] seen = pass.seen();
        boolean[] stratumSeen = new boolean[d.strataCount()];
        for (int k = 0; k < dom.count; k++) {
            java.util.Arrays.fill(stratumSeen, false);
            int psus = 0;
            int strata = 0;
            for (int p = 0; p < P; p++) {
                if (seen[k * P + p]) {
                    psus++;
                    int h = d.psuStratum()[p];
                    if (!stratumSeen[h]) {
                        stratumSeen[h] = true;
                        strata++;
                    }
                }
            }
            df[k] = psus - strata;
        }
    }

    /** Linearization keeps the linear estimator's degrees of freedom. */
    @Override
    public void subsetDegreesOfFreedom(Domain.Codes dom, int[] df) {
        // the PSU-based df of each domain is already that of the subset design
    }

    /** A domain of a calibrated design keeps every row (R gives the others infinite probabilities). */
    @Override
    public long subsetRows(long domainRows) {
        return d.isCalibrated() ? d.rows() : domainRows;
    }

    /**
     * PSU (and SSU) totals of linearized values for several domains at once, plus the count of
     * domain rows in each PSU/SSU. Package-private: filled by the estimators' streaming passes.
     */
    static final class Totals {
        final int domains;
        final int psuCount;
        final int ssuCount;
        final double[] t1;
        final int[] c1;
        final double[] t2;
        final int[] c2;
        private final int[] psu;
        private final int[] ssu;
        /** Calibration projection sums (hook, see CalibrationProjection), or null. */
        final CalibrationProjection.Sums cal;

        Totals(SurveyDesign d, int domains) {
            this.cal = d.calibration() == null ? null : d.calibration().newSums(domains);
            this.domains = domains;
            this.psuCount = d.psuCount();
            this.ssuCount = d.ssuCount();
            this.psu = d.psu();
            this.ssu = d.ssu();
            this.t1 = new double[domains * psuCount];
            this.c1 = new int[domains * psuCount];
            if (d.isMultistage()) {
                t2 = new double[domains * ssuCount];
                c2 = new int[domains * ssuCount];
            } else {
                t2 = null;
                c2 = null;
            }
        }

        void add(int domain, int row, double z) {
            if (cal != null) {
                cal.add(domain, row, z);
            }
            int k = domain * psuCount + psu[row];
            t1[k] += z;
            c1[k]++;
            if (t2 != null) {
                int q = domain * ssuCount + ssu[row];
                t2[q] += z;
                c2[q]++;
            }
        }

        /** Adds rows [from, from + len) with values z[0..len) to one domain: {@link #add} row by row. */
        void addBlock(int domain, int from, int len, double[] z) {
            if (cal != null || t2 != null) {
                for (int k = 0; k < len; k++) {
                    add(domain, from + k, z[k]);
                }
                return;
            }
            int base = domain * psuCount;
            for (int k = 0; k < len; k++) {
                int q = base + psu[from + k];
                t1[q] += z[k];
                c1[q]++;
            }
        }

        /** Adds z to the totals without counting the row as present (its presence was counted). */
        void addValue(int domain, int row, double z) {
            if (cal != null) {
                cal.add(domain, row, z);
            }
            t1[domain * psuCount + psu[row]] += z;
            if (t2 != null) {
                t2[domain * ssuCount + ssu[row]] += z;
            }
        }

        void count(int domain, int row) {
            c1[domain * psuCount + psu[row]]++;
            if (c2 != null) {
                c2[domain * ssuCount + ssu[row]]++;
            }
        }
    }

    Totals newTotals(int domains) {
        return new Totals(d, domains);
    }

    /**
     * The variance for one domain of the accumulated totals.
     * @throws PrevalenceException if a lonely PSU is met under {@link LonelyPsu#FAIL}, or no
     *     stratum is left to estimate from
     */
    double variance(Totals t, int domain) {
        if (t.cal != null) {
            t.cal.project(t, domain); // calibration: PSU totals of the residuals (R svyrecvar postStrata)
        }
        int base = domain * d.psuCount();
        if (d.ppsVariance() != null) {
            return d.ppsVariance().variance(d, t.t1, t.c1, base); // PPS without replacement: R ppsvar
        }
        double sum = 0;
        int present = 0;
        int ok = 0;
        for (int h = 0; h < d.strataCount(); h++) {
            int from = d.stratumStart()[h];
            int to = d.stratumStart()[h + 1];
            int nh = to - from;
            int nsub = 0;
            double tot = 0;
            for (int j = from; j < to; j++) {
                int k = base + d.psuOrder()[j];
                if (t.c1[k] > 0) {
                    nsub++;
                }
                tot += t.t1[k];
            }
            if (nsub == 0) {
                continue;
            }
            present++;
            double v = oneStratum(t.t1, base, d.psuOrder(), from, to, tot, nsub, d.f1()[h], 1,
                    "stratum '" + d.stratumLabels().get(h) + "'", d.stratumLabels().get(h));
            if (!Double.isNaN(v)) {
                ok++;
                sum += v;
            }
        }
        if (present == 0) {
            return 0;
        }
        if (ok == 0) {
            throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "strata",
                    "no stratum has two or more PSUs in this domain, so the average lonely-PSU rule has nothing to "
                            + "average", new PrevalenceException.Remedy("choose LonelyPsu.CERTAINTY, REMOVE or ADJUST",
                            "use --lonely-psu certainty, remove or adjust"));
        }
        // R onestage: sum over ok strata * nstrat / nokstrat
        double v = sum * present / ok;
        if (d.isMultistage()) {
            int base2 = domain * d.ssuCount();
            for (int p = 0; p < d.psuCount(); p++) {
                if (t.c1[base + p] == 0) {
                    continue;
                }
                int from = d.psuSsuStart()[p];
                int to = d.psuSsuStart()[p + 1];
                int nsub = 0;
                double tot = 0;
                for (int j = from; j < to; j++) {
                    int q = base2 + d.ssuOrder()[j];
                    if (t.c2[q] > 0) {
                        nsub++;
                    }
                    tot += t.t2[q];
                }
                String label = d.psuLabels().get(p);
                double v2 = oneStratum(t.t2, base2, d.ssuOrder(), from, to, tot, nsub, d.f2()[p], 2,
                        "PSU '" + label + "'", label);
                if (Double.isNaN(v2)) {
                    throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, "PSU '" + label + "'",
                            "PSU '" + label + "' has only one SSU in this domain at stage 2 and the average lonely-PSU "
                                    + "rule has no other stage-2 stratum to average over",
                            new PrevalenceException.Remedy("choose LonelyPsu.CERTAINTY, REMOVE or ADJUST",
                                    "use --lonely-psu certainty, remove or adjust"));
                }
                v += v2 * d.stage1Fraction()[d.psuStratum()[p]];
            }
        }
        return v;
    }

    /** R's onestrat: one stratum's contribution, NaN when it is to be replaced by the average. */
    private double oneStratum(double[] totals, int base, int[] order, int from, int to, double tot, int nsub,
                              double f, int stage, String where, String label) {
        int nh = to - from;
        if (f < CERTAINTY) {
            return 0;
        }
        double scale = nh > 1 ? f * nh / (nh - 1) : f;
        LonelyPsu lonely = d.lonelyPsu();
        boolean domainRule = d.domainLonelyPsu() == DomainLonelyPsu.APPLY_LONELY_RULE;
        boolean centre = lonely != LonelyPsu.ADJUST || nsub > 1 || (nh > 1 && !domainRule);
        double mean = centre ? tot / nh : 0;
        double ss = 0;
        for (int j = from; j < to; j++) {
            double e = totals[base + order[j]] - mean;
            ss += e * e;
        }
        if (nsub == 1 && nh > 1 && domainRule && lonely == LonelyPsu.AVERAGE) {
            return Double.NaN;
        }
        if (nh > 1) {
            return scale * ss;
        }
        switch (lonely) {
            case FAIL:
                throw new PrevalenceException(PrevalenceException.Kind.NOT_ESTIMABLE, where, String.format(
                        java.util.Locale.ROOT, "%s has only one PSU at stage %d, so its variance cannot be estimated",
                        Character.toUpperCase(where.charAt(0)) + where.substring(1), stage),
                        new PrevalenceException.Remedy("choose LonelyPsu.CERTAINTY, REMOVE, ADJUST or AVERAGE "
                                + "(R: survey.lonely.psu)", "use --lonely-psu certainty, remove, adjust or average"));
            case AVERAGE:
                return Double.NaN;
            default:
                return scale * ss;
        }
    }
}
