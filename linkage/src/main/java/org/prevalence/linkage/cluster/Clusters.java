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

    /**
     * @param a the first record of each pair of clusters to merge
     * @param b the second
     * @return a copy with the clusters of {@code a[k]} and {@code b[k]} merged, for every k
     */
    public Clusters merged(int[] a, int[] b) {
        int[] parent = new int[count];
        for (int c = 0; c < count; c++) {
            parent[c] = c;
        }
        for (int k = 0; k < a.length; k++) {
            int x = root(parent, clusterOf[a[k]]);
            int y = root(parent, clusterOf[b[k]]);
            parent[Math.max(x, y)] = Math.min(x, y);
        }
        int[] roots = new int[clusterOf.length];
        int[] first = new int[count];
        Arrays.fill(first, -1);
        for (int i = 0; i < clusterOf.length; i++) {
            int r = root(parent, clusterOf[i]);
            if (first[r] < 0) {
                first[r] = i;
            }
            roots[i] = first[r];
        }
        return new Clusters(method, roots);
    }

    private static int root(int[] parent, int c) {
        while (parent[c] != c) {
            c = parent[c];
        }
        return c;
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
