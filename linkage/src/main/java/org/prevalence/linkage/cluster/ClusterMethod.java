package org.prevalence.linkage.cluster;

/** How linked pairs become clusters. */
public enum ClusterMethod {
    /** Connected components of the pairs with probability at least the threshold (chains). */
    CONNECTED_COMPONENTS,
    /**
     * Average-linkage agglomeration: repeatedly merge the two clusters with the highest mean
     * match probability over all their record pairs (a pair never compared counts as scored on
     * demand), while that mean is at least the threshold. Does not chain.
     */
    AVERAGE_LINKAGE
}
