package org.prevalence.survey;

import java.util.Map;
import org.prevalence.core.PrevalenceException;

/**
 * The streaming kernels of the linear(ized) estimators: Horvitz-Thompson totals, Hajek means and
 * ratios of totals, for several domains at once, in two passes over the rows (package-private).
 * Pass 1 sums \( w, wy, wx \) per domain; pass 2 adds the linearized values to the PSU totals of
 * the {@link LinearizationVariance} engine and the squared deviations for the design effects.
 */
final class Linear {
    enum Kind { MEAN, TOTAL, RATIO }

    /** Per-domain figures of one call. */
    static final class Stats {
        final int domains;
        final double[] estimate;
        final double[] variance;
        final double[] deff;
        final double[] deffReplace;
        final long[] n;
        final long[] dropped;
        final int[] df;
        final double[] weightSum;

        Stats(int domains) {
            this.domains = domains;
            estimate = new double[domains];
            variance = new double[domains];
            deff = new double[domains];
            deffReplace = new double[domains];
            n = new long[domains];
            dropped = new long[domains];
            df = new int[domains];
            weightSum = new double[domains];
        }
    }

    private Linear() {
    }

    static String rowWhere(int row, String column) {
        return String.format(java.util.Locale.ROOT, "row %d, column '%s'", row + 1, column);
    }

    static PrevalenceException missing(int row, String column) {
        // R na.rm=FALSE: a missing value is an error; na.rm=TRUE drops the row as a domain
        return new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, rowWhere(row, column),
                rowWhere(row, column) + ": missing value",
                new PrevalenceException.Remedy("drop rows with missing values with with(MissingValues.DROP), or fill them in",
                        "drop rows with missing values with --drop-missing, or fill them in"));
    }

    static String domainText(Map<String, String> dom) {
        return dom.isEmpty() ? "the whole sample" : "domain " + dom;
    }

    /**
     * Mean, total or ratio of {@code y} (over {@code x} for a ratio) in every domain.
     * @param yName, xName names for messages
     */
    static Stats compute(SurveyDesign d, Kind kind, double[] y, String yName, double[] x, String xName,
                         Domain.Codes dom, MissingValues mv) {
        return compute(d, kind, y, yName, x, xName, dom, mv, false);
    }

    /**
     * As {@link #compute(SurveyDesign, Kind, double[], String, double[], String, Domain.Codes, MissingValues)},
     * refusing (with the row) a value of y other than 0 or 1 when {@code binary} is set. The steps: weighted
     * sums per domain, the estimates, the linearized values into the engine's totals, then the design's
     * {@link VarianceEngine} gives variances and degrees of freedom, and the design effects follow.
     */
    static Stats compute(SurveyDesign d, Kind kind, double[] y, String yName, double[] x, String xName,
                         Domain.Codes dom, MissingValues mv, boolean binary) {
        Stats s = new Stats(dom.count);
        Sums sums = weightedSums(d, kind, y, yName, x, xName, dom, mv == MissingValues.DROP, binary, s);
        estimates(kind, sums, dom, yName, xName, s);
        Linearized pass = linearize(d, kind, y, x, dom, sums, s);
        VarianceEngine engine = d.variance();
        engine.degreesOfFreedom(pass, s.df);
        double[] variance = engine.variances(pass);
        designEffects(kind, sums, variance, s);
        return s;
    }

    /** Pass 1's weighted sums per domain, and which PSUs each domain touches (for its df). */
    private static final class Sums {
        final double[] sw;
        final double[] swy;
        final double[] swx;
        final long[] cnt;
        final boolean[] seen;
        boolean anyMissing;
        /** Pass 2's weighted squared deviations and weighted deviations, for the design effect. */
        final double[] ss;
        final double[] se1;

        Sums(int domains, boolean[] seen) {
            sw = new double[domains];
            swy = new double[domains];
            swx = new double[domains];
            cnt = new long[domains];
            ss = new double[domains];
            se1 = new double[domains];
            this.seen = seen;
        }
    }

    /**
     * A linear estimator's pass over the rows, as the {@link VarianceEngine} sees it: the statistic, its
     * values and domains, the full-sample estimates, and the PSU totals of the linearized values.
     * @param kind the statistic
     * @param y the values
     * @param x the denominator values of a ratio (else null)
     * @param dom the domains
     * @param skipMissing whether rows with a missing value are left out
     * @param estimate the full-sample estimate per domain
     * @param totals PSU (and SSU) totals of the linearized values per domain
     * @param seen which PSUs each domain touches [domain * PSUs + PSU], or null for the whole sample
     */
    record Linearized(Kind kind, double[] y, double[] x, Domain.Codes dom, boolean skipMissing, double[] estimate,
                      LinearizationVariance.Totals totals, boolean[] seen) {
    }

    private static Sums weightedSums(SurveyDesign d, Kind kind, double[] y, String yName, double[] x, String xName,
                                     Domain.Codes dom, boolean drop, boolean binary, Stats s) {
        int[] code = dom.code;
        boolean ratio = kind == Kind.RATIO;
        int P = d.psuCount();
        int[] psu = d.psu();
        double[] w = d.weightsRef();
        Sums sums = new Sums(dom.count, code == null ? null : new boolean[dom.count * P]);
        for (int i = 0; i < d.rows(); i++) {
            int k = code == null ? 0 : code[i];
            if (k < 0) {
                continue;
            }
            if (sums.seen != null) {
                sums.seen[k * P + psu[i]] = true;
            }
            double yi = y[i];
            double xi = ratio ? x[i] : 1;
            if (Double.isNaN(yi) || Double.isNaN(xi)) {
                if (!drop) {
                    throw missing(i, Double.isNaN(yi) ? yName : xName);
                }
                s.dropped[k]++;
                sums.anyMissing = true;
                continue;
            }
            if (binary && yi * (yi - 1) != 0) { // one well-predicted test: zero only for 0 and 1
                throw PrevalenceException.invalidData(rowWhere(i, yName),
                        "row %d, column '%s': value %s is not 0 or 1; a proportion needs a 0/1 or logical variable "
                                + "(or give a level of a categorical variable)", i + 1, yName, yi);
            }
            double wi = w[i];
            sums.sw[k] += wi;
            sums.swy[k] += wi * yi;
            sums.swx[k] += wi * xi;
            sums.cnt[k]++;
        }
        return sums;
    }

    private static void estimates(Kind kind, Sums sums, Domain.Codes dom, String yName, String xName, Stats s) {
        for (int k = 0; k < dom.count; k++) {
            Map<String, String> label = dom.labels.get(k);
            if (sums.cnt[k] == 0) {
                throw PrevalenceException.notEstimable(label.isEmpty() ? "domain" : "domain " + label,
                        "%s has no rows with a value of '%s'%s; nothing to estimate", domainText(label), yName,
                        s.dropped[k] > 0 ? " (" + s.dropped[k] + " missing)" : "");
            }
            if (kind == Kind.RATIO && sums.swx[k] == 0) {
                throw PrevalenceException.notEstimable(label.isEmpty() ? "column '" + xName + "'" : "domain " + label,
                        "the estimated total of the denominator '%s' is zero in %s; the ratio is not defined",
                        xName, domainText(label));
            }
            s.n[k] = sums.cnt[k];
            s.weightSum[k] = sums.sw[k];
            // Hajek mean sum(w y)/sum(w); Horvitz-Thompson (1952) total sum(w y); ratio of HT totals
            switch (kind) {
                case MEAN:
                    s.estimate[k] = sums.swy[k] / sums.sw[k];
                    break;
                case TOTAL:
                    s.estimate[k] = sums.swy[k];
                    break;
                default:
                    s.estimate[k] = sums.swy[k] / sums.swx[k];
            }
        }
    }

    /**
     * Pass 2: linearized values (influence functions, Lumley 2010 sec. 3.2) into PSU totals, and squared
     * deviations for the design effect (Kish 1965: V / V_srs, svyvar with divisor n - 1).
     */
    private static Linearized linearize(SurveyDesign d, Kind kind, double[] y, double[] x, Domain.Codes dom,
                                        Sums sums, Stats s) {
        int D = dom.count;
        LinearizationVariance.Totals t = LinearizationVariance.of(d).newTotals(D);
        // z_i = w_i (y_i - zc x_i) zinv and e_i = (y_i - ec x_i) einv (x_i = 1 unless a ratio):
        // mean zc = ec = ybar, zinv = 1/sum(w); total zc = 0, zinv = 1, ec = ybar; ratio zc = ec = R, zinv = einv = 1/X
        double[] zc = new double[D];
        double[] zinv = new double[D];
        double[] ec = new double[D];
        double[] einv = new double[D];
        boolean ratio = kind == Kind.RATIO;
        for (int k = 0; k < D; k++) {
            double mean = sums.swy[k] / sums.sw[k];
            zc[k] = kind == Kind.TOTAL ? 0 : ratio ? s.estimate[k] : mean;
            zinv[k] = kind == Kind.TOTAL ? 1 : ratio ? 1 / sums.swx[k] : 1 / sums.sw[k];
            ec[k] = ratio ? s.estimate[k] : mean;
            einv[k] = ratio ? 1 / sums.swx[k] : 1;
        }
        int[] code = dom.code;
        double[] w = d.weightsRef();
        for (int i = 0; i < d.rows(); i++) {
            int k = code == null ? 0 : code[i];
            if (k < 0) {
                continue;
            }
            double yi = y[i];
            double xi = ratio ? x[i] : 1;
            if (sums.anyMissing && (Double.isNaN(yi) || Double.isNaN(xi))) {
                continue;
            }
            double wi = w[i];
            double e = (yi - ec[k] * xi) * einv[k];
            t.add(k, i, wi * (yi - zc[k] * xi) * zinv[k]);
            double we = wi * e;
            sums.ss[k] += we * e;
            sums.se1[k] += we;
        }
        return new Linearized(kind, y, x, dom, sums.anyMissing, s.estimate, t, sums.seen);
    }

    /** Design effects (Kish 1965): the variance over that of simple random sampling, without and with replacement. */
    private static void designEffects(Kind kind, Sums sums, double[] variance, Stats s) {
        for (int k = 0; k < s.domains; k++) {
            s.variance[k] = variance[k];
            double nk = sums.cnt[k];
            double n1 = sums.sw[k];
            // svyvar: weighted variance with the n/(n-1) divisor (Kish), centred on the weighted mean
            double m1 = sums.se1[k] / n1;
            double s2 = (sums.ss[k] / n1 - m1 * m1) * nk / (nk - 1);
            double vsrs;
            double vsrsRep;
            if (kind == Kind.MEAN) {
                vsrs = n1 < nk ? Double.NaN : s2 * (n1 - nk) / (n1 * nk);
                vsrsRep = s2 / nk;
            } else {
                vsrs = s2 * n1 * n1 * (n1 - nk) / (n1 * nk);
                vsrsRep = s2 * n1 * n1 / nk;
            }
            s.deff[k] = nk > 1 ? s.variance[k] / vsrs : Double.NaN;
            s.deffReplace[k] = nk > 1 ? s.variance[k] / vsrsRep : Double.NaN;
        }
    }
}
