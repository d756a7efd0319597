package org.prevalence.survey;

import java.util.Locale;
import org.prevalence.core.PrevalenceException;

/**
 * The stage-1 quadratic form of a PPS-without-replacement design (package-private; see {@link Pps} and
 * {@link PpsMethod}): \( \hat V = \sum_{i,j} \check\Delta_{ij} \check t_i \check t_j \) over the PSU totals
 * \( \check t_i \) of linearized values (R {@code htvar.matrix}), the Yates-Grundy form subtracting
 * \( \sum_{i,j} \check\Delta_{ij} \check t_j^2 \) (R {@code ygvar.matrix}), or Brewer's per-stratum sum.
 * {@link LinearizationVariance} hands it the totals, so lonely-PSU rules apply to Brewer only (as R's
 * {@code onestrat}); the matrix rules take a one-PSU stratum's \( (1 - \pi_i) \check t_i^2 \), as R.
 * Immutable once made.
 */
final class PpsVariance {
    private static final double REL = 1e-9;
    private final Pps rule;
    /** The inclusion probability [PSU]. */
    private final double[] pi;
    /** \( \bar p_2 \) [stratum] for Hartley-Rao, else null. */
    private final double[] p2bar;
    /** \( \check\Delta \) [PSU][PSU] for supplied joint probabilities, else null. */
    private final double[][] delta;

    private PpsVariance(Pps rule, double[] pi, double[] p2bar, double[][] delta) {
        this.rule = rule;
        this.pi = pi;
        this.p2bar = p2bar;
        this.delta = delta;
    }

    /**
     * Checks the rule against the design and precomputes what the variance needs.
     * @param weights the row weights (1/probability)
     * @param weightSource where they came from, for messages (e.g. {@code 1/column 'p'})
     */
    static PpsVariance of(Pps rule, DesignIndex ix, double[] weights, String weightSource, int stages, boolean fpc) {
        if (stages > 1) {
            throw PrevalenceException.invalidArgument("clusters", "multistage PPS sampling is not supported (R: \"Multistage "
                    + "PPS sampling not supported\"); give the PSU column only");
        }
        if (fpc) {
            throw PrevalenceException.invalidArgument("fpc", "a PPS design takes its finite population correction from "
                    + "the inclusion probabilities; give probabilities and no fpc");
        }
        int P = ix.psuCount;
        double[] pi = new double[P];
        int[] firstRow = new int[P];
        java.util.Arrays.fill(firstRow, -1);
        for (int i = 0; i < weights.length; i++) {
            int p = ix.psu[i];
            double x = 1 / weights[i];
            if (!(x > 0 && x <= 1)) {
                throw PrevalenceException.invalidData("row " + (i + 1) + ", " + weightSource, String.format(Locale.ROOT,
                        "row %d: inclusion probability %s (%s) is outside (0, 1]; a PPS design needs every probability "
                                + "in (0, 1] (weights >= 1)", i + 1, x, weightSource));
            }
            if (firstRow[p] < 0) {
                firstRow[p] = i;
                pi[p] = x;
            } else if (Math.abs(x - pi[p]) > REL * pi[p]) {
                throw PrevalenceException.invalidData("row " + (i + 1) + ", " + weightSource, String.format(Locale.ROOT,
                        "row %d: inclusion probability %s (%s) differs from %s at row %d of the same PSU '%s'; "
                                + "a PPS design needs one probability per PSU", i + 1, x, weightSource, pi[p],
                        firstRow[p] + 1, ix.psuLabels.get(p)));
            }
        }
        double[] p2bar = null;
        double[][] delta = null;
        if (rule.method() == PpsMethod.HARTLEY_RAO) {
            p2bar = new double[ix.strataCount];
            for (int h = 0; h < ix.strataCount; h++) {
                if (!Double.isNaN(rule.hartleyRaoSum())) {
                    if (ix.strataCount > 1) {
                        throw PrevalenceException.invalidArgument("psum", "a given Hartley-Rao psum needs an "
                                + "unstratified design; use Pps.of(HARTLEY_RAO) to estimate it in each stratum");
                    }
                    p2bar[h] = rule.hartleyRaoSum();
                } else {
                    double s = 0;
                    for (int j = ix.stratumStart[h]; j < ix.stratumStart[h + 1]; j++) {
                        s += pi[ix.psuOrder[j]];
                    }
                    p2bar[h] = s / (ix.stratumStart[h + 1] - ix.stratumStart[h]); // R HR(): ave(prob, strata)
                }
            }
        } else if (rule.method() == PpsMethod.JOINT_PROBABILITIES) {
            delta = delta(rule, pi, P);
        }
        return new PpsVariance(rule, pi, p2bar, delta);
    }

    /** R pi2Dcheck: (pi_ij - pi_i pi_j) / pi_ij, zero below the tolerance; checked first. */
    private static double[][] delta(Pps rule, double[] pi, int P) {
        double[][] m = rule.jointRef();
        if (m.length != P) {
            throw PrevalenceException.invalidData("joint probabilities", "the joint inclusion probability matrix is "
                    + "%d x %d but the design has %d PSUs; give one row and column per PSU, in order of first appearance",
                    m.length, m.length, P);
        }
        for (int i = 0; i < P; i++) {
            String where = "joint probabilities, row " + (i + 1);
            if (!(Math.abs(m[i][i] - pi[i]) <= REL * pi[i])) {
                throw PrevalenceException.invalidData(where, "joint probabilities row %d: the diagonal %s differs from "
                        + "PSU %d's inclusion probability %s", i + 1, m[i][i], i + 1, pi[i]);
            }
            for (int j = 0; j < P; j++) {
                double x = m[i][j];
                double cap = Math.min(m[i][i], m[j][j]);
                if (!(x > 0 && x <= cap * (1 + REL))) {
                    throw PrevalenceException.invalidData(where + ", column " + (j + 1), "joint probabilities row %d, "
                            + "column %d: %s is outside (0, min(pi_i, pi_j)] = (0, %s]", i + 1, j + 1, x, cap);
                }
                if (Math.abs(x - m[j][i]) > REL * x) {
                    throw PrevalenceException.invalidData(where + ", column " + (j + 1), "joint probabilities row %d, "
                            + "column %d: %s differs from row %d, column %d: %s; the matrix must be symmetric",
                            i + 1, j + 1, x, j + 1, i + 1, m[j][i]);
                }
            }
        }
        double tol = rule.tolerance();
        double[][] d = new double[P][P];
        for (int i = 0; i < P; i++) {
            for (int j = 0; j < P; j++) {
                double x = (m[i][j] - m[i][i] * m[j][j]) / m[i][j];
                d[i][j] = Math.abs(x) < tol ? 0 : x;
            }
        }
        return d;
    }

    /** @return the rule */
    Pps rule() {
        return rule;
    }

    /**
     * The variance of the summed linearized values of one domain (R's {@code ppsvar}; Brewer: {@code svyrecvar}
     * with the fpc 1 - pi_i of each PSU).
     * @param t1 PSU totals [domain * PSUs + PSU]
     * @param base domain * PSUs
     * @param c1 rows of the domain per PSU (for Brewer's lonely-PSU rules)
     */
    double variance(SurveyDesign d, double[] t1, int[] c1, int base) {
        switch (rule.method()) {
            case BREWER:
                return brewer(d, t1, c1, base);
            case JOINT_PROBABILITIES:
                return matrixForm(t1, base);
            default:
                return approximateForm(d, t1, base);
        }
    }

    private double brewer(SurveyDesign d, double[] t1, int[] c1, int base) {
        double v = 0;
        for (int h = 0; h < d.strataCount(); h++) {
            int from = d.stratumStart()[h];
            int to = d.stratumStart()[h + 1];
            int nh = to - from;
            double tot = 0;
            boolean present = false;
            for (int j = from; j < to; j++) {
                tot += t1[base + d.psuOrder()[j]];
                present |= c1[base + d.psuOrder()[j]] > 0;
            }
            if (!present) {
                continue;
            }
            if (nh == 1) {
                int p = d.psuOrder()[from];
                switch (d.lonelyPsu()) {
                    case CERTAINTY:
                    case REMOVE:
                        continue; // centred on itself: 0, as R
                    case ADJUST:
                        v += (1 - pi[p]) * t1[base + p] * t1[base + p];
                        continue;
                    default:
                        throw PrevalenceException.notEstimable("stratum '" + d.stratumLabels().get(h) + "'",
                                "stratum '%s' has only one PSU, so its Brewer variance cannot be estimated; choose "
                                        + "LonelyPsu.CERTAINTY, REMOVE or ADJUST", d.stratumLabels().get(h));
                }
            }
            double mean = tot / nh;
            double ss = 0;
            for (int j = from; j < to; j++) {
                int p = d.psuOrder()[j];
                double e = t1[base + p] - mean;
                ss += (1 - pi[p]) * e * e;
            }
            v += ss * nh / (nh - 1);
        }
        return v;
    }

    private double matrixForm(double[] t1, int base) {
        int P = pi.length;
        double ht = 0;
        double yg = 0;
        for (int i = 0; i < P; i++) {
            double ti = t1[base + i];
            double[] di = delta[i];
            double s = 0;
            double c = 0;
            for (int j = 0; j < P; j++) {
                s += di[j] * t1[base + j];
                c += di[j];
            }
            ht += ti * s;
            yg += c * ti * ti;
        }
        return rule.form() == PpsVarianceForm.YATES_GRUNDY ? ht - yg : ht;
    }

    private double approximateForm(SurveyDesign d, double[] t1, int base) {
        boolean hr = rule.method() == PpsMethod.HARTLEY_RAO;
        double ht = 0;
        double yg = 0;
        for (int h = 0; h < d.strataCount(); h++) {
            int from = d.stratumStart()[h];
            int to = d.stratumStart()[h + 1];
            int n = to - from;
            for (int a = from; a < to; a++) {
                int i = d.psuOrder()[a];
                double ti = t1[base + i];
                double s = 0;
                double c = 0;
                for (int b = from; b < to; b++) {
                    int j = d.psuOrder()[b];
                    double dij;
                    if (i == j) {
                        dij = 1 - pi[i];
                    } else if (hr) {
                        double f = pi[i] + pi[j];  // R HRDcheck, 0 where pi_i + pi_j = 1
                        dij = f == 1 ? 0 : 1 - (n - f + p2bar[h]) / (n - 1);
                    } else {
                        double f = (pi[i] + pi[j]) / 2;  // R overton2Dcheck
                        dij = f == 1 ? 0 : 1 - (n - f) / (n - 1);
                    }
                    s += dij * t1[base + j];
                    c += dij;
                }
                ht += ti * s;
                yg += c * ti * ti;
            }
        }
        return rule.form() == PpsVarianceForm.YATES_GRUNDY ? ht - yg : ht;
    }
}
