package org.prevalence.mse.closed;

import java.util.Locale;
import org.prevalence.core.PrevalenceException;

/**
 * The closed-population capture-recapture models of Otis et al. (1978) as Rcapture fits them: Poisson
 * log-linear models on the \( 2^t - 1 \) observed capture histories (Rivest &amp; Baillargeon 2007).
 * The constants are in the order of the rows of {@code Rcapture::closedp.t}.
 *
 * <p>For a history \( \omega = (\omega_1, \dots, \omega_t) \) captured \( k = \sum_j \omega_j \) times,
 * first at occasion \( f \), the linear predictor is \( \log \mu_\omega = \beta_0 + \dots \) plus:
 * <ul>
 * <li>M0: \( \beta k \); Mt: \( \sum_j \beta_j \omega_j \) (the independence model);</li>
 * <li>Mh, Mth: the M0 or Mt terms plus a heterogeneity term in \( k \): Chao's lower bound
 * \( \sum_{j=3}^{t} \eta_j \max(k - j + 1, 0) \), Poisson \( \tau(\theta^k - 1) \) with \( \theta = 2 \),
 * Darroch \( \tau k^2/2 \), Gamma \( \tau\{\log\theta - \log(\theta + k)\} \) with \( \theta = 3.5 \);</li>
 * <li>Mb: \( \beta_1 (f - 1) + \beta_2 (k - 1) \) (behavioural response: capture order matters);
 * Mbh: Mb plus \( \eta (1 - \omega_1) \).</li>
 * </ul>
 * <p>The unobserved history has linear predictor \( \beta_0 \), so \( \hat N = n + e^{\hat\beta_0} \), except for
 * Mb and Mbh, whose abundance is a geometric sum (see {@link ClosedPopulationModels}).
 *
 * <p>References: <ol>
 * <li>Otis, D.L., Burnham, K.P., White, G.C. and Anderson, D.R. (1978). Statistical inference from capture data on
 * closed animal populations. Wildlife Monographs 62, 3-135.</li>
 * <li>Rivest, L.-P. and Baillargeon, S. (2007). Applications and extensions of Chao's moment estimator for the size
 * of a closed population. Biometrics 63(4), 999-1006. doi:10.1111/j.1541-0420.2007.00779.x</li>
 * <li>Baillargeon, S. and Rivest, L.-P. (2007). Rcapture: loglinear models for capture-recapture in R. Journal of
 * Statistical Software 19(5). doi:10.18637/jss.v019.i05</li></ol>
 */
public enum ClosedModel {
    /** M0: one capture probability for every unit and occasion. */
    M0("M0", "m0", false, Heterogeneity.NONE, false),
    /** Mt: capture probabilities vary by occasion (list): the independence log-linear model. */
    MT("Mt", "mt", true, Heterogeneity.NONE, false),
    /** Mh with Chao's lower-bound ("LB") heterogeneity columns. */
    MH_CHAO("Mh Chao (LB)", "mh-chao", false, Heterogeneity.CHAO, false),
    /** Mh with the Poisson heterogeneity column \( \theta^k - 1 \), \( \theta = 2 \). */
    MH_POISSON("Mh Poisson", "mh-poisson", false, Heterogeneity.POISSON, false),
    /** Mh with Darroch's heterogeneity column \( k^2/2 \). */
    MH_DARROCH("Mh Darroch", "mh-darroch", false, Heterogeneity.DARROCH, false),
    /** Mh with the Gamma heterogeneity column \( \log\theta - \log(\theta+k) \), \( \theta = 3.5 \). */
    MH_GAMMA("Mh Gamma", "mh-gamma", false, Heterogeneity.GAMMA, false),
    /** Mth with Chao's lower-bound columns. */
    MTH_CHAO("Mth Chao (LB)", "mth-chao", true, Heterogeneity.CHAO, false),
    /** Mth with the Poisson column. */
    MTH_POISSON("Mth Poisson", "mth-poisson", true, Heterogeneity.POISSON, false),
    /** Mth with Darroch's column. */
    MTH_DARROCH("Mth Darroch", "mth-darroch", true, Heterogeneity.DARROCH, false),
    /** Mth with the Gamma column. */
    MTH_GAMMA("Mth Gamma", "mth-gamma", true, Heterogeneity.GAMMA, false),
    /** Mb: behavioural response after the first capture (needs a capture order). */
    MB("Mb", "mb", false, Heterogeneity.NONE, true),
    /** Mbh: behavioural response and heterogeneity between first-occasion catchability (needs a capture order). */
    MBH("Mbh", "mbh", false, Heterogeneity.NONE, true);

    /** The form of the heterogeneity term of an Mh or Mth model. */
    public enum Heterogeneity {
        /** No heterogeneity term. */
        NONE,
        /** Chao's lower bound: columns \( \max(k-j+1, 0) \), \( j = 3..t \). */
        CHAO,
        /** Poisson: \( \theta^k - 1 \). */
        POISSON,
        /** Darroch: \( k^2/2 \). */
        DARROCH,
        /** Gamma: \( \log\theta - \log(\theta + k) \). */
        GAMMA
    }

    private final String rcaptureName;
    private final String shortName;
    private final boolean timeEffects;
    private final Heterogeneity heterogeneity;
    private final boolean behavioural;

    ClosedModel(String rcaptureName, String shortName, boolean timeEffects, Heterogeneity heterogeneity,
            boolean behavioural) {
        this.rcaptureName = rcaptureName;
        this.shortName = shortName;
        this.timeEffects = timeEffects;
        this.heterogeneity = heterogeneity;
        this.behavioural = behavioural;
    }

    /**
     * @param poissonTheta the Poisson model's \( \theta \)
     * @param gammaTheta the Gamma model's \( \theta \)
     * @return the row name Rcapture prints, e.g. {@code "Mh Poisson2"}, {@code "Mth Gamma3.5"}
     */
    public String label(double poissonTheta, double gammaTheta) {
        switch (heterogeneity) {
            case POISSON:
                return rcaptureName + number(poissonTheta);
            case GAMMA:
                return rcaptureName + number(gammaTheta);
            default:
                return rcaptureName;
        }
    }

    /** @return the short lower-case name that messages use and {@link #fromShortName} reads, e.g. {@code "mh-chao"} */
    public String shortName() {
        return shortName;
    }

    /** @return whether the model has one capture parameter per occasion (Mt, Mth) */
    public boolean hasTimeEffects() {
        return timeEffects;
    }

    /** @return the heterogeneity form, {@link Heterogeneity#NONE} for M0, Mt, Mb, Mbh */
    public Heterogeneity heterogeneity() {
        return heterogeneity;
    }

    /** @return whether the model depends on the order of the capture occasions (Mb, Mbh) */
    public boolean isBehavioural() {
        return behavioural;
    }

    /** @return the smallest number of occasions (lists) the model needs: 2 for M0, Mt, Mb; 3 otherwise */
    public int minimumOccasions() {
        return this == M0 || this == MT || this == MB ? 2 : 3;
    }

    /**
     * Finds a model by its short name ({@code m0, mt, mh-chao, mh-poisson, mh-darroch, mh-gamma, mth-chao,
     * mth-poisson, mth-darroch, mth-gamma, mb, mbh}), ignoring case.
     * @param name the name
     * @return the model
     * @throws PrevalenceException if no model has that name
     */
    public static ClosedModel fromShortName(String name) {
        for (ClosedModel m : values()) {
            if (m.shortName.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return m;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (ClosedModel m : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.shortName);
        }
        throw PrevalenceException.invalidArgument("method '" + name + "'",
                "Unknown closed-population model '%s'; choose one of %s", name, sb);
    }

    /** Formats a theta as R's paste() does for simple values: 2 -> "2", 3.5 -> "3.5". */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
