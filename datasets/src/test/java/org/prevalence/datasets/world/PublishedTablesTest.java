package org.prevalence.datasets.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.prevalence.core.Tolerance;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Published arithmetic on the bundled tables (ILO SAP-FL 2012; ILO 2005 Global Report; GEMS 2022),
 * figures as published (rounded to 0.1 million and 0.1 per 1,000).
 */
class PublishedTablesTest {
    private static double sumRegions(Table t, String column) {
        double s = 0;
        for (Row r : t) {
            if (!r.getString("region").equals("World")) {
                s += r.getNumber(column);
            }
        }
        return s;
    }

    private static double world(Table t, String column) {
        for (Row r : t) {
            if (r.getString("region").equals("World")) {
                return r.getNumber(column);
            }
        }
        throw new AssertionError("no World row");
    }

    @Test
    void ilo2012RegionsAddTo20point9Million() {
        Table t = PublishedTables.table("ilo2012_regional_forced_labour");
        assertEquals(7, t.rowCount());
        // six regions rounded to 0.1 M: the sum may differ from the world by at most 6 x 0.05 M
        assertTrue(Math.abs(sumRegions(t, "forced_labour_millions") - 20.9) <= 0.3 + 1e-9);
        Tolerance.assertAbsolute(20.9, sumRegions(t, "forced_labour_millions"), 1e-9, "as published: exactly 20.9");
        Tolerance.assertAbsolute(100, sumRegions(t, "share_of_world_pct"), 1e-9, "shares");
        Tolerance.assertAbsolute(20.9, world(t, "forced_labour_millions"), 1e-12, "world row");
    }

    @Test
    void countOverRateGivesImpliedPopulations() {
        Table t = PublishedTables.table("ilo2012_regional_forced_labour");
        for (Row r : t) {
            double pop = r.getNumber("forced_labour_millions") * 1e6 / r.getNumber("per_1000_inhabitants") * 1000;
            if (r.getString("region").equals("Asia-Pacific")) {
                // 11.7 M / 3.3 per 1,000 = 3.545 billion; rounding of both figures allows about +-2 %
                Tolerance.assertRelative(3.55e9, pop, 0.02, "Asia-Pacific implied population");
                Tolerance.assertRelative(11.7e6 / 3.3e-3, pop, 1e-12, "exact quotient");
            }
            if (r.getString("region").equals("Developed Economies and European Union")) {
                Tolerance.assertRelative(1.0e9, pop, 1e-12, "1.5 M / 1.5 per 1,000");
            }
        }
        // the synthetic world's populations are exactly these quotients
        for (SyntheticWorld.Target target : SyntheticWorld.ILO_2012) {
            for (Row r : t) {
                if (r.getString("region").equals(target.region())) {
                    Tolerance.assertRelative(r.getNumber("forced_labour_millions") * 1e6, target.count(), 1e-12,
                            target.region() + " count");
                    Tolerance.assertRelative(r.getNumber("per_1000_inhabitants"), target.per1000(), 1e-12,
                            target.region() + " rate");
                }
            }
        }
    }

    @Test
    void ilo2005RegionsSumTo12point3Million() {
        Table t = PublishedTables.table("ilo2005_regional_forced_labour");
        Tolerance.assertAbsolute(12.3e6, sumRegions(t, "forced_labour_persons"), 1e-6, "regions");
        Tolerance.assertAbsolute(12.3e6, world(t, "forced_labour_persons"), 1e-6, "world");
    }

    @Test
    void breakdownsAddUp() {
        Table b = PublishedTables.table("ilo2012_forced_labour_breakdown");
        double[] v = b.numberColumn("forced_labour_millions").asDoubleArray();
        // rows: private total, sexual, labour, state, children, moved, not moved
        Tolerance.assertAbsolute(v[0], v[1] + v[2], 1e-9, "private = sexual + labour");
        Tolerance.assertAbsolute(20.9, v[0] + v[3], 1e-9, "private + state");
        Tolerance.assertAbsolute(20.9, v[5] + v[6], 1e-9, "moved + not moved");
        Table g = PublishedTables.table("gems2022_global_components");
        double[] c = g.numberColumn("persons_millions").asDoubleArray();
        Tolerance.assertAbsolute(c[1], c[2] + c[3], 1e-9, "17.3 + 6.3 = 23.6");
        Tolerance.assertAbsolute(c[0], c[1] + c[4], 0.1 + 1e-9, "23.6 + 3.9 = 27.5 ~ 27.6 (rounding)");
        Table r = PublishedTables.table("gems2022_regional");
        Tolerance.assertAbsolute(27.6, sumRegions(r, "forced_labour_millions"), 0.1 + 1e-9, "regions 27.5");
    }

    @Test
    void everyRowHasAStatusAndASource() {
        Set<String> prefixes = Set.of("verified", "recalled_not_reverified", "partly_verified", "range verified",
                "range");
        for (String name : PublishedTables.NAMES) {
            Table t = PublishedTables.table(name);
            for (Row r : t) {
                String status = r.getString("status");
                assertTrue(prefixes.stream().anyMatch(status::startsWith), name + ": status " + status);
                assertTrue(!r.getString("source_id").isBlank(), name + ": source");
            }
        }
        assertTrue(PublishedTables.provenance().contains("ILO2012_STATS"));
        assertEquals(6, PublishedTables.regions("ilo2012_regions").rowCount());
        assertEquals(6, PublishedTables.regions("ilo2005_regions").rowCount());
        assertEquals(5, PublishedTables.regions("global_estimates_regions").rowCount());
    }
}
