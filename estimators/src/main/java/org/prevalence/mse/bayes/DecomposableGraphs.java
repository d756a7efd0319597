package org.prevalence.mse.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prevalence.core.PrevalenceException;

/**
 * Every decomposable (chordal) graph on K = 2 to 6 labelled vertices: 2, 8, 61, 822 and 18,154
 * graphs (OEIS A058862). R package dga ships the lists for 3 to 5 vertices as data
 * ({@code graphs3}, {@code graphs4}, {@code graphs5}); here they are enumerated, which also gives
 * K = 6.
 *
 * <p>Method: each of the {@code 2^(K(K-1)/2)} graphs is tested for chordality by repeatedly
 * removing a simplicial vertex (one whose neighbours form a clique: a graph is chordal exactly
 * when this empties it, Fulkerson and Gross 1965); the maximal cliques of a chordal graph are
 * joined by a maximum-weight spanning tree of its clique-intersection graph, which is a junction
 * tree (Jensen 1988), and the tree's edges give the separators. Graphs come in increasing order
 * of {@link DecomposableGraph#edgeBits()}; the first is the independence graph, the last the
 * saturated one.
 *
 * <p>References: <ol>
 * <li>Fulkerson, D.R. and Gross, O.A. (1965). Incidence matrices and interval graphs. Pacific J.
 * Math. 15, 835-855. doi:10.2140/pjm.1965.15.835</li>
 * <li>Madigan, D. and York, J.C. (1997). Bayesian methods for estimation of the size of a closed
 * population. Biometrika 84(1), 19-31. doi:10.1093/biomet/84.1.19</li></ol>
 */
public final class DecomposableGraphs {
    /** The largest number of lists enumerated. */
    public static final int MAX_LISTS = 6;
    private static final List<?>[] CACHE = new List<?>[MAX_LISTS + 1];

    private DecomposableGraphs() {
    }

    /**
     * @param k the number of lists, 2 to 6
     * @return every decomposable graph on {@code k} vertices, in increasing order of edge bits
     *     (an unmodifiable list, computed once and cached)
     * @throws PrevalenceException if {@code k} is outside 2..6
     */
    @SuppressWarnings("unchecked")
    public static List<DecomposableGraph> of(int k) {
        if (k < 2 || k > MAX_LISTS) {
            throw PrevalenceException.invalidArgument("lists",
                    "Decomposable graphs are enumerated for 2 to %d lists, got %d; collapse or drop lists "
                            + "(ListOverlapTable.collapse/drop)", MAX_LISTS, k);
        }
        synchronized (CACHE) {
            if (CACHE[k] == null) {
                CACHE[k] = List.copyOf(enumerate(k));
            }
            return (List<DecomposableGraph>) CACHE[k];
        }
    }

    static int pairIndex(int k, int i, int j) {
        return i * k - i * (i + 1) / 2 + (j - i - 1);
    }

    private static List<DecomposableGraph> enumerate(int k) {
        int pairs = k * (k - 1) / 2;
        int[] pi = new int[pairs];
        int[] pj = new int[pairs];
        for (int i = 0, p = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++, p++) {
                pi[p] = i;
                pj[p] = j;
            }
        }
        List<DecomposableGraph> out = new ArrayList<>();
        int[] adj = new int[k];
        for (long e = 0; e < 1L << pairs; e++) {
            Arrays.fill(adj, 0);
            for (int p = 0; p < pairs; p++) {
                if ((e >> p & 1L) == 1L) {
                    adj[pi[p]] |= 1 << pj[p];
                    adj[pj[p]] |= 1 << pi[p];
                }
            }
            if (chordal(adj, k)) {
                out.add(build(k, e, adj));
            }
        }
        return out;
    }

    private static boolean isClique(int[] adj, int set) {
        for (int s = set; s != 0; s &= s - 1) {
            int v = Integer.numberOfTrailingZeros(s);
            int others = set & ~(1 << v);
            if ((adj[v] & others) != others) {
                return false;
            }
        }
        return true;
    }

    private static boolean chordal(int[] adj, int k) {
        int remaining = (1 << k) - 1;
        while (remaining != 0) {
            boolean removed = false;
            for (int s = remaining; s != 0; s &= s - 1) {
                int v = Integer.numberOfTrailingZeros(s);
                if (isClique(adj, adj[v] & remaining)) {
                    remaining &= ~(1 << v);
                    removed = true;
                    break;
                }
            }
            if (!removed) {
                return false;
            }
        }
        return true;
    }

    private static DecomposableGraph build(int k, long edges, int[] adj) {
        int full = (1 << k) - 1;
        List<Integer> maximal = new ArrayList<>();
        for (int set = 1; set <= full; set++) {
            if (!isClique(adj, set)) {
                continue;
            }
            boolean isMax = true;
            for (int v = 0; v < k && isMax; v++) {
                if ((set >> v & 1) == 0 && isClique(adj, set | 1 << v)) {
                    isMax = false;
                }
            }
            if (isMax) {
                maximal.add(set);
            }
        }
        // Prim's maximum-weight spanning forest of the clique-intersection graph: a junction tree
        int m = maximal.size();
        boolean[] in = new boolean[m];
        int[] order = new int[m];
        List<Integer> seps = new ArrayList<>();
        int placed = 0;
        while (placed < m) {
            int start = 0;
            while (in[start]) {
                start++;
            }
            in[start] = true;
            order[placed++] = maximal.get(start);
            while (true) {
                int best = -1;
                int bestW = 0;
                int bestSep = 0;
                for (int c = 0; c < m; c++) {
                    if (in[c]) {
                        continue;
                    }
                    for (int d = 0; d < m; d++) {
                        if (!in[d]) {
                            continue;
                        }
                        int sep = maximal.get(c) & maximal.get(d);
                        int w = Integer.bitCount(sep);
                        if (w > bestW) {
                            best = c;
                            bestW = w;
                            bestSep = sep;
                        }
                    }
                }
                if (best < 0) {
                    break; // the rest is another connected component (empty separator)
                }
                in[best] = true;
                order[placed++] = maximal.get(best);
                seps.add(bestSep);
            }
        }
        int[] sepArr = seps.stream().mapToInt(Integer::intValue).toArray();
        return new DecomposableGraph(k, edges, order, sepArr);
    }
}
