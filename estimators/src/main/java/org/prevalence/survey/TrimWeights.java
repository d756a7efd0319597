package org.prevalence.survey;

import java.util.Locale;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * Weight trimming, as R {@code survey::trimWeights(design, upper, lower, strict)}: weights outside
 * [lower, upper] are set to the nearest bound and the amount trimmed,
 * \( \sum_i (w_i - w_i^*) \), is shared equally (the same amount added to each) among the weights that
 * were inside, so the weight total is unchanged:
 * <p>\[ w_i^* = \min(\max(w_i, L), U) \text{ outside}, \qquad
 *   w_i^* = w_i + \frac{\sum_{j\,\mathrm{out}} (w_j - w_j^*)}{\#\{\mathrm{in}\}} \text{ inside} \]
 * <p>With {@link Mode#STRICT} this is repeated until no weight is outside (R's {@code strict=TRUE}).
 * The variance keeps any earlier calibration (R keeps the design's {@code postStrata}). On a replicate
 * design every replicate's weights are trimmed in the same way (one pass). Deviation from R: R's
 * {@code trimWeights.svyrep.design} leaves the full-sample weights untrimmed (it sets an unused field);
 * here they are trimmed as on a linearization design.
 *
 * <p>References: <ol><li>Potter, F.J. (1990). A study of procedures to identify and trim extreme
 * sampling weights. Proceedings of the Survey Research Methods Section, ASA, 225-230.</li></ol>
 *
 * <p>This class is immutable.
 */
public final class TrimWeights {
    /** How often to trim. */
    public enum Mode {
        /** One pass: the shared trimmings may push weights outside again (R's default {@code strict=FALSE}). */
        ONCE,
        /** Repeat until every weight is inside the bounds (R's {@code strict=TRUE}); at most 1,000 passes. */
        STRICT
    }

    private static final TrimWeights DEFAULT = new TrimWeights(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Mode.ONCE);
    private final double lower;
    private final double upper;
    private final Mode mode;

    private TrimWeights(double lower, double upper, Mode mode) {
        this.lower = lower;
        this.upper = upper;
        this.mode = mode;
    }

    /**
     * Defaults as R: no bounds (-Inf, Inf), {@link Mode#ONCE}.
     * @return the default trimmer (does nothing until bounds are set)
     */
    public static TrimWeights withDefaults() {
        return DEFAULT;
    }

    /**
     * @param lo the lower bound (may be {@code -Infinity})
     * @param hi the upper bound, &gt; lo (may be {@code +Infinity})
     * @return a new trimmer
     */
    public TrimWeights withBounds(double lo, double hi) {
        if (!(lo < hi) || Double.isNaN(lo) || Double.isNaN(hi)) {
            throw PrevalenceException.invalidArgument("bounds", "trimming bounds need lower < upper, got %s, %s", lo, hi);
        }
        return new TrimWeights(lo, hi, mode);
    }

    /** @param v the mode @return a new trimmer */
    public TrimWeights with(Mode v) {
        return new TrimWeights(lower, upper, Objects.requireNonNull(v, "mode"));
    }

    /**
     * @param design a design or replicate design
     * @return the design with trimmed weights (the same design if no weight is outside the bounds)
     */
    public SurveyDesign apply(SurveyDesign design) {
        Objects.requireNonNull(design, "design");
        double[] w = design.weightsRef().clone();
        int passes = 0;
        boolean changed = false;
        while (trimOnce(w, lower, upper, new double[1]) != 0) {
            changed = true;
            passes++;
            if (mode == Mode.ONCE) {
                break;
            }
            if (passes >= 1000) {
                throw PrevalenceException.notConverged("trim",
                        "strict trimming to [%s, %s] still has weights outside after %d passes; the bounds cannot hold "
                                + "the weight total (widen them)", lower, upper, passes);
            }
        }
        if (!changed) {
            return design;
        }
        ReplicateVariance rv = design.replicateVariance();
        if (rv != null) {
            int R = rv.replicates();
            double[] add = new double[R];
            double[] wr = new double[design.rows()];
            for (int r = 0; r < R; r++) {
                rv.fill(r, wr);
                double[] share = new double[1];
                add[r] = trimOnce(wr, lower, upper, share) == 0 ? 0 : share[0];
            }
            double lo = lower;
            double hi = upper;
            rv = rv.then((r, ww) -> {
                for (int i = 0; i < ww.length; i++) {
                    ww[i] = ww[i] < lo ? lo : ww[i] > hi ? hi : ww[i] + add[r];
                }
            });
        }
        CalibrationProjection proj = design.calibration() != null ? design.calibration() : CalibrationProjection.none(design);
        return new SurveyDesign(design, w, rv, proj);
    }

    /** One pass in place; {@code share[0]} receives the amount added inside. @return the number of weights outside */
    private static int trimOnce(double[] w, double lo, double hi, double[] shareOut) {
        int out = 0;
        double trimmed = 0;
        for (double x : w) {
            if (x < lo || x > hi) {
                out++;
                trimmed += x - Math.min(Math.max(x, lo), hi);
            }
        }
        if (out == 0) {
            return 0;
        }
        if (out == w.length) {
            throw PrevalenceException.invalidArgument("bounds",
                    "every weight is outside [%s, %s]; nothing is left to take the trimmed weight", lo, hi);
        }
        double share = trimmed / (w.length - out);
        for (int i = 0; i < w.length; i++) {
            double x = w[i];
            w[i] = x < lo ? lo : x > hi ? hi : x + share;
        }
        shareOut[0] = share;
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrimWeights[%s, %s, %s]", lower, upper, mode);
    }
}
