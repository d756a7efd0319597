package org.prevalence.mse.covariate;

/**
 * Orthogonal polynomials of a numeric vector, as R's {@code poly(x, degree)}: the columns of the
 * centred Vandermonde matrix \( [1, x - \bar x, \dots, (x - \bar x)^d] \) orthogonalised left to right
 * (Gram-Schmidt, so each has a positive leading coefficient), the constant dropped, each scaled to unit
 * Euclidean norm over {@code x}. Computed by the three-term recurrence
 * \( P_{j+1}(x) = (x - \alpha_j) P_j(x) - (n_{j+1}/n_j) P_{j-1}(x) \) with
 * \( \alpha_j = \sum x P_j^2 / \sum P_j^2 \) and \( n_j = \sum P_{j-1}^2 \), R's {@code poly} coefficients.
 *
 * <p>Reference: Kennedy, W.J. and Gentle, J.E. (1980). Statistical Computing, Marcel Dekker, §7.3; R Core
 * Team, {@code stats::poly}.
 */
final class OrthogonalPolynomial {
    private OrthogonalPolynomial() {
    }

    /**
     * @param x the values
     * @param degree the degree, below the number of distinct values
     * @return {@code degree} columns, each of length {@code x.length}
     */
    static double[][] of(double[] x, int degree) {
        int n = x.length;
        double[][] p = new double[degree + 1][n];
        double[] norm2 = new double[degree + 2];
        java.util.Arrays.fill(p[0], 1.0);
        norm2[0] = 1;
        norm2[1] = n;
        double alpha = 0;
        for (double v : x) {
            alpha += v;
        }
        alpha /= n;
        for (int j = 0; j < degree; j++) {
            for (int i = 0; i < n; i++) {
                p[j + 1][i] = (x[i] - alpha) * p[j][i] - (j == 0 ? 0 : norm2[j + 1] / norm2[j] * p[j - 1][i]);
            }
            double s = 0;
            double sx = 0;
            for (int i = 0; i < n; i++) {
                double q = p[j + 1][i] * p[j + 1][i];
                s += q;
                sx += x[i] * q;
            }
            norm2[j + 2] = s;
            alpha = sx / s;
        }
        double[][] out = new double[degree][n];
        for (int j = 1; j <= degree; j++) {
            double scale = Math.sqrt(norm2[j + 1]);
            for (int i = 0; i < n; i++) {
                out[j - 1][i] = p[j][i] / scale;
            }
        }
        return out;
    }
}
