package org.prevalence.regional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GeometricSampler;
import org.prevalence.core.bootstrap.Bootstrap;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A test-side simulated universe of forced-labour cases with known truth: per stratum, a fixed
 * number of cases in the universe, each with victims (1 + geometric), a situation of exponential
 * length starting uniformly in [window start - 1 year, window end], and independent capture by
 * two teams. The truth is the universe's stock, sum of v_i d_i / W.
 */
final class SimulatedCases {
    static final ReferenceWindow WINDOW = ReferenceWindow.parse("2002-01-01:2011-12-31");

    record Stratum(String region, String form, int universe, double pA, double pB, double meanVictims) {
    }

    final Table cases;
    final double[] trueStockByStratum;
    final List<Stratum> strata;

    private SimulatedCases(Table cases, double[] truth, List<Stratum> strata) {
        this.cases = cases;
        this.trueStockByStratum = truth;
        this.strata = strata;
    }

    double trueStock(String region) {
        double s = 0;
        for (int i = 0; i < strata.size(); i++) {
            if (region == null || strata.get(i).region().equals(region)) {
                s += trueStockByStratum[i];
            }
        }
        return s;
    }

    static SimulatedCases draw(List<Stratum> strata, long seed) {
        UniformRandomProvider rng = Bootstrap.generator(seed, 0);
        StringColumn id = StringColumn.create("case_id");
        IntColumn a = IntColumn.create("team_a");
        IntColumn b = IntColumn.create("team_b");
        StringColumn country = StringColumn.create("country");
        StringColumn region = StringColumn.create("region");
        StringColumn form = StringColumn.create("form");
        IntColumn victims = IntColumn.create("victims");
        DateColumn start = DateColumn.create("start_date");
        DateColumn end = DateColumn.create("end_date");
        long w0 = WINDOW.start().toEpochDay();
        long w1 = WINDOW.end().toEpochDay();
        double[] truth = new double[strata.size()];
        int k = 0;
        for (int s = 0; s < strata.size(); s++) {
            Stratum st = strata.get(s);
            org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler geo = GeometricSampler.of(rng, 1.0 / st.meanVictims());
            for (int i = 0; i < st.universe(); i++) {
                int v = 1 + geo.sample();
                long from = w0 - 365 + (long) (rng.nextDouble() * (w1 - w0 + 366));
                long len = 1 + (long) (-400 * Math.log(1 - rng.nextDouble()));
                long to = from + len - 1;
                truth[s] += (double) v * WINDOW.daysInside(from, to) / WINDOW.days();
                boolean ca = rng.nextDouble() < st.pA();
                boolean cb = rng.nextDouble() < st.pB();
                if (!ca && !cb) {
                    continue;
                }
                id.append("c" + (++k));
                a.append(ca ? 1 : 0);
                b.append(cb ? 1 : 0);
                country.append(st.region() + "-1");
                region.append(st.region());
                form.append(st.form());
                victims.append(v);
                start.append(LocalDate.ofEpochDay(from));
                end.append(LocalDate.ofEpochDay(to));
            }
        }
        Table t = Table.create("simulated", id, a, b, country, region, form, victims, start, end);
        return new SimulatedCases(t, truth, new ArrayList<>(strata));
    }
}
