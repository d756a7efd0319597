package org.prevalence.core.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.prevalence.core.PrevalenceException;

/**
 * One iteratively reweighted least-squares pass of a GLM (McCullagh and Nelder 1989, section 2.5;
 * R {@code glm.fit}) at given coefficients: with linear predictor
 * \( \eta_i = o_i + \beta_0 + x_i^\top \beta \), mean \( \mu_i = g^{-1}(\eta_i) \), prior weight
 * \( w_i \), working weight \( W_i = w_i \mu'(\eta_i)^2 / V(\mu_i) \) and working response
 * \( z_i = \eta_i - o_i + (y_i - \mu_i)/\mu'(\eta_i) \), the engine sums
 * <p>\[ A = X^\top W X, \qquad U = \sum_i x_i\, w_i \mu'(\eta_i) (y_i - \mu_i) / V(\mu_i), \qquad
 *   D = \sum_i w_i\, d(y_i, \mu_i) \]
 * <p>(\( X \) with a leading column of ones when there is an intercept, \( d \) the unit
 * deviance), and \( U \) per group of {@link #scoreGroups()} (PSU score totals for the sandwich
 * variance). Without coefficients the pass starts from R's starting means and gives \( X^\top W z \)
 * in place of \( U \) (the first weighted least-squares solve). Rows with a missing covariate,
 * response, offset or weight are left out and counted.
 *
 * @param covariates the numeric covariate columns (not counting the intercept)
 * @param intercept whether \( X \) has a leading column of ones
 * @param response the response column (0/1 or a proportion for the binomial, counts for Poisson)
 * @param offset the offset column, or null
 * @param weight the prior-weight column (a design or replicate weight), or null for 1
 * @param kind the family and link
 * @param beta the coefficients (intercept first), or null for R's starting means
 * @param scoreGroups group columns for per-group score sums (may be empty)
 */
public record IrlsRequest(List<String> covariates, boolean intercept, String response, String offset, String weight,
                          GlmKind kind, double[] beta, List<String> scoreGroups) {
    /** Validates and copies. */
    public IrlsRequest {
        covariates = List.copyOf(Objects.requireNonNull(covariates, "covariates"));
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(kind, "kind");
        scoreGroups = List.copyOf(Objects.requireNonNull(scoreGroups, "scoreGroups"));
        int p = covariates.size() + (intercept ? 1 : 0);
        if (p == 0) {
            throw PrevalenceException.invalidArgument("covariates", "a model needs an intercept or a covariate");
        }
        if (beta != null && beta.length != p) {
            throw PrevalenceException.invalidArgument("beta", "%d coefficients for %d model columns", beta.length, p);
        }
        beta = beta == null ? null : beta.clone();
    }

    /** @return the number of model columns \( p \) */
    public int parameters() {
        return covariates.size() + (intercept ? 1 : 0);
    }

    /** @return a copy of the coefficients, or null */
    @Override
    public double[] beta() {
        return beta == null ? null : beta.clone();
    }

    /**
     * @param b new coefficients (or null)
     * @return this request at those coefficients
     */
    public IrlsRequest at(double[] b) {
        return new IrlsRequest(covariates, intercept, response, offset, weight, kind, b, scoreGroups);
    }

    /** @return the columns whose missing value leaves a row out */
    public Set<String> modelColumns() {
        Set<String> s = new LinkedHashSet<>(covariates);
        s.add(response);
        if (offset != null) {
            s.add(offset);
        }
        if (weight != null) {
            s.add(weight);
        }
        return s;
    }
}
