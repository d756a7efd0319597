package org.prevalence.network.rds;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.prevalence.core.PrevalenceException;

/**
 * A respondent-driven sample: who recruited whom, and each respondent's reported network degree
 * (the number of members of the target population the respondent knows), with optional coupon
 * counts and recruitment times. As R's {@code RDS::as.rds.data.frame}.
 *
 * <p>A seed is a row whose recruiter is empty, {@code seed}, {@code 0} or {@code NA} (case-insensitive
 * for the words), as R {@code RDS} data sets write them. Every other recruiter must be the id of a row.
 * Validation names the 1-based data row and never echoes an id: a duplicated id, a recruiter that is
 * not in the sample, a recruitment cycle, and a degree that is missing, not finite, zero or negative
 * are each a {@link PrevalenceException} of kind {@code INVALID_DATA}. (R's {@code RDS} replaces a zero
 * or missing degree by the largest degree with a warning; Prevalence refuses it, so the analyst decides.)
 *
 * <p>Derived structure: the seed of each row's recruitment tree, its wave (seeds are wave 0, a recruit
 * is one more than its recruiter, as {@code RDS::get.wave}), tree sizes, and the recruitment matrix of a
 * grouping (as {@code RDS::count.transitions}). This class is immutable.
 */
public final class RdsSample {
    /** The recruiter cells that mark a seed. */
    public static final Set<String> SEED_MARKERS = Set.of("", "seed", "0", "na");

    private final String[] ids;
    private final int[] recruiter;     // row of the recruiter, -1 for a seed
    private final double[] degree;
    private final int[] coupons;       // null when absent
    private final double[] time;       // null when absent
    private final int[] wave;
    private final int[] seedRow;

    private RdsSample(String[] ids, int[] recruiter, double[] degree, int[] coupons, double[] time,
                      String recruiterColumn) {
        this.ids = ids;
        this.recruiter = recruiter;
        this.degree = degree;
        this.coupons = coupons;
        this.time = time;
        int n = ids.length;
        this.wave = new int[n];
        this.seedRow = new int[n];
        Arrays.fill(wave, -1);
        int[] path = new int[n];
        int[] state = new int[n];   // 0 unvisited, 1 on current path, 2 done
        for (int start = 0; start < n; start++) {
            int len = 0;
            int r = start;
            while (r >= 0 && state[r] == 0) {
                state[r] = 1;
                path[len++] = r;
                r = recruiter[r];
            }
            if (r >= 0 && state[r] == 1) {
                throw PrevalenceException.invalidData(where(r, recruiterColumn),
                        "Row %d is in a recruitment cycle: following its recruiters leads back to it; "
                                + "a cycle has no seed, so fix the recruiter column", r + 1);
            }
            int w = r < 0 ? -1 : wave[r];
            int s = r < 0 ? path[len - 1] : seedRow[r];
            for (int k = len - 1; k >= 0; k--) {
                int row = path[k];
                wave[row] = ++w;
                seedRow[row] = s;
                state[row] = 2;
            }
        }
    }

    /**
     * A sample from its columns, rows in data order.
     * @param ids respondent ids, distinct and non-empty
     * @param recruiters the recruiter of each row: an id, or a seed marker ({@link #SEED_MARKERS})
     * @param degrees reported network degrees, finite and positive
     * @return the validated sample
     * @throws PrevalenceException naming the first bad row
     */
    public static RdsSample of(String[] ids, String[] recruiters, double[] degrees) {
        return of(ids, recruiters, degrees, null, null);
    }

    /**
     * A sample with coupon counts and recruitment times.
     * @param ids respondent ids, distinct and non-empty
     * @param recruiters the recruiter of each row: an id, or a seed marker ({@link #SEED_MARKERS})
     * @param degrees reported network degrees, finite and positive
     * @param coupons the number of coupons each respondent was given (non-negative), or {@code null}
     * @param times recruitment times (finite; any unit, for example epoch days), or {@code null}
     * @return the validated sample
     * @throws PrevalenceException naming the first bad row
     */
    public static RdsSample of(String[] ids, String[] recruiters, double[] degrees, int[] coupons, double[] times) {
        return of(ids, recruiters, degrees, coupons, times, DEFAULT_COLUMNS);
    }

    private static final String[] DEFAULT_COLUMNS = {"id", "recruiter", "degree", "coupons", "time"};

    /** As {@link #of(String[], String[], double[], int[], double[])}, naming the columns the data came from. */
    static RdsSample of(String[] ids, String[] recruiters, double[] degrees, int[] coupons, double[] times,
                        String[] columns) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(recruiters, "recruiters");
        Objects.requireNonNull(degrees, "degrees");
        int n = ids.length;
        if (recruiters.length != n || degrees.length != n || (coupons != null && coupons.length != n)
                || (times != null && times.length != n)) {
            throw PrevalenceException.invalidArgument("columns",
                    "the id, recruiter, degree, coupon and time columns must have the same length, got %d ids",
                    n);
        }
        if (n == 0) {
            throw PrevalenceException.invalidData("rows", "the RDS sample has no rows");
        }
        Map<String, Integer> rowOf = new HashMap<>(2 * n);
        String[] id = new String[n];
        for (int i = 0; i < n; i++) {
            String s = ids[i] == null ? "" : ids[i].strip();
            if (s.isEmpty()) {
                throw PrevalenceException.invalidData(where(i, columns[0]), "Row %d has no id", i + 1);
            }
            Integer first = rowOf.putIfAbsent(s, i);
            if (first != null) {
                throw PrevalenceException.invalidData(where(i, columns[0]),
                        "Row %d repeats the id of row %d; ids must be distinct", i + 1, first + 1);
            }
            id[i] = s;
        }
        int[] rec = new int[n];
        for (int i = 0; i < n; i++) {
            String s = recruiters[i] == null ? "" : recruiters[i].strip();
            if (isSeedMarker(s)) {
                rec[i] = -1;
                continue;
            }
            Integer r = rowOf.get(s);
            if (r == null) {
                throw PrevalenceException.invalidData(where(i, columns[1]),
                        "Row %d names a recruiter that is not an id in the sample; a seed's recruiter is "
                                + "empty, 'seed', '0' or 'NA'", i + 1);
            }
            rec[i] = r;
        }
        double[] deg = degrees.clone();
        for (int i = 0; i < n; i++) {
            if (!(deg[i] > 0) || Double.isInfinite(deg[i])) {
                throw PrevalenceException.invalidData(where(i, columns[2]),
                        Double.isNaN(deg[i]) ? "Row %d has no network degree; every respondent needs one"
                                : "Row %d has network degree %s; a degree must be positive (the respondent "
                                + "knows at least their recruiter or recruit)", i + 1, fmt(deg[i]));
            }
        }
        if (coupons != null) {
            for (int i = 0; i < n; i++) {
                if (coupons[i] < 0) {
                    throw PrevalenceException.invalidData(where(i, columns[3]),
                            "Row %d has a negative number of coupons", i + 1);
                }
            }
        }
        if (times != null) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(times[i])) {
                    throw PrevalenceException.invalidData(where(i, columns[4]),
                            "Row %d has no recruitment time", i + 1);
                }
            }
        }
        return new RdsSample(id, rec, deg, coupons == null ? null : coupons.clone(),
                times == null ? null : times.clone(), columns[1]);
    }

    /**
     * @param recruiter a recruiter cell
     * @return whether it marks a seed (empty, {@code seed}, {@code 0} or {@code NA})
     */
    public static boolean isSeedMarker(String recruiter) {
        return recruiter == null || SEED_MARKERS.contains(recruiter.strip().toLowerCase(Locale.ROOT));
    }

    static String where(int row, String column) {
        return String.format(Locale.ROOT, "row %d, column '%s'", row + 1, column);
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : Double.toString(x);
    }

    /** @return the number of respondents */
    public int size() {
        return ids.length;
    }

    /**
     * @param row a 0-based row
     * @return its id
     */
    public String id(int row) {
        return ids[row];
    }

    /**
     * @param row a 0-based row
     * @return the 0-based row of its recruiter, or -1 for a seed
     */
    public int recruiterRow(int row) {
        return recruiter[row];
    }

    /**
     * @param row a 0-based row
     * @return whether it is a seed
     */
    public boolean isSeed(int row) {
        return recruiter[row] < 0;
    }

    /** @return the reported degrees, a copy */
    public double[] degrees() {
        return degree.clone();
    }

    double degree(int row) {
        return degree[row];
    }

    /** @return whether the sample carries coupon counts */
    public boolean hasCoupons() {
        return coupons != null;
    }

    /** @return the coupon counts, a copy ({@code null} when absent) */
    public int[] coupons() {
        return coupons == null ? null : coupons.clone();
    }

    /** @return whether the sample carries recruitment times */
    public boolean hasTimes() {
        return time != null;
    }

    /** @return the recruitment times, a copy ({@code null} when absent) */
    public double[] times() {
        return time == null ? null : time.clone();
    }

    /** @return the wave of each row (seeds 0), a copy */
    public int[] waves() {
        return wave.clone();
    }

    /** @return the largest wave */
    public int maxWave() {
        return Arrays.stream(wave).max().orElse(0);
    }

    /** @return the number of seeds */
    public int seeds() {
        int s = 0;
        for (int r : recruiter) {
            if (r < 0) {
                s++;
            }
        }
        return s;
    }

    /** @return the number of recruits (non-seeds) */
    public int recruits() {
        return size() - seeds();
    }

    /** @return the 0-based row of the seed of each row's recruitment tree, a copy */
    public int[] seedRows() {
        return seedRow.clone();
    }

    /** @return the size of each recruitment tree (seed included), in the order the seeds appear */
    public int[] treeSizes() {
        int n = size();
        int[] count = new int[n];
        for (int s : seedRow) {
            count[s]++;
        }
        int[] out = new int[seeds()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (recruiter[i] < 0) {
                out[k++] = count[i];
            }
        }
        return out;
    }

    /** @return the number of recruits of each row */
    public int[] recruitCounts() {
        int[] c = new int[size()];
        for (int r : recruiter) {
            if (r >= 0) {
                c[r]++;
            }
        }
        return c;
    }

    /**
     * The recruitment matrix: entry (a, b) counts recruits of group b recruited by a member of group a,
     * as {@code RDS::count.transitions} (without its replacement of an empty row by 0.1).
     * @param group the group of each row, 0 to {@code groups - 1}
     * @param groups the number of groups
     * @return the counts, indexed [recruiter group][recruit group]
     */
    public long[][] recruitmentMatrix(int[] group, int groups) {
        if (group.length != size()) {
            throw PrevalenceException.invalidArgument("group", "the grouping has %d rows, the sample %d",
                    group.length, size());
        }
        long[][] t = new long[groups][groups];
        for (int i = 0; i < size(); i++) {
            if (recruiter[i] >= 0) {
                t[group[recruiter[i]]][group[i]]++;
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RdsSample[n=%d, seeds=%d, waves=%d, largest tree=%d%s%s]", size(),
                seeds(), maxWave(), Arrays.stream(treeSizes()).max().orElse(0),
                coupons != null ? ", coupons" : "", time != null ? ", times" : "");
    }
}
