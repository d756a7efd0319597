package org.prevalence.network.rds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.prevalence.core.PrevalenceException;

class RdsSampleTest {
    private static final Map<String, Double> R = RdsData.expected("rds-expected.csv");

    @ParameterizedTest
    @ValueSource(strings = {"fauxmadrona", "fauxsycamore"})
    void structureMatchesR(String dataset) {
        RdsData d = RdsData.load(dataset);
        RdsSample s = d.sample;
        assertEquals(500, s.size());
        // R: max(get.wave(d)), length(unique(get.seed.id(d))), max(table(get.seed.id(d)))
        assertEquals(R.get("max-wave/" + dataset), s.maxWave());
        assertEquals(R.get("seeds/" + dataset), s.seeds());
        assertEquals(R.get("largest-tree/" + dataset), Arrays.stream(s.treeSizes()).max().getAsInt());
        assertEquals(500, Arrays.stream(s.treeSizes()).sum());
        // count.transitions(d, 'diseasef')
        int[] g = Arrays.stream(d.disease).mapToInt(x -> (int) x).toArray();
        long[][] t = s.recruitmentMatrix(g, 2);
        assertEquals(R.get("transitions-00/" + dataset), t[0][0]);
        assertEquals(R.get("transitions-01/" + dataset), t[0][1]);
        assertEquals(R.get("transitions-10/" + dataset), t[1][0]);
        assertEquals(R.get("transitions-11/" + dataset), t[1][1]);
        assertEquals(s.recruits(), t[0][0] + t[0][1] + t[1][0] + t[1][1]);
    }

    @Test
    void wavesTreesAndSeedMarkers() {
        // a hand-made sample: two trees, seeds written four ways
        RdsSample s = RdsSample.of(new String[] {"a", "b", "c", "d", "e", "f", "g"},
                new String[] {"", "a", "b", "seed", "NA", "0", "e"}, new double[] {1, 2, 3, 4, 5, 6, 7});
        assertArrayEquals(new int[] {0, 1, 2, 0, 0, 0, 1}, s.waves());
        assertArrayEquals(new int[] {3, 1, 2, 1}, s.treeSizes());
        assertArrayEquals(new int[] {0, 0, 0, 3, 4, 5, 4}, s.seedRows());
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 0, 0}, s.recruitCounts());
        assertEquals(4, s.seeds());
        assertTrue(s.isSeed(0));
        assertFalse(s.isSeed(1));
        assertFalse(s.hasCoupons());
        RdsSample t = RdsSample.of(new String[] {"a", "b"}, new String[] {"Seed", "a"}, new double[] {1, 2},
                new int[] {3, 0}, new double[] {0.5, 1.5});
        assertTrue(t.hasCoupons() && t.hasTimes());
        assertArrayEquals(new int[] {3, 0}, t.coupons());
    }

    private static void bad(String where, String word, Runnable r) {
        PrevalenceException e = assertThrows(PrevalenceException.class, r::run);
        assertEquals(where, e.where());
        assertTrue(e.getMessage().contains(word), e.getMessage());
        assertFalse(e.getMessage().contains("zz9"), "the message must not echo an id");
    }

    @Test
    void badInputNamesTheRow() {
        bad("row 3, column 'recruiter'", "not an id", () -> RdsSample.of(new String[] {"a", "b", "c"},
                new String[] {"seed", "a", "zz9"}, new double[] {1, 1, 1}));
        bad("row 3, column 'id'", "row 1", () -> RdsSample.of(new String[] {"zz9", "b", "zz9"},
                new String[] {"seed", "zz9", "b"}, new double[] {1, 1, 1}));
        bad("row 2, column 'degree'", "positive", () -> RdsSample.of(new String[] {"a", "b"},
                new String[] {"seed", "a"}, new double[] {1, 0}));
        bad("row 1, column 'degree'", "no network degree", () -> RdsSample.of(new String[] {"a", "b"},
                new String[] {"seed", "a"}, new double[] {Double.NaN, 2}));
        PrevalenceException cycle = assertThrows(PrevalenceException.class, () -> RdsSample.of(
                new String[] {"s", "zz9", "b", "c"}, new String[] {"seed", "c", "zz9", "b"}, new double[] {1, 1, 1, 1}));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        assertEquals(PrevalenceException.Kind.INVALID_DATA, cycle.what());
        bad("row 1, column 'recruiter'", "cycle", () -> RdsSample.of(new String[] {"zz9"}, new String[] {"zz9"},
                new double[] {1}));
    }
}
