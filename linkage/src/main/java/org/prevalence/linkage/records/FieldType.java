package org.prevalence.linkage.records;

import java.util.Locale;

/** How a field is standardised, blocked on and compared. */
public enum FieldType {
    /** A personal name: Unicode-folded, compared with Jaro-Winkler levels, phonetic keys for blocking. */
    NAME,
    /** Free text such as a city or an e-mail address: folded, compared with Jaro-Winkler levels. */
    TEXT,
    /** A date, possibly partial (year, year-month): compared by components. */
    DATE,
    /** A category (sex, nationality): folded, compared exactly. */
    CATEGORY;

    /**
     * The type a field name suggests: names containing {@code date} or {@code dob} are dates;
     * {@code sex}, {@code gender}, {@code nationality}, {@code country} are categories; names
     * containing {@code name} are names; everything else is text.
     * @param field a field name
     * @return its type
     */
    public static FieldType forName(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        if (f.contains("date") || f.contains("dob") || f.contains("birth")) {
            return DATE;
        }
        if (f.equals("sex") || f.equals("gender") || f.contains("nationality") || f.equals("country")) {
            return CATEGORY;
        }
        if (f.contains("name") || f.equals("surname") || f.equals("forename")) {
            return NAME;
        }
        return TEXT;
    }
}
