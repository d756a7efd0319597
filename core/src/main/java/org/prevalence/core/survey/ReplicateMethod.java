package org.prevalence.core.survey;

/**
 * The one vocabulary of replicate weights: how replicate weights are made from a design (R
 * {@code survey::as.svrepdesign(type=)}, {@code org.prevalence.survey.ReplicateDesign}) and what kind
 * of replicate weights come with a sample (R {@code survey::svrepdesign(type=)},
 * {@link ReplicateWeightSpec}). The variance is
 * \( s \sum_r c_r (\hat\theta_r - \bar\theta)^2 \), \( s \) the scale and \( c_r \) the rscales.
 * When replicates are made, the factor multiplies the sampling weights of every row of a PSU;
 * \( n_h \) is the number of PSUs of stratum \( h \), \( N_h \) its population size from the fpc.
 */
public enum ReplicateMethod {
    /**
     * Delete-one-PSU jackknife of an unstratified design (R {@code "JK1"}): replicate \( j \) has factor
     * 0 for PSU \( j \) and \( n/(n-1) \) for the others; scale \( (1 - n/N)(n-1)/n \) (supplied
     * weights: \( (R-1)/R \)).
     */
    JK1,
    /**
     * Stratified delete-one jackknife (R {@code "JKn"}): one replicate per PSU, deleting it and
     * multiplying the other PSUs of its stratum by \( n_h/(n_h-1) \); rscale
     * \( (1 - n_h/N_h)(n_h-1)/n_h \); strata sampled completely make no replicate; lonely PSUs follow
     * the design's lonely-PSU rule as R's {@code jknweights}.
     */
    JKN,
    /**
     * Balanced repeated replication (R {@code "BRR"}): strata of 2 PSUs (even larger strata are split
     * into pairs), half-samples from the columns of a Hadamard matrix; factor 2 or 0; scale 1/R.
     */
    BRR,
    /**
     * Fay's modified BRR (R {@code "Fay"}) with \( \rho \): factors \( 2 - \rho \) and \( \rho \);
     * scale \( 1/(R(1-\rho)^2) \).
     */
    FAY,
    /**
     * Rao-Wu / Canty-Davison bootstrap (R {@code "bootstrap"}): in each stratum \( n_h \) PSUs drawn with
     * replacement (without fpc), or without replacement from \( N_h \) copies of the PSUs cycled (with
     * fpc); factor = times drawn; scale \( \bar n/((\bar n - 1)(R-1)) \), \( \bar n \) the harmonic mean of
     * the \( n_h \) (supplied weights: \( 1/(R-1) \)).
     */
    BOOTSTRAP,
    /**
     * Rao-Wu (n-1) bootstrap (R {@code "subbootstrap"}): \( n_h - 1 \) PSUs drawn with replacement, factor
     * = times drawn \( \times n_h/(n_h-1) \); scale 1/(R-1); fpc not used.
     */
    SUBBOOTSTRAP,
    /**
     * Successive-difference replication (R {@code svrepdesign(type="successive-difference")}, the ACS
     * design; Fay and Train 1995): supplied weights only, typically 80 replicates whose factors are
     * \( 1 + 2^{-3/2}(H_{a(i) r} - H_{b(i) r}) \) from two rows of a Hadamard matrix; scale \( 4/R \),
     * rscales 1 (the ACS uses it with {@code mse=TRUE}, {@code ReplicateCentre.FULL_SAMPLE}).
     */
    SDR,
    /**
     * Supplied replicate weights whose scale and rscales the user gives (R {@code "other"}); replicates
     * cannot be made by this method.
     */
    OTHER
}
