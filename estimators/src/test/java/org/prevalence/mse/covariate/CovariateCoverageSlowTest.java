package org.prevalence.mse.covariate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prevalence.core.Interval;
import org.prevalence.core.bootstrap.Bootstrap;
import org.prevalence.core.bootstrap.ParallelLoop;

/**
 * Coverage of the covariate bootstrap's nominal 95 % intervals on populations of known size (a simulation
 * with known truth). Each world holds N = 3,000 individuals with independent covariates sex (P(m) = 0.45),
 * age (P(old) = 0.4) and year (2017, 2018, 2019 equally likely). Four lists catch each individual
 * independently given its covariates, with \( \mathrm{logit}\, p_j = b_j + c_j [\text{m}] + d_j [\text{old}] \);
 * list L4 did not operate in 2017 (declared {@code L4:year=2017}, a structural zero). L4's capture does not
 * depend on age, so the generating model lies in the search space: its log-linear form has list main effects,
 * L1-L4:sex, L1-L3:age, sex:age (from \( \sum_j \log(1 - p_j) \)) and sex:year (L4's \( \log(1 - p_4) \) enters
 * the years 2018-2019 only); {@link #TRUE_MODEL}.
 *
 * <p>Each world is estimated as the CLI's covariate mode does ({@code prevalence mse --covariates sex,age
 * --year year --absent L4:year=2017 --interval bootstrap}): {@link CovariateMse} search from main effects to all
 * pairs, BIC model, {@link CovariateBootstrap} of that model (no re-selection, as boot_mse), from which the
 * percentile interval (the CLI's and boot_mse's), BCa and log-normal come off the same replicates. The true
 * model, fixed, is bootstrapped too. (The CLI's covariate mode gives no interval without {@code --interval
 * bootstrap}, and has no profile interval.) Two scenarios: list x covariate effects of 0.7-0.9 on the logit
 * ("strong", which BIC finds in every world) and of 0.3-0.6 ("weak", all found in 43 % of the worlds).
 *
 * <p>Figures (1,000 worlds each, seeded, B = 200; coverage, binomial SE 0.007-0.009):
 * <pre>
 *                    strong: searched  fixed true model    weak: searched  fixed true model
 *   percentile               0.927     0.934                     0.919     0.945
 *   BCa                      0.926     0.941                     0.920     0.949
 *   log-normal               0.935     0.934                     0.924     0.950
 * </pre>
 * The estimator is unbiased (mean N-hat 3001.2 and 3000.2 against N = 3000). With the true model fixed every
 * interval covers 93-97 %, which is asserted. After the search they cover 92-93.5 %: the bootstrap of the
 * selected model leaves out the selection's own variation (in the weak scenario the selected model misses a
 * list x covariate term in 57 % of the worlds: SD of N-hat 66.4 after the search, 61.6 with the true model,
 * mean bootstrap SE 59.4), and in the strong
 * scenario the bootstrap SE (mean 52.4) is 3 % below the SD of N-hat over the worlds (54.2), the plug-in
 * bootstrap's small-sample shortfall; misses fall on both sides (29 of 66 above for the fixed model). The
 * searched coverage is asserted at >= 90 % only, and is short of the 93 %: a bootstrap that repeats the
 * search in every replicate (as {@code BicBootstrap} without covariates) would be needed, at about 200 searches
 * per world.
 *
 * <p>Monte Carlo basis: coverage of 1,000 worlds has a binomial standard error of
 * \( \sqrt{0.95 \cdot 0.05 / 1000} = 0.69 \) percentage points; the required range 93-97 % is about
 * \( \pm 3 \) SE. Each interval uses {@link #REPLICATES} replicates: the percentile limits of B = 200 replicates
 * have rank noise of SD \( \sqrt{0.025 \cdot 0.975 / 200} = 0.011 \) on the probability scale, independent of
 * the world, which moves the coverage by O(1/B), well under its binomial SE. Both scenarios together took
 * 450-520 s on 2 cores at load average 15-25 (other builds running). Slow: run with -Pslow;
 * {@code -Dcoverage.worlds=N} runs fewer (no assertion below 1,000).
 */
@Tag("slow")
class CovariateCoverageSlowTest {
    static final int N = 3000;
    static final int REPLICATES = 200;
    static final String TRUE_MODEL = "L1:sex,L2:sex,L3:sex,L4:sex,L1:age,L2:age,L3:age,sex:age,sex:year";
    static final String[] YEARS = {"2017", "2018", "2019"};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // scenario; b_j; c_j (male); d_j (old; L4's is 0)
        "strong; -1.1 -1.4 -0.9 -1.2; 0.9 -0.8 0.7 0.9; -0.8 0.7 0.9 0.0",
        "weak; -1.1 -1.4 -0.9 -1.2; 0.5 -0.4 0.3 0.6; -0.5 0.4 0.6 0.0"})
    void bootstrapIntervalsCoverTheKnownN(String scenario, String bs, String cs, String ds) {
        double[] b = parse(bs);
        double[] c = parse(cs);
        double[] d = parse(ds);
        int worlds = Integer.getInteger("coverage.worlds", 1000);
        CovariateBootstrap.Method[] methods = CovariateBootstrap.Method.values();
        int nm = methods.length;
        boolean[][] searched = new boolean[worlds][nm];
        boolean[][] fixed = new boolean[worlds][nm];
        double[] estimate = new double[worlds];
        double[] fixedEstimate = new double[worlds];
        double[] bootSe = new double[worlds];
        int[][] above = new int[worlds][2]; // N above the percentile interval: searched, fixed
        double[] fixedBootSe = new double[worlds];
        boolean[] listTermsFound = new boolean[worlds];
        long t0 = System.nanoTime();
        ParallelLoop.run(worlds, 2, w -> {
            CovariateTable t = world(Bootstrap.generator(20261204L, w), b, c, d);
            CovariateMse.Result r = CovariateMse.withDefaults().withThreads(1).search(t);
            CovariateBootstrap boot = CovariateBootstrap.withDefaults().withReplicates(REPLICATES).withSeed(w)
                    .withThreads(1);
            CovariateFit sel = r.getSelected();
            CovariateFit truth = CovariateMse.withDefaults().fit(t, TRUE_MODEL);
            estimate[w] = sel.getEstimate();
            java.util.Set<String> missed = new java.util.TreeSet<>(truth.getTerms());
            missed.removeAll(sel.getTerms());
            missed.removeIf(x -> !x.startsWith("L"));
            listTermsFound[w] = missed.isEmpty();
            Map<CovariateBootstrap.Method, CovariateBootstrap.Result> a = boot.estimate(sel, 0,
                    EnumSet.allOf(CovariateBootstrap.Method.class));
            fixedEstimate[w] = truth.getEstimate();
            Map<CovariateBootstrap.Method, CovariateBootstrap.Result> e = boot.estimate(truth, 0,
                    EnumSet.allOf(CovariateBootstrap.Method.class));
            bootSe[w] = a.get(methods[0]).getTotal().getBootstrapStandardError();
            fixedBootSe[w] = e.get(methods[0]).getTotal().getBootstrapStandardError();
            above[w][0] = a.get(methods[0]).getConfidenceInterval().upper() < N ? 1 : 0;
            above[w][1] = e.get(methods[0]).getConfidenceInterval().upper() < N ? 1 : 0;
            for (int m = 0; m < nm; m++) {
                searched[w][m] = covers(a.get(methods[m]).getConfidenceInterval());
                fixed[w][m] = covers(e.get(methods[m]).getConfidenceInterval());
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "covariate coverage (%s), %d worlds, N = %d, B = %d, %.0f s%n", scenario, worlds, N, REPLICATES, secs));
        sb.append(String.format(Locale.ROOT, "  searched: mean N-hat %.1f (bias %.1f), every list x covariate term of the truth selected in %.1f %%, "
                + "SD of N-hat %.1f, mean bootstrap SE %.1f%n", mean(estimate), mean(estimate) - N,
                100.0 * count(listTermsFound) / worlds, sd(estimate), mean(bootSe)));
        sb.append(String.format(Locale.ROOT, "  fixed true model: mean N-hat %.1f (bias %.1f), SD of N-hat %.1f, "
                + "mean bootstrap SE %.1f%n", mean(fixedEstimate), mean(fixedEstimate) - N, sd(fixedEstimate),
                mean(fixedBootSe)));
        int[] high = new int[2];
        for (int[] h : above) {
            high[0] += h[0];
            high[1] += h[1];
        }
        sb.append(String.format(Locale.ROOT, "  percentile misses with N above the interval: searched %d of %d, fixed %d "
                + "of %d%n", high[0], Math.round((1 - rate(searched, 0)) * worlds), high[1],
                Math.round((1 - rate(fixed, 0)) * worlds)));
        double[] rate = new double[nm];
        for (int m = 0; m < nm; m++) {
            rate[m] = rate(searched, m);
            sb.append(String.format(Locale.ROOT, "  %-10s searched %.3f (SE %.3f)   fixed true model %.3f (SE %.3f)%n",
                    methods[m], rate[m], se(rate[m], worlds), rate(fixed, m), se(rate(fixed, m), worlds)));
        }
        System.out.print(sb);
        if (worlds >= 1000) {
            for (int m = 0; m < nm; m++) {
                double f = rate(fixed, m);
                assertTrue(f >= 0.93 && f <= 0.97, methods[m] + " fixed true model\n" + sb);
                assertTrue(rate[m] >= 0.90 && rate[m] <= 0.97, methods[m] + " searched\n" + sb);
            }
        }
    }

    /** Draws one world: the observed individuals' histories and covariates, as a table of counts. */
    static CovariateTable world(UniformRandomProvider rng, double[] b, double[] c, double[] d) {
        // counts by (history, sex, age, year)
        long[] n = new long[16 * 2 * 2 * 3];
        for (int i = 0; i < N; i++) {
            int sex = rng.nextDouble() < 0.45 ? 1 : 0;
            int age = rng.nextDouble() < 0.4 ? 1 : 0;
            int year = rng.nextInt(3);
            int h = 0;
            for (int j = 0; j < 4; j++) {
                double p = 1 / (1 + Math.exp(-(b[j] + c[j] * sex + d[j] * age)));
                boolean operates = j != 3 || year != 0;
                if (operates && rng.nextDouble() < p) {
                    h |= 1 << j;
                }
            }
            n[((h * 2 + sex) * 2 + age) * 3 + year]++;
        }
        int rows = 0;
        for (int cell = 0; cell < n.length; cell++) {
            rows += cell / 12 != 0 && n[cell] > 0 ? 1 : 0;
        }
        Map<String, String[]> cols = new LinkedHashMap<>();
        String[][] v = new String[8][rows];
        int r = 0;
        for (int cell = 0; cell < n.length; cell++) {
            int h = cell / 12;
            if (h == 0 || n[cell] == 0) {
                continue;
            }
            for (int j = 0; j < 4; j++) {
                v[j][r] = String.valueOf((h >> j) & 1);
            }
            v[4][r] = (cell / 6) % 2 == 1 ? "m" : "f";
            v[5][r] = (cell / 3) % 2 == 1 ? "old" : "young";
            v[6][r] = YEARS[cell % 3];
            v[7][r] = String.valueOf(n[cell]);
            r++;
        }
        String[] names = {"L1", "L2", "L3", "L4", "sex", "age", "year", "Freq"};
        for (int j = 0; j < names.length; j++) {
            cols.put(names[j], v[j]);
        }
        return CovariateTable.builder(List.of("L1", "L2", "L3", "L4")).covariates(List.of("sex", "age")).year("year")
                .absent(Absence.parse("L4:year=2017")).fromTable(cols, "Freq");
    }

    private static double[] parse(String s) {
        return java.util.Arrays.stream(s.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
    }

    private static boolean covers(Interval iv) {
        return iv != null && iv.lower() <= N && N <= iv.upper();
    }

    private static double rate(boolean[][] hits, int m) {
        int c = 0;
        for (boolean[] h : hits) {
            c += h[m] ? 1 : 0;
        }
        return (double) c / hits.length;
    }

    private static double se(double p, int n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean x : b) {
            c += x ? 1 : 0;
        }
        return c;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
