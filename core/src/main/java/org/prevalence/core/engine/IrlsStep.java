package org.prevalence.core.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sums of one {@link IrlsRequest} pass. This class is immutable; arrays are copied.
 */
public final class IrlsStep {
    private final double[][] xtwx;
    private final double[] u;
    private final double deviance;
    private final long rows;
    private final long missing;
    private final Map<List<String>, double[]> groupScores;

    /**
     * @param xtwx \( X^\top W X \), p x p (symmetric)
     * @param u the score \( U \) (or \( X^\top W z \) on a start pass)
     * @param deviance \( D \)
     * @param rows the rows used
     * @param missing the rows left out for a missing value
     * @param groupScores per group key: that group's \( U \) (empty without score groups)
     */
    public IrlsStep(double[][] xtwx, double[] u, double deviance, long rows, long missing,
                    Map<List<String>, double[]> groupScores) {
        this.xtwx = new double[xtwx.length][];
        for (int j = 0; j < xtwx.length; j++) {
            this.xtwx[j] = xtwx[j].clone();
        }
        this.u = u.clone();
        this.deviance = deviance;
        this.rows = rows;
        this.missing = missing;
        Map<List<String>, double[]> g = new LinkedHashMap<>();
        groupScores.forEach((k, v) -> g.put(List.copyOf(k), v.clone()));
        this.groupScores = Collections.unmodifiableMap(g);
    }

    /** @return a copy of \( X^\top W X \) */
    public double[][] xtwx() {
        double[][] c = new double[xtwx.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = xtwx[j].clone();
        }
        return c;
    }

    /** @return a copy of the score \( U \) (of \( X^\top W z \) on a start pass) */
    public double[] score() {
        return u.clone();
    }

    /**
     * \( X^\top W z = A \beta + U \) at the request's coefficients (on a start pass, the sums
     * themselves).
     * @param beta the coefficients of the request, or null for a start pass
     * @return \( X^\top W z \)
     */
    public double[] xtwz(double[] beta) {
        double[] z = u.clone();
        if (beta != null) {
            for (int j = 0; j < z.length; j++) {
                for (int k = 0; k < z.length; k++) {
                    z[j] += xtwx[j][k] * beta[k];
                }
            }
        }
        return z;
    }

    /** @return the weighted deviance \( D \) */
    public double deviance() {
        return deviance;
    }

    /** @return the rows used */
    public long rows() {
        return rows;
    }

    /** @return the rows left out for a missing value */
    public long missing() {
        return missing;
    }

    /** @return per score-group key, a copy-on-read view of that group's score (arrays are not to be changed) */
    public Map<List<String>, double[]> groupScores() {
        return groupScores;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IrlsStep[p %d, rows %d, deviance %s, %d score groups]", u.length, rows,
                deviance, groupScores.size());
    }
}
