package org.prevalence.network.rds;

import java.util.Arrays;
import java.util.function.LongFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.bootstrap.ParallelLoop;

/** The RDS formulas on arrays, shared by the estimator and the bootstraps. Package-private. */
final class RdsCore {
    private RdsCore() {
    }

    /** Configuration of Gile's SS simulation. */
    record SsConfig(int iterations, int samplesPerIteration, double infinity) {
    }

    /**
     * The estimate of the mean of {@code value[group[i]]}.
     * @param recruiter recruiter row of each row (-1 for seeds); used by RDS-I only
     * @param rngs generator of simulated sample k (SS only)
     */
    static double estimate(RdsMethod m, double[] deg, int[] group, double[] value, int[] recruiter, double n,
                           SsConfig ss, LongFunction<UniformRandomProvider> rngs, int threads) {
        switch (m) {
            case RDS_I:
            case RDS_I_SMOOTHED: {
                double[] p = rdsIProportions(deg, group, value.length, recruiter, m == RdsMethod.RDS_I_SMOOTHED);
                double s = 0;
                for (int g = 0; g < p.length; g++) {
                    if (p[g] != 0) {
                        s += p[g] * value[g];
                    }
                }
                return s;
            }
            case RDS_II:
                return hajek(vhWeights(deg), group, value);
            default:
                return hajek(ssWeights(deg, n, ss, rngs, threads), group, value);
        }
    }

    static double hajek(double[] w, int[] group, double[] value) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < w.length; i++) {
            num += w[i] * value[group[i]];
            den += w[i];
        }
        return num / den;
    }

    /** Volz-Heckathorn weights 1/d, as {@code RDS:::vh.weights} up to a constant. */
    static double[] vhWeights(double[] deg) {
        double[] w = new double[deg.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 / deg[i];
        }
        return w;
    }

    /** Recruitment counts with R's 0.1 fill of an empty row ({@code RDS::count.transitions}). */
    static double[][] transitions(int[] group, int k, int[] recruiter) {
        double[][] t = new double[k][k];
        for (int i = 0; i < group.length; i++) {
            if (recruiter[i] >= 0) {
                t[group[recruiter[i]]][group[i]]++;
            }
        }
        for (double[] row : t) {
            if (Arrays.stream(row).sum() == 0) {
                Arrays.fill(row, 0.1);
            }
        }
        return t;
    }

    /** Salganik-Heckathorn (2004) group proportions; Heckathorn (2007) data smoothing. */
    static double[] rdsIProportions(double[] deg, int[] group, int k, int[] recruiter, boolean smoothed) {
        int[] size = new int[k];
        double[] invSum = new double[k];
        for (int i = 0; i < group.length; i++) {
            size[group[i]]++;
            invSum[group[i]] += 1 / deg[i];
        }
        int present = 0;
        for (int s : size) {
            if (s > 0) {
                present++;
            }
        }
        double[] p = new double[k];
        if (present <= 1) {
            for (int g = 0; g < k; g++) {
                p[g] = size[g] > 0 ? 1 : 0;
            }
            return p;
        }
        // R works on the groups present only
        int[] idx = new int[present];
        int[] pos = new int[k];
        Arrays.fill(pos, -1);
        for (int g = 0, j = 0; g < k; g++) {
            if (size[g] > 0) {
                idx[j] = g;
                pos[g] = j++;
            }
        }
        int[] g2 = new int[group.length];
        for (int i = 0; i < group.length; i++) {
            g2[i] = pos[group[i]];
        }
        double[][] t = transitions(g2, present, recruiter);
        double[][] markov = rowNormalize(t);
        double[] q = stationary(markov);
        if (smoothed) {
            double total = 0;
            for (double[] row : t) {
                for (double x : row) {
                    total += x;
                }
            }
            double[][] s = new double[present][present];
            for (int a = 0; a < present; a++) {
                for (int b = 0; b < present; b++) {
                    s[a][b] = total * q[a] * markov[a][b];
                }
            }
            double[][] sym = new double[present][present];
            for (int a = 0; a < present; a++) {
                for (int b = 0; b < present; b++) {
                    sym[a][b] = 0.5 * (s[a][b] + s[b][a]);
                }
            }
            q = stationary(rowNormalize(sym));
        }
        double den = 0;
        double[] r = new double[present];
        for (int j = 0; j < present; j++) {
            double h = size[idx[j]] / invSum[idx[j]];   // harmonic mean degree of the group
            r[j] = q[j] / h;
            den += r[j];
        }
        for (int j = 0; j < present; j++) {
            p[idx[j]] = r[j] / den;
        }
        return p;
    }

    static double[][] rowNormalize(double[][] t) {
        double[][] m = new double[t.length][];
        for (int a = 0; a < t.length; a++) {
            double s = Arrays.stream(t[a]).sum();
            m[a] = new double[t[a].length];
            for (int b = 0; b < t[a].length; b++) {
                m[a][b] = t[a][b] / s;
            }
        }
        return m;
    }

    /** The stationary distribution of a transition matrix: pi P = pi, sum(pi) = 1. */
    static double[] stationary(double[][] p) {
        int k = p.length;
        RealMatrix a = new Array2DRowRealMatrix(k, k);
        for (int i = 0; i < k - 1; i++) {
            for (int j = 0; j < k; j++) {
                a.setEntry(i, j, p[j][i] - (i == j ? 1 : 0));
            }
        }
        for (int j = 0; j < k; j++) {
            a.setEntry(k - 1, j, 1);
        }
        double[] b = new double[k];
        b[k - 1] = 1;
        LUDecomposition lu = new LUDecomposition(a, 1e-12);
        if (!lu.getSolver().isNonSingular()) {
            throw PrevalenceException.notEstimable("recruitment matrix",
                    "the recruitment chain between the groups has no unique stationary distribution (some groups "
                            + "never recruit into the others); RDS-I is not estimable, use RDS-II");
        }
        return lu.getSolver().solve(new ArrayRealVector(b)).toArray();
    }

    /** The running sums of w (the cumulative weights a draw by inversion searches). */
    static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        return c;
    }

    /**
     * Gile's (2011) successive-sampling weights, as {@code RDS:::gile.ss.weights} with Hajek
     * normalization: the degree distribution of the population is re-estimated from inclusion
     * probabilities simulated by successive sampling with probability proportional to degree.
     * The result sums to N.
     */
    static double[] ssWeights(double[] deg, double popSize, SsConfig ss, LongFunction<UniformRandomProvider> rngs,
                              int threads) {
        int n = deg.length;
        long bigN = Math.round(popSize);
        if (n == 1) {
            return new double[] {bigN};
        }
        SsMapping map = ssMapping(deg, popSize, ss, rngs, threads);
        double[] w = new double[n];
        double sw = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 / map.pvec()[Arrays.binarySearch(map.classes(), deg[i])];
            sw += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] = bigN * w[i] / sw;
        }
        return w;
    }

    /** The degree classes (sorted) and the inclusion probability of a member of each ({@code getestCstacked}). */
    record SsMapping(double[] classes, double[] pvec) {
    }

    /** Gile's SS inclusion probabilities by degree class, as {@code RDS:::getestCstacked}. */
    static SsMapping ssMapping(double[] deg, double popSize, SsConfig ss, LongFunction<UniformRandomProvider> rngs,
                               int threads) {
        int n = deg.length;
        long bigN = Math.round(popSize);
        double[] classes = Arrays.stream(deg).distinct().sorted().toArray();
        int k = classes.length;
        int[] nums = new int[k];
        int[] cls = new int[n];
        double sumDeg = 0;
        for (int i = 0; i < n; i++) {
            cls[i] = Arrays.binarySearch(classes, deg[i]);
            nums[cls[i]]++;
            sumDeg += deg[i];
        }
        double[] prob = new double[k];
        double s = 0;
        for (int c = 0; c < k; c++) {
            prob[c] = classes[c] / sumDeg;
            s += nums[c] / prob[c];
        }
        for (int c = 0; c < k; c++) {
            prob[c] = prob[c] * s / bigN;
        }
        double[] props = props(nums, prob);
        double[] pvec;
        if (bigN * ss.infinity() < n) {
            pvec = inclusion(classes, props, bigN, n, nums, ss.samplesPerIteration(), rngs, 0, threads);
            for (int it = 1; it <= ss.iterations(); it++) {
                props = props(nums, pvec);
                pvec = inclusion(classes, props, bigN, n, nums, ss.samplesPerIteration(), rngs, it, threads);
            }
        } else {
            // sampling fraction below SS.infinity: the VH (PPS with replacement) probabilities
            double m = 0;
            for (int c = 0; c < k; c++) {
                m += props[c] * classes[c];
            }
            pvec = new double[k];
            for (int c = 0; c < k; c++) {
                pvec[c] = n < bigN ? n * classes[c] / (bigN * m) : (double) n / bigN;
            }
        }
        return new SsMapping(classes, pvec);
    }

    private static double[] props(int[] nums, double[] prob) {
        double[] p = new double[nums.length];
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = nums[c] / prob[c];
            s += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= s;
        }
        return p;
    }

    /**
     * Inclusion probability of a member of each degree class under successive sampling of n from a
     * population of N with nbyclass members per class, by simulation ({@code RDS:::getinclCstacked}).
     * Simulated sample k of round {@code round} draws from {@code rngs(round * (samples + 1) + k + 1)};
     * the rounding of the class counts to N draws from {@code rngs(round * (samples + 1))}.
     */
    static double[] inclusion(double[] classes, double[] props, long bigN, int n, int[] nums, int samples,
                              LongFunction<UniformRandomProvider> rngs, int round, int threads) {
        int k = classes.length;
        long[] nby = new long[k];
        long total = 0;
        for (int c = 0; c < k; c++) {
            nby[c] = Math.max(1, (long) Math.rint(bigN * props[c]));
            total += nby[c];
        }
        long base = (long) round * (samples + 1L);
        long offby = bigN - total;
        if (offby != 0) {
            UniformRandomProvider rng = rngs.apply(base);
            adjust(nby, props, bigN, offby, rng);
        }
        long[][] counts = new long[samples][];
        if (threads == 1) {
            for (int s = 0; s < samples; s++) {
                counts[s] = successiveSample(classes, nby, n, rngs.apply(base + s + 1));
            }
        } else {
            ParallelLoop.run(samples, threads, s -> counts[s] = successiveSample(classes, nby, n,
                    rngs.apply(base + s + 1)));
        }
        long[] nk = new long[k];
        long sumNk = 0;
        for (long[] c : counts) {
            for (int j = 0; j < k; j++) {
                nk[j] += c[j];
                sumNk += c[j];
            }
        }
        double[] p = new double[k];
        for (int c = 0; c < k; c++) {
            double ninf = (nk[c] + nums[c]) / (double) (sumNk + n);
            p[c] = n * ninf / nby[c];
        }
        return p;
    }

    /** Moves class counts one at a time until they sum to N, as the C code of {@code RDS}. */
    private static void adjust(long[] nby, double[] props, long bigN, long offby, UniformRandomProvider rng) {
        int k = nby.length;
        double[] cdif = new double[k];
        for (long step = 0; step < Math.abs(offby); step++) {
            double cum = 0;
            boolean any = false;
            for (int j = 0; j < k; j++) {
                double d = offby > 0 ? props[j] - nby[j] / (double) bigN : nby[j] / (double) bigN - props[j];
                if (d < 0 || (offby < 0 && nby[j] == 1)) {
                    d = 0;
                }
                any |= d > 0;
                cum += d;
                cdif[j] = cum;
            }
            if (!any && offby > 0) {
                nby[0]++;   // as the C code: a zero total mass selects the first class
                continue;
            }
            if (!any) {
                cum = 0;
                for (int j = 0; j < k; j++) {
                    double d = nby[j] == 1 ? 0 : 1.0 - (props[j] - nby[j] / (double) bigN);
                    cum += d;
                    cdif[j] = cum;
                }
            }
            double u = rng.nextDouble() * cdif[k - 1];
            int j = 0;
            while (j < k - 1 && u > cdif[j]) {
                j++;
            }
            nby[j] += offby > 0 ? 1 : -1;
        }
    }

    /**
     * One successive sample of n: each draw picks a remaining unit with probability proportional to degree.
     * With whole-number degrees the masses are exact integers kept in {@code long}s, and the draw is the same
     * as {@link #successiveSampleReal}'s to the bit (for an integer a, {@code u < a} iff {@code floor(u) < a}).
     */
    static long[] successiveSample(double[] classes, long[] nbyclass, int n, UniformRandomProvider rng) {
        int k = classes.length;
        long[] deg = new long[k];
        long[] mass = new long[k];
        long total = 0;
        for (int c = 0; c < k; c++) {
            if (classes[c] != Math.rint(classes[c]) || classes[c] * nbyclass[c] >= 0x1p40) {
                return successiveSampleReal(classes, nbyclass, n, rng);
            }
            deg[c] = (long) classes[c];
            mass[c] = deg[c] * nbyclass[c];
            total += mass[c];
        }
        long[] out = new long[k];
        for (int i = 0; i < n; i++) {
            long u = (long) (rng.nextDouble() * total);
            int j = k - 1;   // scan from the largest degree
            long acc = mass[j];
            while (u >= acc && j > 0) {
                acc += mass[--j];
            }
            if (u >= acc) {   // u rounded up to the total: the largest class left
                j = k - 1;
                while (mass[j] == 0) {
                    j--;
                }
            }
            out[j]++;
            mass[j] -= deg[j];
            total -= deg[j];
        }
        return out;
    }

    /** {@link #successiveSample} for degrees that are not all whole numbers. */
    static long[] successiveSampleReal(double[] classes, long[] nbyclass, int n, UniformRandomProvider rng) {
        int k = classes.length;
        long[] left = nbyclass.clone();
        double[] mass = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            mass[c] = classes[c] * left[c];
            total += mass[c];
        }
        long[] out = new long[k];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * total;
            int j = k - 1;   // scan from the largest degree: most of the mass
            double acc = 0;
            for (int c = k - 1; c >= 0; c--) {
                acc += mass[c];
                if (u < acc && left[c] > 0) {
                    j = c;
                    break;
                }
            }
            while (left[j] == 0) {   // only by rounding at the end of the scan
                j--;
            }
            out[j]++;
            left[j]--;
            mass[j] = classes[j] * left[j];
            total = 0;
            for (int c = 0; c < k; c++) {
                total += mass[c];
            }
        }
        return out;
    }
}
