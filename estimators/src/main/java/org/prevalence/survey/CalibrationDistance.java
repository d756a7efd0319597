package org.prevalence.survey;

/**
 * The distance (calibration function) of {@link Calibration}, as R {@code calibrate(calfun=)}. The
 * calibrated weight is \( w_i g_i \) with \( g_i = 1 + F(x_i^\top \eta) \), \( \eta \) solving the
 * calibration equations \( \sum_i w_i g_i x_i = T_x \); bounds \( L \le g \le U \) are optional for
 * {@link #LINEAR} and {@link #RAKING} and required for {@link #LOGIT}.
 */
public enum CalibrationDistance {
    /** Chi-squared distance, GREG: \( g = 1 + u \) (truncated to the bounds if given); R {@code "linear"}. */
    LINEAR,
    /** Multiplicative (raking ratio): \( g = e^{u} \) (truncated to the bounds if given); R {@code "raking"}. */
    RAKING,
    /**
     * Logit, bounded: \( g = \frac{L(U-1) + U(1-L)e^{Au}}{U - 1 + (1-L)e^{Au}} \) with
     * \( A = \frac{U-L}{(U-1)(1-L)} \), so \( L &lt; g &lt; U \); R {@code "logit"}.
     */
    LOGIT;

    /** @return F(u) = g - 1 */
    double fm1(double u, double lo, double hi) {
        switch (this) {
            case LINEAR:
                return Math.min(Math.max(u + 1, lo), hi) - 1;
            case RAKING:
                return Math.min(Math.max(Math.exp(u), lo), hi) - 1;
            default:
                double a = (hi - lo) / ((hi - 1) * (1 - lo));
                double e = Math.exp(a * u);
                return (lo * (hi - 1) + hi * (1 - lo) * e) / (hi - 1 + (1 - lo) * e) - 1;
        }
    }

    /** @return dF/du */
    double derivative(double u, double lo, double hi) {
        switch (this) {
            case LINEAR:
                return u < hi - 1 && u > lo - 1 ? 1 : 0;
            case RAKING:
                return u < hi - 1 && u > lo - 1 ? Math.exp(u) : 0;
            default:
                double a = (hi - lo) / ((hi - 1) * (1 - lo));
                double e = Math.exp(a * u);
                double den = hi - 1 + (1 - lo) * e;
                return hi * (1 - lo) * e * a / den - (lo * (hi - 1) + hi * (1 - lo) * e) * ((1 - lo) * e * a) / (den * den);
        }
    }
}
