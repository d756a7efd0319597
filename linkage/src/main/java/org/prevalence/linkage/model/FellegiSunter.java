package org.prevalence.linkage.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.prevalence.core.PrevalenceException;
import org.prevalence.linkage.blocking.BlockingRule;
import org.prevalence.linkage.blocking.CandidatePairs;
import org.prevalence.linkage.compare.Comparer;
import org.prevalence.linkage.standardise.StandardRecords;

/**
 * Fits the Fellegi-Sunter model (Fellegi and Sunter 1969) to candidate pairs, as fastLink and
 * Splink do.
 *
 * <ol>
 * <li><b>u</b> from random pairs: \( u_{f,l} = (c_{f,l} + 1/2) / (R + L_f/2) \), where \( c_{f,l} \)
 *     is the number of the \( R \) random pairs (all pairs when there are at most R) at level
 *     \( l \) of field \( f \), which has \( L_f \) levels; nearly all random pairs are non-matches.</li>
 * <li><b>m</b> by EM per blocking rule (Winkler 1988; Splink's "EM per blocking rule", since one EM
 *     over all blocked pairs collapses on realistic data): on the agreement-pattern counts of the
 *     pairs a rule produced, with u fixed, EM estimates the rule's match share and the m of every
 *     field the rule does not use (a field the rule joins on agrees by construction). Each field's
 *     m is the average over the rules that estimated it, weighted by their expected match counts.
 *     A field used by every rule keeps the m of its closest agreement levels from the prior
 *     {@code (0.9 exact, decreasing)}, and is named in {@link Parameters#ruleFits()}.</li>
 * <li><b>lambda</b>, the prior probability that two random records match, by EM over all pairs
 *     with m and u fixed (pairs no rule produced counted as non-matches).</li>
 * </ol>
 *
 * <p>EM on pattern counts \( c_p \): \( g_p = \lambda \prod_f m_{f,l_{pf}} / (\lambda \prod_f
 * m_{f,l_{pf}} + (1 - \lambda) \prod_f u_{f,l_{pf}}) \), then \( \lambda = \sum_p c_p g_p / \sum_p
 * c_p \) and \( m_{f,l} = \sum_p c_p g_p [l_{pf} = l] / \sum_p c_p g_p \), until no parameter moves
 * by more than the tolerance (Dempster, Laird and Rubin 1977).
 *
 * <p>References: <ol><li>Fellegi, I.P. and Sunter, A.B. (1969). A theory for record linkage. JASA
 * 64, 1183-1210. <a href="https://doi.org/10.1080/01621459.1969.10501049">doi</a></li>
 * <li>Enamorado, T., Fifield, B. and Imai, K. (2019). Using a probabilistic model to assist merging
 * of large-scale administrative records. APSR 113, 353-371 (fastLink).
 * <a href="https://doi.org/10.1017/S0003055418000783">doi</a></li></ol>
 *
 * <p>This class is immutable; the fit is seeded and does not depend on the thread count.
 */
public final class FellegiSunter {
    private static final FellegiSunter DEFAULT = new FellegiSunter(1_000_000L, 20240601L, 2000, 1e-7);
    private final long randomPairs;
    private final long seed;
    private final int maxIterations;
    private final double tolerance;

    private FellegiSunter(long randomPairs, long seed, int maxIterations, double tolerance) {
        this.randomPairs = randomPairs;
        this.seed = seed;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** @return 1,000,000 random pairs for u, seed 20240601, at most 2000 EM iterations, tolerance 1e-7 */
    public static FellegiSunter withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v random pairs drawn for u, at least 1000
     * @return a copy with that number
     */
    public FellegiSunter withRandomPairs(long v) {
        if (v < 1000) {
            throw PrevalenceException.invalidArgument("random pairs", "at least 1000 random pairs, got %d", v);
        }
        return new FellegiSunter(v, seed, maxIterations, tolerance);
    }

    /**
     * @param v the seed of the random pairs
     * @return a copy with that seed
     */
    public FellegiSunter withSeed(long v) {
        return new FellegiSunter(randomPairs, v, maxIterations, tolerance);
    }

    /**
     * @param v the most EM iterations, at least 1
     * @return a copy with that limit
     */
    public FellegiSunter withMaxIterations(int v) {
        if (v < 1) {
            throw PrevalenceException.invalidArgument("max iterations", "at least 1 EM iteration, got %d", v);
        }
        return new FellegiSunter(randomPairs, seed, v, tolerance);
    }

    /**
     * @param v the convergence tolerance, positive
     * @return a copy with it
     */
    public FellegiSunter withTolerance(double v) {
        if (!(v > 0)) {
            throw PrevalenceException.invalidArgument("tolerance", "the tolerance must be positive");
        }
        return new FellegiSunter(randomPairs, seed, maxIterations, v);
    }

    /**
     * Fits the model.
     * @param r the standardised records
     * @param comparer the comparer that gave {@code levels}
     * @param pairs the candidate pairs
     * @param levels {@code levels[field][pair]} of the candidate pairs
     * @param rules the blocking rules, in the order of the pairs' rule bits
     * @return the parameters
     * @throws PrevalenceException if there are fewer than two records, no candidate pair, or EM does not converge
     */
    public Parameters fit(StandardRecords r, Comparer comparer, CandidatePairs pairs, byte[][] levels, List<BlockingRule> rules) {
        int n = r.size();
        if (n < 2) {
            throw PrevalenceException.notEstimable("records", "linkage needs at least two records, got %d", n);
        }
        if (pairs.size() == 0) {
            throw PrevalenceException.notEstimable("blocking", "the blocking rules produced no candidate pair; use looser rules");
        }
        int nf = r.fieldCount();
        int[] nl = comparer.levelCounts(r);
        double[][] u = uFromRandomPairs(r, comparer, nl);
        double[][] prior = priorM(nl, u);
        double[][] mSum = new double[nf][];
        double[] wSum = new double[nf];
        for (int f = 0; f < nf; f++) {
            mSum[f] = new double[nl[f]];
        }
        List<Parameters.RuleFit> fits = new ArrayList<>();
        for (int k = 0; k < rules.size(); k++) {
            boolean[] est = new boolean[nf];
            List<String> used = rules.get(k).fields();
            List<String> estimated = new ArrayList<>();
            for (int f = 0; f < nf; f++) {
                est[f] = !used.contains(r.fieldName(f));
                if (est[f]) {
                    estimated.add(r.fieldName(f));
                }
            }
            int bit = 1 << k;
            Patterns pt = Patterns.of(pairs, levels, nl, p -> (pairs.rules(p) & bit) != 0);
            if (pt.total() == 0) {
                fits.add(new Parameters.RuleFit(rules.get(k).toString(), 0, Double.NaN, 0, List.of()));
                continue;
            }
            EmFit fit = em(pt.patterns, pt.counts, nl, u, est, est, prior, 0.5, "blocking rule '" + rules.get(k) + "'");
            double weight = fit.lambda * pt.total();
            for (int f = 0; f < nf; f++) {
                if (est[f]) {
                    for (int l = 0; l < nl[f]; l++) {
                        mSum[f][l] += weight * fit.m[f][l];
                    }
                    wSum[f] += weight;
                }
            }
            fits.add(new Parameters.RuleFit(rules.get(k).toString(), pt.total(), fit.lambda, fit.iterations, estimated));
        }
        double[][] m = new double[nf][];
        for (int f = 0; f < nf; f++) {
            m[f] = new double[nl[f]];
            for (int l = 0; l < nl[f]; l++) {
                m[f][l] = wSum[f] > 0 ? mSum[f][l] / wSum[f] : prior[f][l];
            }
        }
        Patterns all = Patterns.of(pairs, levels, nl, p -> true);
        double lambda = randomPairPrior(pairs, levels, nl, m, u, n);
        List<List<String>> levelNames = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            levelNames.add(comparer.levelNames(r.type(f)));
            names.add(r.fieldName(f));
        }
        return new Parameters(names, levelNames, m, u, lambda, fits, Math.min(randomPairs, (long) n * (n - 1) / 2));
    }

    /**
     * The prior probability that two records drawn at random match, by EM over all
     * \( T = n(n-1)/2 \) pairs with m and u fixed, the pairs that no rule produced taken as
     * non-matches: \( \lambda \leftarrow \sum_{p \in C} P(\text{match} \mid \gamma_p, \lambda) / T \).
     * (A prior over the candidate pairs alone would count the blocking evidence twice, since u
     * describes random pairs.)
     */
    double randomPairPrior(CandidatePairs pairs, byte[][] levels, int[] nl, double[][] m, double[][] u, int n) {
        int nf = nl.length;
        double total = (double) n * (n - 1) / 2;
        double[] logBf = new double[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            double s = 0;
            for (int f = 0; f < nf; f++) {
                s += Math.log(m[f][levels[f][p]] / u[f][levels[f][p]]);
            }
            logBf[p] = s;
        }
        double lambda = Math.min(0.5, 0.5 * pairs.size() / total);
        for (int it = 1; it <= maxIterations; it++) {
            double odds = Math.log(lambda / (1 - lambda));
            double sum = 0;
            for (double b : logBf) {
                sum += 1 / (1 + Math.exp(-(b + odds)));
            }
            double next = Math.min(Math.max(sum / total, 1e-15), 0.5);
            if (Math.abs(next - lambda) <= tolerance * lambda) {
                return next;
            }
            lambda = next;
        }
        throw new PrevalenceException(PrevalenceException.Kind.NOT_CONVERGED, "prior match probability",
                String.format(Locale.ROOT, "EM for the prior match probability did not converge in %d iterations", maxIterations),
                new PrevalenceException.Remedy("raise FellegiSunter.withMaxIterations(...)", "raise --max-iterations"));
    }

    /** u from random pairs (all pairs when there are few enough). */
    double[][] uFromRandomPairs(StandardRecords r, Comparer comparer, int[] nl) {
        int n = r.size();
        long all = (long) n * (n - 1) / 2;
        int count = (int) Math.min(all, randomPairs);
        int[] left = new int[count];
        int[] right = new int[count];
        if (all <= randomPairs) {
            int q = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    left[q] = i;
                    right[q++] = j;
                }
            }
        } else {
            UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
            for (int q = 0; q < count; q++) {
                int i = rng.nextInt(n);
                int j = rng.nextInt(n - 1);
                left[q] = i;
                right[q] = j >= i ? j + 1 : j;
            }
        }
        int nf = nl.length;
        byte[][] lv = new byte[nf][count];
        IntStream.range(0, count).parallel().forEach(q -> {
            int[] l = comparer.compare(r, left[q], right[q]);
            for (int f = 0; f < nf; f++) {
                lv[f][q] = (byte) l[f];
            }
        });
        double[][] u = new double[nf][];
        for (int f = 0; f < nf; f++) {
            long[] c = new long[nl[f]];
            for (int q = 0; q < count; q++) {
                c[lv[f][q]]++;
            }
            u[f] = new double[nl[f]];
            for (int l = 0; l < nl[f]; l++) {
                u[f][l] = (c[l] + 0.5) / (count + 0.5 * nl[f]);
            }
        }
        return u;
    }

    /** The starting m: missing as common as among non-matches, then 0.9 of the rest on the best level, decreasing. */
    static double[][] priorM(int[] nl, double[][] u) {
        double[][] m = new double[nl.length][];
        for (int f = 0; f < nl.length; f++) {
            m[f] = new double[nl[f]];
            m[f][0] = u[f][0];
            double rest = 1 - u[f][0];
            double left = 1;
            for (int l = 1; l < nl[f]; l++) {
                double share = l == nl[f] - 1 ? left : left * 0.9;
                m[f][l] = rest * share;
                left -= share;
            }
        }
        return m;
    }

    /** An EM fit: m (fixed fields keep their starting value), lambda, iterations. */
    record EmFit(double[][] m, double lambda, int iterations) {
    }

    /**
     * EM for m and lambda with u fixed (see the class description).
     * @param patterns the distinct patterns, {@code patterns[p][field]}
     * @param counts their counts
     * @param nl levels per field
     * @param u fixed u
     * @param include which fields enter the likelihood (a field a blocking rule joins on does not)
     * @param estimate which fields' m to estimate (the others stay at {@code m0})
     * @param m0 the starting m
     * @param lambda0 the starting lambda
     * @param where where it is, for the not-converged error
     * @return the fit
     */
    EmFit em(int[][] patterns, double[] counts, int[] nl, double[][] u, boolean[] include, boolean[] estimate, double[][] m0,
             double lambda0, String where) {
        int nf = nl.length;
        double[][] m = new double[nf][];
        for (int f = 0; f < nf; f++) {
            m[f] = m0[f].clone();
        }
        double lambda = lambda0;
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        int np = patterns.length;
        for (int it = 1; it <= maxIterations; it++) {
            double[][] acc = new double[nf][];
            for (int f = 0; f < nf; f++) {
                acc[f] = new double[nl[f]];
            }
            double gSum = 0;
            for (int p = 0; p < np; p++) {
                double lm = Math.log(lambda);
                double lu = Math.log(1 - lambda);
                for (int f = 0; f < nf; f++) {
                    if (!include[f]) {
                        continue;
                    }
                    lm += Math.log(m[f][patterns[p][f]]);
                    lu += Math.log(u[f][patterns[p][f]]);
                }
                double g = 1 / (1 + Math.exp(lu - lm));
                double cg = counts[p] * g;
                gSum += cg;
                for (int f = 0; f < nf; f++) {
                    acc[f][patterns[p][f]] += cg;
                }
            }
            double newLambda = Math.min(Math.max(gSum / total, 1e-12), 1 - 1e-12);
            double delta = Math.abs(newLambda - lambda);
            for (int f = 0; f < nf; f++) {
                if (!estimate[f] || gSum <= 0) {
                    continue;
                }
                for (int l = 0; l < nl[f]; l++) {
                    double v = Math.max(acc[f][l] / gSum, 1e-9);
                    delta = Math.max(delta, Math.abs(v - m[f][l]));
                    m[f][l] = v;
                }
            }
            lambda = newLambda;
            if (delta < tolerance) {
                return new EmFit(m, lambda, it);
            }
        }
        throw new PrevalenceException(PrevalenceException.Kind.NOT_CONVERGED, where,
                String.format(Locale.ROOT, "EM on %s did not converge in %d iterations", where, maxIterations),
                new PrevalenceException.Remedy("raise FellegiSunter.withMaxIterations(...) or make the blocking rule stricter",
                        "raise --max-iterations or make the blocking rule stricter"));
    }

    /** Agreement-pattern counts of a subset of pairs, patterns in ascending code order. */
    static final class Patterns {
        final int[][] patterns;
        final double[] counts;

        private Patterns(int[][] patterns, double[] counts) {
            this.patterns = patterns;
            this.counts = counts;
        }

        long total() {
            double s = 0;
            for (double c : counts) {
                s += c;
            }
            return (long) s;
        }

        static Patterns of(CandidatePairs pairs, byte[][] levels, int[] nl, java.util.function.IntPredicate keep) {
            int nf = nl.length;
            Map<Long, long[]> map = new HashMap<>();
            for (int p = 0; p < pairs.size(); p++) {
                if (!keep.test(p)) {
                    continue;
                }
                long code = 0;
                for (int f = 0; f < nf; f++) {
                    code = code * nl[f] + levels[f][p];
                }
                map.computeIfAbsent(code, c -> new long[1])[0]++;
            }
            long[] codes = map.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            int[][] pats = new int[codes.length][nf];
            double[] counts = new double[codes.length];
            for (int q = 0; q < codes.length; q++) {
                long c = codes[q];
                counts[q] = map.get(c)[0];
                for (int f = nf - 1; f >= 0; f--) {
                    pats[q][f] = (int) (c % nl[f]);
                    c /= nl[f];
                }
            }
            return new Patterns(pats, counts);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FellegiSunter[%d random pairs, seed %d, EM at most %d iterations, tolerance %s]",
                randomPairs, seed, maxIterations, tolerance);
    }
}
