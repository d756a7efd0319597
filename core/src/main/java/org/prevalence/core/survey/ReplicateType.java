package org.prevalence.core.survey;

/**
 * The kind of replicate weights supplied with a survey sample, as R {@code survey::svrepdesign(type=)}.
 * The variance is {@code scale * sum_r rscale_r (theta_r - c)^2}; the constants say how
 * {@code scale} and {@code rscale_r} are usually set.
 */
public enum ReplicateType {
    /** Balanced repeated replication: scale 1/R. */
    BRR,
    /** Fay's modified BRR with factor rho: scale 1/(R (1 - rho)^2). */
    FAY,
    /** Delete-one-PSU jackknife, unstratified: scale (R - 1)/R. */
    JK1,
    /** Stratified delete-one jackknife: rscale (n_h - 1)/n_h per replicate. */
    JKN,
    /** Canty-Davison / Rao-Wu bootstrap: scale nbar/((nbar - 1)(R - 1)). */
    BOOTSTRAP,
    /** Rao-Wu (n - 1) sub-bootstrap: scale 1/(R - 1). */
    SUBBOOTSTRAP,
    /** Scale and rscales supplied by the user. */
    OTHER
}
