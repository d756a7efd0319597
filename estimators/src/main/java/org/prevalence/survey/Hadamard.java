package org.prevalence.survey;

import org.prevalence.core.PrevalenceException;

/**
 * Hadamard matrices in 0/1 form (1 = +1, 0 = -1) for balanced repeated replication, chosen as R
 * {@code survey:::hadamard(n)} chooses them: the matrix for {@code n} half-sample strata has at
 * least {@code n + 1} rows, row 1 is all ones and rows 2..n+1 are assigned to the strata; every
 * column is one replicate.
 *
 * <p><b>Construction</b> (our own code, following the rules R documents in {@code hadamard.R} and
 * {@code paley.R}):
 * <ol>
 * <li>Base sizes 4, 16, 28 and 36. Let \( m = n - (n \bmod 4) \). If a base size \( s \) has
 *     \( m &lt; s \le m + 4 \) it is used directly (the smallest such); if \( n &lt; 4 \) the
 *     4 x 4 matrix is used.</li>
 * <li>Otherwise each base size is doubled until it exceeds \( n \); the best fit is the smallest
 *     result. If it exceeds \( n \) by more than 4, the Paley construction is tried first (below);
 *     if that gives nothing, the base matrix is doubled (Sylvester: \( [[H, H],[H, 1-H]] \)).</li>
 * <li>Paley construction for \( n \): with \( n_c = n + 4 - (n \bmod 4) \): if \( n \bmod 8 \ge 4 \),
 *     halve \( n_c \) while divisible by 8; if that size minus 1 is a prime \( p \equiv 3 \pmod 4 \),
 *     the Paley matrix of \( p \) is doubled back up to \( n_c \). Otherwise the smallest prime
 *     \( p \equiv 3 \pmod 4 \), \( p \ge n \), up to 7919 is used (or the construction restarts at
 *     \( n_c + 3 \) when \( p + 1 \) exceeds \( n_c + 4 \) and \( n_c + 4 \) is below the best-fit
 *     size). The Paley matrix of \( p \): entry \( (i, j) \), \( 0 \le i, j &lt; p \), is 0 when
 *     \( (i + j) \bmod p \) is 0 or a quadratic residue mod p, else 1; bordered by a first row and
 *     column of ones.</li>
 * </ol>
 * <p>The 4 x 4 base is Sylvester's matrix and the 16 x 16 base is the 4 x 4 doubled twice, both
 * identical to R's stored ones. R's stored 28 x 28 and 36 x 36 matrices are data we do not copy:
 * here they are Paley type II matrices (\( q = 13 \) and \( q = 17 \)), normalized to a first row of
 * ones. They are Hadamard matrices of the same size with full orthogonal balance, so BRR variances of
 * totals are identical to R's; for non-linear statistics they differ from R's (as two valid BRR
 * designs do) when the number of strata is 24-27, 32-35, or a size reached by doubling them.
 *
 * <p>References: <ol><li>Paley, R.E.A.C. (1933). On orthogonal matrices. Journal of Mathematics
 * and Physics 12, 311-320. <a href="https://doi.org/10.1002/sapm1933121311">doi:10.1002/sapm1933121311</a></li>
 * <li>Wolter, K.M. (2007). Introduction to Variance Estimation, 2nd ed. Springer, chapter 3 (BRR).</li></ol>
 */
public final class Hadamard {
    private static final int[] BASE_SIZES = {4, 16, 28, 36};
    private static final int MAX_PRIME = 7919;

    private Hadamard() {
    }

    /**
     * The 0/1 Hadamard matrix R's BRR uses for {@code strata} half-sample strata.
     * @param strata the number of strata (pairs), &gt;= 1
     * @return a square 0/1 matrix with at least {@code strata + 1} rows (row-major)
     */
    public static int[][] forStrata(int strata) {
        if (strata < 1) {
            throw PrevalenceException.invalidArgument("strata", "BRR needs at least one stratum, got %d", strata);
        }
        int n = strata;
        int m = n - (n % 4);
        for (int k = 0; k < BASE_SIZES.length; k++) {
            if (m < BASE_SIZES[k] && m + 4 >= BASE_SIZES[k]) {
                return base(k);
            }
        }
        if (m < BASE_SIZES[0]) {
            return base(0);
        }
        long[] sizes = new long[BASE_SIZES.length];
        int best = 0;
        for (int k = 0; k < BASE_SIZES.length; k++) {
            double ratio = (n + 1.0) / BASE_SIZES[k];
            int doubles = Math.max(0, (int) Math.ceil(Math.log(ratio) / Math.log(2) - 1e-12));
            sizes[k] = (long) BASE_SIZES[k] << doubles;
            if (sizes[k] - n < sizes[best] - n) {
                best = k;
            }
        }
        int[][] h = null;
        if (sizes[best] - n > 4) {
            h = paley(n, sizes[best]);
        }
        if (h == null) {
            h = base(best);
            while (h.length < sizes[best]) {
                h = doubled(h);
            }
        }
        return h;
    }

    static int[][] doubled(int[][] h) {
        int s = h.length;
        int[][] d = new int[2 * s][2 * s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                d[i][j] = h[i][j];
                d[i][j + s] = h[i][j];
                d[i + s][j] = h[i][j];
                d[i + s][j + s] = 1 - h[i][j];
            }
        }
        return d;
    }

    private static int[][] base(int k) {
        switch (k) {
            case 0:
                return doubled(doubled(new int[][] {{1}}));
            case 1:
                return doubled(doubled(base(0)));
            case 2:
                return paleyTwo(13);
            default:
                return paleyTwo(17);
        }
    }

    /** The Paley construction for n strata within nmax rows, or null (R's paley(n, nmax)). */
    static int[][] paley(long n, long nmax) {
        long nceil = n + 4 - (n % 4);
        long nn = nceil;
        if ((n % 4) + 4 == (n % 8)) {
            while (nn % 8 == 0) {
                nn /= 2;
            }
            if (isSmallPrime(nn - 1)) {
                int[][] h = paleyPrime((int) (nn - 1));
                while (nn < nceil) {
                    h = doubled(h);
                    nn *= 2;
                }
                return h;
            }
        }
        if (n > MAX_PRIME) {
            return null;
        }
        long p = n;
        while (p <= MAX_PRIME && !isSmallPrime(p)) {
            p++;
        }
        if (p > MAX_PRIME) {
            return null;
        }
        if (p + 1 > nceil + 4 && nceil + 4 < nmax) {
            return paley(nceil + 3, 2 * (nceil + 3));
        }
        if (p > nmax) {
            return null;
        }
        return paleyPrime((int) p);
    }

    private static boolean isSmallPrime(long p) {
        if (p < 3 || p > MAX_PRIME || p % 4 != 3) {
            return false;
        }
        for (long d = 3; d * d <= p; d += 2) {
            if (p % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** Paley type I for a prime p = 3 mod 4, bordered with ones, in 0/1 form (R's paley(prime=p)). */
    static int[][] paleyPrime(int p) {
        boolean[] residue = new boolean[p];
        residue[0] = true;
        residue[1] = true;
        for (long i = 2; i <= (p - 1) / 2; i++) {
            residue[(int) (i * i % p)] = true;
        }
        int[][] h = new int[p + 1][p + 1];
        for (int j = 0; j <= p; j++) {
            h[0][j] = 1;
        }
        for (int i = 0; i < p; i++) {
            h[i + 1][0] = 1;
            for (int j = 0; j < p; j++) {
                h[i + 1][j + 1] = residue[(i + j) % p] ? 0 : 1;
            }
        }
        return h;
    }

    /** Paley type II for a prime q = 1 mod 4: order 2(q+1), columns normalized so row 1 is all ones. */
    static int[][] paleyTwo(int q) {
        int[] chi = new int[q];
        for (int i = 1; i < q; i++) {
            chi[(int) ((long) i * i % q)] = 1;
        }
        for (int i = 1; i < q; i++) {
            if (chi[i] == 0) {
                chi[i] = -1;
            }
        }
        int s = q + 1;
        int[][] c = new int[s][s];
        for (int j = 1; j < s; j++) {
            c[0][j] = 1;
            c[j][0] = 1;
        }
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                c[i + 1][j + 1] = chi[((j - i) % q + q) % q];
            }
        }
        int[][] h = new int[2 * s][2 * s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                int id = i == j ? 1 : 0;
                h[i][j] = c[i][j] + id;
                h[i][j + s] = c[i][j] - id;
                h[i + s][j] = c[i][j] - id;
                h[i + s][j + s] = -c[i][j] - id;
            }
        }
        int n = 2 * s;
        int[][] out = new int[n][n];
        for (int j = 0; j < n; j++) {
            int sign = h[0][j] > 0 ? 1 : -1;
            for (int i = 0; i < n; i++) {
                out[i][j] = h[i][j] * sign > 0 ? 1 : 0;
            }
        }
        return out;
    }

    /**
     * @param h a 0/1 matrix
     * @return whether its +-1 form has orthogonal columns and every row but the first is balanced
     */
    static boolean isHadamard(int[][] h) {
        int n = h.length;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                int dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += (2 * h[i][a] - 1) * (2 * h[i][b] - 1);
                }
                if (dot != (a == b ? n : 0)) {
                    return false;
                }
            }
        }
        for (int i = 1; i < n; i++) {
            int sum = 0;
            for (int j = 0; j < n; j++) {
                sum += 2 * h[i][j] - 1;
            }
            if (sum != 0) {
                return false;
            }
        }
        return true;
    }
}
