package org.prevalence.linkage.cluster;

import java.util.Arrays;
import java.util.Locale;

/**
 * A partition of records into clusters, numbered 0.. in order of each cluster's first record.
 *
 * <p>This class is immutable.
 */
public final class Clusters {
    private final ClusterMethod method;
    private final int[] clusterOf;
    private final int count;

    Clusters(ClusterMethod method, int[] roots) {
        this.method = method;
        int n = roots.length;
        int[] id = new int[n];
        Arrays.fill(id, -1);
        int[] out = new int[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            int r = roots[i];
            if (id[r] < 0) {
                id[r] = c++;
            }
            out[i] = id[r];
        }
        this.clusterOf = out;
        this.count = c;
    }

    /** @return the method that made these clusters */
    public ClusterMethod method() {
        return method;
    }

    /** @return the number of clusters */
    public int count() {
        return count;
    }

    /** @return the number of records */
    public int size() {
        return clusterOf.length;
    }

    /**
     * @param i a record
     * @return its cluster
     */
    public int cluster(int i) {
        return clusterOf[i];
    }

    /**
     * @param i a record
     * @return its pseudonymous cluster id, {@code c000001} for cluster 0
     */
    public String clusterId(int i) {
        return String.format(Locale.ROOT, "c%06d", clusterOf[i] + 1);
    }

    /** @return the size of each cluster */
    public int[] sizes() {
        int[] s = new int[count];
        for (int c : clusterOf) {
            s[c]++;
        }
        return s;
    }

    @Override
    public String toString() {
        int max = Arrays.stream(sizes()).max().orElse(0);
        return String.format(Locale.ROOT, "Clusters[%s: %d clusters of %d records, largest %d]",
                method.name().toLowerCase(Locale.ROOT), count, clusterOf.length, max);
    }
}
