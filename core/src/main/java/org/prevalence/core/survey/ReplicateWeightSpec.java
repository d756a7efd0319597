package org.prevalence.core.survey;

import java.util.List;
import java.util.Objects;
import org.prevalence.core.Checks;
import org.prevalence.core.PrevalenceException;

/**
 * Which columns of a survey sample hold replicate weights and how to turn replicate estimates into
 * a variance, as R {@code survey::svrepdesign(repweights, type, scale, rscales, mse,
 * combined.weights)}:
 * <p>\[ \hat V = s \sum_{r=1}^{R} c_r (\hat\theta_r - \bar\theta)^2 \]
 * <p>where \( s \) is {@code scale}, \( c_r \) the {@code rscales}, \( \hat\theta_r \) the estimate
 * with replicate weights \( r \) and \( \bar\theta \) the replicate mean or the full-sample estimate
 * ({@link ReplicateCentre}). The columns hold analysis weights (sampling weight times replicate
 * factor, R's {@code combined.weights=TRUE}).
 *
 * @param columns the replicate-weight columns, in replicate order (at least 2)
 * @param type    the kind of replicates
 * @param scale   the overall scale \( s \), finite and &gt; 0
 * @param rscales one factor per replicate (length = number of columns), each finite and &gt;= 0
 * @param centre  what the replicates are centred on
 */
public record ReplicateWeightSpec(List<String> columns, ReplicateMethod type, double scale, double[] rscales,
                                  ReplicateCentre centre) {
    /** Validates the specification. */
    public ReplicateWeightSpec {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(centre, "centre");
        Checks.positive("scale", scale);
        if (columns.size() < 2) {
            throw PrevalenceException.invalidArgument("replicate weights",
                    "at least 2 replicate-weight columns are needed, got %d", columns.size());
        }
        rscales = rscales == null ? filled(columns.size()) : rscales.clone();
        if (rscales.length != columns.size()) {
            throw PrevalenceException.invalidArgument("rscales",
                    "rscales has %d values for %d replicate columns", rscales.length, columns.size());
        }
        for (double r : rscales) {
            Checks.nonNegative("rscales", r);
        }
    }

    private static double[] filled(int n) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, 1.0);
        return r;
    }

    /** @return a copy of the per-replicate factors */
    @Override
    public double[] rscales() {
        return rscales.clone();
    }
}
