package org.prevalence.datasets.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Tolerance;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class SyntheticWorldTest {
    static SyntheticWorld.World world;

    @BeforeAll
    static void generate() {
        world = SyntheticWorld.withDefaults().generate();
    }

    @Test
    void reproducesThePublishedIlo2012Figures() {
        double total = 0;
        for (SyntheticWorld.Target t : SyntheticWorld.ILO_2012) {
            Tolerance.assertRelative(t.count(), world.trueTotal(t.region()), 1e-9, t.region() + " truth = published");
            double rate = 1000 * world.trueTotal(t.region()) / world.population(t.region());
            // populations are rounded per country: the rate equals the published one to 1e-6
            Tolerance.assertRelative(t.per1000(), rate, 1e-6, t.region() + " per 1,000");
            // the case world's stock matches to the rounding of victims per case (< 0.1 %)
            Tolerance.assertRelative(t.count(), world.trueCaseStock(t.region()), 1e-3, t.region() + " case stock");
            total += t.count();
        }
        Tolerance.assertRelative(20.9e6, total, 1e-12, "world 20.9 M");
        Tolerance.assertRelative(20.9e6, world.trueTotal(null), 1e-9, "world truth");
        Tolerance.assertRelative(3.545e9, world.population("Asia-Pacific"), 1e-3, "Asia-Pacific 3.55 billion");
    }

    @Test
    void casesLookLikeTwoTeamsLists() {
        Table c = world.casesTable();
        assertEquals(200, world.countries());
        // expected 50,000 observed cases; binomial capture and the 30-case minimum per stratum: within 3 %
        Tolerance.assertRelative(50_000, c.rowCount(), 0.03, "observed cases");
        int both = 0;
        for (Row r : c) {
            int a = r.getInt("team_a");
            int b = r.getInt("team_b");
            assertTrue(a + b >= 1, "found by a team");
            both += a * b;
            assertTrue(r.getLong("victims") >= 1);
            assertTrue(!r.getDate("end_date").isBefore(r.getDate("start_date")));
        }
        assertTrue(both > 1000, "overlap " + both);
        assertEquals(18, world.strataTruthTable().rowCount());
    }

    @Test
    void surveysInSomeCountriesOfEveryRegion() {
        Table n = world.nationalTable();
        int surveyed = 0;
        for (Row r : n) {
            if (!Double.isNaN(r.getDouble("prevalence"))) {
                surveyed++;
                assertTrue(r.getDouble("se") > 0);
            }
        }
        Tolerance.assertRelative(60, surveyed, 0.1, "30 % of 200 countries");
        assertEquals(6, world.stateImposedTable().rowCount());
        assertEquals(200, world.covariatesTable().rowCount());
    }

    @Test
    void sameSeedSameWorld() {
        SyntheticWorld.World again = SyntheticWorld.withDefaults().withObservedCases(2000).generate();
        SyntheticWorld.World other = SyntheticWorld.withDefaults().withObservedCases(2000).withSeed(7).generate();
        SyntheticWorld.World same = SyntheticWorld.withDefaults().withObservedCases(2000).generate();
        assertEquals(again.casesTable().print(5), same.casesTable().print(5));
        assertEquals(again.nationalTable().doubleColumn("population").sum(),
                same.nationalTable().doubleColumn("population").sum());
        assertTrue(again.observedCases() != other.observedCases()
                || !again.casesTable().print(5).equals(other.casesTable().print(5)));
    }
}
