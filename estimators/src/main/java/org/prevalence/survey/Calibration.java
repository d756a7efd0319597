package org.prevalence.survey;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.prevalence.core.Checks;
import org.prevalence.core.Format;
import org.prevalence.core.PrevalenceException;

/**
 * Calibration of the weights to known population totals of auxiliary variables (generalized
 * raking), as R {@code survey::calibrate(design, formula, population, bounds, calfun, maxit, epsilon)}:
 * <p>\[ w_i^* = w_i\, g_i, \qquad g_i = 1 + F(x_i^\top \eta), \qquad \sum_i w_i g_i x_i = T_x \]
 * <p>where \( x_i \) is the row of the model matrix ({@link CalibrationTotals}), \( T_x \) the
 * population totals and \( F \) the {@link CalibrationDistance}. \( \eta \) is found by Newton's method
 * from \( \eta = 0 \) (R's {@code grake}: pseudo-inverse steps, step halving when \( g \) is not finite,
 * weights pre-scaled when every total exceeds 20 times its sample estimate), stopping when every
 * \( |T_x - \hat T_x| / (1 + |T_x|) &lt; \epsilon \). Unbounded linear calibration is the GREG estimator,
 * solved in one step (R's {@code regcalibrate}).
 *
 * <p>Variance: on a linearization design the linearized values are replaced by their residuals from
 * the weighted regression on \( x \) (R's {@code svyrecvar} with a {@code greg_calibration}); on a
 * replicate design every replicate is calibrated to the same totals from its own weights (R's
 * {@code calibrate.svyrep.design}); a replicate that does not converge keeps its last iterate, as R
 * (which only warns), so that the variance matches R's.
 *
 * <p>Errors: a categorical level in the sample without a population total, a population level absent
 * from the sample, inconsistent totals (the level counts of a variable do not add up to the population
 * size), missing values in a calibration variable, and no convergence (with the iteration reached and
 * the misfit; R's {@code "Calibration failed"}). Not supported: R's {@code aggregate.stage},
 * {@code variance} (heteroscedastic GREG), {@code trim} inside calibrate (use {@link TrimWeights}),
 * stage-wise calibration.
 *
 * <p>References: <ol><li>Deville, J.-C., Särndal, C.-E. (1992). Calibration estimators in survey
 * sampling. JASA 87(418), 376-382. <a href="https://doi.org/10.1080/01621459.1992.10475217">doi:10.1080/01621459.1992.10475217</a></li>
 * <li>Deville, J.-C., Särndal, C.-E., Sautory, O. (1993). Generalized raking procedures in survey
 * sampling. JASA 88(423), 1013-1020. <a href="https://doi.org/10.1080/01621459.1993.10476369">doi:10.1080/01621459.1993.10476369</a></li></ol>
 *
 * <p>This class is immutable.
 */
public final class Calibration {
    private static final Calibration DEFAULT = new Calibration(CalibrationDistance.LINEAR, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, 50, 1e-7);
    private final CalibrationDistance distance;
    private final double lower;
    private final double upper;
    private final int maxIterations;
    private final double epsilon;

    private Calibration(CalibrationDistance distance, double lower, double upper, int maxIterations, double epsilon) {
        this.distance = distance;
        this.lower = lower;
        this.upper = upper;
        this.maxIterations = maxIterations;
        this.epsilon = epsilon;
    }

    /**
     * Defaults as R's {@code calibrate}: {@link CalibrationDistance#LINEAR}, no bounds
     * ({@code c(-Inf, Inf)}), at most 50 iterations, \( \epsilon = 10^{-7} \).
     * @return the default calibrator
     */
    public static Calibration withDefaults() {
        return DEFAULT;
    }

    /** @param v the distance @return a new calibrator */
    public Calibration with(CalibrationDistance v) {
        return new Calibration(Objects.requireNonNull(v, "distance"), lower, upper, maxIterations, epsilon);
    }

    /**
     * @param lo lower bound on \( g = w^{\ast} / w \) (&lt; 1; may be {@code -Infinity})
     * @param hi upper bound (&gt; 1; may be {@code +Infinity})
     * @return a new calibrator
     */
    public Calibration withBounds(double lo, double hi) {
        if (!(lo < 1 && hi > 1)) {
            throw PrevalenceException.invalidArgument("bounds", "bounds must satisfy lower < 1 < upper, got %s, %s", lo, hi);
        }
        return new Calibration(distance, lo, hi, maxIterations, epsilon);
    }

    /** @param v maximum Newton iterations, &gt;= 1 @return a new calibrator */
    public Calibration withMaxIterations(int v) {
        return new Calibration(distance, lower, upper, Checks.atLeast("maxIterations", v, 1), epsilon);
    }

    /** @param v relative tolerance on the totals, &gt; 0 @return a new calibrator */
    public Calibration withEpsilon(double v) {
        return new Calibration(distance, lower, upper, maxIterations, Checks.positive("epsilon", v));
    }

    /**
     * R's list form: {@code calibrate(design, list(~a, ~b), list(popA, popB))}.
     * @param design a design or replicate design
     * @param margins one-variable population margins (same totals)
     * @return the calibrated design
     */
    public SurveyDesign apply(SurveyDesign design, List<PopulationCounts> margins) {
        return apply(design, CalibrationTotals.fromMargins(margins));
    }

    /**
     * @param design a design or replicate design
     * @param totals the population totals of the calibration variables
     * @return the calibrated design
     */
    public SurveyDesign apply(SurveyDesign design, CalibrationTotals totals) {
        Objects.requireNonNull(design, "design");
        if (distance == CalibrationDistance.LOGIT && !(Double.isFinite(lower) && Double.isFinite(upper))) {
            throw PrevalenceException.invalidArgument("bounds",
                    "logit calibration needs finite bounds (withBounds(lower, upper), e.g. 0.5, 2)");
        }
        CalibrationTotals.Model m = totals.model(design);
        double[] w = design.weightsRef();
        Fit fit = grake(m, w, "the full sample", true);
        int n = design.rows();
        double[] nw = new double[n];
        for (int i = 0; i < n; i++) {
            nw[i] = w[i] * fit.g(m, i);
        }
        CalibrationProjection proj = CalibrationProjection.append(design.calibration(), design,
                List.of(CalibrationProjection.dense(design, m.rows, m.q, w, nw)), new int[] {0});
        ReplicateVariance rv = design.replicateVariance();
        if (rv != null) {
            int R = rv.replicates();
            Fit[] fits = new Fit[R];
            double[] wr = new double[n];
            for (int r = 0; r < R; r++) {
                rv.fill(r, wr);
                fits[r] = grake(m, wr, "replicate " + (r + 1), false);
            }
            rv = rv.then((r, ww) -> {
                for (int i = 0; i < ww.length; i++) {
                    ww[i] *= fits[r].g(m, i);
                }
            });
        }
        return new SurveyDesign(design, nw, rv, proj);
    }

    /** The solution of one calibration: eta and the pre-scaling factor. */
    final class Fit {
        final double[] eta;
        final double scale;

        Fit(double[] eta, double scale) {
            this.eta = eta;
            this.scale = scale;
        }

        double g(CalibrationTotals.Model m, int i) {
            double u = 0;
            int o = i * m.q;
            for (int j = 0; j < m.q; j++) {
                u += m.rows[o + j] * eta[j];
            }
            return (1 + distance.fm1(u, lower, upper)) * scale;
        }
    }

    /** Newton's method for eta (R grake). */
    Fit grake(CalibrationTotals.Model m, double[] w0, String who, boolean failIfNotConverged) {
        int n = w0.length;
        int q = m.q;
        double[] ww = w0.clone();
        double[] sampleTotal = new double[q];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                sampleTotal[j] += ww[i] * m.rows[i * q + j];
            }
        }
        double scale = preScale(m.totals, ww, sampleTotal);
        double[] eta = new double[q];
        double[] xeta = new double[n];
        double[] deriv = new double[n];
        for (int i = 0; i < n; i++) {
            deriv[i] = distance.derivative(0, lower, upper);
        }
        int iter = 1;
        while (true) {
            double[] deta = pinvTimes(hessian(m, ww, deriv), q, misfit(m, ww, xeta, sampleTotal));
            for (int j = 0; j < q; j++) {
                eta[j] += deta[j];
            }
            // step halving while the distance is not finite at the new eta (R grake)
            boolean finite = update(m, eta, xeta, deriv);
            while (iter < maxIterations && !finite) {
                iter++;
                for (int j = 0; j < q; j++) {
                    deta[j] /= 2;
                    eta[j] -= deta[j];
                }
                finite = update(m, eta, xeta, deriv);
            }
            double achieved = largestMisfit(misfit(m, ww, xeta, sampleTotal), m.totals);
            if (achieved < epsilon) {
                break;
            }
            iter++;
            if (iter > maxIterations || !Double.isFinite(achieved)) {
                if (!failIfNotConverged && Double.isFinite(achieved)) {
                    break; // R calibrate.svyrep.design keeps a replicate's last iterate (it only warns)
                }
                throw PrevalenceException.notConverged("calibration",
                        "calibration of %s did not converge: largest relative misfit %s after %d iterations "
                                + "(epsilon %s); widen the bounds, raise withMaxIterations or check the totals "
                                + "(R: \"Calibration failed\")", who, Format.number(achieved), iter - 1, epsilon);
            }
        }
        return new Fit(eta, scale);
    }

    /**
     * R's pre-scaling for people starting with no weights: when every population total is over 20 times
     * the sample's, the weights (and sample totals) are multiplied by the mean ratio.
     * @return the factor applied (1 if none)
     */
    private static double preScale(double[] pop, double[] ww, double[] sampleTotal) {
        int q = pop.length;
        double minScale = Double.POSITIVE_INFINITY;
        double meanScale = 0;
        for (int j = 0; j < q; j++) {
            double s = pop[j] / sampleTotal[j];
            minScale = Math.min(minScale, s);
            meanScale += s / q;
        }
        if (!(minScale > 20)) {
            return 1;
        }
        for (int i = 0; i < ww.length; i++) {
            ww[i] *= meanScale;
        }
        for (int j = 0; j < q; j++) {
            sampleTotal[j] *= meanScale;
        }
        return meanScale;
    }

    /** @return \( \sum_i w_i F'(x_i \eta) x_i x_i^T \), q x q row-major */
    private static double[] hessian(CalibrationTotals.Model m, double[] ww, double[] deriv) {
        int q = m.q;
        double[] tmat = new double[q * q];
        for (int i = 0; i < ww.length; i++) {
            double c = ww[i] * deriv[i];
            if (c == 0) {
                continue;
            }
            int o = i * q;
            for (int j = 0; j < q; j++) {
                double a = c * m.rows[o + j];
                for (int l = 0; l < q; l++) {
                    tmat[j * q + l] += a * m.rows[o + l];
                }
            }
        }
        return tmat;
    }

    /** @return the largest misfit relative to 1 + |population total| (R grake's convergence test) */
    private static double largestMisfit(double[] misfit, double[] pop) {
        double achieved = 0;
        for (int j = 0; j < misfit.length; j++) {
            achieved = Math.max(achieved, Math.abs(misfit[j]) / (1 + Math.abs(pop[j])));
        }
        return achieved;
    }

    private boolean update(CalibrationTotals.Model m, double[] eta, double[] xeta, double[] deriv) {
        int q = m.q;
        boolean finite = true;
        for (int i = 0; i < xeta.length; i++) {
            double u = 0;
            int o = i * q;
            for (int j = 0; j < q; j++) {
                u += m.rows[o + j] * eta[j];
            }
            xeta[i] = u;
            deriv[i] = distance.derivative(u, lower, upper);
            double g = 1 + distance.fm1(u, lower, upper);
            if (!Double.isFinite(g) || !Double.isFinite(deriv[i])) {
                finite = false;
            }
        }
        return finite;
    }

    private double[] misfit(CalibrationTotals.Model m, double[] ww, double[] xeta, double[] sampleTotal) {
        int q = m.q;
        double[] out = new double[q];
        for (int j = 0; j < q; j++) {
            out[j] = m.totals[j] - sampleTotal[j];
        }
        for (int i = 0; i < ww.length; i++) {
            double f = ww[i] * distance.fm1(xeta[i], lower, upper);
            if (f == 0) {
                continue;
            }
            int o = i * q;
            for (int j = 0; j < q; j++) {
                out[j] -= f * m.rows[o + j];
            }
        }
        return out;
    }

    private static double[] pinvTimes(double[] a, int q, double[] b) {
        RealMatrix mat = new Array2DRowRealMatrix(q, q);
        for (int j = 0; j < q; j++) {
            for (int l = 0; l < q; l++) {
                mat.setEntry(j, l, a[j * q + l]);
            }
        }
        return new SingularValueDecomposition(mat).getSolver().getInverse().operate(b);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Calibration[%s, bounds (%s, %s), maxIterations %d, epsilon %s]",
                distance, lower, upper, maxIterations, epsilon);
    }
}
