package org.prevalence.survey.model;

/** The statistics of {@link SurveyChisq} (R's {@code svychisq(statistic=)}). */
public enum ChisqStatistic {
    /** Rao-Scott second-order correction: \( X^2/\mathrm{tr}\,\Delta \) on F(d, d\nu), \( d = (\mathrm{tr}\,\Delta)^2/\mathrm{tr}\,\Delta^2 \) (R's default {@code "F"}). */
    F("F"),
    /** Rao-Scott first-order correction: \( X^2/\bar\delta \) on \( \chi^2_{(r-1)(c-1)} \), the statistic printed unadjusted ({@code "Chisq"}). */
    CHISQ("Chisq"),
    /** Design-based Wald test of association on F((r-1)(c-1), \nu) ({@code "Wald"}). */
    WALD("Wald"),
    /** The adjusted Wald test, F((r-1)(c-1), \nu - (r-1)(c-1) + 1) ({@code "adjWald"}). */
    ADJ_WALD("adjWald");

    private final String label;

    ChisqStatistic(String label) {
        this.label = label;
    }

    /** @return R's name */
    public String label() {
        return label;
    }
}
