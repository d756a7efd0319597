package org.prevalence.linkage.blocking;

import java.util.Locale;
import org.prevalence.core.PrevalenceException;
import org.prevalence.linkage.standardise.PartialDate;
import org.prevalence.linkage.standardise.Phonetic;
import org.prevalence.linkage.standardise.StandardRecords;

/** A key derived from one standardised field, written {@code name(field)} in a blocking rule. */
public enum KeyFunction {
    /** The standardised value itself (written as the bare field name). */
    EXACT,
    /** {@link Phonetic#SOUNDEX} of a name. */
    SOUNDEX,
    /** {@link Phonetic#DOUBLE_METAPHONE} of a name. */
    DOUBLE_METAPHONE,
    /** {@link Phonetic#BEIDER_MORSE} of a name. */
    BEIDER_MORSE,
    /** The year of a date (any precision). */
    YEAR,
    /** The year and month of a date (dates known only to the year have no key). */
    YEAR_MONTH,
    /** The first letter of a name or text. */
    INITIAL;

    /** @return the name in rules, for example {@code double_metaphone} */
    public String ruleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param s a function name as written in a rule ({@code dmetaphone} and {@code metaphone} mean
     *     Double Metaphone, {@code bm} Beider-Morse)
     * @return the function
     */
    public static KeyFunction parse(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "dmetaphone", "metaphone", "double_metaphone" -> { return DOUBLE_METAPHONE; }
            case "bm", "beider_morse", "beidermorse" -> { return BEIDER_MORSE; }
            case "soundex" -> { return SOUNDEX; }
            case "year" -> { return YEAR; }
            case "year_month", "yearmonth" -> { return YEAR_MONTH; }
            case "initial", "first" -> { return INITIAL; }
            case "exact" -> { return EXACT; }
            default -> throw PrevalenceException.invalidArgument("blocking rule",
                    "unknown key function '%s'; use soundex, dmetaphone, beider_morse, year, year_month, initial or a bare field", s);
        }
    }

    String key(StandardRecords r, int field, int i) {
        String v = r.text(field, i);
        if (v == null) {
            return null;
        }
        switch (this) {
            case EXACT: return v;
            case SOUNDEX: return Phonetic.SOUNDEX.encode(v);
            case DOUBLE_METAPHONE: return Phonetic.DOUBLE_METAPHONE.encode(v);
            case BEIDER_MORSE: return Phonetic.BEIDER_MORSE.encode(v);
            case INITIAL: return v.substring(0, 1);
            case YEAR: {
                PartialDate d = r.date(field, i);
                return d == null ? v.length() >= 4 ? v.substring(0, 4) : null : Integer.toString(d.year());
            }
            case YEAR_MONTH: {
                PartialDate d = r.date(field, i);
                return d == null || d.month() == 0 ? null : d.year() + "-" + d.month();
            }
            default: throw new IllegalStateException(name());
        }
    }
}
