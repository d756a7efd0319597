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
     * Degrees of freedom per domain: PSUs minus strata with at least one domain row (before
     * missing values are dropped), as R's {@code degf} of the subset design.
     */
    static void degreesOfFreedom(SurveyDesign d, Domain.Codes dom, Stats s, boolean[] seen) {
        if (dom.code == null) {
            s.df[0] = d.degreesOfFreedom();
            return;
        }
        int P = d.psuCount();
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
            s.df[k] = psus - strata;
        }
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
     * refusing (with the row) a value of y other than 0 or 1 when {@code binary} is set.
     */
    static Stats compute(SurveyDesign d, Kind kind, double[] y, String yName, double[] x, String xName,
                         Domain.Codes dom, MissingValues mv, boolean binary) {
        int D = dom.count;
        Stats s = new Stats(D);
        double[] sw = new double[D];
        double[] swy = new double[D];
        double[] swx = new double[D];
        long[] cnt = new long[D];
        double[] w = d.weightsRef();
        int[] code = dom.code;
        boolean drop = mv == MissingValues.DROP;
        boolean ratio = kind == Kind.RATIO;
        boolean anyMissing = false;
        // pass 1: weighted sums per domain (and which PSUs each domain touches, for its df)
        int P = d.psuCount();
        int[] psu = d.psu();
        boolean[] seen = code == null ? null : new boolean[D * P];
        for (int i = 0; i < d.rows(); i++) {
            int k = code == null ? 0 : code[i];
            if (k < 0) {
                continue;
            }
            if (seen != null) {
                seen[k * P + psu[i]] = true;
            }
            double yi = y[i];
            double xi = ratio ? x[i] : 1;
            if (Double.isNaN(yi) || Double.isNaN(xi)) {
                if (!drop) {
                    throw missing(i, Double.isNaN(yi) ? yName : xName);
                }
                s.dropped[k]++;
                anyMissing = true;
                continue;
            }
            if (binary && yi * (yi - 1) != 0) { // one well-predicted test: zero only for 0 and 1
                throw PrevalenceException.invalidData(rowWhere(i, yName),
                        "row %d, column '%s': value %s is not 0 or 1; a proportion needs a 0/1 or logical variable "
                                + "(or give a level of a categorical variable)", i + 1, yName, yi);
            }
            double wi = w[i];
            sw[k] += wi;
            swy[k] += wi * yi;
            swx[k] += wi * xi;
            cnt[k]++;
        }
        for (int k = 0; k < D; k++) {
            if (cnt[k] == 0) {
                throw PrevalenceException.notEstimable(dom.labels.get(k).isEmpty() ? "domain" : "domain " + dom.labels.get(k),
                        "%s has no rows with a value of '%s'%s; nothing to estimate", domainText(dom.labels.get(k)), yName,
                        s.dropped[k] > 0 ? " (" + s.dropped[k] + " missing)" : "");
            }
            if (ratio && swx[k] == 0) {
                throw PrevalenceException.notEstimable(dom.labels.get(k).isEmpty() ? "column '" + xName + "'"
                                : "domain " + dom.labels.get(k),
                        "the estimated total of the denominator '%s' is zero in %s; the ratio is not defined",
                        xName, domainText(dom.labels.get(k)));
            }
            s.n[k] = cnt[k];
            s.weightSum[k] = sw[k];
            // Hajek mean sum(w y)/sum(w); Horvitz-Thompson (1952) total sum(w y); ratio of HT totals
            switch (kind) {
                case MEAN:
                    s.estimate[k] = swy[k] / sw[k];
                    break;
                case TOTAL:
                    s.estimate[k] = swy[k];
                    break;
                default:
                    s.estimate[k] = swy[k] / swx[k];
            }
        }
        // pass 2: linearized values (influence functions, Lumley 2010 sec. 3.2) into PSU totals, and
        // squared deviations for the design effect (Kish 1965: V / V_srs, svyvar with divisor n - 1)
        LinearizationVariance lin = LinearizationVariance.of(d);
        LinearizationVariance.Totals t = lin.newTotals(D);
        double[] ss = new double[D];
        double[] se1 = new double[D];
        // z_i = w_i (y_i - zc x_i) zinv and e_i = (y_i - ec x_i) einv (x_i = 1 unless a ratio):
        // mean zc = ec = ybar, zinv = 1/sum(w); total zc = 0, zinv = 1, ec = ybar; ratio zc = ec = R, zinv = einv = 1/X
        double[] zc = new double[D];
        double[] zinv = new double[D];
        double[] ec = new double[D];
        double[] einv = new double[D];
        for (int k = 0; k < D; k++) {
            double mean = swy[k] / sw[k];
            switch (kind) {
                case MEAN:
                    zc[k] = mean;
                    zinv[k] = 1 / sw[k];
                    ec[k] = mean;
                    einv[k] = 1;
                    break;
                case TOTAL:
                    zc[k] = 0;
                    zinv[k] = 1;
                    ec[k] = mean;
                    einv[k] = 1;
                    break;
                default:
                    zc[k] = s.estimate[k];
                    zinv[k] = 1 / swx[k];
                    ec[k] = s.estimate[k];
                    einv[k] = 1 / swx[k];
            }
        }
        for (int i = 0; i < d.rows(); i++) {
            int k = code == null ? 0 : code[i];
            if (k < 0) {
                continue;
            }
            double yi = y[i];
            double xi = ratio ? x[i] : 1;
            if (anyMissing && (Double.isNaN(yi) || Double.isNaN(xi))) {
                continue;
            }
            double wi = w[i];
            double e = (yi - ec[k] * xi) * einv[k];
            t.add(k, i, wi * (yi - zc[k] * xi) * zinv[k]);
            double we = wi * e;
            ss[k] += we * e;
            se1[k] += we;
        }
        degreesOfFreedom(d, dom, s, seen);
        // replicate designs: variance from replicate estimates (see ReplicateVariance)
        ReplicateVariance rv = d.replicateVariance();
        double[] repVar = rv == null ? null : rv.linearVariances(d, kind, y, x, dom, anyMissing, s.estimate);
        for (int k = 0; k < D; k++) {
            if (repVar != null) {
                s.df[k] = d.degreesOfFreedom();
            }
            s.variance[k] = repVar != null ? repVar[k] : lin.variance(t, k);
            double nk = cnt[k];
            double n1 = sw[k];
            // svyvar: weighted variance with the n/(n-1) divisor (Kish), centred on the weighted mean
            double m1 = se1[k] / n1;
            double s2 = (ss[k] / n1 - m1 * m1) * nk / (nk - 1);
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
        return s;
    }
}
