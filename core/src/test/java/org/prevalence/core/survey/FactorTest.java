package org.prevalence.core.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numeric values as a factor: the levels and codes of a sorted set of the distinct values (the reference). */
class FactorTest {
    @ParameterizedTest(name = "{0} distinct values")
    @ValueSource(ints = {1, 2, 5, 32, 33, 200})
    void codesAreRanksInTheSortedDistinctValues(int distinct) {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {20261204L, distinct});
        double[] pool = new double[distinct];
        for (int j = 0; j < distinct; j++) {
            pool[j] = j % 3 == 0 ? j : -j / 4.0; // integers, negatives and fractions
        }
        double[] v = new double[5000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 97 == 0 ? Double.NaN : pool[rng.nextInt(distinct)];
        }
        TreeSet<Double> sorted = new TreeSet<>();
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sorted.add(x);
            }
        }
        List<Double> order = new ArrayList<>(sorted);
        List<String> levels = new ArrayList<>();
        for (double x : order) {
            levels.add(SurveySample.label(x));
        }
        int[] codes = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            codes[i] = Double.isNaN(v[i]) ? -1 : order.indexOf(v[i]);
        }
        Factor f = Factor.ofValues(v);
        assertEquals(levels, f.levels());
        assertArrayEquals(codes, f.codes());
    }
}
