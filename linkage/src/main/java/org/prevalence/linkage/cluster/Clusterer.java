package org.prevalence.linkage.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.prevalence.core.PrevalenceException;

/**
 * Clusters records from scored pairs. Deterministic: ties are broken by cluster number.
 *
 * <p>This class is immutable.
 */
public final class Clusterer {
    /** The score of any record pair, for pairs average linkage needs that were not candidates. */
    @FunctionalInterface
    public interface PairScore {
        /**
         * @param i a record
         * @param j another
         * @return the match probability of the pair
         */
        double probability(int i, int j);
    }

    private static final Clusterer DEFAULT = new Clusterer(ClusterMethod.AVERAGE_LINKAGE, 0.5);
    private final ClusterMethod method;
    private final double threshold;

    private Clusterer(ClusterMethod method, double threshold) {
        this.method = method;
        this.threshold = threshold;
    }

    /** @return average linkage at threshold 0.5 */
    public static Clusterer withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the method
     * @return a clusterer using it
     */
    public Clusterer with(ClusterMethod v) {
        return new Clusterer(Objects.requireNonNull(v, "method"), threshold);
    }

    /**
     * @param v the probability threshold, in (0, 1)
     * @return a clusterer using it
     */
    public Clusterer withThreshold(double v) {
        if (!(v > 0 && v < 1)) {
            throw PrevalenceException.invalidArgument("threshold", "the threshold must be in (0, 1), got %s", v);
        }
        return new Clusterer(method, v);
    }

    /** @return the method */
    public ClusterMethod method() {
        return method;
    }

    /** @return the threshold */
    public double threshold() {
        return threshold;
    }

    /**
     * @param n the number of records
     * @param left the first record of each scored pair
     * @param right the second
     * @param probability each pair's match probability
     * @param score the score of any pair (used by average linkage for pairs not listed)
     * @return the clusters
     */
    public Clusters cluster(int n, int[] left, int[] right, double[] probability, PairScore score) {
        return method == ClusterMethod.CONNECTED_COMPONENTS ? components(n, left, right, probability)
                : averageLinkage(n, left, right, probability, score);
    }

    private Clusters components(int n, int[] left, int[] right, double[] p) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int q = 0; q < left.length; q++) {
            if (p[q] >= threshold) {
                int a = find(parent, left[q]);
                int b = find(parent, right[q]);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        int[] roots = new int[n];
        for (int i = 0; i < n; i++) {
            roots[i] = find(parent, i);
        }
        return new Clusters(ClusterMethod.CONNECTED_COMPONENTS, roots);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private record Candidate(double mean, int a, int b, int versionA, int versionB) {
    }

    private Clusters averageLinkage(int n, int[] left, int[] right, double[] p, PairScore score) {
        List<List<Integer>> members = new ArrayList<>(n);
        List<TreeSet<Integer>> neighbours = new ArrayList<>(n);
        int[] version = new int[n];
        for (int i = 0; i < n; i++) {
            List<Integer> m = new ArrayList<>(1);
            m.add(i);
            members.add(m);
            neighbours.add(new TreeSet<>());
        }
        PriorityQueue<Candidate> heap = new PriorityQueue<>((x, y) -> {
            int c = Double.compare(y.mean, x.mean);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(x.a, y.a);
            return c != 0 ? c : Integer.compare(x.b, y.b);
        });
        for (int q = 0; q < left.length; q++) {
            if (p[q] >= threshold) {
                neighbours.get(left[q]).add(right[q]);
                neighbours.get(right[q]).add(left[q]);
                heap.add(new Candidate(p[q], left[q], right[q], 0, 0));
            }
        }
        while (!heap.isEmpty()) {
            Candidate c = heap.poll();
            if (members.get(c.a) == null || members.get(c.b) == null || version[c.a] != c.versionA || version[c.b] != c.versionB) {
                continue;
            }
            int keep = Math.min(c.a, c.b);
            int gone = Math.max(c.a, c.b);
            members.get(keep).addAll(members.get(gone));
            members.set(gone, null);
            version[keep]++;
            TreeSet<Integer> nb = neighbours.get(keep);
            nb.addAll(neighbours.get(gone));
            neighbours.set(gone, null);
            nb.remove(keep);
            nb.remove(gone);
            for (int o : nb) {
                TreeSet<Integer> onb = neighbours.get(o);
                onb.remove(gone);
                onb.add(keep);
                double mean = mean(members.get(keep), members.get(o), score);
                if (mean >= threshold) {
                    int a = Math.min(keep, o);
                    int b = Math.max(keep, o);
                    heap.add(new Candidate(mean, a, b, version[a], version[b]));
                }
            }
        }
        int[] roots = new int[n];
        for (int c = 0; c < n; c++) {
            if (members.get(c) != null) {
                for (int i : members.get(c)) {
                    roots[i] = c;
                }
            }
        }
        return new Clusters(ClusterMethod.AVERAGE_LINKAGE, roots);
    }

    private static double mean(List<Integer> a, List<Integer> b, PairScore score) {
        double s = 0;
        for (int i : a) {
            for (int j : b) {
                s += i < j ? score.probability(i, j) : score.probability(j, i);
            }
        }
        return s / ((double) a.size() * b.size());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Clusterer[%s, threshold %s]", method.name().toLowerCase(Locale.ROOT), threshold);
    }
}
