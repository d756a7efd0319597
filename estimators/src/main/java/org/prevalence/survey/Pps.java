package org.prevalence.survey;

import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * A probability-proportional-to-size design without replacement: the rule for the joint inclusion
 * probabilities of the PSUs, given to {@link SurveyDesign.Builder#pps(Pps)}; R's
 * {@code svydesign(id = ~1, fpc = ~p, pps = "brewer" | "overton" | HR(psum) | ppsmat(jointprob), variance = ...)}.
 * The PSU inclusion probabilities \( \pi_i \) are the design's probabilities ({@code probabilities("p")}, or
 * 1/weights), constant within a PSU. The variance of a linear statistic is the quadratic form of
 * {@link PpsMethod} in the PSU totals of its linearized values, so every estimator (totals, means, ratios,
 * domains, GLMs and tests) uses it unchanged; degrees of freedom stay PSUs minus strata ({@code degf.pps}).
 * A design with replacement needs no rule: {@code probabilities("p")} alone (R {@code svydesign(id=~1, probs=~p)}).
 *
 * <pre>{@code
 * SurveyDesign d = SurveyDesign.builder(electionPps).probabilities("p").pps(Pps.of(PpsMethod.OVERTON)).build();
 * SurveyDesign e = SurveyDesign.builder(electionPps).probabilities("p")
 *         .pps(Pps.jointProbabilities(pij)).build();              // R ppsmat(election_jointprob)
 * }</pre>
 *
 * <p>References: <ol><li>Brewer, K.R.W. (2002). Combined Survey Sampling Inference. Arnold, sec. 9.9.</li>
 * <li>Overton, W.S. (1985). A sampling plan for streams in the National Stream Survey. Technical report 114,
 * Oregon State University.</li><li>Hartley, H.O., Rao, J.N.K. (1962). Sampling with unequal probabilities and
 * without replacement. Annals of Mathematical Statistics 33, 350-374.
 * <a href="https://doi.org/10.1214/aoms/1177704564">doi:10.1214/aoms/1177704564</a></li>
 * <li>Lumley, T. survey package, {@code pps.R} (behaviour matched, code not copied).</li></ol>
 *
 * <p>This class is immutable (the joint probability matrix is copied in).
 */
public final class Pps {
    /** R {@code ppsmat}'s default tolerance: \( |\check\Delta_{ij}| \) below it is set to 0. */
    public static final double DEFAULT_TOLERANCE = 1e-4;
    private final PpsMethod method;
    private final PpsVarianceForm form;
    private final double hartleyRaoSum;
    private final double[][] joint;
    private final double tolerance;

    private Pps(PpsMethod method, PpsVarianceForm form, double hartleyRaoSum, double[][] joint, double tolerance) {
        this.method = method;
        this.form = form;
        this.hartleyRaoSum = hartleyRaoSum;
        this.joint = joint;
        this.tolerance = tolerance;
    }

    /**
     * @param method {@link PpsMethod#BREWER}, {@link PpsMethod#OVERTON} or {@link PpsMethod#HARTLEY_RAO}
     *     (with \( \bar p_2 \) estimated, R {@code HR()}); for exact probabilities use {@link #jointProbabilities}
     * @return the rule, Horvitz-Thompson form
     */
    public static Pps of(PpsMethod method) {
        Objects.requireNonNull(method, "method");
        if (method == PpsMethod.JOINT_PROBABILITIES) {
            throw PrevalenceException.invalidArgument("pps", "JOINT_PROBABILITIES needs the matrix: use Pps.jointProbabilities(pij)");
        }
        return new Pps(method, PpsVarianceForm.HORVITZ_THOMPSON, Double.NaN, null, DEFAULT_TOLERANCE);
    }

    /**
     * Hartley-Rao with the population's \( \bar p_2 = \sum_U \pi_k^2 / n \) given (R {@code HR(psum)}); an
     * unstratified design only.
     * @param psum \( \bar p_2 \), in (0, 1]
     * @return the rule
     */
    public static Pps hartleyRao(double psum) {
        if (!(psum > 0 && psum <= 1)) {
            throw PrevalenceException.invalidArgument("psum", "the Hartley-Rao sum of squared probabilities over n "
                    + "must be in (0, 1], got %s", psum);
        }
        return new Pps(PpsMethod.HARTLEY_RAO, PpsVarianceForm.HORVITZ_THOMPSON, psum, null, DEFAULT_TOLERANCE);
    }

    /**
     * Exact joint inclusion probabilities (R {@code ppsmat(jointprob)}): a symmetric PSU x PSU matrix, PSUs in
     * order of first appearance in the data (with one row per PSU: the row order), \( \pi_{ii} = \pi_i \) on
     * the diagonal.
     * @param pij the matrix (copied)
     * @return the rule, Horvitz-Thompson form, tolerance {@link #DEFAULT_TOLERANCE}
     */
    public static Pps jointProbabilities(double[][] pij) {
        Objects.requireNonNull(pij, "pij");
        double[][] c = new double[pij.length][];
        for (int i = 0; i < c.length; i++) {
            if (pij[i] == null || pij[i].length != pij.length) {
                throw PrevalenceException.invalidData("joint probabilities, row " + (i + 1),
                        "the joint inclusion probabilities must be a square matrix: row %d has %d values, need %d",
                        i + 1, pij[i] == null ? 0 : pij[i].length, pij.length);
            }
            c[i] = pij[i].clone();
        }
        return new Pps(PpsMethod.JOINT_PROBABILITIES, PpsVarianceForm.HORVITZ_THOMPSON, Double.NaN, c, DEFAULT_TOLERANCE);
    }

    /**
     * @param v the variance form ({@link PpsVarianceForm#YATES_GRUNDY} is refused for Brewer, as R)
     * @return this rule with that form
     */
    public Pps with(PpsVarianceForm v) {
        Objects.requireNonNull(v, "form");
        if (v == PpsVarianceForm.YATES_GRUNDY && method == PpsMethod.BREWER) {
            throw PrevalenceException.invalidArgument("pps", "the Yates-Grundy form is not defined for Brewer's "
                    + "approximation (R: \"Only variance='HT' supported for this design\"); use OVERTON, HARTLEY_RAO or "
                    + "JOINT_PROBABILITIES");
        }
        return new Pps(method, v, hartleyRaoSum, joint, tolerance);
    }

    /**
     * @param v the tolerance below which \( |\check\Delta_{ij}| \) of supplied joint probabilities is set to 0
     *     (R {@code ppsmat(tolerance=)}), finite and &ge; 0
     * @return this rule with that tolerance
     */
    public Pps withTolerance(double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw PrevalenceException.invalidArgument("tolerance", "tolerance must be finite and >= 0, got %s", v);
        }
        return new Pps(method, form, hartleyRaoSum, joint, v);
    }

    /** @return the method */
    public PpsMethod method() {
        return method;
    }

    /** @return the variance form */
    public PpsVarianceForm form() {
        return form;
    }

    double hartleyRaoSum() {
        return hartleyRaoSum;
    }

    double[][] jointRef() {
        return joint;
    }

    double tolerance() {
        return tolerance;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Pps[%s, %s%s]", method, form,
                method == PpsMethod.HARTLEY_RAO ? Double.isNaN(hartleyRaoSum) ? ", psum estimated" : ", psum " + hartleyRaoSum
                        : method == PpsMethod.JOINT_PROBABILITIES ? ", " + joint.length + " x " + joint.length + " matrix" : "");
    }
}
