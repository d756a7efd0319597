package org.prevalence.survey;

/** The form of the PPS-without-replacement variance estimator; R's {@code svydesign(variance = "HT" | "YG")}. */
public enum PpsVarianceForm {
    /** Horvitz-Thompson: \( \hat V = \sum_{i,j} \check\Delta_{ij} \check t_i \check t_j \) (R {@code "HT"}). */
    HORVITZ_THOMPSON,
    /**
     * Sen-Yates-Grundy: \( \hat V = -\frac12 \sum_{i,j} \check\Delta_{ij} (\check t_i - \check t_j)^2 \)
     * (R {@code "YG"}); not defined for {@link PpsMethod#BREWER}.
     */
    YATES_GRUNDY
}
