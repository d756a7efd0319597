package org.prevalence.regional;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.prevalence.core.bootstrap.Bootstrap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Simulated countries with known prevalences (logit p = alpha_region - 0.4 x + u, u ~ N(0, 0.3^2)),
 * surveys in a third of them (binomial, effective size 4,000, about 13 cases each): the survey
 * pipeline is unbiased within Monte Carlo error and its intervals cover the true regional totals at
 * nominal rates. The printed diagnostics: the mean relative error (bias), the ratio bias
 * \( \sum(\hat T - T)/\sum T \) (free of the Jensen term of a relative error), the standardised
 * errors \( (\hat T - T)/\mathrm{SE} \), the coverage, and on which side the 95 % intervals miss.
 */
class SurveyCoverageTest {
    static final String[] REGIONS = {"Africa", "Americas", "Asia and the Pacific", null};

    static double[][] simulate(int worlds, int draws) {
        return simulate(worlds, draws, SurveyPipeline.withDefaults());
    }

    static double[][] simulate(int worlds, int draws, SurveyPipeline pipeline) {
        int k = REGIONS.length;
        double[] diff = new double[k];
        double[] tot = new double[k];
        double[] zs = new double[k];
        double[] zs2 = new double[k];
        int[] lo = new int[k];
        double[] err = new double[k];
        double[] err2 = new double[k];
        int[] c68 = new int[k];
        int[] c95 = new int[k];
        for (int w = 0; w < worlds; w++) {
            UniformRandomProvider rng = Bootstrap.generator(777, w);
            ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
            StringColumn country = StringColumn.create("country");
            StringColumn region = StringColumn.create("region");
            DoubleColumn pop = DoubleColumn.create("population");
            DoubleColumn prev = DoubleColumn.create("prevalence");
            DoubleColumn se = DoubleColumn.create("se");
            DoubleColumn x = DoubleColumn.create("x");
            double[] truth = new double[k];
            double[] alpha = {-5.5, -6.0, -5.7};
            for (int g = 0; g < 3; g++) {
                for (int i = 0; i < 30; i++) {
                    double xi = z.sample();
                    double p = 1 / (1 + Math.exp(-(alpha[g] - 0.4 * xi + 0.3 * z.sample())));
                    double n = Math.round(1e6 * Math.exp(z.sample()));
                    country.append("c" + g + "-" + i);
                    region.append(REGIONS[g]);
                    pop.append(n);
                    x.append(xi);
                    truth[g] += n * p;
                    truth[3] += n * p;
                    if (i % 3 == 0) {
                        int neff = 4000;
                        int cases = MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, neff, p).sample();
                        double est = Math.max(cases, 0.5) / neff;
                        prev.append(est);
                        se.append(Math.sqrt(est * (1 - est) / neff));
                    } else {
                        prev.appendMissing();
                        se.appendMissing();
                    }
                }
            }
            Table nat = Table.create("n", country, region, pop, prev, se);
            Table cov = Table.create("c", country.copy(), x);
            SurveyPipeline.Result r = pipeline.withDraws(draws).withSeed(w)
                    .estimate(NationalData.fromTable(RegionEdition.GLOBAL_ESTIMATES, nat), Covariates.fromTable(cov, null));
            for (int j = 0; j < k; j++) {
                RegionalEstimate e = REGIONS[j] == null ? r.getWorld() : r.region(REGIONS[j]);
                double rel = (e.getEstimate() - truth[j]) / truth[j];
                err[j] += rel;
                err2[j] += rel * rel;
                diff[j] += e.getEstimate() - truth[j];
                tot[j] += truth[j];
                double zz = (e.getEstimate() - truth[j]) / e.getStandardError();
                zs[j] += zz;
                zs2[j] += zz * zz;
                c68[j] += e.getInterval68().contains(truth[j]) ? 1 : 0;
                c95[j] += e.getInterval95().contains(truth[j]) ? 1 : 0;
                lo[j] += truth[j] < e.getInterval95().lower() ? 1 : 0;
            }
        }
        double[][] out = new double[k][];
        for (int j = 0; j < k; j++) {
            double mean = err[j] / worlds;
            double sd = Math.sqrt((err2[j] - worlds * mean * mean) / (worlds - 1));
            out[j] = new double[] {mean, sd / Math.sqrt(worlds), (double) c68[j] / worlds, (double) c95[j] / worlds};
            double zm = zs[j] / worlds;
            System.out.printf(Locale.ROOT, "survey %-22s bias %+.4f (MC SE %.4f), ratio bias %+.4f, z mean %+.3f "
                            + "SD %.3f, coverage 68%%: %.3f, 95%%: %.3f (%d worlds)%n",
                    REGIONS[j] == null ? "World" : REGIONS[j], out[j][0], out[j][1], diff[j] / tot[j], zm,
                    Math.sqrt((zs2[j] - worlds * zm * zm) / (worlds - 1)), out[j][2], out[j][3], worlds);
            System.out.printf(Locale.ROOT, "  95%% intervals missing: truth below %d, above %d%n", lo[j],
                    worlds - c95[j] - lo[j]);
        }
        return out;
    }

    @Test
    void unbiasedWithinMonteCarloError() {
        for (double[] row : simulate(80, 100)) {
            assertTrue(Math.abs(row[0]) < Math.max(3.5 * row[1], 0.01), "bias " + row[0] + ", MC SE " + row[1]);
        }
    }

    @Test
    @Tag("slow")
    void intervalsCoverAtNominalRates() {
        int worlds = 800;
        for (double[] row : simulate(worlds, 2000)) {
            assertTrue(Math.abs(row[0]) < Math.max(3.5 * row[1], 0.01), "bias " + row[0]);
            // Before the fix (plug-in tau^2, Knapp-Hartung t coefficients independent of the survey draws,
            // logit-normal survey draws centred above the estimate; 400 worlds): 68 % 0.61-0.67, 95 % 0.89-0.93,
            // bias +0.8 to +1.9 %. Now (800 worlds, seed 777): 68 % 0.664-0.710, 95 % 0.945-0.959, bias -0.1
            // to +1.0 % (ratio). Bounds as required; with 800 worlds a nominal 68 % interval
            // falls outside [0.64, 0.72] with probability about 2 % per total (binomial SE 0.016).
            assertTrue(row[2] >= 0.64 && row[2] <= 0.72, "68% coverage " + row[2]);
            assertTrue(row[3] >= 0.93 && row[3] <= 0.97, "95% coverage " + row[3]);
        }
    }
}
