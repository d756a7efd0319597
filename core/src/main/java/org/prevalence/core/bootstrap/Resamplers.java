package org.prevalence.core.bootstrap;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.prevalence.core.PrevalenceException;

/**
 * Factories for the usual bootstrap resampling schemes.
 *
 * <ul>
 * <li>{@link #multinomial(long[])}: the cell counts of a contingency table (for example the
 *     capture-history counts of a list-overlap table) are resampled as one multinomial draw of
 *     the observed total \( n = \sum_j n_j \) with cell probabilities \( n_j / n \), as R
 *     {@code rmultinom(1, n, counts)} in SparseMSE's {@code estimatepopulation}. This is the
 *     same as resampling the \( n \) cases with replacement.</li>
 * <li>{@link #rows(int)}: the multiplicities of \( n \) rows resampled with replacement
 *     (Efron's bootstrap).</li>
 * <li>{@link #psusWithinStrata(String[], PsuDraws)}: within each stratum \( h \) with
 *     \( n_h \) PSUs, \( m_h \) PSUs drawn with replacement; the resample is the per-PSU weight
 *     multiplier \( (n_h / m_h)\, r_{hi} \), where \( r_{hi} \) is the number of times PSU
 *     \( i \) was drawn (Rao and Wu 1988; Rao, Wu and Yue 1992 without finite population
 *     correction).</li>
 * </ul>
 *
 * <p>References: <ol>
 * <li>Efron, B. and Tibshirani, R.J. (1993). An Introduction to the Bootstrap. Chapman and Hall.</li>
 * <li>Rao, J.N.K. and Wu, C.F.J. (1988). Resampling inference with complex survey data. JASA 83,
 *     231-241. <a href="https://doi.org/10.1080/01621459.1988.10478591">doi:10.1080/01621459.1988.10478591</a></li>
 * <li>Rao, J.N.K., Wu, C.F.J. and Yue, K. (1992). Some recent work on resampling methods for complex
 *     surveys. Survey Methodology 18, 209-217.</li>
 * </ol>
 */
public final class Resamplers {
    /** Up to this many cases, the multinomial resampler maps a case to its cell with a lookup table. */
    static final long LOOKUP_LIMIT = 1L << 22;

    private Resamplers() {
    }

    /**
     * Multinomial resampling of cell counts: each resample has the same total \( n \) as
     * {@code counts}, cell \( j \) having probability \( n_j / n \). Cells with count 0 stay 0.
     *
     * <p>Algorithm: \( n \) case indices are drawn uniformly from \( \{0, \dots, n-1\} \)
     * ({@link UniformRandomProvider#nextLong(long)}, exact and unbiased) and each is mapped to its
     * cell; cost \( O(n) \) per resample.
     *
     * @param counts the observed cell counts, each {@code >= 0}, total {@code > 0} (copied)
     * @return the resampler; resamples are {@code long[]} of the same length as {@code counts}
     * @throws PrevalenceException if a count is negative or all counts are zero
     */
    public static Resampler<long[]> multinomial(long[] counts) {
        Objects.requireNonNull(counts, "counts");
        long n = 0;
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] < 0) {
                throw PrevalenceException.invalidData("cell " + j,
                        "cell %d has a negative count %d; counts must be >= 0", j, counts[j]);
            }
            n = Math.addExact(n, counts[j]);
        }
        if (n == 0) {
            throw PrevalenceException.invalidData("counts",
                    "all %d cell counts are zero; the bootstrap needs at least one observed case", counts.length);
        }
        return new Multinomial(counts.clone(), n, n <= LOOKUP_LIMIT);
    }

    /**
     * Resampling of {@code n} rows with replacement: the resample gives the number of times each
     * row was drawn (the multiplicities sum to {@code n}).
     *
     * @param n the number of rows, {@code >= 1}
     * @return the resampler; resamples are {@code int[n]}, the original is all ones
     * @throws PrevalenceException if {@code n < 1}
     */
    public static Resampler<int[]> rows(int n) {
        if (n < 1) {
            throw PrevalenceException.invalidArgument("rows", "the number of rows must be >= 1, got %d", n);
        }
        return new Rows(n);
    }

    /**
     * Stratified resampling of primary sampling units (PSUs): within each stratum, \( m_h \) PSUs
     * are drawn with replacement (\( m_h = n_h - 1 \) or \( n_h \), see {@link PsuDraws}), and the
     * resample holds, for each PSU, the weight multiplier \( (n_h / m_h)\, r_{hi} \). A survey
     * weight \( w \) of a unit in PSU \( i \) becomes \( w\,(n_h/m_h)\,r_{hi} \) in the replicate.
     * Strata are drawn in order of first appearance in {@code psuStratum}, PSUs in array order.
     *
     * @param psuStratum the stratum label of each PSU (one entry per PSU; at least one PSU)
     * @param draws \( m_h \) as a function of \( n_h \)
     * @return the resampler; resamples are {@code double[psuStratum.length]}, the original all ones
     * @throws PrevalenceException if there are no PSUs, a label is null, or (with
     *     {@link PsuDraws#N_MINUS_ONE}) a stratum has only one PSU
     */
    public static Resampler<double[]> psusWithinStrata(String[] psuStratum, PsuDraws draws) {
        Objects.requireNonNull(psuStratum, "psuStratum");
        Objects.requireNonNull(draws, "draws");
        if (psuStratum.length == 0) {
            throw PrevalenceException.invalidData("psuStratum", "no PSUs were given; the bootstrap needs at least one");
        }
        Map<String, int[]> sizes = new LinkedHashMap<>();
        for (int i = 0; i < psuStratum.length; i++) {
            if (psuStratum[i] == null) {
                throw PrevalenceException.invalidData("PSU " + (i + 1), "PSU %d has no stratum label", i + 1);
            }
            sizes.computeIfAbsent(psuStratum[i], k -> new int[1])[0]++;
        }
        int[][] members = new int[sizes.size()][];
        String[] names = sizes.keySet().toArray(new String[0]);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int h = 0; h < names.length; h++) {
            members[h] = new int[sizes.get(names[h])[0]];
            index.put(names[h], h);
        }
        int[] fill = new int[names.length];
        for (int i = 0; i < psuStratum.length; i++) {
            int h = index.get(psuStratum[i]);
            members[h][fill[h]++] = i;
        }
        int[] m = new int[names.length];
        double[] scale = new double[names.length];
        for (int h = 0; h < names.length; h++) {
            int nh = members[h].length;
            m[h] = draws == PsuDraws.N_MINUS_ONE ? nh - 1 : nh;
            if (m[h] < 1) {
                throw PrevalenceException.invalidData("stratum '" + names[h] + "'",
                        "stratum '%s' has one PSU, so n_h - 1 = 0 PSUs would be drawn; "
                                + "collapse it with another stratum or use PsuDraws.N", names[h]);
            }
            scale[h] = (double) nh / m[h];
        }
        return new Psus(psuStratum.length, members, m, scale);
    }

    /** Multinomial resampling of cell counts. */
    static final class Multinomial implements Resampler<long[]> {
        private final long[] counts;
        private final long n;
        /** Cumulative counts: cell j holds cases [cum[j], cum[j+1]). */
        private final long[] cum;
        /** Case index to cell, or null for large n (then binary search in cum). */
        private final int[] lookup;

        Multinomial(long[] counts, long n, boolean useLookup) {
            this.counts = counts;
            this.n = n;
            this.cum = new long[counts.length + 1];
            for (int j = 0; j < counts.length; j++) {
                cum[j + 1] = cum[j] + counts[j];
            }
            if (useLookup) {
                lookup = new int[(int) n];
                for (int j = 0; j < counts.length; j++) {
                    Arrays.fill(lookup, (int) cum[j], (int) cum[j + 1], j);
                }
            } else {
                lookup = null;
            }
        }

        @Override
        public long[] original() {
            return counts.clone();
        }

        @Override
        public long[] newBuffer() {
            return new long[counts.length];
        }

        @Override
        public void resample(UniformRandomProvider rng, long[] buffer) {
            Arrays.fill(buffer, 0L);
            if (lookup != null) {
                int[] map = lookup;
                int size = (int) n;
                for (int k = 0; k < size; k++) {
                    buffer[map[rng.nextInt(size)]]++;
                }
            } else {
                for (long k = 0; k < n; k++) {
                    long u = rng.nextLong(n);
                    // the largest j with cum[j] <= u is the (non-empty) cell holding case u
                    int lo = 0;
                    int hi = counts.length - 1;
                    while (lo < hi) {
                        int mid = (lo + hi + 1) >>> 1;
                        if (cum[mid] <= u) {
                            lo = mid;
                        } else {
                            hi = mid - 1;
                        }
                    }
                    int j = lo;
                    buffer[j]++;
                }
            }
        }
    }

    /** Rows with replacement. */
    static final class Rows implements Resampler<int[]> {
        private final int n;

        Rows(int n) {
            this.n = n;
        }

        @Override
        public int[] original() {
            int[] one = new int[n];
            Arrays.fill(one, 1);
            return one;
        }

        @Override
        public int[] newBuffer() {
            return new int[n];
        }

        @Override
        public void resample(UniformRandomProvider rng, int[] buffer) {
            Arrays.fill(buffer, 0);
            for (int k = 0; k < n; k++) {
                buffer[rng.nextInt(n)]++;
            }
        }
    }

    /** PSUs within strata (Rao-Wu). */
    static final class Psus implements Resampler<double[]> {
        private final int size;
        private final int[][] members;
        private final int[] draws;
        private final double[] scale;

        Psus(int size, int[][] members, int[] draws, double[] scale) {
            this.size = size;
            this.members = members;
            this.draws = draws;
            this.scale = scale;
        }

        @Override
        public double[] original() {
            double[] one = new double[size];
            Arrays.fill(one, 1.0);
            return one;
        }

        @Override
        public double[] newBuffer() {
            return new double[size];
        }

        @Override
        public void resample(UniformRandomProvider rng, double[] buffer) {
            Arrays.fill(buffer, 0.0);
            for (int h = 0; h < members.length; h++) {
                int[] psu = members[h];
                for (int k = 0; k < draws[h]; k++) {
                    buffer[psu[rng.nextInt(psu.length)]] += 1.0;
                }
                double s = scale[h];
                for (int i : psu) {
                    buffer[i] *= s;
                }
            }
        }
    }
}
