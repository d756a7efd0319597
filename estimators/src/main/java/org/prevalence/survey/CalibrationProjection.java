package org.prevalence.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The linearization variance of a calibrated design (package-private; R's {@code svyrecvar} with
 * {@code postStrata}): before the PSU totals are formed, the linearized values \( z \) are replaced
 * by their residuals from the calibration model, step by step:
 * <p>\[ z \leftarrow z - v \odot (H \gamma), \qquad \gamma = A^{-1} \sum_i \frac{u_i}{v_i} h_i z_i,
 *   \qquad A = \sum_i u_i h_i h_i^\top \]
 * <p>where \( h_i \) are the calibration variables of row \( i \) (cell indicators for
 * post-strata and raking margins, the model matrix row for {@code calibrate}), \( u_i \) the weights
 * before and \( v_i \) after the calibration step. Post-stratification (R: {@code x - psmeans * psw},
 * psmeans weighted by the old weights), GREG calibration (R: {@code qr.resid(qr, x/w) * w}) and each
 * raking margin (R: {@code x - psw * ave(x/psw, margin)}, so \( u_i = 1 \)) are all of this form; a
 * raked design applies its margins 10 times in turn, as R.
 *
 * <p>Because each step is linear in \( z \), only the sums \( S_b = \sum_i (u_i/v_i) h_i z_i \) are
 * accumulated in the streaming pass; the residual PSU totals are then
 * \( t_p - \sum_b H_{bp}^\top \Gamma_b \) with \( H_{bp} = \sum_{i \in p} v_i h_i \) precomputed and
 * \( \Gamma_b \) the sum of the step coefficients of basis \( b \), obtained on the small matrices
 * \( K_{bb'} = \sum_i (u_{bi}/v_{bi}) h_{bi} v_{b'i} h_{b'i}^\top \). Memory O(PSUs x calibration
 * columns), no per-row buffer.
 *
 * <p>This class is immutable.
 */
final class CalibrationProjection {
    /** The calibration variables of one step, with the weights before (u) and after (v). */
    static final class Basis {
        final int q;
        final int[] cell;
        final double[] dense;
        /** Weights before (null = all 1) and after the step (after = base x factor[group] when given lazily). */
        private final double[] u;
        double[] v;
        private final double[] base;
        private final int[] group;
        private final double[] factor;
        private final SurveyDesign d;
        double[] c;
        double[] ainv;
        double[] h1;
        double[] h2;

        private Basis(SurveyDesign d, int q, int[] cell, double[] dense, double[] u, double[] v) {
            this(d, q, cell, dense, u, v, null, null, null);
        }

        private Basis(SurveyDesign d, int q, int[] cell, double[] dense, double[] u, double[] v, double[] base,
                      int[] group, double[] factor) {
            this.base = base;
            this.group = group;
            this.factor = factor;
            this.d = d;
            this.q = q;
            this.cell = cell;
            this.dense = dense;
            this.u = u;
            this.v = v;
        }

        /** Computes the row factors u/v, A^{-1} and the PSU (SSU) sums of v h (on first use). */
        void prepare() {
            if (c != null) {
                return;
            }
            int n = d.rows();
            if (v == null) {
                double[] vv = new double[n];
                for (int i = 0; i < n; i++) {
                    vv[i] = base[i] * factor[group[i]];
                }
                v = vv;
            }
            double[] cc = new double[n];
            for (int i = 0; i < n; i++) {
                double ui = u == null ? 1 : u[i];
                cc[i] = v[i] == 0 ? 0 : ui / v[i];
            }
            double[] a = new double[q * q];
            double[] g1 = new double[d.psuCount() * q];
            double[] g2 = d.isMultistage() ? new double[d.ssuCount() * q] : null;
            for (int i = 0; i < n; i++) {
                double ui = u == null ? 1 : u[i];
                if (cell != null) {
                    int k = cell[i];
                    if (k < 0) {
                        continue;
                    }
                    a[k * q + k] += ui;
                    g1[d.psu()[i] * q + k] += v[i];
                    if (g2 != null) {
                        g2[d.ssu()[i] * q + k] += v[i];
                    }
                } else {
                    int o = i * q;
                    for (int j = 0; j < q; j++) {
                        double hj = dense[o + j];
                        for (int l = 0; l < q; l++) {
                            a[j * q + l] += ui * hj * dense[o + l];
                        }
                        g1[d.psu()[i] * q + j] += v[i] * hj;
                        if (g2 != null) {
                            g2[d.ssu()[i] * q + j] += v[i] * hj;
                        }
                    }
                }
            }
            ainv = pseudoInverse(a, q);
            h1 = g1;
            h2 = g2;
            c = cc;
        }
    }

    static Basis cells(SurveyDesign d, int[] cell, int q, double[] before, double[] after) {
        return new Basis(d, q, cell, null, before, after);
    }

    /** A cell basis whose weights after the step are {@code base[i] * factor[group[i]]}, computed on first use. */
    static Basis cellsLazy(SurveyDesign d, int[] cell, int q, double[] before, double[] base, int[] group, double[] factor) {
        return new Basis(d, q, cell, null, before, null, base, group, factor);
    }

    static Basis dense(SurveyDesign d, double[] modelRows, int q, double[] before, double[] after) {
        return new Basis(d, q, null, modelRows, before, after);
    }

    private static double[] pseudoInverse(double[] a, int q) {
        RealMatrix m = new Array2DRowRealMatrix(q, q);
        for (int j = 0; j < q; j++) {
            for (int l = 0; l < q; l++) {
                m.setEntry(j, l, a[j * q + l]);
            }
        }
        RealMatrix inv = new SingularValueDecomposition(m).getSolver().getInverse();
        double[] out = new double[q * q];
        for (int j = 0; j < q; j++) {
            for (int l = 0; l < q; l++) {
                out[j * q + l] = inv.getEntry(j, l);
            }
        }
        return out;
    }

    private final SurveyDesign structure;
    private final List<Basis> bases;
    private final int[] steps;
    private final int[] offset;
    private final int width;
    /** cross[b][b'] = K_{bb'} (q_b x q_b'). */
    private final double[][][] cross;

    private CalibrationProjection(SurveyDesign structure, List<Basis> bases, int[] steps, double[][][] reuse) {
        this.structure = structure;
        this.bases = bases;
        this.steps = steps;
        int B = bases.size();
        offset = new int[B + 1];
        for (int b = 0; b < B; b++) {
            offset[b + 1] = offset[b] + bases.get(b).q;
        }
        width = offset[B];
        cross = new double[B][B][];
        this.reuse = reuse;
    }

    private final double[][][] reuse;
    private volatile boolean prepared;

    /** Computes the bases' sums and the cross matrices once (on the first variance). */
    private synchronized void prepare() {
        if (prepared) {
            return;
        }
        int B = bases.size();
        for (Basis b : bases) {
            b.prepare();
        }
        for (int b = 0; b < B; b++) {
            for (int e = 0; e < B; e++) {
                cross[b][e] = reuse != null && b < reuse.length && e < reuse.length && reuse[b][e] != null
                        ? reuse[b][e] : crossMatrix(bases.get(b), bases.get(e));
            }
        }
        prepared = true;
    }

    /** An empty projection: marks a design whose weights were changed without a variance step (trimming). */
    static CalibrationProjection none(SurveyDesign d) {
        return new CalibrationProjection(d, List.of(), new int[0], null);
    }

    /**
     * @param previous earlier projections of the design, or null
     * @param d the design
     * @param added new bases
     * @param addedSteps the order in which they are applied, as indices into {@code added}
     * @return the projections of {@code previous} followed by the new ones
     */
    static CalibrationProjection append(CalibrationProjection previous, SurveyDesign d, List<Basis> added, int[] addedSteps) {
        List<Basis> all = new ArrayList<>();
        int[] old = new int[0];
        double[][][] reuse = null;
        if (previous != null) {
            all.addAll(previous.bases);
            old = previous.steps;
            reuse = previous.cross;
        }
        int shift = all.size();
        all.addAll(added);
        int[] st = Arrays.copyOf(old, old.length + addedSteps.length);
        for (int s = 0; s < addedSteps.length; s++) {
            st[old.length + s] = shift + addedSteps[s];
        }
        return new CalibrationProjection(d, List.copyOf(all), st, reuse);
    }

    private double[] crossMatrix(Basis b, Basis e) {
        double[] k = new double[b.q * e.q];
        int n = structure.rows();
        for (int i = 0; i < n; i++) {
            double ci = b.c[i];
            double vi = e.v[i];
            if (ci == 0 || vi == 0) {
                continue;
            }
            if (b.cell != null && e.cell != null) {
                if (b.cell[i] >= 0 && e.cell[i] >= 0) {
                    k[b.cell[i] * e.q + e.cell[i]] += ci * vi;
                }
            } else {
                for (int j = 0; j < b.q; j++) {
                    double hj = b.cell != null ? (b.cell[i] == j ? 1 : 0) : b.dense[i * b.q + j];
                    if (hj == 0) {
                        continue;
                    }
                    for (int l = 0; l < e.q; l++) {
                        double hl = e.cell != null ? (e.cell[i] == l ? 1 : 0) : e.dense[i * e.q + l];
                        k[j * e.q + l] += ci * hj * vi * hl;
                    }
                }
            }
        }
        return k;
    }

    /** @return per-call sums, or null when there is nothing to project */
    Sums newSums(int domains) {
        if (bases.isEmpty()) {
            return null;
        }
        prepare();
        return new Sums(domains);
    }

    /** The streaming sums S_b per domain, and the projection of the PSU totals. */
    final class Sums {
        private final double[] s;
        private final boolean[] done;

        Sums(int domains) {
            s = new double[domains * width];
            done = new boolean[domains];
        }

        void add(int domain, int row, double z) {
            int base = domain * width;
            for (int b = 0; b < bases.size(); b++) {
                Basis bs = bases.get(b);
                double cz = z * bs.c[row];
                int off = base + offset[b];
                if (bs.cell != null) {
                    int k = bs.cell[row];
                    if (k >= 0) {
                        s[off + k] += cz;
                    }
                } else {
                    int o = row * bs.q;
                    for (int j = 0; j < bs.q; j++) {
                        s[off + j] += cz * bs.dense[o + j];
                    }
                }
            }
        }

        /** Replaces the domain's PSU (and SSU) totals by those of the calibration residuals, once. */
        void project(LinearizationVariance.Totals t, int domain) {
            if (done[domain]) {
                return;
            }
            done[domain] = true;
            int B = bases.size();
            double[][] gamma = new double[B][];
            for (int b = 0; b < B; b++) {
                gamma[b] = new double[bases.get(b).q];
            }
            int base = domain * width;
            for (int b : steps) {
                Basis bs = bases.get(b);
                int q = bs.q;
                double[] v = new double[q];
                for (int j = 0; j < q; j++) {
                    v[j] = s[base + offset[b] + j];
                }
                for (int e = 0; e < B; e++) {
                    double[] k = cross[b][e];
                    double[] g = gamma[e];
                    int qe = g.length;
                    for (int j = 0; j < q; j++) {
                        double acc = 0;
                        for (int l = 0; l < qe; l++) {
                            acc += k[j * qe + l] * g[l];
                        }
                        v[j] -= acc;
                    }
                }
                double[] gb = gamma[b];
                for (int j = 0; j < q; j++) {
                    double acc = 0;
                    for (int l = 0; l < q; l++) {
                        acc += bs.ainv[j * q + l] * v[l];
                    }
                    gb[j] += acc;
                }
            }
            int P = structure.psuCount();
            for (int b = 0; b < B; b++) {
                Basis bs = bases.get(b);
                int q = bs.q;
                double[] g = gamma[b];
                for (int p = 0; p < P; p++) {
                    double acc = 0;
                    for (int j = 0; j < q; j++) {
                        acc += bs.h1[p * q + j] * g[j];
                    }
                    t.t1[domain * P + p] -= acc;
                }
                if (t.t2 != null && bs.h2 != null) {
                    int Q = structure.ssuCount();
                    for (int p = 0; p < Q; p++) {
                        double acc = 0;
                        for (int j = 0; j < q; j++) {
                            acc += bs.h2[p * q + j] * g[j];
                        }
                        t.t2[domain * Q + p] -= acc;
                    }
                }
            }
        }
    }
}
