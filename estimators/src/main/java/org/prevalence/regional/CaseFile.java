package org.prevalence.regional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prevalence.core.PrevalenceException;
import org.prevalence.core.io.Columns;
import org.prevalence.core.io.CsvColumns;
import org.prevalence.core.io.CsvInput;
import org.prevalence.core.lists.ListOverlapTable;
import tech.tablesaw.api.Table;

/**
 * How to read a reported-case table (one row per validated case) into {@link CaseData}: the column
 * names, the source (team) columns, the forms of forced labour and the region edition.
 *
 * <p>The cases are read from a Tablesaw table ({@link #read(Table)}) or, without a table, from the
 * columns of a CSV file ({@link #read(CsvColumns)}, the columns named by {@link #reading}); both
 * run the same checks. Every row is checked, and an error names the 1-based data row and the
 * column (and, for a file, its line): a case found
 * by no source, a source cell other than 0/1, an unknown region or form, negative victims, an end
 * date before the start date, a missing cell, a duplicated case id, a country given in two regions.
 *
 * <p>This class is immutable.
 */
public final class CaseFile {
    /** The default forms: the three forms of the ILO 2012 estimate. */
    public static final List<String> DEFAULT_FORMS = List.of("state-imposed", "forced labour exploitation",
            "forced commercial sexual exploitation");
    private static final CaseFile DEFAULT = new CaseFile("case_id", List.of("team_a", "team_b"), "country",
            "region", "form", "victims", "start_date", "end_date", null, DEFAULT_FORMS, RegionEdition.ILO_2012);

    private final String caseId;
    private final List<String> sources;
    private final String country;
    private final String region;
    private final String form;
    private final String victims;
    private final String start;
    private final String end;
    private final String duration;
    private final List<String> forms;
    private final RegionEdition edition;

    private CaseFile(String caseId, List<String> sources, String country, String region, String form,
                     String victims, String start, String end, String duration, List<String> forms,
                     RegionEdition edition) {
        this.caseId = caseId;
        this.sources = sources;
        this.country = country;
        this.region = region;
        this.form = form;
        this.victims = victims;
        this.start = start;
        this.end = end;
        this.duration = duration;
        this.forms = forms;
        this.edition = edition;
    }

    /**
     * Defaults: columns {@code case_id, team_a, team_b, country, region, form, victims, start_date,
     * end_date} (sources {@code team_a, team_b}); no duration column; forms {@link #DEFAULT_FORMS};
     * edition {@link RegionEdition#ILO_2012}.
     * @return the default reader
     */
    public static CaseFile withDefaults() {
        return DEFAULT;
    }

    /**
     * @param v the 0/1 source columns, 2 to 15 of them (for example {@code team_a, team_b})
     * @return a copy reading those sources
     */
    public CaseFile withSources(List<String> v) {
        if (v.size() < ListOverlapTable.MIN_LISTS || v.size() > ListOverlapTable.MAX_LISTS) {
            throw PrevalenceException.invalidArgument("sources", "Between 2 and 15 source columns are needed, got %s", v);
        }
        return new CaseFile(caseId, List.copyOf(v), country, region, form, victims, start, end, duration, forms, edition);
    }

    /**
     * Renames a column.
     * @param role one of {@code case_id, country, region, form, victims, start_date, end_date, duration}
     * @param column the column name in the table
     * @return a copy using that column
     */
    public CaseFile withColumn(String role, String column) {
        Objects.requireNonNull(column, "column");
        switch (role) {
            case "case_id": return new CaseFile(column, sources, country, region, form, victims, start, end, duration, forms, edition);
            case "country": return new CaseFile(caseId, sources, column, region, form, victims, start, end, duration, forms, edition);
            case "region": return new CaseFile(caseId, sources, country, column, form, victims, start, end, duration, forms, edition);
            case "form": return new CaseFile(caseId, sources, country, region, column, victims, start, end, duration, forms, edition);
            case "victims": return new CaseFile(caseId, sources, country, region, form, column, start, end, duration, forms, edition);
            case "start_date": return new CaseFile(caseId, sources, country, region, form, victims, column, end, duration, forms, edition);
            case "end_date": return new CaseFile(caseId, sources, country, region, form, victims, start, column, duration, forms, edition);
            case "duration": return new CaseFile(caseId, sources, country, region, form, victims, start, end, column, forms, edition);
            default:
                throw PrevalenceException.invalidArgument("role '" + role + "'",
                        "Unknown column role '%s'; the roles are case_id, country, region, form, victims, start_date, "
                                + "end_date, duration", role);
        }
    }

    /**
     * @param v the forms of forced labour (at least one; matched ignoring case)
     * @return a copy accepting those forms
     */
    public CaseFile withForms(List<String> v) {
        if (v.isEmpty()) {
            throw PrevalenceException.invalidArgument("forms", "At least one form is needed");
        }
        return new CaseFile(caseId, sources, country, region, form, victims, start, end, duration, List.copyOf(v), edition);
    }

    /**
     * @param v the region edition (with a country mapping, the region column may be absent)
     * @return a copy using that edition
     */
    public CaseFile withEdition(RegionEdition v) {
        return new CaseFile(caseId, sources, country, region, form, victims, start, end, duration, forms,
                Objects.requireNonNull(v, "edition"));
    }

    /** @return the edition */
    public RegionEdition edition() {
        return edition;
    }

    /** @return the source columns */
    public List<String> sources() {
        return sources;
    }

    /**
     * Reads and validates the cases. If a {@code duration} column was named, the end date is
     * {@code start + duration - 1} days (a duration in days, {@code >= 1}) and the end column is not read.
     *
     * @param t the table (not kept)
     * @return the validated cases
     * @throws PrevalenceException naming the row and column of the first bad cell
     */
    public CaseData read(Table t) {
        return read(Cells.of(t));
    }

    /**
     * Reads and validates the cases from the columns of a CSV file, read without a table (see
     * {@link #reading}): as {@link #read(Table)}, with the same checks, the same results and the
     * line of the file named in every message about a row.
     *
     * @param c the columns (not kept)
     * @return the validated cases
     * @throws PrevalenceException naming the row, line and column of the first bad cell
     */
    public CaseData read(CsvColumns c) {
        return read(Cells.of(c));
    }

    /**
     * The reader of the columns {@link #read(CsvColumns)} needs: of this configuration's columns,
     * those the header has (a missing one is then refused by {@code read}, with the fix), the
     * source, victims and duration columns as numbers, the others as categories.
     * @param in the CSV reader (delimiter, missing-value tokens, decimal mark, threads)
     * @param header the file's header ({@link CsvInput#header})
     * @return {@code in} reading those columns
     */
    public CsvInput reading(CsvInput in, List<String> header) {
        List<String> numbers = new ArrayList<>(sources);
        numbers.add(victims);
        if (duration != null) {
            numbers.add(duration);
        }
        List<String> text = new ArrayList<>(List.of(caseId, country, region, form, start));
        if (duration == null) {
            text.add(end);
        }
        return Cells.reading(in, header, numbers, text);
    }

    private CaseData read(Cells t) {
        if (t.rows() == 0) {
            throw PrevalenceException.invalidData(t.name(), "The case table '%s' has no rows", t.name());
        }
        String[] ids = caseIds(t);
        int[] pattern = patterns(t, ids);
        String[] countries = t.strings(country);
        int[] regionIx = regions(t, countries);
        int[] formOf = forms(t);
        long[] vict = victims(t);
        long[] from = t.epochDays(start);
        long[] to = endDays(t, from);
        return new CaseData(sources, edition, forms, ids, pattern, countries, regionIx, formOf, vict, from, to);
    }

    /** The case ids, each once. */
    private String[] caseIds(Cells t) {
        String[] ids = t.strings(caseId);
        int[] code = t.codes(caseId, ids);
        int[] firstRow = new int[count(code)];
        java.util.Arrays.fill(firstRow, -1);
        for (int r = 0; r < ids.length; r++) {
            int prev = firstRow[code[r]];
            if (prev < 0) {
                firstRow[code[r]] = r;
            } else {
                throw PrevalenceException.invalidData(Columns.where(r, caseId),
                        "%s: case id '%s' is also on row %d; each case must appear once (merge the rows, "
                                + "with a 1 for every source that found it)", t.row(r), ids[r], prev + 1);
            }
        }
        return ids;
    }

    /** Each case's capture history: bit j set if source j found it (at least one bit per case). */
    private int[] patterns(Cells t, String[] ids) {
        int n = ids.length;
        int[] pattern = new int[n];
        for (int j = 0; j < sources.size(); j++) {
            double[] s = t.requiredNumbers(sources.get(j));
            for (int r = 0; r < n; r++) {
                if (s[r] == 1) {
                    pattern[r] |= 1 << j;
                } else if (s[r] != 0) {
                    throw PrevalenceException.invalidData(Columns.where(r, sources.get(j)),
                            "%s, column '%s': a source column holds 0 or 1", t.row(r), sources.get(j));
                }
            }
        }
        for (int r = 0; r < n; r++) {
            if (pattern[r] == 0) {
                throw PrevalenceException.invalidData("row " + (r + 1),
                        "%s: case '%s' was found by none of the sources %s; every reported case must be on at "
                                + "least one list (set its source column to 1 or remove the row)", t.row(r), ids[r], sources);
            }
        }
        return pattern;
    }

    /** Each case's form, as an index into the configured forms (names matched ignoring case). */
    private int[] forms(Cells t) {
        String[] formCells = t.strings(form);
        Map<String, Integer> formIx = new HashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            formIx.put(RegionEdition.key(forms.get(i)), i);
        }
        int[] code = t.codes(form, formCells);
        int[] ofCode = new int[count(code)];
        java.util.Arrays.fill(ofCode, -1);
        int[] formOf = new int[formCells.length];
        for (int r = 0; r < formCells.length; r++) {
            if (ofCode[code[r]] < 0) {
                // the first row of each distinct cell: where an unknown form is first met
                Integer f = formIx.get(RegionEdition.key(formCells[r]));
                if (f == null) {
                    throw PrevalenceException.invalidData(Columns.where(r, form),
                            "%s, column '%s': unknown form '%s'; the forms are %s (fix the name or configure the forms)",
                            t.row(r), form, formCells[r], forms);
                }
                ofCode[code[r]] = f;
            }
            formOf[r] = ofCode[code[r]];
        }
        return formOf;
    }

    /** The number of victims of each case: whole numbers in [0, 2^63). */
    private long[] victims(Cells t) {
        double[] v = t.requiredNumbers(victims);
        long[] vict = new long[v.length];
        for (int r = 0; r < v.length; r++) {
            if (!(v[r] >= 0) || v[r] != Math.rint(v[r]) || v[r] >= 0x1p63) {
                throw PrevalenceException.invalidData(Columns.where(r, victims),
                        "%s, column '%s': the number of victims must be a whole number >= 0 (and below 2^63)",
                        t.row(r), victims);
            }
            vict[r] = (long) v[r];
        }
        return vict;
    }

    /** Each case's last day: from the duration column if one was named, else the end column (not before the start). */
    private long[] endDays(Cells t, long[] from) {
        int n = from.length;
        if (duration != null) {
            double[] d = t.requiredNumbers(duration);
            long[] to = new long[n];
            for (int r = 0; r < n; r++) {
                if (!(d[r] >= 1) || d[r] != Math.rint(d[r]) || d[r] > 1e9) {
                    throw PrevalenceException.invalidData(Columns.where(r, duration),
                            "%s, column '%s': the duration must be a whole number of days >= 1 (at most 10^9)",
                            t.row(r), duration);
                }
                to[r] = from[r] + (long) d[r] - 1;
            }
            return to;
        }
        long[] to = t.epochDays(end);
        for (int r = 0; r < n; r++) {
            if (to[r] < from[r]) {
                throw PrevalenceException.invalidData(Columns.where(r, end),
                        "%s, column '%s': the end date is before the start date", t.row(r), end);
            }
        }
        return to;
    }

    private int[] regions(Cells t, String[] countries) {
        int n = countries.length;
        int[] out = new int[n];
        boolean hasRegion = t.has(region);
        if (!hasRegion && !edition.hasCountries()) {
            throw t.noColumn(region, new PrevalenceException.Remedy(
                    "add the column, or use an edition that maps countries (edition '" + edition.name()
                            + "' maps none): RegionEdition.fromTable with a country column",
                    "add the column, or supply a regions file with a country column (--regions FILE.csv)"));
        }
        String[] cells = hasRegion ? t.strings(region) : null;
        // each distinct country and region cell is looked up once, at its first row (where its error is first met)
        int[] cc = t.codes(country, countries);
        int[] rc = hasRegion ? t.codes(region, cells) : null;
        int nc = count(cc);
        int[] keyOf = new int[nc];          // the country's key (name ignoring case), as an index
        int[] byCountryOf = new int[nc];
        java.util.Arrays.fill(keyOf, -1);
        Map<String, Integer> keys = new HashMap<>();
        int[] regionOf = rc == null ? null : new int[count(rc)];
        if (regionOf != null) {
            java.util.Arrays.fill(regionOf, -1);
        }
        int[] keyRegion = new int[nc];      // per key: the region of its first row, and that row
        int[] keyRow = new int[nc];
        java.util.Arrays.fill(keyRegion, -1);
        List<String> regs = new ArrayList<>(edition.regions());
        for (int r = 0; r < n; r++) {
            int c = cc[r];
            if (keyOf[c] < 0) {
                Integer k = keys.putIfAbsent(RegionEdition.key(countries[r]), keys.size());
                keyOf[c] = k == null ? keys.size() - 1 : k;
                byCountryOf[c] = edition.regionOfCountry(countries[r]);
            }
            int ck = keyOf[c];
            int byCountry = byCountryOf[c];
            int reg;
            if (hasRegion) {
                if (regionOf[rc[r]] < 0) {
                    regionOf[rc[r]] = edition.resolve(cells[r], region, t, r);
                }
                reg = regionOf[rc[r]];
                if (edition.hasCountries() && byCountry >= 0 && byCountry != reg) {
                    throw PrevalenceException.invalidData(Columns.where(r, region),
                            "%s: country '%s' is in region '%s' in the regions file, but this row says '%s'; "
                                    + "a country must be in exactly one region", t.row(r), countries[r],
                            regs.get(byCountry), cells[r]);
                }
            } else {
                if (byCountry < 0) {
                    throw PrevalenceException.invalidData(Columns.where(r, country),
                            "%s, column '%s': country '%s' is not in the regions file of edition '%s'",
                            t.row(r), country, countries[r], edition.name());
                }
                reg = byCountry;
            }
            int prev = keyRegion[ck];
            if (prev < 0) {
                keyRegion[ck] = reg;
                keyRow[ck] = r;
            } else if (prev != reg) {
                throw PrevalenceException.invalidData(Columns.where(r, region),
                        "%s: country '%s' is in region '%s', but row %d puts it in '%s'; a country must be in "
                                + "exactly one region", t.row(r), countries[r], regs.get(reg), keyRow[ck] + 1,
                        regs.get(prev));
            }
            out[r] = reg;
        }
        return out;
    }

    /** @return the number of codes (codes are 0, 1, ... in order of first appearance) */
    private static int count(int[] code) {
        int m = 0;
        for (int c : code) {
            m = Math.max(m, c + 1);
        }
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CaseFile[sources=%s, forms=%s, edition=%s]", sources, forms, edition.name());
    }
}
