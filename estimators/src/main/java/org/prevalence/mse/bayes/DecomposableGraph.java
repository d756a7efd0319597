package org.prevalence.mse.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A decomposable (chordal) undirected graph on K lists, the conditional-independence structure
 * of one hierarchical log-linear model in Madigan and York's (1997) model averaging. It is stored
 * as its maximal cliques and the separators of a junction tree, each a bit mask of lists (list
 * {@code j}, 0-based, is bit {@code 1 << j}, as in
 * {@link org.prevalence.core.lists.ListOverlapTable}). Empty separators (between connected
 * components) are not stored: their factor in the marginal likelihood is 1.
 *
 * <p>{@link #toString()} writes the cliques as 1-based list numbers, each clique's lists in
 * increasing order, cliques sorted as strings: {@code "[123,25,34]"} (the notation of the
 * Prevalence reference figures for R package dga).
 *
 * <p>This class is immutable.
 */
public final class DecomposableGraph {
    private final int lists;
    private final long edges;
    private final int[] cliques;
    private final int[] separators;
    private final String notation;

    DecomposableGraph(int lists, long edges, int[] cliques, int[] separators) {
        this.lists = lists;
        this.edges = edges;
        this.cliques = cliques.clone();
        this.separators = separators.clone();
        this.notation = notation(cliques);
    }

    private static String notation(int[] cliques) {
        List<String> parts = new ArrayList<>();
        for (int c : cliques) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 31; j++) {
                if ((c >> j & 1) == 1) {
                    sb.append(j + 1);
                }
            }
            parts.add(sb.toString());
        }
        parts.sort(null);
        return "[" + String.join(",", parts) + "]";
    }

    /** @return the number of lists (vertices), K */
    public int listCount() {
        return lists;
    }

    /**
     * @return the edges as a bit set over the pairs (i, j), i &lt; j, in the order (0,1), (0,2),
     *     ..., (0,K-1), (1,2), ...: the graph's identity
     */
    public long edgeBits() {
        return edges;
    }

    /** @return the number of edges */
    public int edgeCount() {
        return Long.bitCount(edges);
    }

    /** @return the maximal cliques as list bit masks, in junction-tree (perfect) order */
    public int[] cliques() {
        return cliques.clone();
    }

    /** @return the non-empty separators of a junction tree as list bit masks (may repeat) */
    public int[] separators() {
        return separators.clone();
    }

    int cliqueCount() {
        return cliques.length;
    }

    int clique(int i) {
        return cliques[i];
    }

    int separatorCount() {
        return separators.length;
    }

    int separator(int i) {
        return separators[i];
    }

    /**
     * @param i a list (0-based)
     * @param j another list
     * @return whether lists {@code i} and {@code j} are joined by an edge (are dependent given the rest)
     */
    public boolean adjacent(int i, int j) {
        if (i == j || i < 0 || j < 0 || i >= lists || j >= lists) {
            return false;
        }
        return (edges >> DecomposableGraphs.pairIndex(lists, Math.min(i, j), Math.max(i, j)) & 1L) == 1L;
    }

    /** @return the cliques in the {@code "[123,25,34]"} notation */
    @Override
    public String toString() {
        return notation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecomposableGraph && ((DecomposableGraph) o).lists == lists
                && ((DecomposableGraph) o).edges == edges;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(edges) * 31 + lists;
    }

    /** @return a longer description: cliques and separators, for debugging */
    String describe() {
        return String.format(Locale.ROOT, "%s cliques=%s separators=%s", notation,
                Arrays.toString(cliques), Arrays.toString(separators));
    }
}
