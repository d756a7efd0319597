package org.prevalence.survey;

import java.util.Objects;
import org.prevalence.core.PrevalenceException;

/**
 * The linearization covariance matrix of \( \sum_i z_i \) when each row's influence vector is its weight times
 * a column of a small matrix chosen by the row's code: \( z_i = w_i A_{\cdot, c_i} \) (0 for a row with
 * \( c_i &lt; 0 \)). Cell proportions (\( A = (I - \hat p 1^T)/\hat N \)) and cell, margin and grand totals (0/1
 * columns) of a table are of this form, so the PSU totals are \( t_{a,j} = \sum_c A_{ac} W_{jc} \) from the
 * weight sums \( W_{jc} \) of code \( c \) in PSU \( j \): one pass over the rows instead of one per column. The
 * variance is the design's own linearization engine ({@link InfluenceVariance#linearizationCovariance}: strata,
 * fpc, lonely-PSU rules, PPS), used directly, with the same result; a two-stage or calibrated design takes the
 * row-by-row path. This class is immutable.
 */
public final class CellCovariance {
    private final SurveyDesign design;

    private CellCovariance(SurveyDesign design) {
        this.design = design;
    }

    /**
     * @param design a linearization design
     * @return its cell covariance
     */
    public static CellCovariance of(SurveyDesign design) {
        return new CellCovariance(Objects.requireNonNull(design, "design"));
    }

    /**
     * @param w the weights [row]
     * @param code the code of each row, 0 .. {@code a[0].length}-1, or negative for a row that contributes 0
     * @param a the matrix \( A \) [component][code]
     * @return the covariance of the components of \( \sum_i w_i A_{\cdot, c_i} \)
     */
    public double[][] covariance(double[] w, int[] code, double[][] a) {
        int n = design.rows();
        if (w.length != n || code.length != n) {
            throw PrevalenceException.invalidArgument("rows", "need %d values, got %d", n, Math.min(w.length, code.length));
        }
        if (design.isReplicate()) {
            throw PrevalenceException.invalidArgument("design", "a replicate-weight design has no linearization variance");
        }
        int p = a.length;
        int k = a[0].length;
        if (design.isMultistage() || design.calibration() != null) {
            double[][] z = new double[p][n];
            for (int i = 0; i < n; i++) {
                if (code[i] >= 0) {
                    for (int j = 0; j < p; j++) {
                        z[j][i] = w[i] * a[j][code[i]];
                    }
                }
            }
            return InfluenceVariance.of(design).linearizationCovariance(z);
        }
        int psus = design.psuCount();
        int[] psu = design.psu();
        double[] sums = new double[psus * k];
        int[] rows = new int[psus];
        for (int i = 0; i < n; i++) {
            int q = psu[i];
            rows[q]++; // every row is present, as in the row-by-row path
            if (code[i] >= 0) {
                sums[q * k + code[i]] += w[i];
            }
        }
        int pairs = p * (p - 1) / 2;
        LinearizationVariance engine = LinearizationVariance.of(design);
        LinearizationVariance.Totals t = engine.newTotals(p + pairs);
        for (int q = 0; q < psus; q++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += a[j][c] * sums[q * k + c];
                }
                t.t1[j * psus + q] = s;
                t.c1[j * psus + q] = rows[q];
            }
            int m = p;
            for (int x = 0; x < p; x++) {
                for (int y = x + 1; y < p; y++) {
                    t.t1[m * psus + q] = t.t1[x * psus + q] + t.t1[y * psus + q];
                    t.c1[m * psus + q] = rows[q];
                    m++;
                }
            }
        }
        double[] v = new double[p];
        double[][] cov = new double[p][p];
        for (int x = 0; x < p; x++) {
            v[x] = engine.variance(t, x);
            cov[x][x] = v[x];
        }
        int m = p;
        for (int x = 0; x < p; x++) {
            for (int y = x + 1; y < p; y++) {
                double c = (engine.variance(t, m++) - v[x] - v[y]) / 2; // polarization identity
                cov[x][y] = c;
                cov[y][x] = c;
            }
        }
        return cov;
    }
}
