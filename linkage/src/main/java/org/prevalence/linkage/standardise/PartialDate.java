package org.prevalence.linkage.standardise;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date that may be known only to the year or the month. {@code month} and {@code day} are 0 when
 * unknown.
 *
 * <p>Accepted forms: {@code yyyy-mm-dd}, {@code yyyy/mm/dd}, {@code yyyymmdd}, {@code dd/mm/yyyy},
 * {@code dd.mm.yyyy}, {@code yyyy-mm}, {@code mm/yyyy}, {@code yyyy}; a time after a {@code T} or a
 * space is ignored. Years 1800-2199; months 1-12; a day must exist in its month (29 February only in
 * leap years).
 *
 * @param year the year
 * @param month the month 1-12, or 0 if unknown
 * @param day the day 1-31, or 0 if unknown
 */
public record PartialDate(int year, int month, int day) {
    private static final Pattern YMD = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern YM = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern MY = Pattern.compile("(\\d{1,2})[-/.](\\d{4})");
    private static final Pattern Y = Pattern.compile("(\\d{4})");
    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /** Checks the components; throws {@link IllegalArgumentException} for an impossible date. */
    public PartialDate {
        if (!valid(year, month, day)) {
            throw new IllegalArgumentException("not a date");
        }
    }

    private static boolean valid(int y, int m, int d) {
        if (y < 1800 || y > 2199 || m < 0 || m > 12 || d < 0 || (m == 0 && d != 0)) {
            return false;
        }
        if (d == 0) {
            return true;
        }
        boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return d <= (m == 2 && !leap ? 28 : DAYS[m - 1]);
    }

    /**
     * @param s a date in one of the accepted forms (spaces around it are ignored)
     * @return the date, or {@code null} if {@code s} is not one (the caller names the row and field)
     */
    public static PartialDate parse(String s) {
        String t = s.strip();
        int cut = t.indexOf('T');
        if (cut < 0) {
            cut = t.indexOf(' ');
        }
        if (cut > 0) {
            t = t.substring(0, cut);
        }
        Matcher m;
        int y;
        int mo = 0;
        int d = 0;
        if ((m = YMD.matcher(t)).matches() || (m = COMPACT.matcher(t)).matches()) {
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
            d = Integer.parseInt(m.group(3));
        } else if ((m = DMY.matcher(t)).matches()) {
            d = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
            y = Integer.parseInt(m.group(3));
        } else if ((m = YM.matcher(t)).matches()) {
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
        } else if ((m = MY.matcher(t)).matches()) {
            mo = Integer.parseInt(m.group(1));
            y = Integer.parseInt(m.group(2));
        } else if ((m = Y.matcher(t)).matches()) {
            y = Integer.parseInt(m.group(1));
        } else {
            return null;
        }
        return valid(y, mo, d) && (mo != 0 || d == 0) ? new PartialDate(y, mo, d) : null;
    }

    /** @return whether year, month and day are all known */
    public boolean isFull() {
        return day != 0;
    }

    /** @return the date as {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd} */
    @Override
    public String toString() {
        return day != 0 ? String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day)
                : month != 0 ? String.format(Locale.ROOT, "%04d-%02d", year, month) : String.format(Locale.ROOT, "%04d", year);
    }
}
