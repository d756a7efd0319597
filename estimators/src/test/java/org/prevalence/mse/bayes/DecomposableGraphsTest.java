package org.prevalence.mse.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.prevalence.core.PrevalenceException;

class DecomposableGraphsTest {
    /** Labelled chordal graphs on K vertices: OEIS A058862 (dga ships 8, 61 and 822 for K = 3, 4, 5). */
    @ParameterizedTest
    @CsvSource({"2, 2", "3, 8", "4, 61", "5, 822", "6, 18154"})
    void countsMatchOeisA058862(int k, int expected) {
        List<DecomposableGraph> graphs = DecomposableGraphs.of(k);
        assertEquals(expected, graphs.size(), "decomposable graphs on " + k + " vertices");
        assertEquals(expected, graphs.stream().map(DecomposableGraph::toString).distinct().count(),
                "distinct clique notations");
    }

    @Test
    void threeListsAreDgaGraphs3() {
        Set<String> expected = Set.of("[1,2,3]", "[12,3]", "[13,2]", "[1,23]", "[12,13]", "[12,23]", "[13,23]", "[123]");
        assertEquals(expected, DecomposableGraphs.of(3).stream().map(DecomposableGraph::toString)
                .collect(Collectors.toSet()));
        assertEquals("[1,2,3]", DecomposableGraphs.of(3).get(0).toString(), "independence graph first");
        assertEquals("[123]", DecomposableGraphs.of(3).get(7).toString(), "saturated graph last");
    }

    @Test
    void notationSortsCliquesAsStrings() {
        Set<String> five = DecomposableGraphs.of(5).stream().map(DecomposableGraph::toString).collect(Collectors.toSet());
        // graphs named in the dga reference figures (expected-dga-graphs.csv)
        for (String s : List.of("[123,25,34]", "[125,135,45]", "[12345]", "[1245,2345]", "[12,15,3,45]",
                "[1,2,3,4,5]", "[125,235,245]", "[135,24,34]", "[124,2345]")) {
            assertTrue(five.contains(s), s);
        }
    }

    /** Every graph: cliques are maximal cliques, the order has the running intersection property,
     *  separators are the intersections, and sum |C| - sum |S| = K (decomposability identity). */
    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6})
    void junctionTreesAreValid(int k) {
        for (DecomposableGraph g : DecomposableGraphs.of(k)) {
            int[] c = g.cliques();
            int[] s = g.separators();
            int union = 0;
            int sizes = 0;
            List<Integer> seps = new java.util.ArrayList<>();
            for (int i = 0; i < c.length; i++) {
                sizes += Integer.bitCount(c[i]);
                for (int u = 0; u < k; u++) {
                    for (int v = u + 1; v < k; v++) {
                        if ((c[i] >> u & 1) == 1 && (c[i] >> v & 1) == 1) {
                            assertTrue(g.adjacent(u, v), g + ": clique not complete");
                        }
                    }
                }
                if (i > 0) {
                    int inter = c[i] & union;
                    boolean inEarlier = false;
                    for (int j = 0; j < i; j++) {
                        inEarlier |= (inter & c[j]) == inter;
                    }
                    assertTrue(inEarlier, g + ": running intersection property");
                    if (inter != 0) {
                        seps.add(inter);
                    }
                }
                union |= c[i];
            }
            assertEquals((1 << k) - 1, union, g + ": cliques cover the lists");
            int sepSizes = 0;
            for (int x : s) {
                sepSizes += Integer.bitCount(x);
            }
            assertEquals(k, sizes - sepSizes, g + ": sum |C| - sum |S|");
            assertEquals(new HashSet<>(seps), java.util.Arrays.stream(s).boxed().collect(Collectors.toSet()),
                    g + ": separators");
            assertEquals(seps.size(), s.length, g + ": number of separators");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 15})
    void refusesUnsupportedListCounts(int k) {
        PrevalenceException e = assertThrows(PrevalenceException.class, () -> DecomposableGraphs.of(k));
        assertEquals(PrevalenceException.Kind.INVALID_ARGUMENT, e.what());
        assertTrue(e.getMessage().contains("2 to 6 lists"), e.getMessage());
    }
}
