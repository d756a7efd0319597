package org.prevalence.mse.closed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.prevalence.core.PrevalenceException;
import org.prevalence.mse.PoissonRegression;

/**
 * Fits one {@link ClosedDesign} by Poisson IRLS ({@link PoissonRegression}), applying Rcapture's {@code neg = TRUE}
 * rule to Chao models and collecting the conditions Rcapture reports as {@code infoFit}. Package-private.
 */
final class ClosedFitter {
    private ClosedFitter() {
    }

    /** The outcome of one fit; {@code fit == null} iff {@code error != null}. */
    static final class Outcome {
        final ClosedDesign design; // the design finally fitted (negative etas removed)
        final PoissonRegression.Fit fit;
        final List<String> removedEtas;
        final List<String> warnings; // Rcapture-style conditions, with their infoFit digit
        final List<Integer> codes;
        final String error;

        Outcome(ClosedDesign design, PoissonRegression.Fit fit, List<String> removedEtas, List<String> warnings,
                List<Integer> codes, String error) {
            this.design = design;
            this.fit = fit;
            this.removedEtas = Collections.unmodifiableList(removedEtas);
            this.warnings = warnings;
            this.codes = codes;
            this.error = error;
        }
    }

    /**
     * Fits the design; for a Chao model with {@code removeNegativeEta}, refits without the first negative eta
     * until none is negative (Rcapture's {@code Chao.neg}).
     */
    static Outcome fit(ClosedDesign design, boolean removeNegativeEta, PoissonRegression glm,
            PoissonRegression.Workspace ws) {
        List<String> warnings = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        PoissonRegression.Fit fit;
        try {
            fit = glm(design, glm, ws);
        } catch (PrevalenceException e) {
            return new Outcome(design, null, removed, warnings, codes, e.getMessage());
        }
        conditions(fit, warnings, codes, "");
        if (removeNegativeEta && design.model.heterogeneity() == ClosedModel.Heterogeneity.CHAO) {
            ClosedDesign current = design;
            while (true) {
                int neg = firstNegativeEta(fit, current.nca);
                if (neg < 0) {
                    break;
                }
                String name = current.names[neg];
                ClosedDesign next = current.withoutColumn(neg);
                PoissonRegression.Fit refit;
                try {
                    refit = glm(next, glm, ws);
                } catch (PrevalenceException e) {
                    warnings.add("the negative eta parameter " + name + " was kept because the fit without it failed: "
                            + e.getMessage());
                    codes.add(3);
                    break;
                }
                removed.add(name);
                current = next;
                fit = refit;
                conditions(fit, warnings, codes, " (after setting " + name + " to 0)");
            }
            return new Outcome(current, fit, removed, warnings, codes, null);
        }
        return new Outcome(design, fit, removed, warnings, codes, null);
    }

    static PoissonRegression.Fit glm(ClosedDesign d, PoissonRegression glm, PoissonRegression.Workspace ws) {
        return glm.fit(d.x, d.rows, d.columns, d.names, d.y, d.offset, null, ws);
    }

    /** Index of the first eta column (at or after nca) with a negative, non-aliased coefficient, or -1. */
    static int firstNegativeEta(PoissonRegression.Fit fit, int nca) {
        double[] b = fit.getCoefficients();
        for (int j = nca; j < b.length; j++) {
            if (b[j] < 0) { // NaN (aliased) compares false, as R's !is.na(eta) & eta < 0
                return j;
            }
        }
        return -1;
    }

    private static void conditions(PoissonRegression.Fit fit, List<String> warnings, List<Integer> codes,
            String suffix) {
        if (!fit.getAliased().isEmpty()) {
            warnings.add("design matrix not of full rank: no coefficient for " + String.join(", ", fit.getAliased())
                    + suffix);
            codes.add(2);
        }
        if (fit.getZeroFittedRows().length > 0) {
            warnings.add("fitted rates numerically 0 occurred in " + fit.getZeroFittedRows().length + " cell(s)"
                    + suffix);
            codes.add(3);
        }
    }

    /**
     * Rcapture's asymptotic bias of \( \hat N \) (Louis-Paul Rivest's formula in {@code closedp.fitone}):
     * with \( X \) the design, \( V \) the inverse Fisher information and \( \hat\mu \) the fitted values,
     * \( \xi_i = -\tfrac12 x_i^\top V x_i \), \( \psi = -2 X^\top \mathrm{diag}(\hat\mu)\xi - e_1 \) and
     * bias \( = \tfrac12 e^{\hat\beta_0} (-V\psi)_1 \). NaN if a column is aliased.
     */
    static double asymptoticBias(ClosedDesign d, PoissonRegression.Fit fit) {
        if (!fit.getAliased().isEmpty()) {
            return Double.NaN;
        }
        double[][] v = fit.getCovariance();
        double[] mu = fit.getFitted();
        int n = d.rows;
        int p = d.columns;
        double[] psi = new double[p];
        double[] xi = new double[p];
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < p; a++) {
                double s = 0;
                for (int b = 0; b < p; b++) {
                    s += v[a][b] * d.x[b * n + i];
                }
                xi[a] = s;
                q += d.x[a * n + i] * s;
            }
            double w = -2 * mu[i] * (-0.5 * q);
            for (int a = 0; a < p; a++) {
                psi[a] += d.x[a * n + i] * w;
            }
        }
        psi[0] -= 1;
        double vec1 = 0;
        for (int b = 0; b < p; b++) {
            vec1 -= v[0][b] * psi[b];
        }
        return 0.5 * Math.exp(fit.getCoefficients()[0]) * vec1;
    }

    /** Rcapture's infoFit code: the distinct digits, sorted, concatenated (0 if none). */
    static int infoCode(List<Integer> codes) {
        if (codes.isEmpty()) {
            return 0;
        }
        int[] digits = codes.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        int c = 0;
        for (int dgt : digits) {
            c = c * 10 + dgt;
        }
        return c;
    }
}
