package org.prevalence.linkage.standardise;

import java.util.Locale;
import org.prevalence.core.PrevalenceException;
import org.prevalence.linkage.records.CaseRecords;
import org.prevalence.linkage.records.FieldType;

/**
 * Standardises every field of every record: names by {@link Text#foldName}, text and categories by
 * {@link Text#fold}, dates by {@link PartialDate#parse}.
 *
 * <p>A date that does not parse is an error naming the file, the row and the field (never the
 * value), unless {@link #withUnparsableDatesMissing()} says to treat it as missing.
 *
 * <p>This class is immutable.
 */
public final class Standardiser {
    private static final Standardiser DEFAULT = new Standardiser(false);
    private final boolean badDatesMissing;

    private Standardiser(boolean badDatesMissing) {
        this.badDatesMissing = badDatesMissing;
    }

    /** @return the standardiser with the default: an unparsable date is an error */
    public static Standardiser withDefaults() {
        return DEFAULT;
    }

    /** @return a standardiser that treats an unparsable date as missing */
    public Standardiser withUnparsableDatesMissing() {
        return new Standardiser(true);
    }

    /**
     * @param records the records
     * @return their standardised form
     * @throws PrevalenceException naming file, row and field of the first date that does not parse
     */
    public StandardRecords apply(CaseRecords records) {
        int nf = records.mapping().fields().size();
        int n = records.size();
        String[][] text = new String[nf][n];
        PartialDate[][] dates = new PartialDate[nf][];
        for (int f = 0; f < nf; f++) {
            FieldType type = records.mapping().fields().get(f).type();
            if (type == FieldType.DATE) {
                dates[f] = new PartialDate[n];
            }
            for (int i = 0; i < n; i++) {
                String v = records.value(f, i);
                if (v == null) {
                    continue;
                }
                switch (type) {
                    case NAME -> text[f][i] = Text.foldName(v);
                    case TEXT, CATEGORY -> text[f][i] = Text.fold(v);
                    case DATE -> {
                        PartialDate d = PartialDate.parse(v);
                        if (d == null && !badDatesMissing) {
                            String where = records.where(i, f);
                            throw new PrevalenceException(PrevalenceException.Kind.INVALID_DATA, where,
                                    String.format(Locale.ROOT, "%s: not a date (expected yyyy-mm-dd, dd/mm/yyyy, "
                                            + "yyyy-mm or yyyy)", where),
                                    new PrevalenceException.Remedy("correct it, or use Standardiser.withUnparsableDatesMissing()",
                                            "correct it, or use --bad-dates missing"));
                        }
                        dates[f][i] = d;
                        text[f][i] = d == null ? null : d.toString();
                    }
                    default -> throw new IllegalStateException(type.name());
                }
            }
        }
        return new StandardRecords(records, text, dates);
    }

    @Override
    public String toString() {
        return "Standardiser[unparsable dates " + (badDatesMissing ? "missing" : "refused") + "]";
    }
}
