package org.prevalence.regional;

import java.util.List;
import java.util.Locale;
import org.prevalence.core.Format;

/**
 * Validated reported cases, one per row of the input: the sources that found each case (a bit
 * mask, source {@code j} is bit {@code 1 << j}), its country, region and form (indices into the
 * edition's regions and the forms), its number of victims and the first and last day of the
 * situation (epoch days, inclusive). Built by {@link CaseFile#read}; the arrays are private copies.
 *
 * <p>This class is immutable.
 */
public final class CaseData {
    final List<String> sources;
    final RegionEdition edition;
    final List<String> forms;
    final String[] caseIds;
    final int[] pattern;
    final String[] country;
    final int[] region;
    final int[] form;
    final long[] victims;
    final long[] start;
    final long[] end;

    CaseData(List<String> sources, RegionEdition edition, List<String> forms, String[] caseIds, int[] pattern,
             String[] country, int[] region, int[] form, long[] victims, long[] start, long[] end) {
        this.sources = List.copyOf(sources);
        this.edition = edition;
        this.forms = List.copyOf(forms);
        this.caseIds = caseIds;
        this.pattern = pattern;
        this.country = country;
        this.region = region;
        this.form = form;
        this.victims = victims;
        this.start = start;
        this.end = end;
    }

    /** @return the number of cases */
    public int size() {
        return pattern.length;
    }

    /** @return the source names */
    public List<String> sources() {
        return sources;
    }

    /** @return the region edition */
    public RegionEdition edition() {
        return edition;
    }

    /** @return the forms */
    public List<String> forms() {
        return forms;
    }

    /** @return the total number of victims over all cases */
    public long totalVictims() {
        long s = 0;
        for (long v : victims) {
            s += v;
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CaseData[%s cases, %s victims, sources %s, %d forms, edition %s]",
                Format.count(size()), Format.count(totalVictims()), sources, forms.size(), edition.name());
    }
}
