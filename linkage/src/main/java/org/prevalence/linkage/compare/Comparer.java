package org.prevalence.linkage.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.prevalence.core.PrevalenceException;
import org.prevalence.linkage.blocking.CandidatePairs;
import org.prevalence.linkage.records.FieldType;
import org.prevalence.linkage.standardise.PartialDate;
import org.prevalence.linkage.standardise.StandardRecords;

/**
 * Turns a record pair into one agreement level per field. Level 0 is always {@code missing}; the
 * others run from the best agreement to the worst:
 *
 * <ul>
 * <li>{@link FieldType#NAME} and {@link FieldType#TEXT}: {@code exact}, {@code jw>=0.92},
 *     {@code jw>=0.88}, {@code else}, with Jaro-Winkler similarity (Winkler 1990, Commons Text
 *     {@code JaroWinklerSimilarity}) of the standardised values;</li>
 * <li>{@link FieldType#DATE}: {@code exact}; {@code transposed} (day and month swapped, same year);
 *     {@code one_off} (two of year, month and day equal, so any one-character typo);
 *     {@code year} (the same year, or partial dates equal in every component both know);
 *     {@code else};</li>
 * <li>{@link FieldType#CATEGORY}: {@code exact}, {@code else}.</li>
 * </ul>
 *
 * <p><b>Name order.</b> With {@link #withNameSwap(String, String)}, two name fields are also
 * compared crosswise (given name against surname); when that agrees better (both crosswise levels
 * at least the lower Jaro-Winkler level, and better than the straight comparison) the crosswise levels are used,
 * so a record with given name and surname swapped still links.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Comparer {
    /** Level 0 of every field. */
    public static final int MISSING = 0;
    private static final List<String> TEXT_LEVELS_FMT = List.of("missing", "exact", "jw>=%s", "jw>=%s", "else");
    private static final List<String> DATE_LEVELS = List.of("missing", "exact", "transposed", "one_off", "year", "else");
    private static final List<String> CATEGORY_LEVELS = List.of("missing", "exact", "else");
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final Comparer DEFAULT = new Comparer(0.92, 0.88, null, null);

    private final double high;
    private final double low;
    private final String swapA;
    private final String swapB;

    private Comparer(double high, double low, String swapA, String swapB) {
        this.high = high;
        this.low = low;
        this.swapA = swapA;
        this.swapB = swapB;
    }

    /** @return Jaro-Winkler thresholds 0.92 and 0.88, no name swap */
    public static Comparer withDefaults() {
        return DEFAULT;
    }

    /**
     * @param high the upper Jaro-Winkler threshold, in (0, 1]
     * @param low the lower one, in (0, high]
     * @return a comparer with those thresholds
     */
    public Comparer withJaroWinkler(double high, double low) {
        if (!(high > 0 && high <= 1 && low > 0 && low <= high)) {
            throw PrevalenceException.invalidArgument("jaro-winkler", "need 0 < low <= high <= 1, got %s and %s", low, high);
        }
        return new Comparer(high, low, swapA, swapB);
    }

    /**
     * @param given a name field
     * @param surname another name field
     * @return a comparer that also tries the two fields crosswise
     */
    public Comparer withNameSwap(String given, String surname) {
        return new Comparer(high, low, given, surname);
    }

    /** @return the name-swap fields, or an empty list */
    public List<String> nameSwap() {
        return swapA == null ? List.of() : List.of(swapA, swapB);
    }

    /**
     * @param type a field type
     * @return the names of its levels, level 0 ({@code missing}) first
     */
    public List<String> levelNames(FieldType type) {
        switch (type) {
            case NAME:
            case TEXT:
                List<String> out = new ArrayList<>(TEXT_LEVELS_FMT);
                out.set(2, String.format(Locale.ROOT, "jw>=%.2f", high));
                out.set(3, String.format(Locale.ROOT, "jw>=%.2f", low));
                return List.copyOf(out);
            case DATE:
                return DATE_LEVELS;
            default:
                return CATEGORY_LEVELS;
        }
    }

    /**
     * @param r the standardised records
     * @return the number of levels of each field
     */
    public int[] levelCounts(StandardRecords r) {
        int[] out = new int[r.fieldCount()];
        for (int f = 0; f < out.length; f++) {
            out[f] = levelNames(r.type(f)).size();
        }
        return out;
    }

    /**
     * @param r the standardised records
     * @param i a record
     * @param j another record
     * @return the level of each field
     */
    public int[] compare(StandardRecords r, int i, int j) {
        int nf = r.fieldCount();
        int[] out = new int[nf];
        for (int f = 0; f < nf; f++) {
            out[f] = level(r, f, f, i, j);
        }
        if (swapA != null) {
            int a = r.records().mapping().indexOf(swapA);
            int b = r.records().mapping().indexOf(swapB);
            if (out[a] != 1 || out[b] != 1) {
                int ca = level(r, a, b, i, j);
                int cb = level(r, b, a, i, j);
                if (ca >= 1 && ca <= 3 && cb >= 1 && cb <= 3 && rank(ca) + rank(cb) > rank(out[a]) + rank(out[b])) {
                    out[a] = ca;
                    out[b] = cb;
                }
            }
        }
        return out;
    }

    private static int rank(int level) {
        return level == MISSING ? 0 : 10 - level;
    }

    /**
     * Compares all candidate pairs (in parallel; the result does not depend on the thread count).
     * @param r the standardised records
     * @param pairs the candidate pairs
     * @return {@code levels[field][pair]}
     */
    public byte[][] compareAll(StandardRecords r, CandidatePairs pairs) {
        int nf = r.fieldCount();
        byte[][] out = new byte[nf][pairs.size()];
        IntStream.range(0, pairs.size()).parallel().forEach(p -> {
            int[] l = compare(r, pairs.left(p), pairs.right(p));
            for (int f = 0; f < nf; f++) {
                out[f][p] = (byte) l[f];
            }
        });
        return out;
    }

    private int level(StandardRecords r, int fi, int fj, int i, int j) {
        FieldType type = r.type(fi);
        if (type == FieldType.DATE) {
            return dateLevel(r.date(fi, i), r.date(fj, j));
        }
        String a = r.text(fi, i);
        String b = r.text(fj, j);
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return 1;
        }
        if (type == FieldType.CATEGORY) {
            return 2;
        }
        double s = JW.apply(a, b);
        return s >= high ? 2 : s >= low ? 3 : 4;
    }

    /**
     * The date level (see the class description).
     * @param a a date or {@code null}
     * @param b another
     * @return 0 missing, 1 exact, 2 transposed, 3 one_off, 4 year, 5 else
     */
    public static int dateLevel(PartialDate a, PartialDate b) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return 1;
        }
        if (a.isFull() && b.isFull()) {
            if (a.year() == b.year() && a.day() == b.month() && a.month() == b.day()) {
                return 2;
            }
            int same = (a.year() == b.year() ? 1 : 0) + (a.month() == b.month() ? 1 : 0) + (a.day() == b.day() ? 1 : 0);
            if (same == 2) {
                return 3; // every one-character typo of a full date lands here
            }
            return a.year() == b.year() ? 4 : 5;
        }
        if (a.year() != b.year()) {
            return 5;
        }
        return 4; // same year; the month or day is unknown on one side or differs
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Comparer[jaro-winkler %.2f / %.2f%s]", high, low,
                swapA == null ? "" : ", name swap " + swapA + "/" + swapB);
    }
}
